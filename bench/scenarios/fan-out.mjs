// (c) fan-out: one query naming 1 vs 10 companies, at a fixed low rate.
import { setTimeout as sleep } from "node:timers/promises";
import { brief } from "../lib/arms.mjs";
import { assertClean, gatewayJob, withLoad } from "../lib/jobs.mjs";
import { callsByPath, gql, runLoad, simRequests, simReset } from "../lib/load.mjs";
import { table, withRange } from "../lib/markdown.mjs";
import { fanOutQuery } from "../lib/queries.mjs";
import { round, summary } from "../lib/stats.mjs";

const KEY = "fanOut";
const COUNTS = [1, 10];

async function run(bench, { sim, gw, ids }) {
  const { fanOut, warmupS, rounds: roundCount, upstreamLatencyMs } = bench.profile;
  bench.log("(c) fan-out: 1 vs 10 companies in one query");
  await sleep(500);
  const companyIds = [ids.companies.nl, ids.companies.de, ids.companies.be, ids.companies.alexey];
  const headers = {
    "x-pleo-api-key": [ids.secrets.nl, ids.secrets.de, ids.secrets.be, ids.secrets.alexey].join(", "),
  };
  const arms = {};
  for (const count of COUNTS) {
    const query = fanOutQuery(count, companyIds);
    assertClean(`(c) ${count} companies`, await gql(gw.url, headers, query));
    await simReset(sim.url);
    assertClean(`(c) ${count} companies`, await gql(gw.url, headers, query));
    const calls = await simRequests(sim.url);
    // Consecutive requests shift every page size (by 0…79), so that they never share upstream calls.
    const variants = Array.from({ length: 80 }, (_, base) => fanOutQuery(count, companyIds, base));
    arms[count] = {
      job: gatewayJob(gw, headers, query, undefined, variants),
      upstreamCalls: calls.length,
      byPath: callsByPath(calls),
    };
  }
  for (const arm of Object.values(arms)) {
    await runLoad(bench, {
      label: "(c) warm",
      job: withLoad(arm.job, { connections: fanOut.connections, durationS: warmupS }),
      server: { pid: gw.pid },
    });
  }
  const rounds = [];
  for (let r = 0; r < roundCount; r += 1) {
    const round_ = {};
    for (const count of COUNTS) {
      const run = await runLoad(bench, {
        label: `(c) ${count} companies`,
        job: withLoad(arms[count].job, {
          connections: fanOut.connections,
          rate: fanOut.rate,
          checkBody: true,
          durationS: fanOut.durationS,
        }),
        server: { pid: gw.pid },
        simulator: sim,
      });
      bench.checkStatuses(`(c) ${count}`, run, KEY);
      round_[count] = run;
      bench.log(`  round ${r + 1} ${String(count).padStart(2)} companies ${brief(run)}`);
    }
    rounds.push(round_);
  }
  return {
    description:
      "One query naming 1 or 10 companies (company(id:) { name vendors(first: k) }), with 25 ms per upstream call, at a fixed low rate. The simulator seeds four companies, so the 10-company query aliases NL, DE, BE and Alexey in turn, each alias with a distinct page size so that no two are the same upstream call; consecutive requests shift all page sizes, so that requests do not share calls either. company(id:) resolves the company (GET /v1/companies/{id}) before its vendors (POST /v1/vendors:search): two upstream round trips in sequence, for 1 company as for 10.",
    upstreamLatencyMs,
    rate: fanOut.rate,
    upstreamCalls: { 1: arms[1].upstreamCalls, 10: arms[10].upstreamCalls },
    byPath: { 1: arms[1].byPath, 10: arms[10].byPath },
    arms: Object.fromEntries(
      COUNTS.map((count) => [
        count,
        {
          p50: summary(rounds.map((r) => r[count].latencyMs.p50)),
          p99: summary(rounds.map((r) => r[count].latencyMs.p99)),
          cpuMsPerRequest: summary(rounds.map((r) => r[count].server.cpuMsPerRequest)),
        },
      ]),
    ),
    ratios: {
      p50TenOverOne: summary(rounds.map((r) => r[10].latencyMs.p50 / r[1].latencyMs.p50)),
      p99TenOverOne: summary(rounds.map((r) => r[10].latencyMs.p99 / r[1].latencyMs.p99)),
    },
    rounds,
  };
}

const FAN_OUT_TARGET = "10-company fan-out p50 ≤ 1.1 × the 1-company p50";
const FAN_OUT_LIMIT = 1.1;

function targets(f) {
  const fan = f.ratios?.p50TenOverOne;
  if (!Number.isFinite(fan?.median)) {
    return [{ target: FAN_OUT_TARGET, measured: "not recorded by this run", met: null }];
  }
  return [
    {
      target: FAN_OUT_TARGET,
      measured: `${round(fan.median, 3)} × (range ${(fan.range ?? []).map((v) => round(v, 3)).join(" … ")})`,
      met: fan.median <= FAN_OUT_LIMIT,
    },
  ];
}

function report(f) {
  return [
    `## (c) Fan-out: 1 vs 10 companies in one query (${f.upstreamLatencyMs} ms upstream delay, ${f.rate} req/s)`,
    "",
    table(
      ["companies", "upstream calls", "p50 (ms)", "p99 (ms)", "gateway CPU ms/req"],
      ["1", "10"].map((c) => [
        c,
        f.upstreamCalls[c],
        withRange(f.arms[c].p50),
        withRange(f.arms[c].p99),
        withRange(f.arms[c].cpuMsPerRequest, 3),
      ]),
    ),
    "",
    `Per-round ratio 10/1: p50 ${withRange(f.ratios.p50TenOverOne, 3)}, p99 ${withRange(f.ratios.p99TenOverOne, 3)}.`,
    "",
  ];
}

export default {
  option: "c",
  key: KEY,
  stage: "shared-gateway",
  profile: {
    quick: { fanOut: { rate: 20, connections: 4, durationS: 1 } },
    full: { fanOut: { rate: 20, connections: 4, durationS: 5 } },
  },
  run,
  targets,
  report,
};
