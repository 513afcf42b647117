import type { z } from "zod";
import type { CacheResource } from "../../cache/cache-resource.ts";
import type { Deadline } from "../../upstream/deadline.ts";
import { endpointOf } from "../../upstream/endpoint.ts";
import { isSafeRead } from "../../upstream/retry.ts";
import type { PleoCredential } from "../credential.ts";

export type QueryValue = string | readonly string[] | undefined;

/** One call to Pleo, as the API modules (src/pleo/apis) describe it. */
export interface PleoCall<T> {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
  /** The company this call acts for: used for error attribution and the isolation checks. */
  readonly companyId?: string;
  /** Short human name for errors, e.g. "vendor search". */
  readonly operation: string;
  /** This call's deadline; default: the client's scope (the GraphQL request's), else the default. */
  readonly deadline?: Deadline;
  /** Cancels this call early (in addition to the deadline). */
  readonly signal?: AbortSignal;
  /**
   * A read the cross-request cache may answer (src/cache), as part of `resource`, about `subject`
   * (default: `companyId`; discovery names its organisation). Undeclared reads always go to Pleo.
   */
  readonly cache?: { readonly resource: CacheResource; readonly subject?: string };
  /** A write that makes the company's cached reads of these resources stale, on every instance. */
  readonly invalidates?: readonly CacheResource[];
}

/** Everything about one call that the gates, the attempt loop and the transport need. */
export interface CallPlan {
  readonly credential: PleoCredential;
  readonly method: PleoCall<unknown>["method"];
  readonly path: string;
  /** Path and query string, as sent (the quarantine looks for object ids in it). */
  readonly pathAndQuery: string;
  readonly url: string;
  readonly body: string | undefined;
  readonly companyId: string | undefined;
  readonly operation: string;
  /** Method and path template (`GET /v1/companies/{id}`): metric labels, span names, quarantine keys. */
  readonly endpoint: string;
  readonly safeRead: boolean;
  readonly requestId: string | undefined;
  /** Who the call is made for (see `CallerScope`): the rate budget shares a credential fairly by it. */
  readonly caller: string;
  /** The call asks about a subject the credential is not known to be bound to (see `CallerScope`). */
  readonly unboundSubject: boolean;
  /** A breaker per company and credential. */
  readonly breakerKey: string;
  /** Set once an attempt has been handed to the connection: from then on Pleo may have received it. */
  readonly progress: { sent: boolean };
}

/** What the client view a call is made through says about it, beyond the call itself. */
export interface CallerScope {
  /** Forwarded upstream as `x-request-id`. */
  readonly requestId?: string;
  /**
   * The normalised identity of the caller (src/context/caller-identity.ts), never a secret. Calls made
   * outside any request share one anonymous caller.
   */
  readonly caller?: string;
  /**
   * Calls through this view ask Pleo whether a credential reaches a subject it is not known to be bound
   * to (an organisation key asked for a company that may belong to another organisation). A 403 is then
   * Pleo's answer about the subject, not evidence against the credential: nothing is set aside.
   */
  readonly unboundSubject?: boolean;
}

export function planCall(
  baseUrl: string,
  credential: PleoCredential,
  call: PleoCall<unknown>,
  scope: CallerScope,
): CallPlan {
  const pathAndQuery = call.path + queryString(call.query);
  return {
    credential,
    method: call.method,
    path: call.path,
    pathAndQuery,
    url: baseUrl + pathAndQuery,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
    companyId: call.companyId,
    operation: call.operation,
    endpoint: endpointOf(call.method, call.path),
    safeRead: isSafeRead(call.method, call.path),
    requestId: scope.requestId,
    caller: scope.caller ?? "",
    unboundSubject: scope.unboundSubject ?? false,
    breakerKey: `${call.companyId ?? "-"}|${credential.hash}`,
    progress: { sent: false },
  };
}

/** Who an upstream event concerns: never the credential, only its public fingerprint. */
export function callSubject(plan: CallPlan) {
  return {
    companyId: plan.companyId,
    credentialId: plan.credential.id,
    endpoint: plan.endpoint,
    requestId: plan.requestId,
  };
}

function queryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (typeof value === "string") params.append(key, value);
    else for (const item of value) params.append(key, item);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
