import type { SimCredential } from "./seed/identities.ts";
import type { SimStore } from "./store.ts";

/** Query parameters as received: every name maps to all its values, in order (`?a=1&a=2`). */
export type QueryParams = ReadonlyMap<string, readonly string[]>;

/** A request after the HTTP layer: decoded path, query, and the raw body (parsed only when a route asks). */
export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: QueryParams;
  readonly contentType: string | undefined;
  readonly rawBody: string;
}

/** What a route handler sees: the request, its path parameters, the authenticated caller and the store. */
export interface RequestContext {
  readonly request: SimRequest;
  readonly params: Readonly<Record<string, string>>;
  readonly credential: SimCredential;
  readonly store: SimStore;
  /**
   * The company the handler found the request to address, when the request did not name one explicitly
   * (e.g. a company credential searching without `company_id`); reported as the log's `targetCompanyId`.
   */
  readonly addressed: { companyId: string | null };
}

export interface SimResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export const ok = (body: unknown): SimResponse => ({ status: 200, body });

/** `DataResponse<X>`. */
export const data = (value: unknown): SimResponse => ok({ data: value });
