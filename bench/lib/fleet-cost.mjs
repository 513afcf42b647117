// The fleet scenario's cost arm: what Redis adds to each request. One instance with REDIS_URL against one
// without, one company's books (seven upstream calls, bench/lib/queries.mjs), alternated in rounds at
// saturation and at a fixed rate like the other two-arm scenarios.
import { isDeepStrictEqual } from "node:util";
import { countedRun, saturationRounds, summariseArm, warmUp } from "./arms.mjs";
import { assertClean, gatewayJob } from "./jobs.mjs";
import { gql } from "./load.mjs";
import { cpuDelta, cpuMs, stop } from "./processes.mjs";
import { BOOKS_PAGE_SIZES, COMPANY_BOOKS, normaliseGatewayBooks } from "./queries.mjs";
import { assertRedisUp, degradations, redisCommandsProcessed } from "./redis.mjs";
import { GATEWAY_POOL_ENV, startGateway } from "./servers.mjs";
import { summary } from "./stats.mjs";

/** The names of the server-CPU fields of an arm's summary, and the word its table puts before them. */
export const COST_CPU_KEYS = {
  title: "gateway ",
  cpuAtSaturation: "cpuMsPerRequestAtSaturation",
  cpuAtFixedRate: "cpuMsPerRequestAtFixedRate",
  coreAtSaturation: "coreUtilisationAtSaturation",
};

/**
 * @param {object} servers { sim, ids }
 * @param {object} redis from startRedis
 * @param {string} scenario the results key whose validity failed requests decide
 */
export async function redisCost(bench, { sim, ids }, redis, scenario) {
  const load = bench.profile.fleet.cost;
  bench.log("(g) cost: one company's books (7 upstream calls) through one instance, in memory vs with Redis");
  const started = [];
  try {
    const memoryGw = await startGateway(bench, "gateway-in-memory", sim.url, GATEWAY_POOL_ENV);
    started.push(memoryGw);
    const redisGw = await startGateway(bench, "gateway-redis", sim.url, {
      ...GATEWAY_POOL_ENV,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: "bench-cost:",
      FLEET_INSTANCES: "1",
      // The default 50 ms is timed on the gateway's own event loop: at saturation on a busy machine its
      // stalls exceed it, the instance falls back to in-memory state for a second at a time, and this
      // arm would measure a mixture. Redis on loopback answers in well under a millisecond.
      REDIS_COMMAND_TIMEOUT_MS: String(load.redisCommandTimeoutMs),
    });
    started.push(redisGw);
    await assertRedisUp(redisGw);
    const c = ids.companies.nl;
    const headers = { "x-pleo-api-key": ids.secrets.nl };
    const books = async (gw) =>
      normaliseGatewayBooks(
        assertClean("(g) books", await gql(gw.url, headers, COMPANY_BOOKS, { c, n: 10 })),
      );
    if (!isDeepStrictEqual(await books(memoryGw), await books(redisGw)))
      throw new Error("(g) the in-memory and the Redis instance answer different books");
    const variants = BOOKS_PAGE_SIZES.map((n) => ({ c, n }));
    const arms = [
      { name: "memory", gw: memoryGw },
      { name: "redis", gw: redisGw },
    ].map(({ name, gw }) => ({
      name,
      server: { pid: gw.pid },
      job: gatewayJob(gw, headers, COMPANY_BOOKS, { c, n: 10 }, variants),
    }));
    const tag = { tag: "(g)", scenario };
    await warmUp(bench, "(g)", arms, load.satConnections);
    const counted = {};
    for (const arm of arms) counted[arm.name] = await countedRun(bench, tag, arm, sim, load.satConnections);
    // Redis's own work, over every round (the idle in-memory arm's rounds add only heartbeats).
    const redisCpu0 = cpuMs(redis.pid);
    const commands0 = redisCommandsProcessed(redis);
    const degraded0 = degradations(bench, "gateway-redis");
    const rounds = await saturationRounds(bench, { ...tag, fixedName: "fixed" }, arms, sim, load);
    const redisCpuMs = cpuDelta(redisCpu0, cpuMs(redis.pid));
    const commands = redisCommandsProcessed(redis) - commands0;
    const degradedDuringRounds = degradations(bench, "gateway-redis") - degraded0;
    if (degradedDuringRounds > 0)
      bench.log(
        `  ! the Redis instance fell back to in-memory state ${degradedDuringRounds} times during the rounds`,
      );
    const redisRequests = rounds.reduce(
      (n, r) => n + r.redis.saturation.responses + r.redis.fixed.responses,
      0,
    );
    const perRound = (pick) => summary(rounds.map(pick));
    return {
      redisCommandTimeoutMs: load.redisCommandTimeoutMs,
      fixedRate: load.rate,
      saturationConnections: load.satConnections,
      arms: Object.fromEntries(
        arms.map((arm) => [
          arm.name,
          summariseArm(rounds, arm.name, COST_CPU_KEYS, { upstreamCallsPerRequest: counted[arm.name] }),
        ]),
      ),
      added: {
        p50MsAtFixedRate: perRound((r) => r.redis.fixed.latencyMs.p50 - r.memory.fixed.latencyMs.p50),
        p99MsAtFixedRate: perRound((r) => r.redis.fixed.latencyMs.p99 - r.memory.fixed.latencyMs.p99),
        cpuMsPerRequestAtSaturation: perRound(
          (r) => r.redis.saturation.server.cpuMsPerRequest - r.memory.saturation.server.cpuMsPerRequest,
        ),
        cpuMsPerRequestAtFixedRate: perRound(
          (r) => r.redis.fixed.server.cpuMsPerRequest - r.memory.fixed.server.cpuMsPerRequest,
        ),
      },
      rpsRedisOverMemory: perRound((r) => r.redis.saturation.rps / r.memory.saturation.rps),
      redisServer: {
        version: redis.version,
        cpuMsPerRequest: redisCpuMs === null || !redisRequests ? null : redisCpuMs / redisRequests,
        commandsPerRequest: redisRequests ? commands / redisRequests : null,
      },
      degradedDuringRounds,
      rounds,
    };
  } finally {
    for (const gw of started) await stop(gw.child);
  }
}
