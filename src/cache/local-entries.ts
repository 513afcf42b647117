/**
 * This instance's copies of cached answers: bounded by the bytes of their text (least recently used
 * evicted first), each filed under its group (one company's one resource) and credential, so an
 * invalidation or a refused credential drops exactly its own entries.
 */
export interface CachedAnswer {
  /** The response body as Pleo sent it; parsed afresh by the caller's model on every use. */
  readonly text: string;
  /** Epoch ms until which the answer is served as is. */
  readonly freshUntil: number;
  /** Epoch ms until which it may be served stale while one refresh runs. */
  readonly staleUntil: number;
}

interface Entry {
  readonly answer: CachedAnswer;
  readonly group: string;
  readonly credentialHash: string;
  readonly bytes: number;
}

/** Per entry beyond its text: the key, the timestamps, the map's own bookkeeping. */
const ENTRY_OVERHEAD_BYTES = 256;

export class LocalEntries {
  readonly #entries = new Map<string, Entry>();
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;

  constructor(maxBytes: number, now: () => number = Date.now) {
    this.#maxBytes = maxBytes;
    this.#now = now;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.answer.staleUntil <= this.#now()) {
      this.#remove(key, entry);
      return undefined;
    }
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.answer;
  }

  set(key: string, group: string, credentialHash: string, answer: CachedAnswer): void {
    const bytes = answer.text.length * 2 + key.length * 2 + ENTRY_OVERHEAD_BYTES;
    // One answer larger than an eighth of the whole would only push everything else out.
    if (bytes > this.#maxBytes / 8) return;
    const existing = this.#entries.get(key);
    if (existing) this.#remove(key, existing);
    this.#entries.set(key, { answer, group, credentialHash, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#remove(oldest, entry);
    }
  }

  /** Drops every entry of `group` (a company's resource). */
  dropGroup(group: string): void {
    for (const [key, entry] of this.#entries) if (entry.group === group) this.#remove(key, entry);
  }

  /** Drops every entry read with a credential Pleo has since refused. */
  dropCredential(credentialHash: string): void {
    for (const [key, entry] of this.#entries)
      if (entry.credentialHash === credentialHash) this.#remove(key, entry);
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}
