import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * A Lua script run by its SHA-1 (`EVALSHA`: the source crosses the wire once per Redis process), with
 * `EVAL` when Redis answers NOSCRIPT (restarted, failed over, or `SCRIPT FLUSH`ed), which also loads it
 * again. Scripts read the clock with `TIME`, so every instance uses Redis's clock, not its own.
 */
export class LuaScript {
  readonly #source: string;
  readonly #sha: string;

  constructor(source: string) {
    this.#source = source;
    this.#sha = createHash("sha1").update(source).digest("hex");
  }

  async run(redis: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.#sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
      return redis.eval(this.#source, keys.length, ...keys, ...args);
    }
  }
}

/** Lua prelude: Redis's clock in milliseconds (with microsecond fraction). */
export const LUA_NOW =
  "local t = redis.call('TIME')\nlocal now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000\n";
