import type { DispatchResult } from "../dispatch.ts";
import type { SimStore } from "../store.ts";
import { decide, showConsent } from "./authorize.ts";
import { type OAuthClient, OAuthClients } from "./clients.ts";
import { AuthorizationCodes } from "./codes.ts";
import { errorPage } from "./consent-page.ts";
import { type ControlAnswer, oauthControl } from "./control.ts";
import { DEFAULT_ACCESS_TOKEN_TTL_MS, type IssuedAccessToken, OAuthGrants } from "./grants.ts";
import { Installations } from "./installations.ts";
import { htmlResponse, jsonResponse, type OAuthHttpResponse, oauthError } from "./responses.ts";
import { introspect, token } from "./token-endpoint.ts";

/**
 * Pleo's authorisation server, simulated at the simulator's own base URL (the gateway's `PLEO_OAUTH_URL`
 * points there in embedded mode and tests). Routes `/oauth/*` and the RFC 8414 metadata document; the
 * state (clients, codes, grants, installations) lives here, next to the API store it grants access to.
 */
interface AuthorizationServerOptions {
  readonly store: SimStore;
  readonly clients?: readonly OAuthClient[];
  readonly accessTokenTtlMs?: number;
}

interface OAuthRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly contentType: string | undefined;
  readonly rawBody: string;
  readonly authorization: string | undefined;
  /** `http://<Host header>`: the issuer the metadata document names. */
  readonly origin: string;
}

const METADATA_PATH = "/.well-known/oauth-authorization-server";
const ENDPOINTS: Readonly<Record<string, readonly string[]>> = {
  "/oauth/authorize": ["GET", "POST"],
  "/oauth/token": ["POST"],
  "/oauth/token/introspect": ["POST"],
  [METADATA_PATH]: ["GET"],
};

/** Query parameters of the authorisation endpoint that are no secret; the log masks every other value. */
export const LOGGABLE_OAUTH_PARAMS: ReadonlySet<string> = new Set([
  "response_type",
  "client_id",
  "redirect_uri",
  "scope",
  "code_challenge_method",
]);

export class AuthorizationServer {
  readonly clients: OAuthClients;
  readonly codes: AuthorizationCodes;
  readonly grants: OAuthGrants;
  readonly installations: Installations;
  readonly #store: SimStore;

  constructor(options: AuthorizationServerOptions) {
    const ttl = options.accessTokenTtlMs ?? DEFAULT_ACCESS_TOKEN_TTL_MS;
    if (!Number.isInteger(ttl) || ttl < 1000)
      throw new RangeError("simulator: oauthAccessTokenTtlMs must be an integer of at least 1000");
    const now = () => options.store.now();
    this.#store = options.store;
    this.clients = new OAuthClients(options.clients ?? []);
    this.codes = new AuthorizationCodes(now);
    this.grants = new OAuthGrants(now, ttl);
    this.installations = new Installations(now);
  }

  /** Whether a path belongs to the authorisation server rather than the API. */
  static serves(path: string): boolean {
    return path === METADATA_PATH || path === "/oauth" || path.startsWith("/oauth/");
  }

  serve(request: OAuthRequest): DispatchResult {
    return asDispatchResult(this.#answer(request));
  }

  #answer(request: OAuthRequest): OAuthHttpResponse {
    const allowed = ENDPOINTS[request.path];
    if (!allowed) return jsonResponse(404, { error: "not_found", error_description: "No such endpoint." });
    if (!allowed.includes(request.method)) {
      const refused = jsonResponse(405, {
        error: "invalid_request",
        error_description: "Method not allowed.",
      });
      return { ...refused, headers: { ...refused.headers, allow: allowed.join(", ") } };
    }
    if (request.path === METADATA_PATH) return jsonResponse(200, metadata(request.origin));
    const deps = { clients: this.clients, codes: this.codes, grants: this.grants, store: this.#store };
    if (request.method === "GET") return showConsent(deps, request.query);
    const form = isForm(request.contentType) ? new URLSearchParams(request.rawBody) : undefined;
    if (request.path === "/oauth/authorize")
      return form
        ? decide(deps, form)
        : htmlResponse(
            400,
            errorPage("invalid_request", "The form must be application/x-www-form-urlencoded."),
          );
    if (!form) return oauthError("invalid_request", "The body must be application/x-www-form-urlencoded.");
    const tokenDeps = { ...deps, installations: this.installations };
    return request.path === "/oauth/token"
      ? token(tokenDeps, request.authorization, form)
      : introspect(tokenDeps, request.authorization, form);
  }

  /** The API's view of a bearer secret issued here (see auth.ts). */
  accessToken(secret: string): IssuedAccessToken | undefined {
    return this.grants.accessToken(secret);
  }

  registerClient(client: OAuthClient): void {
    this.clients.register(client);
  }

  /** A `/__sim/oauth/*` hook's answer and the token calls it made (undefined: no such hook). */
  control(
    method: string,
    path: string,
    rawBody: string,
  ): (Omit<ControlAnswer, "tokenCalls"> & { tokenCalls: DispatchResult[] }) | undefined {
    const answer = oauthControl(
      { clients: this.clients, codes: this.codes, grants: this.grants, installations: this.installations },
      method,
      path,
      rawBody,
    );
    return answer && { ...answer, tokenCalls: answer.tokenCalls.map(asDispatchResult) };
  }

  /** Forgets codes, grants and installations; clients stay registered (they are configuration). */
  reset(): void {
    this.codes.clear();
    this.grants.clear();
    this.installations.clear();
  }
}

/** The answer in the shape the server sends and logs; the auth server never logs a credential. */
function asDispatchResult(answer: OAuthHttpResponse): DispatchResult {
  return {
    status: answer.status,
    headers: { ...answer.headers },
    bodyText: answer.body,
    oauth: answer.log,
    credentialLabel: null,
    credentialFingerprint: null,
    credentialSubject: answer.log.subject ? { ...answer.log.subject } : null,
    targetCompanyId: null,
  };
}

function isForm(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/x-www-form-urlencoded\b/i.test(contentType);
}

/** RFC 8414, so a client library can discover the endpoints. */
function metadata(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/authorize`,
    token_endpoint: `${issuer}/oauth/token`,
    introspection_endpoint: `${issuer}/oauth/token/introspect`,
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    introspection_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
  };
}
