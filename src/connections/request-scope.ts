import { ConnectionErrorCode, ConnectionFailure } from "./connection-failure.ts";
import type { Connections } from "./connections.ts";
import type { ManageRights } from "./manage-rights.ts";
import type { FlowCookie } from "./oauth-flow.ts";

/**
 * Connections as one GraphQL request sees them: the gateway's service, the caller's manage rights (read
 * once, when a connection field first asks), and the cookies the response must set (the connect flow's
 * browser binding). The oauth-callback plugin adds it to the context under `connections`.
 */
export class ConnectionsRequest {
  readonly service: Connections;
  readonly cookies: FlowCookie[] = [];
  readonly #authorization: string | null;
  #rights: Promise<ManageRights> | undefined;

  constructor(service: Connections, authorization: string | null) {
    this.service = service;
    this.#authorization = authorization;
  }

  rights(): Promise<ManageRights> {
    this.#rights ??= this.service.rights.read(this.#authorization);
    return this.#rights;
  }
}

/** The request's connections; a typed refusal when this gateway runs without a vault. */
export function connectionsOf(context: object): ConnectionsRequest {
  const scope = (context as { connections?: unknown }).connections;
  if (scope instanceof ConnectionsRequest) return scope;
  throw new ConnectionFailure(
    ConnectionErrorCode.UNAVAILABLE,
    "This gateway keeps no connections (no vault configured: set VAULT_KEYS).",
  );
}

/** `Set-Cookie` for a flow's browser binding: HttpOnly, SameSite=Lax (Pleo's redirect is a top-level GET). */
export function setCookieHeader(cookie: FlowCookie): string {
  return [
    `${cookie.name}=${cookie.value}`,
    `Path=${cookie.path}`,
    `Max-Age=${cookie.maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(cookie.secure ? ["Secure"] : []),
  ].join("; ");
}

/** Expires a flow's cookie once the callback has used it. */
export function clearCookieHeader(name: string, path: string): string {
  return `${name}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax`;
}
