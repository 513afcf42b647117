import type { Logger } from "../support/logger.ts";
import type { Keyring } from "../vault/keyring.ts";
import { RecordsFile } from "../vault/records-file.ts";
import {
  openSubscription,
  type StoredSubscription,
  sealSubscription,
  type WebhookSecretStore,
} from "./secret-store.ts";

/**
 * One instance's webhook secrets: a file of sealed secrets by `<companyId>:<subscriptionId>`, with the
 * vault file's rules (src/vault/records-file.ts): changes one at a time, each written atomically; a file
 * that is not a secrets file is refused at start, never overwritten.
 */
const SECRETS_FILE_KIND = {
  format: "pleo-gateway-webhook-secrets/1",
  variable: "WEBHOOK_SECRETS_FILE",
  what: "a webhook secrets file",
};

export class FileWebhookSecretStore implements WebhookSecretStore {
  readonly #file: RecordsFile;
  readonly #keyring: Keyring;
  readonly #logger: Logger;

  private constructor(file: RecordsFile, keyring: Keyring, logger: Logger) {
    this.#file = file;
    this.#keyring = keyring;
    this.#logger = logger;
  }

  static async open(path: string, keyring: Keyring, logger: Logger): Promise<FileWebhookSecretStore> {
    return new FileWebhookSecretStore(await RecordsFile.open(path, SECRETS_FILE_KIND), keyring, logger);
  }

  async forCompany(companyId: string): Promise<readonly StoredSubscription[]> {
    const found: StoredSubscription[] = [];
    for (const [slot, stored] of this.#file.records) {
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
    return this.#file.set(slot, sealSubscription(this.#keyring, subscription));
  }

  delete(companyId: string, subscriptionId: string): Promise<boolean> {
    return this.#file.remove(`${companyId}:${subscriptionId}`);
  }
}
