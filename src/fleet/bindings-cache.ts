import { z } from "zod";
import type { CachedBinding } from "../credentials/introspector.ts";
import { type Cache, LruCache } from "../support/lru-cache.ts";
import type { FleetKeys } from "./keys.ts";
import type { FleetConnection } from "./redis-connection.ts";

/**
 * Introspection bindings shared by the fleet: a `Cache<CachedBinding>` keyed by credential fingerprint
 * (as the introspector already keys it), stored in Redis with the introspector's TTL, so a credential
 * is introspected once for the whole fleet. A local LRU in front answers repeated lookups without a
 * trip; a `delete` (the introspector forgetting a credential Pleo refused) is published, so every
 * instance drops its local copy too. Values read back from Redis are validated (a foreign or corrupt
 * value is a miss, never trusted). While Redis is unreachable the local LRU alone serves, and it is
 * emptied when Redis is back (forgets published meanwhile were missed).
 */
const bindingSchema = z.object({
  subject: z.object({ type: z.enum(["company", "organisation"]), id: z.string().min(1) }),
  authMethod: z.enum(["API_KEY", "OAUTH2", "NONE"]),
  scopes: z.array(z.string()),
  clientId: z.string(),
  applicationName: z.string().optional(),
});

/** What is stored: the binding and when it expires, so a local copy never outlives the shared one. */
const storedSchema = z.object({ binding: bindingSchema, expiresAt: z.number() });

export class FleetBindingsCache implements Cache<CachedBinding> {
  readonly #connection: FleetConnection;
  readonly #keys: FleetKeys;
  readonly #maxEntries: number;
  readonly #channel: string;
  #local: LruCache<CachedBinding>;

  constructor(connection: FleetConnection, keys: FleetKeys, options: { maxEntries: number }) {
    this.#connection = connection;
    this.#keys = keys;
    this.#maxEntries = options.maxEntries;
    this.#local = new LruCache<CachedBinding>(options.maxEntries);
    this.#channel = keys.channel("binding-forget");
    void connection.subscribe(this.#channel, (credentialHash) => void this.#local.delete(credentialHash));
    connection.onHealthChange((health) => {
      if (health === "up") this.#local = new LruCache<CachedBinding>(this.#maxEntries);
    });
  }

  async get(credentialHash: string): Promise<CachedBinding | undefined> {
    const local = this.#local.getSync(credentialHash);
    if (local) return local;
    const key = this.#keys.binding(credentialHash);
    const outcome = await this.#connection.run((redis) => redis.get(key));
    if (!outcome.ok || outcome.value === null) return undefined;
    const stored = parse(outcome.value);
    const ttlMs = stored ? stored.expiresAt - Date.now() : 0;
    if (!stored || ttlMs <= 0) return undefined;
    const binding: CachedBinding = { ...stored.binding, applicationName: stored.binding.applicationName };
    this.#local.setSync(credentialHash, binding, ttlMs);
    return binding;
  }

  async set(credentialHash: string, binding: CachedBinding, ttlMs: number): Promise<void> {
    const key = this.#keys.binding(credentialHash);
    this.#local.setSync(credentialHash, binding, ttlMs);
    const value = JSON.stringify({ binding, expiresAt: Date.now() + ttlMs });
    await this.#connection.run((redis) => redis.set(key, value, "PX", ttlMs));
  }

  async delete(credentialHash: string): Promise<void> {
    const key = this.#keys.binding(credentialHash);
    await this.#local.delete(credentialHash);
    await this.#connection.run((redis) =>
      redis.multi().del(key).publish(this.#channel, credentialHash).exec(),
    );
  }
}

function parse(text: string): z.infer<typeof storedSchema> | undefined {
  try {
    const result = storedSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
