import type { OAuthClient, OAuthClients } from "./clients.ts";
import { type AuthorizationCodes, isCodeVerifier, s256 } from "./codes.ts";
import type { OAuthGrants, RefreshOutcome } from "./grants.ts";
import type { Installations } from "./installations.ts";
import { jsonResponse, type OAuthHttpResponse, type OAuthLogFields, oauthError } from "./responses.ts";

/**
 * `POST /oauth/token` (authorization_code with PKCE, refresh_token with rotation) and
 * `POST /oauth/token/introspect` (RFC 7662). Both authenticate the client first; errors follow RFC 6749
 * §5.2. A `scope` sent with a refresh is ignored: the new pair always carries the grant's scopes.
 */
export interface TokenDeps {
  readonly clients: OAuthClients;
  readonly codes: AuthorizationCodes;
  readonly grants: OAuthGrants;
  readonly installations: Installations;
}

const SINGLE_VALUED = ["grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "token"];

export function token(
  deps: TokenDeps,
  authorization: string | undefined,
  form: URLSearchParams,
): OAuthHttpResponse {
  const grantType = form.get("grant_type");
  const log = (grantId: string | null = null, clientId: string | null = null): OAuthLogFields => ({
    grantType,
    grantId,
    clientId,
    subject: deps.grants.subjectOf(grantId),
  });
  const repeated = SINGLE_VALUED.find((name) => form.getAll(name).length > 1);
  if (repeated) return oauthError("invalid_request", `The '${repeated}' parameter is repeated.`, log());
  const auth = deps.clients.authenticate({ authorization, form });
  if ("error" in auth) return oauthError(auth.error, auth.description, log());
  const clientId = auth.client.clientId;
  const answer = (outcome: RefreshOutcome): OAuthHttpResponse =>
    "error" in outcome
      ? oauthError(outcome.error, outcome.description, log(outcome.grantId, clientId))
      : jsonResponse(200, outcome.tokens, log(outcome.grantId, clientId));

  if (grantType === "authorization_code") {
    const refusal = missing(form, ["code", "redirect_uri", "code_verifier"]);
    if (refusal) return oauthError("invalid_request", refusal, log(null, clientId));
    if (!isCodeVerifier(form.get("code_verifier") ?? ""))
      return oauthError(
        "invalid_request",
        "code_verifier must be 43–128 unreserved characters.",
        log(null, clientId),
      );
    return answer(exchangeCode(deps, auth.client, form));
  }
  if (grantType === "refresh_token") {
    const refusal = missing(form, ["refresh_token"]);
    if (refusal) return oauthError("invalid_request", refusal, log(null, clientId));
    return answer(deps.grants.refresh(clientId, form.get("refresh_token") ?? ""));
  }
  if (grantType === null)
    return oauthError("invalid_request", "grant_type is required.", log(null, clientId));
  return oauthError(
    "unsupported_grant_type",
    "Only authorization_code and refresh_token are supported.",
    log(null, clientId),
  );
}

export function introspect(
  deps: TokenDeps,
  authorization: string | undefined,
  form: URLSearchParams,
): OAuthHttpResponse {
  const repeated = SINGLE_VALUED.find((name) => form.getAll(name).length > 1);
  if (repeated) return oauthError("invalid_request", `The '${repeated}' parameter is repeated.`);
  const auth = deps.clients.authenticate({ authorization, form });
  if ("error" in auth) return oauthError(auth.error, auth.description);
  const refusal = missing(form, ["token"]);
  const clientId = auth.client.clientId;
  const base = { grantType: null, grantId: null, clientId, subject: null };
  if (refusal) return oauthError("invalid_request", refusal, base);
  const tokenValue = form.get("token") ?? "";
  const answer = deps.grants.introspect(tokenValue, clientId);
  // Another client learns nothing, not even in the log, about a token that is not its own.
  const grantId = answer.active ? deps.grants.grantIdOf(tokenValue) : null;
  return jsonResponse(200, answer, { ...base, grantId, subject: deps.grants.subjectOf(grantId) });
}

function exchangeCode(deps: TokenDeps, client: OAuthClient, form: URLSearchParams): RefreshOutcome {
  const redemption = deps.codes.redeem(form.get("code") ?? "");
  if (redemption.kind === "unknown")
    return { grantId: null, error: "invalid_grant", description: "Unknown or expired authorization code." };
  if (redemption.kind === "replayed") {
    if (redemption.grantId !== undefined) deps.grants.revoke(redemption.grantId, "AUTHORIZATION_CODE_REUSE");
    return {
      grantId: redemption.grantId ?? null,
      error: "invalid_grant",
      description: "The authorization code was already used; the grant it created is revoked.",
    };
  }
  const { details } = redemption;
  if (details.clientId !== client.clientId)
    return { grantId: null, error: "invalid_grant", description: "The code was issued to another client." };
  if (details.redirectUri !== (form.get("redirect_uri") ?? ""))
    return {
      grantId: null,
      error: "invalid_grant",
      description: "redirect_uri differs from the authorisation request's.",
    };
  if (s256(form.get("code_verifier") ?? "") !== details.codeChallenge)
    return {
      grantId: null,
      error: "invalid_grant",
      description: "code_verifier does not match the challenge.",
    };
  const created = deps.grants.create(client.clientId, details.subject, details.scopes);
  redemption.bind(created.grantId);
  deps.installations.authorize(client.clientId, details.subject);
  return created;
}

function missing(form: URLSearchParams, names: readonly string[]): string | undefined {
  const absent = names.filter((name) => (form.get(name) ?? "") === "");
  return absent.length === 0 ? undefined : `Missing ${absent.join(", ")}.`;
}
