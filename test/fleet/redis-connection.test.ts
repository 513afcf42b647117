import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFleetConfig } from "../../src/fleet/redis-config.ts";
import { FleetConnection, type RedisHealth } from "../../src/fleet/redis-connection.ts";
import { createLogger } from "../../src/support/logger.ts";
import { startRedis, type TestRedis } from "../support/redis-server.ts";
import { eventually } from "./fixture.ts";

/** Health follows Redis: degraded when it goes or stalls (once, not per call), up when it is back. */
let redis: TestRedis;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

function logLines(): {
  lines: Array<{ msg: string; redis?: string }>;
  logger: ReturnType<typeof createLogger>;
} {
  const lines: Array<{ msg: string; redis?: string }> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger("info", sink) };
}

describe("the fleet's Redis connection", () => {
  it("degrades once when Redis stops, fails commands at once meanwhile, and resumes when it is back", async () => {
    const password = "pw-never-logged";
    const config = parseFleetConfig({ REDIS_URL: `redis://:${password}@127.0.0.1:${redis.port}` });
    if (!config) throw new Error("expected a config");
    // The test server has no password: connect with the same address and no credentials instead.
    const { lines, logger } = logLines();
    const connection = new FleetConnection(
      { ...config, password: undefined },
      { logger, probeIntervalMs: 50 },
    );
    const seen: RedisHealth[] = [];
    connection.onHealthChange((health) => seen.push(health));
    expect(await connection.waitUntilUp(5_000)).toBe(true);
    expect(await connection.run((r) => r.ping())).toEqual({ ok: true, value: "PONG" });

    await redis.stop();
    await eventually(() => connection.health === "degraded");
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      expect(await connection.run((r) => r.ping())).toEqual({ ok: false });
      expect(performance.now() - started).toBeLessThan(20);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));

    await redis.restart();
    await eventually(() => connection.health === "up", 10_000);
    expect(await connection.run((r) => r.ping())).toEqual({ ok: true, value: "PONG" });
    expect(seen).toEqual(["up", "degraded", "up"]);
    const transitions = lines.filter((l) => l.msg.startsWith("redis "));
    expect(transitions.map((l) => l.msg)).toEqual([
      "redis up: fleet state is shared",
      "redis unreachable: fleet state falls back to per-instance",
      "redis up: fleet state is shared",
    ]);
    expect(JSON.stringify(lines)).not.toContain(password);
    await connection.close();
  });

  it("a stalled Redis fails the command within the timeout instead of hanging it", async () => {
    const config = parseFleetConfig({ REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: "50" });
    if (!config) throw new Error("expected a config");
    const connection = new FleetConnection(config, { probeIntervalMs: 50 });
    await connection.waitUntilUp(5_000);
    const other = new Redis(redis.url);
    const stalled = other.call("DEBUG", "SLEEP", "0.5");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    expect(await connection.run((r) => r.get("anything"))).toEqual({ ok: false });
    expect(performance.now() - started).toBeLessThan(150);
    // The confirming PING meets the same stall: degraded while Redis does not answer.
    await eventually(() => connection.health === "degraded");
    await stalled;
    await eventually(() => connection.health === "up");
    other.disconnect();
    await connection.close();
  });

  it("a command timed out by this process's own stalled event loop does not degrade the connection", async () => {
    const config = parseFleetConfig({ REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: "50" });
    if (!config) throw new Error("expected a config");
    const connection = new FleetConnection(config, { probeIntervalMs: 50 });
    await connection.waitUntilUp(5_000);
    const transitions: string[] = [];
    connection.onHealthChange((health) => transitions.push(health));
    const pending = connection.run((r) => r.get("anything"));
    // Block the event loop past the command timeout: the timer fires before the waiting reply is read.
    const until = performance.now() + 120;
    while (performance.now() < until) {
      // busy: what a CPU-heavy request does to every timer in the process
    }
    expect(await pending).toEqual({ ok: false });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(transitions).toEqual([]);
    expect(connection.health).toBe("up");
    expect(await connection.run((r) => r.set("stall-check", "1", "PX", 1_000))).toEqual({
      ok: true,
      value: "OK",
    });
    await connection.close();
  });
});
