import { LruCache } from "../support/lru-cache.ts";
import type { MaybePromise } from "../support/maybe-async.ts";

/**
 * The outgoing rate budget per credential (Pleo allows 600 requests/minute; the gateway stays under a
 * configurable 500). Calls beyond it wait for their slot when it comes within their deadline, or fail
 * at once with the time to wait. Each credential has its own budget, so one company exhausting its
 * budget never delays another's calls; within one credential's budget, the callers drawing on it take
 * turns (fair-rate-budget.ts), so one caller's burst never starves another.
 */
export interface RateBudgetOptions {
  /** At most this many calls in any 60-second window, bursts included. */
  readonly perMinute: number;
  /** Calls that may go out back to back before pacing starts (part of `perMinute`). */
  readonly burst: number;
}

export type Reservation =
  /** A slot is reserved: send after `waitMs` (0: now). */
  | { readonly granted: true; readonly waitMs: number }
  /** No slot within the allowed wait: the next one is `retryAfterMs` away. Nothing was reserved. */
  | { readonly granted: false; readonly retryAfterMs: number };

/**
 * The small async interface the budget lives behind, like `Cache`, so several gateway instances can
 * share budgets through Redis (a GCRA is one number per key: one atomic script per call).
 */
export interface RateBudgetStore {
  /** Reserves the next slot for `key` if it comes within `maxWaitMs` (at once when kept in memory). */
  reserve(key: string, maxWaitMs: number): MaybePromise<Reservation>;
  /** No slot for `key` before `untilMs` (epoch ms), e.g. after Pleo answered 429 with `Retry-After`. */
  pause(key: string, untilMs: number): Promise<void>;
}

/**
 * In-memory default: the generic cell rate algorithm (GCRA). Per key it stores only the theoretical
 * arrival time (TAT) of the next call. Calls are spaced `interval` apart with a tolerance of `burst`
 * calls; with interval = 60 s / (perMinute − burst), any 60-second window holds at most
 * `burst + (perMinute − burst) = perMinute` calls. Keys are bounded: the least recently used is
 * evicted (a flood of distinct credentials cannot exhaust memory).
 */
export class InMemoryRateBudget implements RateBudgetStore {
  readonly #tat: LruCache<number>;
  readonly #intervalMs: number;
  readonly #toleranceMs: number;
  readonly #now: () => number;

  constructor(options: RateBudgetOptions & { maxKeys: number }, now: () => number = Date.now) {
    if (options.burst < 1 || options.burst >= options.perMinute)
      throw new RangeError("rate budget: 1 ≤ burst < perMinute");
    this.#intervalMs = 60_000 / (options.perMinute - options.burst);
    this.#toleranceMs = this.#intervalMs * (options.burst - 1);
    this.#tat = new LruCache<number>(options.maxKeys, now);
    this.#now = now;
  }

  get size(): number {
    return this.#tat.size;
  }

  reserve(key: string, maxWaitMs: number): Reservation {
    return this.reserveSync(key, maxWaitMs);
  }

  async pause(key: string, untilMs: number): Promise<void> {
    this.pauseSync(key, untilMs);
  }

  reserveSync(key: string, maxWaitMs: number): Reservation {
    const now = this.#now();
    const tat = Math.max(this.#tat.getSync(key) ?? now, now);
    // (The epsilon absorbs float error in interval multiples, so a full burst is exactly `burst` calls.)
    const waitMs = Math.max(0, Math.ceil(tat - this.#toleranceMs - now - 1e-6));
    if (waitMs > maxWaitMs) return { granted: false, retryAfterMs: waitMs };
    this.#store(key, tat + this.#intervalMs, now);
    return { granted: true, waitMs };
  }

  pauseSync(key: string, untilMs: number): void {
    const now = this.#now();
    const tat = Math.max(this.#tat.getSync(key) ?? now, untilMs + this.#toleranceMs);
    this.#store(key, tat, now);
  }

  #store(key: string, tat: number, now: number): void {
    // Once the TAT is in the past the key is back at a full burst: the entry may expire then.
    this.#tat.setSync(key, tat, Math.max(1, tat - now) + 1_000);
  }
}
