import { authenticate, type IssuedTokenLookup } from "./auth.ts";
import {
  forbidden,
  insufficientScope,
  methodNotAllowed,
  notFound,
  SimHttpError,
  unauthorized,
} from "./errors.ts";
import type { QueryParams, RequestContext, SimRequest, SimResponse } from "./http-types.ts";
import type { OAuthLogFields } from "./oauth/responses.ts";
import { isUuid } from "./query.ts";
import { PLEO_JSON, type RouteMatch, type Router } from "./router.ts";
import type { SimStore } from "./store.ts";

export interface DispatchResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers: Record<string, string>;
  readonly credentialLabel: string | null;
  readonly credentialFingerprint: string | null;
  readonly credentialSubject: { type: "company" | "organisation"; id: string } | null;
  readonly targetCompanyId: string | null;
  /** A body already serialised (the authorisation server's HTML or JSON), sent as is instead of `body`. */
  readonly bodyText?: string;
  /** The authorisation server's grant fields for the request log. */
  readonly oauth?: OAuthLogFields;
}

/**
 * The request pipeline, in Pleo's order: authenticate (401), find the route (404/405), refuse organisation
 * credentials on company-only routes (403 FORBIDDEN), check the scope (403 INSUFFICIENT_SCOPE), then let the
 * handler validate its input (400), resolve the company (403) and the object (404). Any failure becomes an
 * `ExceptionInfo` body. This is also the one place where fault injection would hook in. `issued` resolves
 * access tokens the simulated authorisation server handed out.
 */
export function dispatch(
  store: SimStore,
  router: Router,
  request: SimRequest & { authorization?: string },
  issued?: IssuedTokenLookup,
): DispatchResult {
  const presented = authenticate(request.authorization, issued);
  // A revoked credential is refused like an unknown one, from the next request on.
  const auth =
    presented.credential && store.revokedCredentials.has(presented.credential.label)
      ? { ...presented, credential: undefined, error: unauthorized("This credential has been revoked.") }
      : presented;
  const match = router.match(request.method, request.path);
  const recognised = auth.recognised;
  const identity = {
    credentialLabel: recognised?.label ?? null,
    credentialFingerprint: auth.fingerprint,
    credentialSubject: recognised ? { type: recognised.subject.type, id: recognised.subject.id } : null,
    targetCompanyId: targetCompany(store, match, request),
  };
  const contentType = match.kind === "route" ? (match.route.contentType ?? PLEO_JSON) : PLEO_JSON;
  const addressed: RequestContext["addressed"] = { companyId: null };
  const withTarget = () => ({
    ...identity,
    targetCompanyId: identity.targetCompanyId ?? addressed.companyId,
  });
  try {
    if (!auth.credential) throw auth.error ?? unauthorized("Authentication failed.");
    if (match.kind === "none") throw notFound(`No endpoint ${request.method} ${request.path}.`);
    if (match.kind === "method-not-allowed")
      throw methodNotAllowed(request.method, request.path, match.allowed);
    const { route, params } = match;
    const credential = auth.credential;
    if (credential.subject.type === "organisation" && !route.organisationAccess) {
      throw forbidden(
        "Organisation-scoped credentials cannot call this endpoint; use a company-scoped credential.",
      );
    }
    if (route.scope !== null && !credential.scopes.includes(route.scope))
      throw insufficientScope(route.scope);
    const ctx: RequestContext = { request, params, credential, store, addressed };
    const response: SimResponse = route.handle(ctx);
    return {
      ...withTarget(),
      status: response.status,
      body: response.body,
      headers: { "content-type": contentType, ...response.headers },
    };
  } catch (error) {
    const failure =
      error instanceof SimHttpError
        ? error
        : new SimHttpError(
            500,
            "INTERNAL_SERVER_ERROR",
            error instanceof Error ? error.message : String(error),
          );
    if (!(error instanceof SimHttpError)) console.error("[pleo-simulator] handler failed:", error);
    return {
      ...withTarget(),
      status: failure.status,
      body: failure.toBody(),
      headers: { "content-type": contentType, ...failure.headers },
    };
  }
}

/**
 * The company a request addresses, for the log: the `company_id`/`companyId` query parameter, else the body's
 * `companyId`, else the owner of the object named in the path (or by `job_id`). Null when none applies, as for
 * introspection or an organisation-wide company list.
 */
function targetCompany(store: SimStore, match: RouteMatch, request: SimRequest): string | null {
  const fromQuery = firstUuid(request.query, ["company_id", "companyId"]);
  if (fromQuery) return fromQuery;
  const fromBody = bodyCompanyId(request.rawBody);
  if (fromBody) return fromBody;
  if (match.kind === "route" && match.route.pathOwner) {
    try {
      return match.route.pathOwner(store, match.params, request.query) ?? null;
    } catch {
      return null;
    }
  }
  return null;
}

function firstUuid(query: QueryParams, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = query.get(name)?.[0];
    if (value !== undefined && isUuid(value)) return value.toLowerCase();
  }
  return undefined;
}

function bodyCompanyId(rawBody: string): string | undefined {
  if (!rawBody.includes("companyId")) return undefined;
  try {
    const parsed: unknown = JSON.parse(rawBody);
    if (parsed && typeof parsed === "object" && "companyId" in parsed) {
      const companyId = (parsed as { companyId: unknown }).companyId;
      if (typeof companyId === "string" && isUuid(companyId)) return companyId.toLowerCase();
    }
  } catch {
    return undefined;
  }
  return undefined;
}
