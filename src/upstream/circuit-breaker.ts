import { LruCache } from "../support/lru-cache.ts";

/**
 * A circuit breaker per company and credential. Consecutive upstream failures (connection errors,
 * timeouts, 5xx) open it; while open, calls fail at once instead of waiting on a Pleo that is down for
 * that company. After `openMs` it half-opens: up to `halfOpenProbes` calls go through; a success closes
 * it, a failure opens it again. Breakers are bounded (least recently used evicted).
 */
export interface BreakerOptions {
  readonly failureThreshold: number;
  readonly openMs: number;
  readonly halfOpenProbes: number;
}

export type BreakerState = "closed" | "open" | "half-open";

interface Entry {
  state: BreakerState;
  failures: number;
  openUntil: number;
  probes: number;
}

export type Admission =
  | { readonly admitted: true; readonly probe: boolean }
  | { readonly admitted: false; readonly retryAfterMs: number };

/** Who a breaker is for, passed through to transition listeners (metrics, logs). Never a secret. */
export interface BreakerMeta {
  readonly companyId: string | undefined;
  readonly credentialId: string;
}

export interface BreakerTransition extends BreakerMeta {
  readonly key: string;
  readonly from: BreakerState;
  readonly to: BreakerState;
}

/**
 * The small interface the breakers live behind, like `RateBudgetStore`, so several gateway instances can
 * share them (e.g. through Redis). Every method may answer synchronously (the in-memory default) or
 * asynchronously. Transitions are reported to the listener the client hands the store's factory.
 */
export interface CircuitBreakerStore {
  /** Fails fast while open, without reserving anything (used before spending rate budget). */
  isOpen(key: string): { retryAfterMs: number } | undefined | Promise<{ retryAfterMs: number } | undefined>;
  /** Right before an attempt: may it go out? A half-open breaker admits a bounded number of probes. */
  admit(key: string, meta: BreakerMeta): Admission | Promise<Admission>;
  /** The attempt got an answer that says nothing bad about Pleo's health (any status below 500). */
  success(key: string, meta: BreakerMeta, probe: boolean): void | Promise<void>;
  /** Connection error, timeout or 5xx. */
  failure(key: string, meta: BreakerMeta, probe: boolean): void | Promise<void>;
  /** The attempt was abandoned for a reason unrelated to Pleo (e.g. the caller went away). */
  release(key: string, probe: boolean): void | Promise<void>;
}

/** In-memory default: one process's breakers, bounded (least recently used evicted). */
export class CircuitBreakers implements CircuitBreakerStore {
  readonly #options: BreakerOptions;
  readonly #entries: LruCache<Entry>;
  readonly #now: () => number;
  readonly #onTransition: (transition: BreakerTransition) => void;
  /** How long an idle breaker is remembered (a closed one with no failures carries no information). */
  readonly #ttlMs: number;

  constructor(
    options: BreakerOptions & { maxKeys: number },
    onTransition: (transition: BreakerTransition) => void = () => {},
    now: () => number = Date.now,
  ) {
    this.#options = options;
    this.#entries = new LruCache<Entry>(options.maxKeys, now);
    this.#now = now;
    this.#onTransition = onTransition;
    this.#ttlMs = Math.max(10 * 60_000, options.openMs * 4);
  }

  state(key: string): BreakerState {
    const entry = this.#entries.getSync(key);
    if (!entry) return "closed";
    if (entry.state === "open" && this.#now() >= entry.openUntil) return "half-open";
    return entry.state;
  }

  isOpen(key: string): { retryAfterMs: number } | undefined {
    const entry = this.#entries.getSync(key);
    if (!entry) return undefined;
    const now = this.#now();
    if (entry.state === "open" && now < entry.openUntil) return { retryAfterMs: entry.openUntil - now };
    if (entry.state === "half-open" && entry.probes >= this.#options.halfOpenProbes)
      return { retryAfterMs: 1_000 };
    return undefined;
  }

  admit(key: string, meta: BreakerMeta): Admission {
    const entry = this.#entries.getSync(key);
    if (!entry || entry.state === "closed") return { admitted: true, probe: false };
    const now = this.#now();
    if (entry.state === "open") {
      if (now < entry.openUntil) return { admitted: false, retryAfterMs: entry.openUntil - now };
      this.#transition(key, meta, entry, "half-open");
      entry.probes = 0;
    }
    if (entry.probes >= this.#options.halfOpenProbes) return { admitted: false, retryAfterMs: 1_000 };
    entry.probes += 1;
    this.#save(key, entry);
    return { admitted: true, probe: true };
  }

  success(key: string, meta: BreakerMeta, probe: boolean): void {
    const entry = this.#entries.getSync(key);
    if (!entry) return;
    if (probe) entry.probes = Math.max(0, entry.probes - 1);
    entry.failures = 0;
    if (entry.state !== "closed") this.#transition(key, meta, entry, "closed");
    this.#save(key, entry);
  }

  failure(key: string, meta: BreakerMeta, probe: boolean): void {
    const entry = this.#entries.getSync(key) ?? { state: "closed", failures: 0, openUntil: 0, probes: 0 };
    if (probe) entry.probes = Math.max(0, entry.probes - 1);
    entry.failures += 1;
    if (entry.state === "half-open" || entry.failures >= this.#options.failureThreshold) {
      if (entry.state !== "open") this.#transition(key, meta, entry, "open");
      entry.openUntil = this.#now() + this.#options.openMs;
    }
    this.#save(key, entry);
  }

  release(key: string, probe: boolean): void {
    if (!probe) return;
    const entry = this.#entries.getSync(key);
    if (!entry) return;
    entry.probes = Math.max(0, entry.probes - 1);
    this.#save(key, entry);
  }

  #transition(key: string, meta: BreakerMeta, entry: Entry, to: BreakerState): void {
    const from = entry.state;
    entry.state = to;
    this.#onTransition({ key, companyId: meta.companyId, credentialId: meta.credentialId, from, to });
  }

  #save(key: string, entry: Entry): void {
    this.#entries.setSync(key, entry, this.#ttlMs);
  }
}
