import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Logger } from "../support/logger.ts";
import { writeFileAtomically } from "../vault/atomic-file.ts";
import { VaultConfigError } from "../vault/errors.ts";
import type { Keyring } from "../vault/keyring.ts";
import {
  openSubscription,
  type StoredSubscription,
  sealSubscription,
  type WebhookSecretStore,
} from "./secret-store.ts";

/**
 * One instance's webhook secrets: a JSON file of sealed secrets by `<companyId>:<subscriptionId>`, read
 * once at start, every change written atomically one at a time (the vault file's rules,
 * src/vault/file-vault.ts). A file that is not a secrets file is refused at start, never overwritten.
 */
const FILE_FORMAT = "pleo-gateway-webhook-secrets/1";
const secretsFile = z.object({ format: z.literal(FILE_FORMAT), records: z.record(z.string(), z.unknown()) });

export class FileWebhookSecretStore implements WebhookSecretStore {
  readonly #path: string;
  readonly #keyring: Keyring;
  readonly #logger: Logger;
  #records: ReadonlyMap<string, unknown>;
  #writes: Promise<unknown> = Promise.resolve();

  private constructor(path: string, keyring: Keyring, logger: Logger, records: ReadonlyMap<string, unknown>) {
    this.#path = path;
    this.#keyring = keyring;
    this.#logger = logger;
    this.#records = records;
  }

  static async open(path: string, keyring: Keyring, logger: Logger): Promise<FileWebhookSecretStore> {
    return new FileWebhookSecretStore(path, keyring, logger, await readSecretsFile(path));
  }

  async forCompany(companyId: string): Promise<readonly StoredSubscription[]> {
    const found: StoredSubscription[] = [];
    for (const [slot, stored] of this.#records) {
      const [company, subscriptionId] = slot.split(":");
      if (company !== companyId || !subscriptionId) continue;
      const opened = openSubscription(this.#keyring, companyId, subscriptionId, stored);
      if (opened) found.push(opened);
      else this.#logger.warn({ companyId, subscriptionId }, "webhook secret cannot be read; left out");
    }
    return found;
  }

  put(subscription: StoredSubscription): Promise<void> {
    const slot = `${subscription.companyId}:${subscription.subscriptionId}`;
    return this.#exclusive(() =>
      this.#commit(new Map(this.#records).set(slot, sealSubscription(this.#keyring, subscription))),
    );
  }

  delete(companyId: string, subscriptionId: string): Promise<boolean> {
    const slot = `${companyId}:${subscriptionId}`;
    return this.#exclusive(async () => {
      if (!this.#records.has(slot)) return false;
      const next = new Map(this.#records);
      next.delete(slot);
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

async function readSecretsFile(path: string): Promise<ReadonlyMap<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw new VaultConfigError(["WEBHOOK_SECRETS_FILE: the file cannot be read"]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const document = secretsFile.safeParse(parsed);
  if (!document.success)
    throw new VaultConfigError([
      "WEBHOOK_SECRETS_FILE: the file is not a webhook secrets file; restore it or move it away",
    ]);
  return new Map(Object.entries(document.data.records));
}
