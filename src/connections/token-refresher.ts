import type { Logger } from "../support/logger.ts";
import { type ConnectionRecord, type Vault, VaultConflictError } from "../vault/index.ts";
import { OAuthGrantInvalidError, OAuthUnavailableError, type PleoOAuthClient } from "./oauth-client.ts";
import type { RefreshLock } from "./refresh-lock.ts";
import { subjectUrn } from "./subject.ts";

/**
 * The one refresh path for OAuth connections (Pleo: "one centralised refresh path, one refresh in
 * flight per grant, calls held while it runs"). A token is refreshed proactively, shortly before it
 * expires, by whichever request needs it first:
 *
 * 1. callers in this process share one refresh per grant (single flight);
 * 2. the grant's lock (`RefreshLock`: a Redis lease in a fleet) admits one instance at a time;
 * 3. inside the lock the record is READ AGAIN: if another holder already rotated the pair, that pair is
 *    used and Pleo is not called;
 * 4. the new pair is written with the vault's compare-and-set on the version read in step 3, so a holder
 *    whose lease ran out cannot overwrite a newer pair;
 * 5. transient failures are retried with bounded, jittered backoff — including a lost answer, with the
 *    same refresh token (docs/connections.md "The lost answer" explains why that is the right call);
 * 6. `invalid_grant` marks the connection REAUTHORIZATION_REQUIRED: only a person can reconnect it.
 */
export interface RefreshRetry {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** A refresh's outcome: the record to use, and whether Pleo was asked only because it refused the token. */
export interface Refreshed {
  readonly record: ConnectionRecord;
  /** A new pair obtained because the old token was refused while not due: if it is refused too, it stays so. */
  readonly forRejection: boolean;
}

const DEFAULT_RETRY: RefreshRetry = { attempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 };
/** Refresh once this share of a token's lifetime is left (at most MAX_MARGIN_MS before expiry). */
const MARGIN_SHARE = 0.2;
const MAX_MARGIN_MS = 60_000;

export class TokenRefresher {
  readonly #vault: Vault;
  readonly #oauth: PleoOAuthClient;
  readonly #lock: RefreshLock;
  readonly #logger: Logger;
  readonly #retry: RefreshRetry;
  readonly #inFlight = new Map<string, Promise<Refreshed>>();

  constructor(options: {
    vault: Vault;
    oauth: PleoOAuthClient;
    lock: RefreshLock;
    logger: Logger;
    retry?: RefreshRetry;
  }) {
    this.#vault = options.vault;
    this.#oauth = options.oauth;
    this.#lock = options.lock;
    this.#logger = options.logger;
    this.#retry = options.retry ?? DEFAULT_RETRY;
  }

  /** The record with an access token fit to send: as is while fresh, refreshed when close to expiry. */
  async usable(record: ConnectionRecord): Promise<ConnectionRecord> {
    if (record.secret.kind !== "oauth" || record.status !== "ACTIVE" || !needsRefresh(record)) return record;
    return (await this.#singleFlight(record, false)).record;
  }

  /**
   * Pleo refused an access token the gateway believed fresh: one refresh, unless another holder has
   * replaced that token meanwhile (then its pair is the answer). The caller makes sure this happens once
   * per token.
   */
  afterRejection(record: ConnectionRecord): Promise<Refreshed> {
    return this.#singleFlight(record, true);
  }

  #singleFlight(seen: ConnectionRecord, force: boolean): Promise<Refreshed> {
    const key = grantKey(seen);
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = this.#lock
        .withLock(key, () => this.#refreshHoldingLock(seen, force))
        .finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, pending);
    }
    return pending;
  }

  async #refreshHoldingLock(seen: ConnectionRecord, force: boolean): Promise<Refreshed> {
    const current = await this.#vault.get(seen.subject);
    if (current?.secret.kind !== "oauth" || current.status !== "ACTIVE") {
      return { record: current ?? seen, forRejection: false };
    }
    const due = needsRefresh(current);
    const rotated = seen.secret.kind === "oauth" && current.secret.accessToken !== seen.secret.accessToken;
    // Another holder rotated the pair since we read it: use theirs unless it, too, is due.
    if (!due && (rotated || !force)) return { record: current, forRejection: false };
    return { record: await this.#refresh(current), forRejection: !due };
  }

  async #refresh(current: ConnectionRecord): Promise<ConnectionRecord> {
    if (current.secret.kind !== "oauth") return current;
    const refreshToken = current.secret.refreshToken;
    const { version: _version, ...stored } = current;
    let tokens: Awaited<ReturnType<PleoOAuthClient["refresh"]>>;
    try {
      tokens = await this.#withRetry(() => this.#oauth.refresh(refreshToken));
    } catch (error) {
      if (!(error instanceof OAuthGrantInvalidError)) throw error;
      this.#logger.warn(
        { subject: subjectUrn(current.subject), grantId: current.grantId },
        "oauth grant refused by pleo: connection needs reauthorization",
      );
      return this.#write({ ...stored, status: "REAUTHORIZATION_REQUIRED" }, current);
    }
    this.#logger.info(
      { subject: subjectUrn(current.subject), grantId: current.grantId, expiresAt: tokens.expiresAt },
      "oauth access token refreshed",
    );
    return this.#write(
      {
        ...stored,
        secret: { kind: "oauth", accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
        scopes: tokens.scopes,
        accessTokenExpiresAt: tokens.expiresAt.toISOString(),
        lastRefreshAt: new Date().toISOString(),
      },
      current,
    );
  }

  /** Compare-and-set on the version read under the lock; losing means a newer record exists: use it. */
  async #write(next: Omit<ConnectionRecord, "version">, read: ConnectionRecord): Promise<ConnectionRecord> {
    try {
      return await this.#vault.put(next, read.version);
    } catch (error) {
      if (!(error instanceof VaultConflictError)) throw error;
      this.#logger.warn(
        { subject: subjectUrn(read.subject), grantId: read.grantId },
        "refreshed pair not stored: the record changed meanwhile (lease lost or reconnected)",
      );
      return (await this.#vault.get(read.subject)) ?? read;
    }
  }

  async #withRetry<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof OAuthUnavailableError) || attempt >= this.#retry.attempts) throw error;
        const ceiling = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempt - 1));
        await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
      }
    }
  }
}

/** Whether the access token is within its refresh margin (or past expiry). */
export function needsRefresh(record: ConnectionRecord, now = Date.now()): boolean {
  if (!record.accessTokenExpiresAt) return false;
  const expiresAt = Date.parse(record.accessTokenExpiresAt);
  const issuedAt = Date.parse(record.lastRefreshAt ?? record.connectedAt);
  const lifetime = Math.max(0, expiresAt - issuedAt);
  return expiresAt - now <= Math.min(MAX_MARGIN_MS, lifetime * MARGIN_SHARE);
}

/** The lock and single-flight key: the grant the gateway gave the connection (or its subject). */
function grantKey(record: ConnectionRecord): string {
  return record.grantId ?? subjectUrn(record.subject);
}
