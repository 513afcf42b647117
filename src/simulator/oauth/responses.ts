import type { GrantSubject } from "./grants.ts";

/**
 * An answer of the authorisation server, already serialised, plus what the request log may know about the
 * exchange: the grant type and the grant's opaque id, never a token, code or secret.
 */
export interface OAuthHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly log: OAuthLogFields;
}

export interface OAuthLogFields {
  readonly grantType: string | null;
  readonly grantId: string | null;
  readonly clientId: string | null;
  readonly subject: GrantSubject | null;
}

const NO_LOG_FIELDS: OAuthLogFields = {
  grantType: null,
  grantId: null,
  clientId: null,
  subject: null,
};

/** RFC 6749 §5.1: token answers must not be cached by anyone. */
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

export function jsonResponse(
  status: number,
  body: unknown,
  log: OAuthLogFields = NO_LOG_FIELDS,
): OAuthHttpResponse {
  return {
    status,
    headers: { "content-type": "application/json;charset=UTF-8", ...NO_STORE },
    body: JSON.stringify(body),
    log,
  };
}

/** RFC 6749 §5.2; `invalid_client` is a 401 with a challenge for the Basic scheme. */
export function oauthError(
  error: string,
  description: string,
  log: OAuthLogFields = NO_LOG_FIELDS,
): OAuthHttpResponse {
  const status = error === "invalid_client" ? 401 : 400;
  const response = jsonResponse(status, { error, error_description: description }, log);
  if (status !== 401) return response;
  return {
    ...response,
    headers: { ...response.headers, "www-authenticate": 'Basic realm="Pleo OAuth"' },
  };
}

export function htmlResponse(status: number, html: string): OAuthHttpResponse {
  return {
    status,
    headers: { "content-type": "text/html;charset=utf-8", ...NO_STORE },
    body: html,
    log: NO_LOG_FIELDS,
  };
}

export function redirectResponse(location: string, log: OAuthLogFields = NO_LOG_FIELDS): OAuthHttpResponse {
  return { status: 302, headers: { location, ...NO_STORE }, body: "", log };
}
