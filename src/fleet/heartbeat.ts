import { randomUUID } from "node:crypto";
import type { FleetKeys } from "./keys.ts";
import { LUA_NOW, LuaScript } from "./lua-script.ts";
import type { FleetConnection } from "./redis-connection.ts";

/**
 * Each instance announces itself in one sorted set, scored by when its announcement expires (Redis's
 * clock), and learns the fleet's live instance count from the same atomic script: stale members are
 * trimmed by score, so no `KEYS`/`SCAN` is needed and the set never grows. The key itself expires
 * `ttl` after the last announcement, so a fleet that is gone leaves nothing behind.
 *
 * The count divides the rate budget when Redis is down (each instance then spends its local share), so
 * it is remembered: the larger of the last count seen and the configured `FLEET_INSTANCES`, which keeps
 * the fleet under Pleo's limit both before the first heartbeat and after a scale-up it saw.
 */
const ANNOUNCE = new LuaScript(`${LUA_NOW}
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('PEXPIRE', KEYS[1], ttl)
return redis.call('ZCARD', KEYS[1])
`);

export interface HeartbeatOptions {
  /** How often this instance announces itself. Default 5 s; an announcement lives 3 intervals. */
  readonly intervalMs?: number;
  /** `FLEET_INSTANCES`: the count assumed when none has been seen. */
  readonly configuredInstances: number;
}

export class FleetHeartbeat {
  readonly instanceId = randomUUID();
  readonly #connection: FleetConnection;
  readonly #key: string;
  readonly #intervalMs: number;
  readonly #configured: number;
  #lastSeen = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(connection: FleetConnection, keys: FleetKeys, options: HeartbeatOptions) {
    this.#connection = connection;
    this.#key = keys.instances();
    this.#intervalMs = options.intervalMs ?? 5_000;
    this.#configured = options.configuredInstances;
  }

  /** Announces now and every interval (and at once whenever Redis comes back). */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.beat(), this.#intervalMs);
    this.#timer.unref();
    this.#connection.onHealthChange((health) => {
      if (health === "up" && this.#timer) void this.beat();
    });
    void this.beat();
  }

  /** One announcement; resolves with the live count it saw, or undefined when Redis is unreachable. */
  async beat(): Promise<number | undefined> {
    const outcome = await this.#connection.run((redis) =>
      ANNOUNCE.run(redis, [this.#key], [this.instanceId, this.#intervalMs * 3]),
    );
    if (!outcome.ok) return undefined;
    this.#lastSeen = Number(outcome.value);
    return this.#lastSeen;
  }

  /** The count budgets are divided by when Redis is down (see the class comment). Always ≥ 1. */
  instanceCount(): number {
    return Math.max(1, this.#lastSeen, this.#configured);
  }

  /** Leaves the fleet: stops announcing and removes this instance at once. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#connection.run((redis) => redis.zrem(this.#key, this.instanceId));
  }
}
