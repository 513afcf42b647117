import type { Redis } from "ioredis";
import type { FleetConnection } from "../fleet/redis-connection.ts";
import type { Logger } from "../support/logger.ts";
import type { Keyring } from "../vault/keyring.ts";
import { parseJson } from "../vault/redis-vault.ts";
import {
  openSubscription,
  type StoredSubscription,
  sealSubscription,
  type WebhookSecretStore,
  WebhookSecretStoreUnavailableError,
} from "./secret-store.ts";

/**
 * A fleet's webhook secrets: one Redis hash per company (field = subscription id, value = the sealed
 * secret), so a delivery reads its company's secrets with one HGETALL and no KEYS/SCAN. Like the vault's
 * hash (src/vault/redis-vault.ts) these keys have no TTL: an expired secret would silently turn every
 * later delivery away. No per-instance fallback either: an unreachable Redis is an error, never a
 * secret believed by one instance only.
 */
export function webhookSecretsKey(keyPrefix: string, companyId: string): string {
  return `${keyPrefix}{webhooks:${companyId}}:secrets`;
}

export class RedisWebhookSecretStore implements WebhookSecretStore {
  readonly #connection: FleetConnection;
  readonly #keyPrefix: string;
  readonly #keyring: Keyring;
  readonly #logger: Logger;

  constructor(connection: FleetConnection, keyPrefix: string, keyring: Keyring, logger: Logger) {
    this.#connection = connection;
    this.#keyPrefix = keyPrefix;
    this.#keyring = keyring;
    this.#logger = logger;
  }

  async forCompany(companyId: string): Promise<readonly StoredSubscription[]> {
    const key = webhookSecretsKey(this.#keyPrefix, companyId);
    const all = await this.#run("list", (redis) => redis.hgetall(key));
    const found: StoredSubscription[] = [];
    for (const [subscriptionId, stored] of Object.entries(all)) {
      const opened = openSubscription(this.#keyring, companyId, subscriptionId, parseJson(stored));
      if (opened) found.push(opened);
      else this.#logger.warn({ companyId, subscriptionId }, "webhook secret cannot be read; left out");
    }
    return found;
  }

  async put(subscription: StoredSubscription): Promise<void> {
    const key = webhookSecretsKey(this.#keyPrefix, subscription.companyId);
    const sealed = JSON.stringify(sealSubscription(this.#keyring, subscription));
    await this.#run("put", (redis) => redis.hset(key, subscription.subscriptionId, sealed));
  }

  async delete(companyId: string, subscriptionId: string): Promise<boolean> {
    const key = webhookSecretsKey(this.#keyPrefix, companyId);
    return (await this.#run("delete", (redis) => redis.hdel(key, subscriptionId))) > 0;
  }

  async #run<T>(operation: string, commands: (redis: Redis) => Promise<T>): Promise<T> {
    const outcome = await this.#connection.run(commands);
    if (!outcome.ok) throw new WebhookSecretStoreUnavailableError(operation);
    return outcome.value;
  }
}
