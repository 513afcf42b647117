import { randomBytes } from "node:crypto";
import { isoAt } from "../clock.ts";
import type { PleoScope, SimCredential } from "../seed/identities.ts";

/**
 * Grants and their tokens, with Pleo's rotation rules: every refresh returns a new access and refresh token
 * and invalidates the old pair at once; presenting a superseded or expired refresh token revokes every
 * token of the grant (the holder of the current pair included — Pleo cannot tell thief from owner).
 * Tokens are random and opaque; a grant is known to tests only by its id, which is no secret.
 */
export const DEFAULT_ACCESS_TOKEN_TTL_MS = 900_000;
/** Pleo: refresh tokens last at least 60 days. */
const REFRESH_TOKEN_TTL_MS = 60 * 24 * 3_600_000;

export interface GrantSubject {
  readonly type: "company" | "organisation";
  readonly id: string;
}

type GrantStatus = "ACTIVE" | "REVOKED";
type RevocationReason =
  | "REFRESH_TOKEN_REUSE"
  | "EXPIRED_REFRESH_TOKEN"
  | "AUTHORIZATION_CODE_REUSE"
  | "INSTALLATION_DELETED";

/** What `GET /__sim/oauth/grants` shows: no token, no code. */
export interface GrantSummary {
  readonly id: string;
  readonly clientId: string;
  readonly subject: GrantSubject;
  readonly subjectUrn: string;
  readonly scopes: readonly PleoScope[];
  readonly status: GrantStatus;
  readonly revokedReason: RevocationReason | null;
  readonly refreshCount: number;
  readonly createdAt: string;
  readonly lastRefreshAt: string | null;
  readonly accessTokenExpiresAt: string;
}

interface Grant {
  readonly id: string;
  readonly clientId: string;
  readonly subject: GrantSubject;
  readonly scopes: readonly PleoScope[];
  readonly createdAt: number;
  status: GrantStatus;
  revokedReason: RevocationReason | null;
  refreshCount: number;
  lastRefreshAt: number | null;
  /** The current pair; every other token of the grant is superseded. */
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: number;
  /** Superseded refresh tokens, oldest first (what a buggy client might still present). */
  readonly supersededRefreshTokens: string[];
}

interface TokenRecord {
  readonly kind: "access" | "refresh";
  readonly grantId: string;
  readonly expiresAt: number;
}

/** The token endpoint's success body (RFC 6749 §5.1). */
interface TokenResponse {
  readonly access_token: string;
  readonly token_type: "Bearer";
  readonly expires_in: number;
  readonly refresh_token: string;
  readonly scope: string;
}

interface IssuedPair {
  readonly grantId: string;
  readonly tokens: TokenResponse;
}

export type RefreshOutcome =
  | IssuedPair
  | { readonly grantId: string | null; readonly error: "invalid_grant"; readonly description: string };

/** An access token as the API's authentication sees it: the credential, and why it is refused, if it is. */
export interface IssuedAccessToken {
  readonly credential: SimCredential;
  readonly refusal?: string;
}

type IntrospectionAnswer =
  | { readonly active: false }
  | {
      readonly active: true;
      readonly scope: string;
      readonly client_id: string;
      readonly exp: number;
      readonly "urn:pleo:params:oauth:subject_urn": string;
    };

export function subjectUrn(subject: GrantSubject): string {
  return `urn:pleo:${subject.type}:${subject.id}`;
}

export class OAuthGrants {
  readonly #grants = new Map<string, Grant>();
  readonly #tokens = new Map<string, TokenRecord>();

  constructor(
    private readonly now: () => number,
    private readonly accessTokenTtlMs: number,
  ) {}

  create(clientId: string, subject: GrantSubject, scopes: readonly PleoScope[]): IssuedPair {
    const id = `grant_${randomBytes(9).toString("base64url")}`;
    const grant: Grant = {
      id,
      clientId,
      subject: { ...subject },
      scopes: [...scopes],
      createdAt: this.now(),
      status: "ACTIVE",
      revokedReason: null,
      refreshCount: 0,
      lastRefreshAt: null,
      accessToken: "",
      refreshToken: "",
      accessTokenExpiresAt: 0,
      supersededRefreshTokens: [],
    };
    this.#grants.set(id, grant);
    return { grantId: id, tokens: this.#issuePair(grant) };
  }

  refresh(clientId: string, refreshToken: string): RefreshOutcome {
    const record = this.#tokens.get(refreshToken);
    const grant = record?.kind === "refresh" ? this.#grants.get(record.grantId) : undefined;
    if (!record || !grant || grant.clientId !== clientId)
      return { grantId: null, error: "invalid_grant", description: "Unknown refresh token." };
    if (grant.status === "REVOKED")
      return { grantId: grant.id, error: "invalid_grant", description: "The grant has been revoked." };
    if (grant.refreshToken !== refreshToken) {
      this.revoke(grant.id, "REFRESH_TOKEN_REUSE");
      return {
        grantId: grant.id,
        error: "invalid_grant",
        description: "Superseded refresh token presented; every token of the grant is revoked.",
      };
    }
    if (record.expiresAt <= this.now()) {
      this.revoke(grant.id, "EXPIRED_REFRESH_TOKEN");
      return {
        grantId: grant.id,
        error: "invalid_grant",
        description: "Expired refresh token presented; every token of the grant is revoked.",
      };
    }
    grant.supersededRefreshTokens.push(grant.refreshToken);
    grant.refreshCount += 1;
    grant.lastRefreshAt = this.now();
    return { grantId: grant.id, tokens: this.#issuePair(grant) };
  }

  revoke(grantId: string, reason: RevocationReason): void {
    const grant = this.#grants.get(grantId);
    if (!grant || grant.status === "REVOKED") return;
    grant.status = "REVOKED";
    grant.revokedReason = reason;
  }

  /** Revokes every active grant a client holds for a subject (deleting the installation does this). */
  revokeFor(clientId: string, subject: GrantSubject, reason: RevocationReason): void {
    for (const grant of this.#grants.values()) {
      if (grant.clientId === clientId && sameSubject(grant.subject, subject)) this.revoke(grant.id, reason);
    }
  }

  /** For the API's authentication: undefined when the secret is no access token issued here. */
  accessToken(secret: string): IssuedAccessToken | undefined {
    const record = this.#tokens.get(secret);
    const grant = record?.kind === "access" ? this.#grants.get(record.grantId) : undefined;
    if (!record || !grant) return undefined;
    const credential: SimCredential = {
      label: `oauth:${grant.id}`,
      kind: "accessToken",
      secret,
      subject: grant.subject,
      scopes: grant.scopes,
      clientId: grant.clientId,
    };
    if (grant.status === "REVOKED") return { credential, refusal: "The OAuth grant has been revoked." };
    if (grant.accessToken !== secret)
      return { credential, refusal: "This access token was superseded by a refresh." };
    if (record.expiresAt <= this.now()) return { credential, refusal: "The access token has expired." };
    return { credential };
  }

  /** RFC 7662, answered only to the client the token was issued to. */
  introspect(token: string, clientId: string): IntrospectionAnswer {
    const record = this.#tokens.get(token);
    const grant = record ? this.#grants.get(record.grantId) : undefined;
    if (!record || !grant || grant.clientId !== clientId || grant.status === "REVOKED")
      return { active: false };
    const current = record.kind === "access" ? grant.accessToken : grant.refreshToken;
    if (current !== token || record.expiresAt <= this.now()) return { active: false };
    return {
      active: true,
      scope: grant.scopes.join(" "),
      client_id: grant.clientId,
      exp: Math.floor(record.expiresAt / 1000),
      "urn:pleo:params:oauth:subject_urn": subjectUrn(grant.subject),
    };
  }

  /** The grant a token belongs to, for the request log (an id, never the token). */
  grantIdOf(token: string): string | null {
    return this.#tokens.get(token)?.grantId ?? null;
  }

  /** The oldest superseded refresh token of a grant, with its client; for the stale-token test hook. */
  supersededRefreshToken(grantId: string): { clientId: string; refreshToken: string } | undefined {
    const grant = this.#grants.get(grantId);
    const refreshToken = grant?.supersededRefreshTokens[0];
    return grant && refreshToken !== undefined ? { clientId: grant.clientId, refreshToken } : undefined;
  }

  /** The current refresh token of an active grant, with its client; for the stale-token test hook. */
  currentRefreshToken(grantId: string): { clientId: string; refreshToken: string } | undefined {
    const grant = this.#grants.get(grantId);
    return grant?.status === "ACTIVE"
      ? { clientId: grant.clientId, refreshToken: grant.refreshToken }
      : undefined;
  }

  has(grantId: string): boolean {
    return this.#grants.has(grantId);
  }

  subjectOf(grantId: string | null): GrantSubject | null {
    const grant = grantId === null ? undefined : this.#grants.get(grantId);
    return grant ? { ...grant.subject } : null;
  }

  list(): GrantSummary[] {
    return [...this.#grants.values()].map((grant) => ({
      id: grant.id,
      clientId: grant.clientId,
      subject: { ...grant.subject },
      subjectUrn: subjectUrn(grant.subject),
      scopes: [...grant.scopes],
      status: grant.status,
      revokedReason: grant.revokedReason,
      refreshCount: grant.refreshCount,
      createdAt: isoAt(grant.createdAt),
      lastRefreshAt: grant.lastRefreshAt === null ? null : isoAt(grant.lastRefreshAt),
      accessTokenExpiresAt: isoAt(grant.accessTokenExpiresAt),
    }));
  }

  clear(): void {
    this.#grants.clear();
    this.#tokens.clear();
  }

  #issuePair(grant: Grant): TokenResponse {
    const now = this.now();
    const accessToken = `sim_oat_${randomBytes(24).toString("base64url")}`;
    const refreshToken = `sim_ort_${randomBytes(32).toString("base64url")}`;
    grant.accessToken = accessToken;
    grant.refreshToken = refreshToken;
    grant.accessTokenExpiresAt = now + this.accessTokenTtlMs;
    this.#tokens.set(accessToken, {
      kind: "access",
      grantId: grant.id,
      expiresAt: grant.accessTokenExpiresAt,
    });
    this.#tokens.set(refreshToken, {
      kind: "refresh",
      grantId: grant.id,
      expiresAt: now + REFRESH_TOKEN_TTL_MS,
    });
    return {
      access_token: accessToken,
      token_type: "Bearer",
      // Rounded down so a client refreshing "at expiry" is never late.
      expires_in: Math.floor(this.accessTokenTtlMs / 1000),
      refresh_token: refreshToken,
      scope: grant.scopes.join(" "),
    };
  }
}

function sameSubject(a: GrantSubject, b: GrantSubject): boolean {
  return a.type === b.type && a.id === b.id;
}
