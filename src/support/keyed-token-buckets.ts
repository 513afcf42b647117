import { LruCache } from "./lru-cache.ts";

/** `capacity` tokens per `windowMs`, refilled continuously; a key seen for the first time starts full. */
export interface TokenBucketLimit {
  readonly capacity: number;
  readonly windowMs: number;
  /** Bound on the keys tracked (least recently seen evicted: it comes back with a full bucket). */
  readonly maxKeys: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * One token bucket per key, in memory: the caller rate limit (one token per request) and the limit on
 * introspections of unknown credentials (one token per credential) count with it.
 */
export class KeyedTokenBuckets {
  readonly #limit: TokenBucketLimit;
  readonly #buckets: LruCache<Bucket>;
  readonly #now: () => number;

  constructor(limit: TokenBucketLimit, now: () => number = Date.now) {
    this.#limit = limit;
    this.#buckets = new LruCache<Bucket>(limit.maxKeys, now);
    this.#now = now;
  }

  /**
   * Takes `cost` tokens at once, or none: 0 when taken, else the whole seconds until they would be there.
   * A cost above the capacity is asked for as a full bucket (else it could never be paid).
   */
  take(key: string, cost = 1): number {
    const { capacity, windowMs } = this.#limit;
    const needed = Math.min(cost, capacity);
    const now = this.#now();
    const rate = capacity / windowMs;
    const bucket = this.#buckets.getSync(key) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * rate);
    bucket.updatedAt = now;
    let retryAfter = 0;
    if (bucket.tokens >= needed) bucket.tokens -= needed;
    else retryAfter = Math.max(1, Math.ceil((needed - bucket.tokens) / rate / 1000));
    this.#buckets.setSync(key, bucket, windowMs * 2);
    return retryAfter;
  }
}
