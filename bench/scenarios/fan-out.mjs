// (c) fan-out: one query naming 1 vs 10 companies, at a fixed low rate.
import { setTimeout as sleep } from "node:timers/promises";
import { brief } from "../lib/arms.mjs";
import { measureFloor, sameCallsAsLog } from "../lib/floor.mjs";
import { assertClean, gatewayJob, withLoad } from "../lib/jobs.mjs";
import { callsByPath, gql, runLoad, simRequests, simReset } from "../lib/load.mjs";
import { table, withRange } from "../lib/markdown.mjs";
import { fanOutQuery } from "../lib/queries.mjs";
import { round, summary } from "../lib/stats.mjs";

const KEY = "fanOut";
const COUNTS = [1, 10];
/** a − b, or null where either is missing (a floor run whose every set failed has no p50). */
const minus = (a, b) => (Number.isFinite(a) && Number.isFinite(b) ? a - b : null);

/**
 * The upstream calls the gateway sends for fanOutQuery(count, companyIds, base), each company with its
 * own key: one GET per distinct company (the aliases of a company share it), one vendor search per alias.
 */
function fanOutCalls(count, companyIds, keys, base) {
  const gets = new Map();
  const searches = [];
  for (let i = 0; i < count; i += 1) {
    const k = i % companyIds.length;
    gets.set(k, ["GET", `/v1/companies/${companyIds[k]}`, null, keys[k]]);
    searches.push([
      "POST",
      `/v1/vendors:search?company_id=${companyIds[k]}&limit=${base + i + 1}`,
      {},
      keys[k],
    ]);
  }
  return [...gets.values(), ...searches];
}

async function run(bench, { sim, gw, ids }) {
  const { fanOut, warmupS, rounds: roundCount, upstreamLatencyMs } = bench.profile;
  bench.log("(c) fan-out: 1 vs 10 companies in one query");
  await sleep(500);
  const companyIds = [ids.companies.nl, ids.companies.de, ids.companies.be, ids.companies.alexey];
  const keys = [ids.secrets.nl, ids.secrets.de, ids.secrets.be, ids.secrets.alexey];
  const headers = { "x-pleo-api-key": keys.join(", ") };
  const arms = {};
  for (const count of COUNTS) {
    const query = fanOutQuery(count, companyIds);
    assertClean(`(c) ${count} companies`, await gql(gw.url, headers, query));
    await simReset(sim.url);
    assertClean(`(c) ${count} companies`, await gql(gw.url, headers, query));
    const calls = await simRequests(sim.url);
    // The floor's sets (see floor.mjs), checked against the calls the gateway just made.
    const floorSets = Array.from({ length: 80 }, (_, base) => fanOutCalls(count, companyIds, keys, base));
    const floorMatchesGateway = sameCallsAsLog(floorSets[0], calls);
    if (!floorMatchesGateway) bench.log(`  ! the floor's ${count}-company calls differ from the gateway's`);
    // Consecutive requests shift every page size (by 0…79), so that they never share upstream calls.
    const variants = Array.from({ length: 80 }, (_, base) => fanOutQuery(count, companyIds, base));
    arms[count] = {
      job: gatewayJob(gw, headers, query, undefined, variants),
      upstreamCalls: calls.length,
      byPath: callsByPath(calls),
      floor: { sets: floorSets, matchesGateway: floorMatchesGateway },
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
  const floors = [];
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
    // The floor of the round: both sets from the bare client on the gateway's core, at the same rate.
    const floor = await measureFloor(bench, {
      label: "(c)",
      url: sim.url,
      runs: COUNTS.map((count) => ({ name: String(count), sets: arms[count].floor.sets })),
      rate: fanOut.rate,
      durationS: fanOut.durationS,
    });
    floors.push(floor);
    for (const count of COUNTS) {
      const f = floor[count];
      bench.log(
        `  round ${r + 1} floor ${String(count).padStart(2)} companies p50 ${round(f.p50, 2)} p99 ${round(f.p99, 2)} ms (${f.sets} sets of ${f.callsPerSet} calls${f.failures ? `, ${f.failures} FAILED: ${f.firstError}` : ""})`,
      );
    }
  }
  return {
    description:
      "One query naming 1 or 10 companies (company(id:) { name vendors(first: k) }), with 25 ms per upstream call, at a fixed low rate. The simulator seeds four companies, so the 10-company query aliases NL, DE, BE and Alexey in turn, each alias with a distinct page size so that no two are the same upstream call; consecutive requests shift all page sizes, so that requests do not share calls either. The credential bound to each company proves it, so the company's record (GET /v1/companies/{id}, for `name`) and its vendors (POST /v1/vendors:search) go out together: one upstream round, for 1 company as for 10.",
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
    floor: {
      description:
        "Each query's upstream calls (2 and 14), all at once, from a bare client (undici, keep-alive) pinned to the gateway's core, at the same rate and duration, after each round's gateway runs: what this machine and simulator allow.",
      arms: Object.fromEntries(
        COUNTS.map((count) => [
          count,
          {
            callsPerSet: arms[count].floor.sets[0].length,
            matchesGateway: arms[count].floor.matchesGateway,
            p50: summary(floors.map((f) => f[count].p50)),
            p99: summary(floors.map((f) => f[count].p99)),
            sets: floors.reduce((sum, f) => sum + f[count].sets, 0),
            failures: floors.reduce((sum, f) => sum + f[count].failures, 0),
            gatewayP50MinusFloor: summary(
              rounds.map((r, i) => minus(r[count].latencyMs.p50, floors[i][count].p50)),
            ),
          },
        ]),
      ),
      p50TenOverOne: summary(
        floors.map((f) => (f[10].p50 > 0 && f[1].p50 > 0 ? f[10].p50 / f[1].p50 : null)),
      ),
      rounds: floors,
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
  // The floor is information only: the verdict stays the gateway's own ratio.
  const floor = f.floor?.p50TenOverOne;
  const floorText = Number.isFinite(floor?.median)
    ? `; floor (the same upstream calls, all at once, from a bare client) 10/1 ${round(floor.median, 3)} × (range ${(floor.range ?? []).map((v) => round(v, 3)).join(" … ")}), p50 ${round(f.floor.arms[1].p50.median, 2)} / ${round(f.floor.arms[10].p50.median, 2)} ms`
    : "";
  return [
    {
      target: FAN_OUT_TARGET,
      measured: `${round(fan.median, 3)} × (range ${(fan.range ?? []).map((v) => round(v, 3)).join(" … ")})${floorText}`,
      met: fan.median <= FAN_OUT_LIMIT,
    },
  ];
}

/** The floor's table and its 10/1 ratio (nothing for results that did not measure it). */
function floorLines(f) {
  const floor = f.floor;
  if (!Number.isFinite(floor?.p50TenOverOne?.median)) return [];
  const differ = COUNTS.filter((c) => floor.arms[c].matchesGateway === false);
  return [
    `Floor: each query's upstream calls all at once from a bare client on the gateway's core, @ ${f.rate}/s:`,
    "",
    table(
      [
        "companies",
        "calls per set",
        "floor p50 (ms)",
        "floor p99 (ms)",
        "failed sets",
        "gateway p50 − floor (ms)",
      ],
      COUNTS.map((c) => [
        String(c),
        floor.arms[c].callsPerSet,
        withRange(floor.arms[c].p50),
        withRange(floor.arms[c].p99),
        floor.arms[c].failures,
        withRange(floor.arms[c].gatewayP50MinusFloor),
      ]),
    ),
    "",
    `Per-round ratio 10/1 of the floor's p50: ${withRange(floor.p50TenOverOne, 3)} (the gateway's: ${withRange(f.ratios.p50TenOverOne, 3)}).${differ.length ? ` **The floor's calls differ from the gateway's for ${differ.join(" and ")} companies.**` : ""}`,
    "",
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
    ...floorLines(f),
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
