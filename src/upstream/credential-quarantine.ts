import { LruCache } from "../support/lru-cache.ts";

/**
 * Credentials Pleo refused recently, so the gateway stops sending them instead of hammering Pleo:
 *
 * - 401 (revoked, expired, unknown): the credential as a whole is unusable for `ttlMs`.
 * - 403 on a company-wide call (a list or search addressed only by the credential's own company, no
 *   object id anywhere): the credential cannot do *that* for its company any more, e.g. a scope was
 *   withdrawn. That endpoint is unusable for the credential for `ttlMs`; its other endpoints still work.
 *
 * A 403 for one object (an export job or employee of another company, which Pleo answers with 403) is
 * *not* recorded: a caller could otherwise get a shared, gateway-held credential suspended by asking
 * for foreign ids. Entries are keyed by the credential's hash, never the secret, and bounded (LRU).
 */
export interface QuarantineMark {
  readonly status: 401 | 403;
  readonly until: number;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export class CredentialQuarantine {
  readonly #marks: LruCache<QuarantineMark>;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { ttlMs: number; maxKeys: number }, now: () => number = Date.now) {
    this.#marks = new LruCache<QuarantineMark>(options.maxKeys, now);
    this.#ttlMs = options.ttlMs;
    this.#now = now;
  }

  /**
   * Records a refusal if it concerns the credential (see the class comment). Returns whether it did.
   * `endpoint` is the call's method and path template; `url` its full path and query.
   */
  refuse(
    credentialHash: string,
    status: number,
    call: { endpoint: string; url: string; companyId: string | undefined },
  ): boolean {
    if (this.#ttlMs <= 0) return false;
    const until = this.#now() + this.#ttlMs;
    if (status === 401) {
      this.#marks.setSync(credentialHash, { status: 401, until }, this.#ttlMs);
      return true;
    }
    if (status === 403 && call.companyId !== undefined && companyWide(call.url, call.companyId)) {
      this.#marks.setSync(`${credentialHash}|${call.endpoint}`, { status: 403, until }, this.#ttlMs);
      return true;
    }
    return false;
  }

  /** The mark that forbids this call, if any. */
  check(credentialHash: string, endpoint: string): QuarantineMark | undefined {
    return this.#marks.getSync(credentialHash) ?? this.#marks.getSync(`${credentialHash}|${endpoint}`);
  }

  remainingMs(mark: QuarantineMark): number {
    return Math.max(0, mark.until - this.#now());
  }
}

/** No id in path or query other than the company's own: the call addresses the company as a whole. */
function companyWide(url: string, companyId: string): boolean {
  const ids = url.match(UUID) ?? [];
  return ids.every((id) => id.toLowerCase() === companyId.toLowerCase());
}
