import type { Logger } from "../support/logger.ts";
import { VaultConflictError } from "./errors.ts";
import type { Keyring } from "./keyring.ts";
import {
  type ConnectionRecord,
  openReadable,
  openRecord,
  type SubjectRef,
  sealRecord,
  storedVersion,
  subjectKey,
  type Vault,
} from "./record.ts";
import { RecordsFile } from "./records-file.ts";

/**
 * The embedded default: one file (`VAULT_FILE`) of sealed records by subject, for ONE gateway process
 * (a fleet uses the Redis backend), with the rules of records-file.ts: changes one at a time, each
 * written atomically before it counts, so the compare-and-set is decided against exactly what is on
 * disk; a file that is not a vault is refused at start rather than started over (that would silently
 * lose every connection); entries this process cannot read are kept as they are, so a rewrite never
 * destroys what an operator might still recover with the right key.
 */
const VAULT_FILE_KIND = { format: "pleo-gateway-vault/1", variable: "VAULT_FILE", what: "a gateway vault" };

export class FileVault implements Vault {
  readonly #file: RecordsFile;
  readonly #keyring: Keyring;
  readonly #logger: Logger;

  private constructor(file: RecordsFile, keyring: Keyring, logger: Logger) {
    this.#file = file;
    this.#keyring = keyring;
    this.#logger = logger;
  }

  /** Opens the vault at `path` (a missing file is an empty vault, created on the first write). */
  static async open(path: string, keyring: Keyring, logger: Logger): Promise<FileVault> {
    return new FileVault(await RecordsFile.open(path, VAULT_FILE_KIND), keyring, logger);
  }

  async get(subject: SubjectRef): Promise<ConnectionRecord | undefined> {
    const stored = this.#file.records.get(subjectKey(subject));
    return stored === undefined ? undefined : openRecord(this.#keyring, subject, stored);
  }

  async list(): Promise<readonly ConnectionRecord[]> {
    return openReadable(this.#keyring, this.#logger, this.#file.records.entries());
  }

  async put(
    record: Omit<ConnectionRecord, "version">,
    expectedVersion: number | null,
  ): Promise<ConnectionRecord> {
    const key = subjectKey(record.subject);
    const sealed = sealRecord(this.#keyring, record, (expectedVersion ?? 0) + 1);
    await this.#file.set(key, sealed.stored, (current) => {
      const currentVersion = current === undefined ? null : (storedVersion(current) ?? Number.NaN);
      if (currentVersion !== expectedVersion) throw new VaultConflictError(key, expectedVersion);
    });
    return sealed.record;
  }

  delete(subject: SubjectRef): Promise<boolean> {
    return this.#file.remove(subjectKey(subject));
  }
}
