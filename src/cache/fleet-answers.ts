import { z } from "zod";
import type { FleetConnection } from "../fleet/redis-connection.ts";
import type { CacheKeys } from "./cache-keys.ts";
import { CACHE_RESOURCES, type CacheResource } from "./cache-resource.ts";
import type { CachedAnswer } from "./local-entries.ts";

/**
 * The fleet's shared layer of the read cache, in Redis: answers with their TTL under keys carrying the
 * (company, resource) generation, the generation counters themselves, and the bump announcements. Every
 * method answers `undefined`/false when Redis does not (the cache then serves this instance's copies
 * only), never throws, never waits longer than the fleet's command timeout.
 */
export interface GenerationBump {
  readonly subject: string;
  readonly resource: CacheResource;
  readonly generation: number;
}

/** Generation counters outlive every answer filed under them by far; re-armed at each bump. */
const GENERATION_TTL_MS = 24 * 60 * 60 * 1000;

const answerSchema = z.object({ text: z.string(), freshUntil: z.number(), staleUntil: z.number() });
const bumpSchema = z.object({
  subject: z.string(),
  resource: z.enum(CACHE_RESOURCES),
  generation: z.number().int(),
});

export class FleetAnswers {
  readonly #connection: FleetConnection;
  readonly #keys: CacheKeys;

  constructor(connection: FleetConnection, keys: CacheKeys) {
    this.#connection = connection;
    this.#keys = keys;
  }

  get up(): boolean {
    return this.#connection.health === "up";
  }

  /** Every instance's bumps (this one's included), and Redis coming back (bumps may have been missed). */
  listen(onBump: (bump: GenerationBump) => void, onReconnect: () => void): void {
    void this.#connection
      .subscribe(this.#keys.channel(), (text) => {
        const bump = parseJson(text, bumpSchema);
        if (bump) onBump(bump);
      })
      .catch(() => {});
    this.#connection.onHealthChange((health) => {
      if (health === "up") onReconnect();
    });
  }

  async generation(subject: string, resource: CacheResource): Promise<number | undefined> {
    const outcome = await this.#connection.run((redis) =>
      redis.get(this.#keys.generation(subject, resource)),
    );
    if (!outcome.ok) return undefined;
    return outcome.value === null ? 0 : Number(outcome.value);
  }

  /** Bumps the generation and tells every instance; the new generation, or undefined without Redis. */
  async bump(subject: string, resource: CacheResource): Promise<number | undefined> {
    const key = this.#keys.generation(subject, resource);
    const outcome = await this.#connection.run(async (redis) => {
      const replies = await redis.multi().incr(key).pexpire(key, GENERATION_TTL_MS).exec();
      const generation = Number(replies?.[0]?.[1]);
      await redis.publish(this.#keys.channel(), JSON.stringify({ subject, resource, generation }));
      return generation;
    });
    return outcome.ok && Number.isSafeInteger(outcome.value) ? outcome.value : undefined;
  }

  async get(
    subject: string,
    resource: CacheResource,
    generation: number,
    digest: string,
  ): Promise<CachedAnswer | undefined> {
    const key = this.#keys.answer(subject, resource, generation, digest);
    const outcome = await this.#connection.run((redis) => redis.get(key));
    if (!outcome.ok || outcome.value === null) return undefined;
    // A value that does not parse (another version, corruption) is a miss, never trusted.
    return parseJson(outcome.value, answerSchema);
  }

  async set(
    subject: string,
    resource: CacheResource,
    generation: number,
    digest: string,
    answer: CachedAnswer,
  ): Promise<void> {
    const ttlMs = Math.ceil(answer.staleUntil - Date.now());
    if (ttlMs <= 0) return;
    const key = this.#keys.answer(subject, resource, generation, digest);
    await this.#connection.run((redis) => redis.set(key, JSON.stringify(answer), "PX", ttlMs));
  }

  /** True for the one instance that may refresh this answer now (until `ttlMs` passes). */
  async claimRefresh(
    subject: string,
    resource: CacheResource,
    digest: string,
    ttlMs: number,
  ): Promise<boolean> {
    const key = this.#keys.refresh(subject, resource, digest);
    const outcome = await this.#connection.run((redis) => redis.set(key, "1", "PX", ttlMs, "NX"));
    // Without Redis each instance decides for itself (its own single-flight still holds).
    return !outcome.ok || outcome.value === "OK";
  }
}

function parseJson<T>(text: string, schema: z.ZodType<T>): T | undefined {
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
