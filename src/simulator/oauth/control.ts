import { type OAuthClient, type OAuthClients, oauthClientInput } from "./clients.ts";
import type { OAuthGrants } from "./grants.ts";
import type { OAuthHttpResponse } from "./responses.ts";
import { type TokenDeps, token } from "./token-endpoint.ts";

/**
 * The authorisation server's test hooks under `/__sim/oauth/` (unauthenticated, like every `/__sim`
 * endpoint, and answering without any secret):
 * - `POST /__sim/oauth/clients` registers (or replaces) a client;
 * - `GET /__sim/oauth/grants` lists grants: id, client, subject, status, refresh count;
 * - `POST /__sim/oauth/grants/{grantId}/present-stale-refresh-token` presents a superseded refresh token
 *   of the grant at the token endpoint, as a buggy client would, so the grant is revoked.
 */
export interface ControlAnswer {
  readonly status: number;
  readonly body?: unknown;
  /** Token-endpoint calls the hook made, for the request log like any client's. */
  readonly tokenCalls: readonly OAuthHttpResponse[];
}

interface ControlDeps extends TokenDeps {
  readonly clients: OAuthClients;
  readonly grants: OAuthGrants;
}

const STALE_HOOK = /^\/__sim\/oauth\/grants\/([\w-]+)\/present-stale-refresh-token$/;

/** Undefined when the path is no OAuth hook. */
export function oauthControl(
  deps: ControlDeps,
  method: string,
  path: string,
  rawBody: string,
): ControlAnswer | undefined {
  if (method === "POST" && path === "/__sim/oauth/clients") return registerClient(deps.clients, rawBody);
  if (method === "GET" && path === "/__sim/oauth/grants")
    return { status: 200, body: { data: deps.grants.list() }, tokenCalls: [] };
  const stale = STALE_HOOK.exec(path);
  if (method === "POST" && stale?.[1]) return presentStaleRefreshToken(deps, stale[1]);
  return undefined;
}

function registerClient(clients: OAuthClients, rawBody: string): ControlAnswer {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return refusal(400, "VALIDATION_FAILED", "The body must be JSON.");
  }
  const parsed = oauthClientInput.safeParse(json);
  if (!parsed.success) {
    const message = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
      .join("; ");
    return refusal(400, "VALIDATION_FAILED", message);
  }
  const client: OAuthClient = clients.register(parsed.data);
  const { clientSecret: _secret, ...shown } = client;
  return { status: 201, body: { data: shown }, tokenCalls: [] };
}

/**
 * A grant never refreshed has no superseded token yet: the buggy client first refreshes (and loses the
 * answer), then presents the token that refresh superseded.
 */
function presentStaleRefreshToken(deps: ControlDeps, grantId: string): ControlAnswer {
  if (!deps.grants.has(grantId)) return refusal(404, "NOT_FOUND", `No grant ${grantId}.`);
  const tokenCalls: OAuthHttpResponse[] = [];
  if (!deps.grants.supersededRefreshToken(grantId)) {
    const current = deps.grants.currentRefreshToken(grantId);
    if (!current) return refusal(409, "GRANT_REVOKED", "The grant is revoked and was never refreshed.");
    tokenCalls.push(presentRefreshToken(deps, current.clientId, current.refreshToken));
  }
  const stale = deps.grants.supersededRefreshToken(grantId);
  if (!stale)
    return refusal(409, "NO_STALE_REFRESH_TOKEN", "Refreshing the grant failed, so no token was superseded.");
  const presented = presentRefreshToken(deps, stale.clientId, stale.refreshToken);
  tokenCalls.push(presented);
  const grant = deps.grants.list().find((g) => g.id === grantId);
  return {
    status: 200,
    body: {
      data: { grant, tokenEndpointStatus: presented.status, tokenEndpointBody: JSON.parse(presented.body) },
    },
    tokenCalls,
  };
}

function presentRefreshToken(deps: ControlDeps, clientId: string, refreshToken: string): OAuthHttpResponse {
  const form = new URLSearchParams({
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: clientId,
  });
  form.set("client_secret", deps.clients.get(clientId)?.clientSecret ?? "");
  return token(deps, undefined, form);
}

function refusal(status: number, type: string, message: string): ControlAnswer {
  return { status, body: { type, message }, tokenCalls: [] };
}
