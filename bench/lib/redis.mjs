// The fleet scenario's Redis: a redis-server on a free loopback port, on the support core (with the
// simulator and the load generator: it is the fleet's shared service, not the measured server), and what
// it did over a stretch of the run (commands processed), and whether a gateway has joined it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { freePort, spawnUntilLine } from "./processes.mjs";

const WRAPPER = fileURLToPath(new URL("./redis-process.mjs", import.meta.url));

/**
 * Starts Redis (see redis-process.mjs); `child` is the wrapper to stop, `pid` redis-server's own.
 * @param {object} bench { plan, logDir, log }
 */
export async function startRedis(bench, name) {
  const port = await freePort();
  const { child, value } = await spawnUntilLine(
    {
      name,
      args: [WRAPPER, "--port", String(port)],
      core: bench.plan.support,
      logFile: join(bench.logDir, `${name}.log`),
    },
    // The wrapper's own ready line; redis-server's log lines never start like it.
    (line) => (line.startsWith('{"ready":true') ? JSON.parse(line) : undefined),
    15_000,
  );
  bench.log(`${name} (Redis ${value.version}) on 127.0.0.1:${port}, pid ${value.pid}`);
  return { child, pid: value.pid, port, url: `redis://127.0.0.1:${port}`, version: value.version };
}

/** Commands Redis has processed since it started (`INFO stats`), through redis-cli. */
export function redisCommandsProcessed(redis) {
  const info = execFileSync("redis-cli", ["-h", "127.0.0.1", "-p", String(redis.port), "INFO", "stats"], {
    encoding: "utf8",
    timeout: 5_000,
  });
  return Number(info.match(/^total_commands_processed:(\d+)/m)?.[1] ?? Number.NaN);
}

/**
 * Waits (up to `timeoutMs`) until the gateway's `/ready` reports Redis answering, else throws: a fleet
 * arm must be a fleet. A just-started instance may read degraded for a moment (a first command slower
 * than REDIS_COMMAND_TIMEOUT_MS on a busy machine); it re-checks Redis every second by itself.
 */
export async function assertRedisUp(gw, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(gw.url.replace(/\/graphql$/, "/ready"));
    const body = await response.json();
    if (body.checks?.redis === "ok") return;
    if (Date.now() > deadline)
      throw new Error(`${gw.url} has not joined the fleet: /ready says ${JSON.stringify(body)}`);
    await sleep(250);
  }
}

/**
 * How often an instance fell back to per-instance state during a run: its "redis unreachable" log
 * lines (logged once per transition). While degraded, an instance neither pays Redis's cost nor shares
 * the budget, so a measurement with transitions is not the one it claims to be.
 */
export function degradations(bench, name) {
  try {
    const log = readFileSync(join(bench.logDir, `${name}.log`), "utf8");
    return log.split("\n").filter((line) => line.includes("redis unreachable")).length;
  } catch {
    return null;
  }
}
