import type { FleetConnection } from "../fleet/redis-connection.ts";
import { LruCache } from "../support/lru-cache.ts";

/**
 * "Has this delivery been accepted before?", by company and `webhook-id`. Pleo re-sends a delivery
 * with the same id (its retries, or someone replaying a captured request); only the first is published.
 * Claimed only after the signature was verified, so forged requests cannot burn real ids.
 *
 * A fleet claims with `SET NX PX` in Redis, so a retry reaching another instance is recognised too;
 * while Redis is unreachable the instance's own memory decides (a retry reaching another instance in
 * that window may be published twice: subscribers re-fetch the resource, so a duplicate is harmless).
 */
export interface DeliveryDedupe {
  /** True for the first claim of (company, id) within `ttlMs`. */
  claim(companyId: string, webhookId: string, ttlMs: number): Promise<boolean>;
}

const MAX_REMEMBERED = 100_000;

export class InMemoryDeliveryDedupe implements DeliveryDedupe {
  readonly #seen = new LruCache<true>(MAX_REMEMBERED);

  async claim(companyId: string, webhookId: string, ttlMs: number): Promise<boolean> {
    const key = `${companyId}\n${webhookId}`;
    if (this.#seen.getSync(key)) return false;
    this.#seen.setSync(key, true, ttlMs);
    return true;
  }
}

export class FleetDeliveryDedupe implements DeliveryDedupe {
  readonly #connection: FleetConnection;
  readonly #keyPrefix: string;
  readonly #local = new InMemoryDeliveryDedupe();

  constructor(connection: FleetConnection, keyPrefix: string) {
    this.#connection = connection;
    this.#keyPrefix = keyPrefix;
  }

  async claim(companyId: string, webhookId: string, ttlMs: number): Promise<boolean> {
    // The id is the sender's, already bounded to a short safe alphabet by the receiver (src/webhooks/receiver.ts).
    const key = `${this.#keyPrefix}{webhooks:${companyId}}:seen:${webhookId}`;
    const outcome = await this.#connection.run((redis) => redis.set(key, "1", "PX", ttlMs, "NX"));
    // Remembered locally as well, so the fallback knows what this instance accepted while Redis was up.
    const local = await this.#local.claim(companyId, webhookId, ttlMs);
    return outcome.ok ? outcome.value === "OK" : local;
  }
}
