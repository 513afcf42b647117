import * as oauth from "oauth4webapi";
import { parseSubjectUrn } from "../pleo/models/introspection.ts";
import type { OAuthClientSettings } from "./connections-config.ts";
import type { SubjectRef } from "./subject.ts";

/**
 * The gateway as an OAuth client of Pleo's authorisation server, on panva's `oauth4webapi` (chosen over
 * `openid-client`: it is the same author's lower-level building block, has no dependencies, and Pleo
 * publishes no discovery document, which oauth4webapi lets us describe by hand). Authorization Code with
 * PKCE S256, client authentication by HTTP Basic, refresh with rotation, RFC 7662 introspection.
 *
 * Nothing here logs or keeps a token: tokens come in and go out as return values only, and every error
 * raised carries the OAuth error code, never a token or code.
 */

/** The token pair a code exchange or refresh answered with. */
export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
  readonly scopes: readonly string[];
}

/** Pleo refused the grant: code used/expired/PKCE or redirect mismatch, or a refresh token no longer valid. */
export class OAuthGrantInvalidError extends Error {
  readonly code = "invalid_grant";
  constructor() {
    super("Pleo's authorisation server refused the grant (invalid_grant)");
    this.name = "OAuthGrantInvalidError";
  }
}

/** The authorisation server could not be reached or answered 5xx/429: trying again later may succeed. */
export class OAuthUnavailableError extends Error {
  constructor(reason: string) {
    super(`Pleo's authorisation server is unavailable (${reason})`);
    this.name = "OAuthUnavailableError";
  }
}

/** Any other refusal (invalid_client, invalid_request, a malformed answer): a configuration problem. */
export class OAuthRefusedError extends Error {
  constructor(readonly oauthError: string) {
    super(`Pleo's authorisation server refused the request (${oauthError})`);
    this.name = "OAuthRefusedError";
  }
}

const REQUEST_TIMEOUT_MS = 10_000;

export class PleoOAuthClient {
  readonly settings: OAuthClientSettings;
  readonly #as: oauth.AuthorizationServer;
  readonly #client: oauth.Client;
  readonly #auth: oauth.ClientAuth;
  /** Plain HTTP only when configured so (the embedded simulator); production requires https (config). */
  readonly #insecure: boolean;

  constructor(settings: OAuthClientSettings) {
    this.settings = settings;
    const base = settings.authUrl.replace(/\/+$/, "");
    this.#as = {
      issuer: base,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      introspection_endpoint: `${base}/oauth/token/introspect`,
    };
    this.#client = { client_id: settings.clientId };
    this.#auth = oauth.ClientSecretBasic(settings.clientSecret);
    this.#insecure = new URL(base).protocol === "http:";
  }

  /** A fresh PKCE verifier (43 characters of base64url randomness) and its S256 challenge. */
  async pkce(): Promise<{ verifier: string; challenge: string }> {
    const verifier = oauth.generateRandomCodeVerifier();
    return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
  }

  authorizationUrl(state: string, codeChallenge: string): string {
    const url = new URL(this.#as.authorization_endpoint as string);
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: this.settings.clientId,
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes.join(" "),
      state,
      code_challenge: codeChallenge,
      code_challenge_method: "S256",
    }).toString();
    return url.toString();
  }

  /**
   * The authorisation response's parameters checked (state equal to the one issued, no error). Throws
   * `oauth.AuthorizationResponseError` for `error=…` (e.g. access_denied).
   */
  validateCallback(parameters: URLSearchParams, expectedState: string): URLSearchParams {
    return oauth.validateAuthResponse(this.#as, this.#client, parameters, expectedState);
  }

  /** Exchanges the code server-side with the PKCE verifier and the configured redirect_uri. */
  async exchangeCode(callback: URLSearchParams, verifier: string): Promise<TokenSet> {
    return this.#tokens(
      () =>
        oauth.authorizationCodeGrantRequest(
          this.#as,
          this.#client,
          this.#auth,
          callback,
          this.settings.redirectUri,
          verifier,
          this.#options(),
        ),
      (response) => oauth.processAuthorizationCodeResponse(this.#as, this.#client, response),
    );
  }

  /** One refresh: rotation means the answer's pair replaces the presented one at once. */
  async refresh(refreshToken: string): Promise<TokenSet> {
    return this.#tokens(
      () => oauth.refreshTokenGrantRequest(this.#as, this.#client, this.#auth, refreshToken, this.#options()),
      (response) => oauth.processRefreshTokenResponse(this.#as, this.#client, response),
    );
  }

  /** Whom an access token belongs to, from Pleo (RFC 7662 `urn:pleo:params:oauth:subject_urn`). */
  async subjectOf(accessToken: string): Promise<SubjectRef | undefined> {
    const result = await this.#call(async () => {
      const response = await oauth.introspectionRequest(
        this.#as,
        this.#client,
        this.#auth,
        accessToken,
        this.#options(),
      );
      return oauth.processIntrospectionResponse(this.#as, this.#client, response);
    });
    const urn = result["urn:pleo:params:oauth:subject_urn"];
    if (!result.active || typeof urn !== "string") return undefined;
    if (result.client_id !== undefined && result.client_id !== this.settings.clientId) return undefined;
    const parsed = parseSubjectUrn(urn);
    return parsed ? { kind: parsed.type, id: parsed.id } : undefined;
  }

  #options(): { signal: AbortSignal; [oauth.allowInsecureRequests]?: boolean } {
    return {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ...(this.#insecure ? { [oauth.allowInsecureRequests]: true } : {}),
    };
  }

  async #tokens(
    send: () => Promise<Response>,
    process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
  ): Promise<TokenSet> {
    const answer = await this.#call(async () => process(await send()));
    if (!answer.refresh_token) throw new OAuthRefusedError("no refresh_token in the token response");
    const lifetimeS = answer.expires_in ?? 900;
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: new Date(Date.now() + lifetimeS * 1000),
      scopes: (answer.scope ?? this.settings.scopes.join(" ")).split(/\s+/).filter(Boolean),
    };
  }

  /** Maps oauth4webapi's and fetch's failures onto the three outcomes the callers branch on. */
  async #call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError) {
        if (error.error === "invalid_grant") throw new OAuthGrantInvalidError();
        if (error.status >= 500 || error.status === 429)
          throw new OAuthUnavailableError(`HTTP ${error.status}`);
        throw new OAuthRefusedError(error.error);
      }
      if (error instanceof oauth.OperationProcessingError) {
        const status = (error.cause as { status?: unknown } | undefined)?.status;
        if (typeof status === "number" && (status >= 500 || status === 429))
          throw new OAuthUnavailableError(`HTTP ${status}`);
        throw new OAuthRefusedError(error.code ?? "invalid response");
      }
      // fetch's network errors and our timeout's AbortError/TimeoutError.
      if (error instanceof Error) throw new OAuthUnavailableError(error.name);
      throw error;
    }
  }
}
