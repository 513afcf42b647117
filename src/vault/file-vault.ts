import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Logger } from "../support/logger.ts";
import { writeFileAtomically } from "./atomic-file.ts";
import { VaultConfigError, VaultConflictError } from "./errors.ts";
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

/**
 * The embedded default: one JSON file (`VAULT_FILE`) of sealed records by subject, for ONE gateway
 * process (two processes over one file would each keep their own copy and overwrite the other's
 * writes; a fleet uses the Redis backend). The file is read once at start; every change is applied to
 * a copy, written atomically (src/vault/atomic-file.ts) and only then made current, one change at a
 * time, so the compare-and-set is decided against exactly what is on disk.
 *
 * A file that is not a vault is refused at start rather than started over (that would silently lose
 * every connection). Entries this process cannot read are kept as they are, so a rewrite never
 * destroys what an operator might still recover with the right key.
 */
const FILE_FORMAT = "pleo-gateway-vault/1";
const vaultFile = z.object({
  format: z.literal(FILE_FORMAT),
  records: z.record(z.string(), z.unknown()),
});

export class FileVault implements Vault {
  readonly #path: string;
  readonly #keyring: Keyring;
  readonly #logger: Logger;
  #records: ReadonlyMap<string, unknown>;
  /** The tail of the chain of writes: each starts when the previous one has settled. */
  #writes: Promise<unknown> = Promise.resolve();

  private constructor(path: string, keyring: Keyring, logger: Logger, records: ReadonlyMap<string, unknown>) {
    this.#path = path;
    this.#keyring = keyring;
    this.#logger = logger;
    this.#records = records;
  }

  /** Opens the vault at `path` (a missing file is an empty vault, created on the first write). */
  static async open(path: string, keyring: Keyring, logger: Logger): Promise<FileVault> {
    return new FileVault(path, keyring, logger, await readVaultFile(path));
  }

  async get(subject: SubjectRef): Promise<ConnectionRecord | undefined> {
    const stored = this.#records.get(subjectKey(subject));
    return stored === undefined ? undefined : openRecord(this.#keyring, subject, stored);
  }

  async list(): Promise<readonly ConnectionRecord[]> {
    return openReadable(this.#keyring, this.#logger, this.#records.entries());
  }

  put(record: Omit<ConnectionRecord, "version">, expectedVersion: number | null): Promise<ConnectionRecord> {
    const key = subjectKey(record.subject);
    return this.#exclusive(async () => {
      const current = this.#records.get(key);
      const currentVersion = current === undefined ? null : (storedVersion(current) ?? Number.NaN);
      if (currentVersion !== expectedVersion) throw new VaultConflictError(key, expectedVersion);
      const sealed = sealRecord(this.#keyring, record, (expectedVersion ?? 0) + 1);
      await this.#commit(new Map(this.#records).set(key, sealed.stored));
      return sealed.record;
    });
  }

  delete(subject: SubjectRef): Promise<boolean> {
    const key = subjectKey(subject);
    return this.#exclusive(async () => {
      if (!this.#records.has(key)) return false;
      const next = new Map(this.#records);
      next.delete(key);
      await this.#commit(next);
      return true;
    });
  }

  async #commit(records: ReadonlyMap<string, unknown>): Promise<void> {
    const document = { format: FILE_FORMAT, records: Object.fromEntries(records) };
    await writeFileAtomically(this.#path, `${JSON.stringify(document, null, 2)}\n`);
    this.#records = records;
  }

  #exclusive<T>(change: () => Promise<T>): Promise<T> {
    const result = this.#writes.then(change);
    // A failed change must not block the next one; its caller gets the failure.
    this.#writes = result.catch(() => undefined);
    return result;
  }
}

async function readVaultFile(path: string): Promise<ReadonlyMap<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw new VaultConfigError(["VAULT_FILE: the file cannot be read"]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const document = vaultFile.safeParse(parsed);
  if (!document.success)
    throw new VaultConfigError([
      "VAULT_FILE: the file is not a gateway vault; restore it or move it away (it is never overwritten)",
    ]);
  return new Map(Object.entries(document.data.records));
}
