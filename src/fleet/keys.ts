import { createHash } from "node:crypto";

/**
 * Every Redis key and channel the fleet uses, in one place, so the rules hold by construction:
 *
 * - all start with the configured prefix (several gateways may share one Redis);
 * - the part in `{…}` is the Redis Cluster hash tag: every key one operation touches carries the same
 *   tag (one credential, one breaker, the instance set), so multi-key commands stay in one slot;
 * - a credential appears only as its fingerprint (`PleoCredential.hash`, a SHA-256), checked here, and
 *   anything else caller-derived (breaker keys, caller keys) is digested, so no key carries a secret
 *   and key length stays bounded;
 * - every key is written with a TTL by its writer (see each module), except the stores that must
 *   outlive any TTL: the vault's records and the webhook secrets (src/vault, src/webhooks; the README
 *   says which Redis persistence they need); there is no `KEYS` anywhere.
 */
const FINGERPRINT = /^[0-9a-f]{64}$/;

export class FleetKeys {
  readonly #prefix: string;

  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  /** The credential's shared rate budget (GCRA theoretical arrival time, in Redis's clock). */
  budget(credentialHash: string): string {
    return this.#credential(credentialHash, "budget");
  }

  /** The credential's quarantine marks (a hash: one field per refused credential or endpoint). */
  quarantine(credentialHash: string): string {
    return this.#credential(credentialHash, "quarantine");
  }

  /** The credential's introspected binding. */
  binding(credentialHash: string): string {
    return this.#credential(credentialHash, "binding");
  }

  /** A circuit breaker's open mark (a hash, like the quarantine's). `id` from `breakerId`. */
  breaker(id: string): string {
    return `${this.#prefix}{breaker:${id}}:marks`;
  }

  /** The lock held by the one instance probing a half-open breaker. */
  breakerProbe(id: string): string {
    return `${this.#prefix}{breaker:${id}}:probe`;
  }

  /** A caller's token bucket (`callerKey` is already a hash or an address; digested for length). */
  callerBucket(callerKey: string): string {
    return `${this.#prefix}{caller:${digest(callerKey)}}:bucket`;
  }

  /** The sorted set of live instances, scored by when each one's announcement expires. */
  instances(): string {
    return `${this.#prefix}{fleet}:instances`;
  }

  /** A pub/sub channel (not a key: nothing is stored under it). */
  /** The configured prefix, for the modules that name their own keys by the same rules (cache, vault). */
  get prefix(): string {
    return this.#prefix;
  }

  channel(
    name:
      | "budget-pause"
      | "quarantine"
      | "breaker"
      | "binding-forget"
      | "company-events"
      | "cache-invalidation",
  ): string {
    return `${this.#prefix}channel:${name}`;
  }

  #credential(credentialHash: string, what: string): string {
    return `${this.#prefix}{cred:${fingerprint(credentialHash)}}:${what}`;
  }
}

/** A breaker key (company and credential fingerprint, as the client builds it) as a bounded id. */
export function breakerId(breakerKey: string): string {
  return digest(breakerKey);
}

/** Refuses anything that is not a SHA-256 fingerprint: a raw secret must never become a key. */
export function fingerprint(credentialHash: string): string {
  if (!FINGERPRINT.test(credentialHash)) throw new TypeError("fleet keys take credential fingerprints only");
  return credentialHash;
}

function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}
