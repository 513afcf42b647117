import { LruCache } from "../support/lru-cache.ts";
import { type ConnectionRecord, type Vault, VaultUnavailableError } from "../vault/index.ts";
import { type SubjectRef, subjectUrn } from "./subject.ts";

/** How long a record read from the vault may stand in for one the vault cannot give right now. */
const STAND_IN_MS = 30_000;

/** The pause before a vault read that did not answer in time is asked once more. */
const RETRY_PAUSE_MS = 100;

/**
 * Connection records as every request touching a connected company reads them. Concurrent reads of one
 * subject share one vault read, so a crowd costs the vault one command per subject at a time, not one
 * per request. When the vault cannot answer (in a fleet: a Redis command timing out on a saturated
 * host, which says nothing about the record), the record this instance read last stands in for a short
 * while, never past its access token's expiry: the same rule as a refresh that cannot happen. It is
 * kept in this process only, as the requests holding its credential keep it anyway.
 */
export class RecordReads {
  readonly #vault: Vault;
  readonly #inFlight = new Map<string, Promise<ConnectionRecord | undefined>>();
  readonly #lastRead = new LruCache<ConnectionRecord>(10_000);

  constructor(vault: Vault) {
    this.#vault = vault;
  }

  get(subject: SubjectRef): Promise<ConnectionRecord | undefined> {
    const key = subjectUrn(subject);
    let pending = this.#inFlight.get(key);
    if (!pending) {
      pending = this.#read(subject, key).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, pending);
    }
    return pending;
  }

  /** A newer record this instance obtained itself (a refresh): what stands in from now on. */
  note(record: ConnectionRecord): void {
    const key = subjectUrn(record.subject);
    const last = this.#lastRead.getSync(key);
    if (!last || last.version <= record.version) this.#lastRead.setSync(key, record, STAND_IN_MS);
  }

  async #read(subject: SubjectRef, key: string): Promise<ConnectionRecord | undefined> {
    try {
      const record = await this.#readOnceMore(subject);
      if (record) this.note(record);
      else await this.#lastRead.delete(key);
      return record;
    } catch (error) {
      const last = error instanceof VaultUnavailableError ? this.#lastRead.getSync(key) : undefined;
      if (!last || accessTokenExpired(last)) throw error;
      return last;
    }
  }

  /**
   * One vault read, asked once more after a short pause when the vault did not answer in time: a single
   * command timing out (a busy event loop or a Redis hiccup) must not fail a company whose record this
   * instance has not read yet and so cannot stand in for.
   */
  async #readOnceMore(subject: SubjectRef): Promise<ConnectionRecord | undefined> {
    try {
      return await this.#vault.get(subject);
    } catch (error) {
      if (!(error instanceof VaultUnavailableError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      return this.#vault.get(subject);
    }
  }
}

/** Whether an OAuth connection's access token is past its expiry (never, for an API key). */
export function accessTokenExpired(record: ConnectionRecord): boolean {
  return record.accessTokenExpiresAt !== undefined && Date.parse(record.accessTokenExpiresAt) <= Date.now();
}
