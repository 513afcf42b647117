import { createHash } from "node:crypto";
import type { FleetKeys } from "../fleet/keys.ts";
import type { CacheResource } from "./cache-resource.ts";

/**
 * The read cache's Redis keys and channel, named by the fleet's rules (src/fleet/keys.ts): the fleet's
 * prefix, one Redis Cluster hash tag per company (`{cache:<company>}`: a company's generation counters,
 * answers and refresh locks share a slot), no credential in any key (only the digest of the request,
 * which includes the credential's fingerprint), a TTL on everything written, and no `KEYS`: an
 * invalidation bumps the (company, resource) generation that every answer's key carries.
 */
const SAFE_SUBJECT = /^[0-9a-z-]{1,64}$/;

export class CacheKeys {
  readonly #prefix: string;

  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  /** The fleet's prefix, as its own keys carry it (FleetKeys names its keys by method only). */
  static of(keys: FleetKeys): CacheKeys {
    return new CacheKeys(keys.prefix);
  }

  /** The (company, resource) generation counter. */
  generation(subject: string, resource: CacheResource): string {
    return `${this.#group(subject, resource)}:gen`;
  }

  /** One answer, under the generation it was read in. */
  answer(subject: string, resource: CacheResource, generation: number, digest: string): string {
    return `${this.#group(subject, resource)}:${generation}:${digest}`;
  }

  /** Held by the one instance refreshing a stale answer. */
  refresh(subject: string, resource: CacheResource, digest: string): string {
    return `${this.#group(subject, resource)}:refresh:${digest}`;
  }

  /** Generation bumps, so every instance drops its copies at once. */
  channel(): string {
    return `${this.#prefix}channel:cache-invalidation`;
  }

  #group(subject: string, resource: CacheResource): string {
    const tag = SAFE_SUBJECT.test(subject) ? subject : digest(subject);
    return `${this.#prefix}{cache:${tag}}:${resource}`;
  }
}

export function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 40);
}
