/**
 * The small cache interface every shared structure (introspection results, later budgets and response
 * caches) is written against, so a Redis-backed implementation can replace the in-memory default when
 * several gateway instances share state. Keys are never secrets: callers hash first.
 */
export interface Cache<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/** In-memory, bounded (least recently used is evicted first), with per-entry expiry. */
export class LruCache<V> implements Cache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(maxEntries: number, now: () => number = Date.now) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new RangeError("maxEntries must be a positive integer");
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  getSync(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    // Map preserves insertion order: re-inserting marks the entry most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  setSync(key: string, value: V, ttlMs: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  async get(key: string): Promise<V | undefined> {
    return this.getSync(key);
  }

  async set(key: string, value: V, ttlMs: number): Promise<void> {
    this.setSync(key, value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }
}
