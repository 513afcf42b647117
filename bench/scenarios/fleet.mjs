// (g) fleet: three instances and Redis. One credential's upstream calls per minute against the load
// offered to the fleet (flat at the budget), and what Redis adds per request against the in-memory arm.
import { armsTable } from "../lib/arms.mjs";
import { budgetCurve } from "../lib/fleet-budget.mjs";
import { COST_CPU_KEYS, redisCost } from "../lib/fleet-cost.mjs";
import { num, table, withRange } from "../lib/markdown.mjs";
import { stop } from "../lib/processes.mjs";
import { startRedis } from "../lib/redis.mjs";
import { round } from "../lib/stats.mjs";
import { lineChart } from "../lib/svg.mjs";

const KEY = "fleet";
const ADDED_P50_TARGET_MS = 0.2;
/**
 * FleetRateBudget's default lease (src/fleet/rate-budget.ts): each instance may hold up to 3 spare
 * slots granted up to 250 ms before it sends them, so any 60 s of sends holds at most
 * perMinute + instances × 3 calls.
 */
const SPARE_LEASED_SLOTS = 3;

async function run(bench, servers) {
  const redis = await startRedis(bench, "redis");
  try {
    const cost = await redisCost(bench, servers, redis, KEY);
    const budget = await budgetCurve(bench, servers, redis);
    return { redisVersion: redis.version, upstreamLatencyMs: bench.profile.upstreamLatencyMs, cost, budget };
  } finally {
    await stop(redis.child);
  }
}

const fleetArm = (g) => g.budget.arms.find((a) => a.name === "fleet");
const bound = (g) => g.budget.perMinute + g.budget.instances * SPARE_LEASED_SLOTS;

function targets(g) {
  const fleet = fleetArm(g);
  const overBudget = fleet.phases.filter((p) => p.multiple >= 1);
  const added = g.cost.added.p50MsAtFixedRate;
  return [
    {
      target: `fleet of ${g.budget.instances}: one credential's upstream calls stay within its budget (${g.budget.perMinute}/min) at every offered load`,
      measured: `steady ${overBudget.map((p) => `${Math.round(p.callsPerMinuteSteady)}/min at ${p.multiple}×`).join(", ")}; at most ${fleet.maxCallsInAnyMinute} calls in any 60 s (bound with leases: ${bound(g)})`,
      met:
        overBudget.every((p) => p.callsPerMinuteSteady <= g.budget.perMinute) &&
        fleet.maxCallsInAnyMinute <= bound(g),
    },
    {
      target: `Redis adds ≤ ${ADDED_P50_TARGET_MS} ms p50 to a seven-call query (@ ${g.cost.fixedRate}/s)`,
      measured: `${round(added.median, 3)} ms (range ${added.range.map((v) => round(v, 3)).join(" … ")}); gateway CPU +${round(g.cost.added.cpuMsPerRequestAtSaturation.median, 3)} ms/req at saturation, Redis ${round(g.cost.redisServer.cpuMsPerRequest, 3)} ms/req`,
      met: added.median <= ADDED_P50_TARGET_MS,
    },
  ];
}

function budgetTable(g) {
  const [fleet, separate] = g.budget.arms;
  const answers = (p) =>
    `${p.answers.clean} / ${p.answers.sent}${p.answers.codes.RATE_LIMITED ? ` (${p.answers.codes.RATE_LIMITED} RATE_LIMITED)` : ""}`;
  return table(
    [
      "offered",
      "offered req/min",
      `${fleet.label}: calls/min steady (whole phase)`,
      "clean answers",
      `${separate.label}: calls/min steady (whole phase)`,
      "clean answers",
    ],
    fleet.phases.map((p, i) => {
      const s = separate.phases[i];
      return [
        `${p.multiple}×`,
        num(p.offeredPerMinute, 0),
        `${num(p.callsPerMinuteSteady, 0)} (${num(p.callsPerMinuteWholePhase, 0)})`,
        answers(p),
        `${num(s.callsPerMinuteSteady, 0)} (${num(s.callsPerMinuteWholePhase, 0)})`,
        answers(s),
      ];
    }),
  );
}

function report(g) {
  const c = g.cost;
  const b = g.budget;
  const [fleet, separate] = b.arms;
  return [
    `## (g) Fleet: ${b.instances} instances and Redis ${g.redisVersion}`,
    "",
    `**Budget.** One credential (the organisation key), \`PLEO_RATE_LIMIT_PER_MINUTE=${b.perMinute}\`, \`PLEO_RATE_LIMIT_BURST=${b.burst}\`; open-loop load, round-robin over the ${b.instances} instances, one upstream call per request, offered at ${b.multiples.join("×, ")}× the budget for ${b.phaseS} s each, back to back. Calls counted in the simulator's request log for that credential; "steady" is each phase's last two thirds (the first spends the burst allowance).`,
    "",
    budgetTable(g),
    "",
    `Most calls in any 60 s: ${fleet.maxCallsInAnyMinute} with Redis (over ${num(fleet.spanS, 0)} s; bound ${bound(g)} = budget + ${b.instances} × ${SPARE_LEASED_SLOTS} leased slots), ${separate.maxCallsInAnyMinute} without. Falls back to per-instance state (Redis "unreachable") during the phases: ${fleet.degradedDuringPhases}.`,
    "",
    `**Cost.** One company's books (seven upstream calls), one instance with \`REDIS_URL\` against one without, alternated in rounds; saturation at ${c.saturationConnections} connections, latency at ${c.fixedRate} req/s; Redis on the support core; \`REDIS_COMMAND_TIMEOUT_MS=${c.redisCommandTimeoutMs}\` for the Redis instance (the default; a command that times out during an event-loop stall is confirmed by a PING before the instance falls back to in-memory state).`,
    "",
    armsTable(c, { memory: "in memory", redis: "with Redis" }, COST_CPU_KEYS),
    "",
    `Per-round differences (Redis − in memory; median, range): p50 ${withRange(c.added.p50MsAtFixedRate, 3)} ms, p99 ${withRange(c.added.p99MsAtFixedRate, 3)} ms; gateway CPU ${withRange(c.added.cpuMsPerRequestAtSaturation, 3)} ms/req at saturation, ${withRange(c.added.cpuMsPerRequestAtFixedRate, 3)} ms/req at ${c.fixedRate} req/s; req/s Redis/in memory ${withRange(c.rpsRedisOverMemory)}. redis-server: ${num(c.redisServer.cpuMsPerRequest, 3)} CPU ms and ${num(c.redisServer.commandsPerRequest, 2)} commands per request (heartbeats included). Falls back to in-memory state during the rounds: ${c.degradedDuringRounds}.`,
    "",
  ];
}

function plot(g) {
  const b = g.budget;
  const xs = b.arms[0].phases.map((p) => p.offeredPerMinute);
  return {
    file: "fleet-upstream-calls-vs-offered-load.svg",
    svg: lineChart({
      title: `One credential's upstream calls/min vs offered load, ${b.instances} instances`,
      note: `budget ${b.perMinute}/min (burst ${b.burst}); calls from the simulator's log, each phase's last two thirds`,
      xLabel: "offered requests/min (one upstream call each), round-robin over the instances",
      yLabel: "upstream calls/min for the credential",
      series: [
        ...b.arms.map((arm, i) => ({
          name: arm.label,
          colour: ["#1f77b4", "#d62728"][i],
          points: arm.phases.map((p) => ({ x: p.offeredPerMinute, y: p.callsPerMinuteSteady })),
        })),
        {
          name: `budget ${b.perMinute}/min`,
          colour: "#999999",
          dashed: true,
          points: xs.map((x) => ({ x, y: b.perMinute })),
        },
        { name: "offered", colour: "#cccccc", dashed: true, points: xs.map((x) => ({ x, y: x })) },
      ],
    }),
  };
}

const BUDGET = { perMinute: 120, burst: 12, multiples: [0.5, 1, 2, 3] };

export default {
  option: "g",
  key: KEY,
  // Alone, after the shared gateway and the peer have stopped: it starts its own instances and Redis.
  stage: "alone",
  profile: {
    quick: {
      fleet: {
        budget: { ...BUDGET, phaseS: 6 },
        cost: {
          satConnections: 40,
          satS: 1.5,
          rate: 40,
          rateConnections: 8,
          rateS: 2,
          redisCommandTimeoutMs: 50,
        },
      },
    },
    full: {
      fleet: {
        budget: { ...BUDGET, phaseS: 25 },
        cost: {
          satConnections: 40,
          satS: 5,
          rate: 40,
          rateConnections: 8,
          rateS: 8,
          redisCommandTimeoutMs: 50,
        },
      },
    },
  },
  run,
  targets,
  report,
  plot,
};
