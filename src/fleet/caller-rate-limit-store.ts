import { type CallerRateLimit, CallerRateLimiter } from "../security/caller-rate-limit.ts";
import type { FleetHeartbeat } from "./heartbeat.ts";
import type { FleetKeys } from "./keys.ts";
import { LUA_NOW, LuaScript } from "./lua-script.ts";
import type { FleetConnection } from "./redis-connection.ts";

/**
 * The caller rate limit counted once for the fleet: the same token bucket as `CallerRateLimiter`
 * (`requests` per `windowMs`, refilled continuously, a full bucket for a new caller), kept in a Redis
 * hash per caller and updated by one atomic script on Redis's clock — one trip per GraphQL request.
 * While Redis is unreachable each instance limits callers to its share (`requests ÷ instances`).
 */
const TAKE = new LuaScript(`${LUA_NOW}
local capacity = tonumber(ARGV[1])
local rate = capacity / tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local retryAfter = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  retryAfter = math.max(1, math.ceil((1 - tokens) / rate / 1000))
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%.3f', now))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return retryAfter
`);

export class FleetCallerRateLimiter {
  readonly #connection: FleetConnection;
  readonly #keys: FleetKeys;
  readonly #heartbeat: FleetHeartbeat;
  readonly #limit: CallerRateLimit;
  #share: { readonly instances: number; readonly limiter: CallerRateLimiter } | undefined;

  constructor(
    connection: FleetConnection,
    keys: FleetKeys,
    heartbeat: FleetHeartbeat,
    limit: CallerRateLimit,
  ) {
    this.#connection = connection;
    this.#keys = keys;
    this.#heartbeat = heartbeat;
    this.#limit = limit;
  }

  /** Takes one token; resolves 0 when allowed, else the seconds until one is available. */
  async take(callerKey: string): Promise<number> {
    const outcome = await this.#connection.run((redis) =>
      TAKE.run(redis, [this.#keys.callerBucket(callerKey)], [this.#limit.requests, this.#limit.windowMs]),
    );
    return outcome.ok ? Number(outcome.value) : this.#localShare().take(callerKey);
  }

  #localShare(): CallerRateLimiter {
    const instances = this.#heartbeat.instanceCount();
    if (this.#share?.instances !== instances) {
      const requests = Math.max(1, Math.floor(this.#limit.requests / instances));
      this.#share = { instances, limiter: new CallerRateLimiter({ ...this.#limit, requests }) };
    }
    return this.#share.limiter;
  }
}
