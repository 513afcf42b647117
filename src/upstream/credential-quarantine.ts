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
 * for foreign ids. Nor is a 403 for a subject the credential is not bound to (an organisation key asked
 * for a company outside its organisation): that is Pleo saying "not yours", about the subject, and the
 * same key still serves its own organisation's companies. Entries are keyed by the credential's hash,
 * never the secret, and bounded (LRU).
 */

/** Why and for how much longer a call is refused. */
export interface QuarantineMark {
  readonly status: 401 | 403;
  readonly retryAfterMs: number;
}

/** The call a refusal came from: its method and path template, its full path and query, its company. */
export interface RefusedCall {
  readonly endpoint: string;
  readonly url: string;
  readonly companyId: string | undefined;
  /** The company is not known to be the credential's own subject (default false: it is). */
  readonly unboundSubject?: boolean;
}

/**
 * The small interface the quarantine lives behind, like `RateBudgetStore`, so several gateway instances
 * can share it (e.g. through Redis). Methods may answer synchronously (the in-memory default) or not.
 */
export interface QuarantineStore {
  /** Records a refusal if it concerns the credential (see the module comment). Returns whether it did. */
  refuse(credentialHash: string, status: number, call: RefusedCall): boolean | Promise<boolean>;
  /** The mark that forbids a call with this credential to this endpoint, if any. */
  check(
    credentialHash: string,
    endpoint: string,
  ): QuarantineMark | undefined | Promise<QuarantineMark | undefined>;
}

interface Entry {
  readonly status: 401 | 403;
  readonly until: number;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** In-memory default: one process's marks, bounded (least recently used evicted). */
export class CredentialQuarantine implements QuarantineStore {
  readonly #marks: LruCache<Entry>;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { ttlMs: number; maxKeys: number }, now: () => number = Date.now) {
    this.#marks = new LruCache<Entry>(options.maxKeys, now);
    this.#ttlMs = options.ttlMs;
    this.#now = now;
  }

  /** `call.endpoint` is the call's method and path template; `call.url` its full path and query. */
  refuse(credentialHash: string, status: number, call: RefusedCall): boolean {
    if (this.#ttlMs <= 0) return false;
    const until = this.#now() + this.#ttlMs;
    if (status === 401) {
      this.#marks.setSync(credentialHash, { status: 401, until }, this.#ttlMs);
      return true;
    }
    if (
      status === 403 &&
      !call.unboundSubject &&
      call.companyId !== undefined &&
      companyWide(call.url, call.companyId)
    ) {
      this.#marks.setSync(`${credentialHash}|${call.endpoint}`, { status: 403, until }, this.#ttlMs);
      return true;
    }
    return false;
  }

  check(credentialHash: string, endpoint: string): QuarantineMark | undefined {
    const entry = this.#marks.getSync(credentialHash) ?? this.#marks.getSync(`${credentialHash}|${endpoint}`);
    if (!entry) return undefined;
    return { status: entry.status, retryAfterMs: Math.max(0, entry.until - this.#now()) };
  }
}

/** No id in path or query other than the company's own: the call addresses the company as a whole. */
function companyWide(url: string, companyId: string): boolean {
  const ids = url.match(UUID) ?? [];
  return ids.every((id) => id.toLowerCase() === companyId.toLowerCase());
}
