// (a2) latency vs concurrency: (a)'s one-call query, gateway vs direct, closed loop at rising concurrency.
import { brief } from "../lib/arms.mjs";
import { withLoad } from "../lib/jobs.mjs";
import { runLoad } from "../lib/load.mjs";
import { num, table } from "../lib/markdown.mjs";
import { oneCallArms } from "../lib/one-call.mjs";
import { lineChart } from "../lib/svg.mjs";

const KEY = "concurrency";

async function run(bench, { sim, gw, ids }) {
  const { concurrency, upstreamLatencyMs } = bench.profile;
  bench.log("(a2) latency vs concurrency");
  const { direct, gateway } = oneCallArms({ sim, gw, ids });
  const arms = { direct, gateway };
  const levels = [];
  for (const connections of concurrency.levels) {
    const level = { connections };
    for (const [name, arm] of Object.entries(arms)) {
      const run = await runLoad(bench, {
        label: `(a2) ${name} c=${connections}`,
        job: withLoad(arm.job, { connections, durationS: concurrency.durationS }),
        server: arm.server,
        simulator: sim,
      });
      bench.checkStatuses(`(a2) ${name}`, run, KEY);
      level[name] = {
        rps: run.rps,
        p50: run.latencyMs.p50,
        p99: run.latencyMs.p99,
        serverCoreUtilisation: run.server.cpuUtilisation,
      };
      bench.log(`  c=${String(connections).padEnd(4)} ${name.padEnd(7)} ${brief(run)}`);
    }
    levels.push(level);
  }
  return {
    upstreamLatencyMs,
    durationS: concurrency.durationS,
    query: "(a)'s one-call query",
    levels,
  };
}

function report(c) {
  return [
    `## (a2) Latency vs concurrency (closed loop, ${c.upstreamLatencyMs} ms upstream delay)`,
    "",
    table(
      [
        "connections",
        "direct req/s",
        "direct p50",
        "direct p99",
        "gateway req/s",
        "gateway p50",
        "gateway p99",
        "gateway core busy",
      ],
      c.levels.map((l) => [
        l.connections,
        num(l.direct.rps, 0),
        num(l.direct.p50),
        num(l.direct.p99),
        num(l.gateway.rps, 0),
        num(l.gateway.p50),
        num(l.gateway.p99),
        `${num(l.gateway.serverCoreUtilisation * 100, 0)} %`,
      ]),
    ),
    "",
  ];
}

function plot(c, meta) {
  if (!c.levels?.length) return null;
  const series = [];
  for (const arm of ["gateway", "direct"]) {
    for (const q of ["p50", "p99"]) {
      series.push({
        name: `${arm} ${q}`,
        dashed: q === "p99",
        colour: arm === "gateway" ? "#1f77b4" : "#7f7f7f",
        points: c.levels.map((l) => ({ x: l.connections, y: l[arm][q] })),
      });
    }
  }
  return {
    file: "latency-vs-concurrency.svg",
    svg: lineChart({
      title: "Latency vs concurrency (one upstream call, 25 ms upstream delay)",
      note: `closed loop, ${c.durationS} s per point; ${meta.mode} run ${meta.startedAt.slice(0, 16)}Z`,
      xLabel: "concurrent connections (log scale)",
      yLabel: "latency (ms)",
      logX: true,
      series,
    }),
  };
}

export default {
  option: "a2",
  key: KEY,
  stage: "shared-gateway",
  profile: {
    quick: { concurrency: { levels: [1, 16, 96], durationS: 1 } },
    full: { concurrency: { levels: [1, 4, 16, 32, 64, 96], durationS: 3 } },
  },
  run,
  report,
  plot,
};
