import { z } from "zod";
import { LruCache } from "../support/lru-cache.ts";
import type { FleetConnection } from "./redis-connection.ts";

/**
 * A local, synchronous mirror of marks set by any instance of the fleet (quarantined credentials, open
 * breakers), so the hot-path checks cost a map lookup, never a Redis trip.
 *
 * Each mark belongs to a group (a credential, a breaker) and has a field within it. Setting one writes
 * it to the group's Redis hash (TTL: the longest-lived mark in it) and publishes it; every instance's
 * mirror applies what it hears. An instance that was not listening (just started, or Redis was down)
 * reads a group's marks from its hash the first time that group is checked (`ready`: only that first
 * check waits for Redis, later ones are synchronous), and re-reads every group after Redis is back.
 * Marks are kept until `until + graceMs` (a breaker's mark stays visible after it expires: half-open).
 */
export interface Mark {
  readonly until: number;
}

export interface MarkMirrorOptions<M extends Mark> {
  readonly channel: string;
  /** The Redis hash holding a group's marks. */
  readonly keyOf: (group: string) => string;
  readonly schema: z.ZodType<M>;
  readonly maxGroups: number;
  readonly graceMs: number;
}

const SUBSCRIBE_WAIT_MS = 250;

const message = z.object({ group: z.string(), field: z.string(), mark: z.unknown().nullable() });

export class MarkMirror<M extends Mark> {
  readonly #connection: FleetConnection;
  readonly #options: MarkMirrorOptions<M>;
  readonly #marks: LruCache<M>;
  /** Groups read from Redis since it was last (re)connected, or being read. */
  #primed: LruCache<true>;
  /** Settles once this mirror hears the channel: a read before that could miss a mark set meanwhile. */
  readonly #subscribed: Promise<void>;
  #hearing = false;

  constructor(connection: FleetConnection, options: MarkMirrorOptions<M>) {
    this.#connection = connection;
    this.#options = options;
    this.#marks = new LruCache<M>(options.maxGroups * 4);
    this.#primed = new LruCache<true>(options.maxGroups);
    this.#subscribed = connection
      .subscribe(options.channel, (text) => this.#heard(text))
      .then(
        () => {
          this.#hearing = true;
        },
        () => {},
      );
    // Messages published while Redis was unreachable were lost: read groups again when checked next.
    connection.onHealthChange((health) => {
      if (health === "up") this.#primed = new LruCache<true>(options.maxGroups);
    });
  }

  /** The group's mark in `field`, as last heard (may be past `until`, within the grace). */
  get(group: string, field: string): M | undefined {
    return this.#marks.getSync(entry(group, field));
  }

  /**
   * Undefined when the group's marks are known here (read since Redis was last back, or Redis is down:
   * nothing to wait for); else the read of them from Redis, to await before `get`.
   */
  ready(group: string): Promise<void> | undefined {
    if (this.#primed.getSync(group) || this.#connection.health !== "up") return undefined;
    const loading = this.#load(group);
    this.#primed.setSync(group, true, Number.MAX_SAFE_INTEGER);
    return loading;
  }

  /** Sets a mark here and for the fleet. */
  put(group: string, field: string, mark: M): void {
    this.#apply(group, field, mark);
    const key = this.#options.keyOf(group);
    const ttlMs = this.#ttlMs(mark);
    if (ttlMs <= 0) return;
    void this.#connection.run((redis) =>
      redis
        .multi()
        .hset(key, field, JSON.stringify(mark))
        // The hash lives as long as its longest-lived mark: NX sets a first TTL, GT only extends it.
        .pexpire(key, ttlMs, "NX")
        .pexpire(key, ttlMs, "GT")
        .publish(this.#options.channel, JSON.stringify({ group, field, mark }))
        .exec(),
    );
  }

  /** Clears a mark here and for the fleet. */
  remove(group: string, field: string): void {
    this.#apply(group, field, null);
    const key = this.#options.keyOf(group);
    void this.#connection.run((redis) =>
      redis
        .multi()
        .hdel(key, field)
        .publish(this.#options.channel, JSON.stringify({ group, field, mark: null }))
        .exec(),
    );
  }

  async #load(group: string): Promise<void> {
    // Bounded: the first check of a group must not wait long for a subscription (only ever at start).
    if (!this.#hearing)
      await Promise.race([
        this.#subscribed,
        new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS)),
      ]);
    const outcome = await this.#connection.run((redis) => redis.hgetall(this.#options.keyOf(group)));
    if (!outcome.ok) {
      // Not read after all: the next check tries again.
      void this.#primed.delete(group);
      return;
    }
    for (const [field, text] of Object.entries(outcome.value)) this.#apply(group, field, this.#parse(text));
  }

  #heard(text: string): void {
    let parsed: z.infer<typeof message>;
    try {
      parsed = message.parse(JSON.parse(text));
    } catch {
      return;
    }
    const mark = parsed.mark === null ? null : this.#options.schema.safeParse(parsed.mark);
    if (mark === null) this.#apply(parsed.group, parsed.field, null);
    else if (mark.success) this.#apply(parsed.group, parsed.field, mark.data);
  }

  #parse(text: string): M | undefined {
    try {
      const result = this.#options.schema.safeParse(JSON.parse(text));
      return result.success ? result.data : undefined;
    } catch {
      return undefined;
    }
  }

  #apply(group: string, field: string, mark: M | null | undefined): void {
    if (mark === undefined) return;
    if (mark === null) {
      void this.#marks.delete(entry(group, field));
      return;
    }
    const ttlMs = this.#ttlMs(mark);
    if (ttlMs > 0) this.#marks.setSync(entry(group, field), mark, ttlMs);
  }

  #ttlMs(mark: M): number {
    return Math.ceil(mark.until - Date.now() + this.#options.graceMs);
  }
}

function entry(group: string, field: string): string {
  return `${group}\u0000${field}`;
}
