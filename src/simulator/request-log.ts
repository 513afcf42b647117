/**
 * What the simulator saw, for tests to assert on: who called (never the secret itself), which company the
 * request addressed, and how it was answered. `/__sim/*` requests are not recorded, except the token-endpoint
 * calls a test hook makes on a client's behalf (logged as `POST /oauth/token`).
 */
export interface SimRequestLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, string[]>;
  /** Seed label of the credential, or null when the secret is unknown or absent. */
  credentialLabel: string | null;
  /** First 16 hex characters of the SHA-256 of the presented secret; null when none could be read. */
  credentialFingerprint: string | null;
  credentialSubject: { type: "company" | "organisation"; id: string } | null;
  /** The company the request addressed (query, body or the owner of the object in the path). */
  targetCompanyId: string | null;
  /** Token-endpoint calls: the `grant_type` sent; null on every other request. */
  grantType: string | null;
  /**
   * The opaque id of the OAuth grant a token-endpoint or introspection call concerned (as in
   * `GET /__sim/oauth/grants`); null when there is none or elsewhere. Never a token or code.
   */
  grantId: string | null;
  /** The OAuth client that authenticated at the authorisation server; null elsewhere. */
  oauthClientId: string | null;
  status: number;
  durationMs: number;
  /** Webhook deliveries the simulator made (to a subscriber, not from a caller); absent on API requests. */
  webhook?: {
    eventId: string;
    eventType: string;
    subscriptionId: string;
    attempt: number;
    redelivery: boolean;
  };
}

/** Who called and what for, as a request's answer knows it; the grant fields only at the auth server. */
export interface LogIdentity {
  readonly credentialLabel: string | null;
  readonly credentialFingerprint: string | null;
  readonly credentialSubject: { type: "company" | "organisation"; id: string } | null;
  readonly targetCompanyId: string | null;
  readonly oauth?: {
    readonly grantType: string | null;
    readonly grantId: string | null;
    readonly clientId: string | null;
  };
}

export function requestLogEntry(
  request: Pick<SimRequestLogEntry, "method" | "path" | "query">,
  identity: LogIdentity,
  status: number,
  durationMs: number,
): Omit<SimRequestLogEntry, "seq"> {
  return {
    at: new Date().toISOString(),
    ...request,
    credentialLabel: identity.credentialLabel,
    credentialFingerprint: identity.credentialFingerprint,
    credentialSubject: identity.credentialSubject,
    targetCompanyId: identity.targetCompanyId,
    grantType: identity.oauth?.grantType ?? null,
    grantId: identity.oauth?.grantId ?? null,
    oauthClientId: identity.oauth?.clientId ?? null,
    status,
    durationMs,
  };
}

/**
 * The query as logged. With `keep`, only those parameters' values are shown and every other value is
 * masked: the authorisation server's query can carry a state or, from a careless client, a secret.
 */
export function loggedQuery(
  query: ReadonlyMap<string, readonly string[]>,
  keep?: ReadonlySet<string>,
): Record<string, string[]> {
  return Object.fromEntries(
    [...query].map(([name, values]) => [
      name,
      keep === undefined || keep.has(name) ? [...values] : values.map(() => "[redacted]"),
    ]),
  );
}

export class RequestLog {
  private entries: SimRequestLogEntry[] = [];
  private nextSeq = 1;

  record(entry: Omit<SimRequestLogEntry, "seq">): SimRequestLogEntry {
    const recorded = { seq: this.nextSeq++, ...entry };
    this.entries.push(recorded);
    return recorded;
  }

  /** A copy, so callers cannot rewrite history. */
  list(): SimRequestLogEntry[] {
    return this.entries.map((entry) => structuredClone(entry));
  }

  clear(): void {
    this.entries = [];
    this.nextSeq = 1;
  }
}
