// (i) dashboard: the read cache. Fifty callers of one company reload the same dashboard every two
// seconds, through a gateway without the cache and one with it (its defaults): upstream calls per minute
// and the callers' latency. Then how long a write through one instance of a fleet leaves another serving
// the old answer.
import { setTimeout as sleep } from "node:timers/promises";
import { invalidationDelay } from "../lib/cache-invalidation.mjs";
import { DASHBOARD, dashboardLoad } from "../lib/dashboard-load.mjs";
import { assertClean } from "../lib/jobs.mjs";
import { callsByPath, gql, simRequests } from "../lib/load.mjs";
import { num, table } from "../lib/markdown.mjs";
import { stop } from "../lib/processes.mjs";
import { startRedis } from "../lib/redis.mjs";
import { GATEWAY_POOL_ENV, startGateway } from "../lib/servers.mjs";
import { median, round } from "../lib/stats.mjs";
import { lineChart } from "../lib/svg.mjs";

const KEY = "dashboard";
/** The cache's default TTL for master data (src/cache/cache-config.ts, READ_CACHE_TTL_MS). */
const MASTER_DATA_TTL_MS = 60_000;
/** The seeded credential the callers share: NL's API key, as the simulator's log labels it. */
const CALLER_CREDENTIAL = "lcb-nl";
const INVALIDATION_TARGET_MS = 1_000;
const ARMS = [
  {
    name: "no-cache",
    label: "without the cache (READ_CACHE_ENABLED=false)",
    env: { READ_CACHE_ENABLED: "false" },
  },
  { name: "cache", label: "with the cache (defaults)", env: { READ_CACHE_ENABLED: "true" } },
];

/** Upstream calls per minute in `bucketS` slices of the window, for the plot. */
function timeline(times, startedAt, durationS, bucketS) {
  const buckets = [];
  for (let from = 0; from < durationS; from += bucketS) {
    const n = times.filter(
      (t) => t >= startedAt + from * 1000 && t < startedAt + (from + bucketS) * 1000,
    ).length;
    buckets.push({ atS: from + bucketS / 2, callsPerMinute: (n * 60) / bucketS });
  }
  return buckets;
}

/** One arm: its own gateway, warmed on another company (so this company's cache starts cold), then the load. */
async function measureArm(bench, { sim, ids }, arm, settings) {
  const gw = await startGateway(bench, `gateway-dashboard-${arm.name}`, sim.url, {
    ...GATEWAY_POOL_ENV,
    ...arm.env,
  });
  try {
    const de = { headers: { "x-pleo-api-key": ids.secrets.de }, variables: { c: ids.companies.de } };
    assertClean("(i) DE dashboard", await gql(gw.url, de.headers, DASHBOARD, de.variables));
    await dashboardLoad({ url: gw.url, ...de, callers: 10, periodMs: 200, durationS: bench.profile.warmupS });
    await sleep(500);
    const load = await dashboardLoad({
      url: gw.url,
      headers: { "x-pleo-api-key": ids.secrets.nl },
      variables: { c: ids.companies.nl },
      callers: settings.callers,
      periodMs: settings.periodMs,
      durationS: settings.durationS,
    });
    await sleep(300); // a background refresh started by the last answers reaches the log
    const entries = (await simRequests(sim.url)).filter((e) => {
      const t = Date.parse(e.at);
      return e.credentialLabel === CALLER_CREDENTIAL && t >= load.startedAt && t <= load.finishedAt;
    });
    const times = entries.map((e) => Date.parse(e.at)).sort((a, b) => a - b);
    const afterFirstReload = times.filter((t) => t >= load.startedAt + settings.periodMs);
    const first = times[0];
    const row = {
      name: arm.name,
      label: arm.label,
      env: arm.env,
      ...load,
      calls: times.length,
      callsPerMinute: (times.length * 60) / settings.durationS,
      callsPerMinuteAfterFirstReload:
        (afterFirstReload.length * 60_000) / (settings.durationS * 1000 - settings.periodMs),
      callsPerDashboard: times.length / load.requests,
      callsByPath: callsByPath(entries),
      // Calls once the first reload round has filled the cache, before its answers' TTL runs out.
      callsWithinTtl:
        first === undefined
          ? 0
          : times.filter((t) => t >= first + settings.periodMs && t < first + MASTER_DATA_TTL_MS).length,
      timeline: timeline(times, load.startedAt, settings.durationS, settings.bucketS),
    };
    bench.log(
      `  ${arm.name.padEnd(8)} ${row.requests} dashboards, p50 ${round(row.p50, 1)} ms p99 ${round(row.p99, 1)} ms, ${row.errors} with errors; upstream ${row.calls} calls (${round(row.callsPerMinute, 0)}/min, ${round(row.callsPerMinuteAfterFirstReload, 0)}/min after the first reload); reported ${JSON.stringify(row.upstream)}`,
    );
    return row;
  } finally {
    await stop(gw.child);
  }
}

async function run(bench, servers) {
  const settings = bench.profile.dashboard;
  bench.log(
    `(i) dashboard: ${settings.callers} callers of one company, a dashboard every ${settings.periodMs} ms for ${settings.durationS} s, without and with the read cache`,
  );
  const arms = [];
  for (const arm of ARMS) arms.push(await measureArm(bench, servers, arm, settings));
  bench.log(
    `(i) invalidation: a vendor created through instance 1, instance 2 read until it shows it (${settings.repetitions}×)`,
  );
  const redis = await startRedis(bench, "redis-cache");
  try {
    const invalidation = await invalidationDelay(bench, servers, redis, settings.repetitions);
    return {
      ...settings,
      upstreamLatencyMs: bench.profile.upstreamLatencyMs,
      redisVersion: redis.version,
      arms,
      invalidation,
    };
  } finally {
    await stop(redis.child);
  }
}

const seen = (d) => d.invalidation.rounds.filter((r) => r.seenMs !== null);
const delays = (d, key) => seen(d).map((r) => r[key]);
const finite = (values) => values.filter((v) => v !== null && Number.isFinite(v));
/** Median, min and max of a list, for a table row. */
const spread = (values) =>
  [median(values), Math.min(...finite(values)), Math.max(...finite(values))].map((v) => num(v, 1));

function targets(d) {
  const [off, on] = d.arms;
  const unseen = d.invalidation.rounds.length - seen(d).length;
  const worst = Math.max(...delays(d, "seenMs"));
  return [
    {
      target: `${d.callers} callers reloading one company's dashboard: no upstream call between the first fill and the TTL (${MASTER_DATA_TTL_MS / 1000} s)`,
      measured: `${on.callsWithinTtl} calls after the first reload round; ${num(on.callsPerMinute, 0)} calls/min with the cache against ${num(off.callsPerMinute, 0)} without`,
      met: on.callsWithinTtl === 0,
    },
    {
      target: `a write through one instance is seen by another within ${INVALIDATION_TARGET_MS} ms`,
      measured: `a read of instance 2 answered with the new vendor ${num(median(delays(d, "seenMs")), 1)} ms (median; max ${num(worst, 1)} ms) after the mutation's answer; ${d.invalidation.rounds.reduce((n, r) => n + r.staleReadsAfterAnswer, 0)} stale reads sent after it${unseen ? `; ${unseen} never seen` : ""}`,
      met: unseen === 0 && worst <= INVALIDATION_TARGET_MS,
    },
  ];
}

const paths = (arm) =>
  Object.entries(arm.callsByPath)
    .map(([path, n]) => `\`${path}\` ×${n}`)
    .join(", ");

function report(d) {
  const [off] = d.arms;
  const rounds = d.invalidation.rounds;
  return [
    `## (i) Read cache: ${d.callers} callers of one company's dashboard`,
    "",
    `**Load.** ${d.callers} callers sharing NL's API key each load one dashboard (company name, accounts, tax codes, tag groups, vendors, employees: six upstream calls) every ${d.periodMs / 1000} s for ${d.durationS} s, staggered over the period; a caller waits for its answer before its next reload. One gateway per arm, warmed on DE's dashboard (NL's cache starts cold); ${d.upstreamLatencyMs} ms upstream delay. Calls counted in the simulator's log for that key.`,
    "",
    table(
      [
        "arm",
        "dashboards",
        "p50 (ms)",
        "p99 (ms)",
        "with errors",
        "upstream calls",
        "calls/min",
        "calls/min after the first reload",
        "calls per dashboard",
        "reported calls / cache hits / stale serves",
      ],
      d.arms.map((a) => [
        a.label,
        String(a.requests),
        num(a.p50, 1),
        num(a.p99, 1),
        String(a.errors),
        String(a.calls),
        num(a.callsPerMinute, 0),
        num(a.callsPerMinuteAfterFirstReload, 0),
        num(a.callsPerDashboard, 3),
        `${a.upstream.calls} / ${a.upstream.cacheHits} / ${a.upstream.staleServes}`,
      ]),
    ),
    "",
    `Without the cache a dashboard costs ${num(off.callsPerDashboard, 2)} calls, not six: concurrent identical reads share one call in flight. Answers without \`extensions.upstream\`: ${d.arms.reduce((n, a) => n + a.upstream.unreported, 0)}. The cached arm's calls: ${paths(d.arms[1])}.`,
    "",
    `**Invalidation.** Two instances sharing Redis ${d.redisVersion}, the cache at its defaults; ${rounds.length} times: both read NL's vendors (instance 2 then answers from its cache), then \`createVendor\` through instance 1 while instance 2 is read back to back, from the mutation's request on, until its \`totalCount\` moves. Times relative to the mutation's answer (negative: before it).`,
    "",
    table(
      ["", "median (ms)", "min (ms)", "max (ms)"],
      [
        ["the mutation (request to answer)", ...spread(rounds.map((r) => r.mutationMs))],
        ["last stale read of instance 2 sent", ...spread(rounds.map((r) => r.lastStaleMs))],
        ["first fresh read of instance 2 sent", ...spread(delays(d, "invalidatedMs"))],
        ["its answer back (the new vendor visible)", ...spread(delays(d, "seenMs"))],
      ],
    ),
    "",
    `Stale reads of instance 2 per write: ${rounds.map((r) => r.staleReads).join(", ")}; of them sent after the mutation's answer: ${rounds.map((r) => r.staleReadsAfterAnswer).join(", ")}; never fresh within ${d.invalidation.giveUpMs} ms: ${rounds.length - seen(d).length}.`,
    "",
  ];
}

function plot(d) {
  return {
    file: "dashboard-upstream-calls-per-minute.svg",
    svg: lineChart({
      title: `Upstream calls/min, ${d.callers} callers reloading one company's dashboard every ${d.periodMs / 1000} s`,
      note: `simulator's log, ${d.bucketS} s slices; whole run: ${d.arms.map((a) => `${a.name} ${Math.round(a.callsPerMinute)}/min`).join(", ")}`,
      xLabel: "seconds into the run",
      yLabel: "upstream calls/min",
      series: d.arms.map((a, i) => ({
        name: a.label,
        colour: ["#d62728", "#1f77b4"][i],
        points: a.timeline.map((b) => ({ x: b.atS, y: b.callsPerMinute })),
      })),
    }),
  };
}

const LOAD = { callers: 50, periodMs: 2_000 };

export default {
  option: "i",
  key: KEY,
  // Alone, after the shared gateway and the peer have stopped: it starts its own gateways and Redis.
  stage: "alone",
  profile: {
    quick: { dashboard: { ...LOAD, durationS: 15, bucketS: 2.5, repetitions: 5 } },
    full: { dashboard: { ...LOAD, durationS: 60, bucketS: 5, repetitions: 10 } },
  },
  run,
  targets,
  report,
  plot,
};
