#!/usr/bin/env node
// The gateway's benchmark (`npm run bench`, `npm run bench:quick`). Plain Node ESM: it needs no build.
//
// Processes, all on loopback: the Pleo simulator (bench/simulator.mjs, with a per-request delay), the
// gateway (src/ bundled by esbuild, PLEO_API_URL pointing at that simulator, driven with direct Pleo
// credentials in X-Pleo-Api-Key), Hive Gateway over a supergraph composed from Pleo's OpenAPI specs, and
// autocannon. With taskset and two cores the measured server runs alone on core 0; the simulator and the
// load generator share core 1. Arms alternate in rounds (A, B, A, B, …) and the results are the medians
// of the per-round values and ratios, with their range, because absolute numbers on a shared machine drift.
//
// Scenarios: (a) overhead, (a2) latency vs concurrency, (b) upstream economy, (c) fan-out, (d) memory,
// (e) faults, (f) peer. `--only a,b` runs a subset. Everything is bounded in time and stops by itself.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { callsByPath, gql, runLoad, simRequests, simReset } from "./lib/load.mjs";
import {
  askMemory,
  CLK_TCK,
  corePlan,
  freePort,
  memory,
  procAvailable,
  spawnNode,
  spawnUntilLine,
  stop,
  stopAll,
  waitForGraphQL,
} from "./lib/processes.mjs";
import {
  BOOKS_PAGE_SIZES,
  COMPANY_BOOKS,
  COMPANY_BOOKS_PEER,
  ENTRIES_WITH_REFERENCES,
  fanOutQuery,
  GROUP_BOOKS,
  HELD_REQUEST,
  normaliseGatewayBooks,
  normalisePeerBooks,
  ONE_CALL,
  ONE_CALL_PAGE_SIZES,
} from "./lib/queries.mjs";
import { markdownReport } from "./lib/report.mjs";
import { ensurePeer, ensureTools, GATEWAY_BASE_ENV, gatewayEntry } from "./lib/setup.mjs";
import { linearFit, median, round, summary } from "./lib/stats.mjs";
import { lineChart } from "./lib/svg.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const ALL_SCENARIOS = ["a", "a2", "b", "c", "d", "e", "f"];
/** The page sizes the issue's economy target names. */
const TARGET_PAGE_SIZES = [10, 100];

const { values: options } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    rounds: { type: "string" },
    // Render the tables and plots of an earlier run again: --report bench/results/<run>.json
    report: { type: "string" },
  },
});

/** Durations, rounds and load levels of each mode. Quick: < 2 min; full: ≤ 15 min. */
const PROFILES = {
  quick: {
    rounds: 3,
    warmupS: 1.5,
    upstreamLatencyMs: 25,
    overhead: { satConnections: 96, satS: 1, rate: 100, rateConnections: 8, rateS: 1 },
    concurrency: { levels: [1, 16, 96], durationS: 1 },
    pageSizes: [1, 10, 100],
    counted: { amount: 200, connections: 16 },
    fanOut: { rate: 20, connections: 4, durationS: 1 },
    memory: { delayMs: 300, levels: [10, 100, 400], holdS: 1.6, keepAliveMs: 1000 },
    faults: { requests: 60, rate: 40, connections: 16, deadlineMs: 1500 },
    peer: { satConnections: 40, satS: 1, rate: 40, rateConnections: 8, rateS: 1 },
  },
  full: {
    rounds: 5,
    warmupS: 3,
    upstreamLatencyMs: 25,
    overhead: { satConnections: 96, satS: 5, rate: 100, rateConnections: 8, rateS: 5 },
    concurrency: { levels: [1, 4, 16, 32, 64, 96], durationS: 3 },
    pageSizes: [1, 10, 25, 50, 100],
    counted: { amount: 1000, connections: 16 },
    fanOut: { rate: 20, connections: 4, durationS: 5 },
    memory: { delayMs: 1000, levels: [10, 25, 50, 100, 200, 400], holdS: 4, keepAliveMs: 2000 },
    faults: { requests: 200, rate: 40, connections: 16, deadlineMs: 1500 },
    peer: { satConnections: 40, satS: 5, rate: 40, rateConnections: 8, rateS: 5 },
  },
};

const mode = options.quick ? "quick" : "full";
const P = PROFILES[mode];
if (options.rounds) P.rounds = Number(options.rounds);
const scenarios = options.only ? options.only.split(",").map((s) => s.trim()) : ALL_SCENARIOS;
for (const s of scenarios) {
  if (!ALL_SCENARIOS.includes(s)) {
    console.error(`unknown scenario '${s}' (known: ${ALL_SCENARIOS.join(", ")})`);
    process.exit(2);
  }
}

const startedAt = new Date();
const stamp = startedAt
  .toISOString()
  .replace(/[:.]/g, "-")
  .replace(/-\d{3}Z$/, "Z");
const resultsDir = join(BENCH, "results", ...(mode === "quick" ? ["quick"] : []));
const logDir = join(BENCH, "results", "tmp", stamp);
mkdirSync(resultsDir, { recursive: true });
if (!options.report) mkdirSync(logDir, { recursive: true });
const plan = corePlan();
const ctx = { plan, logDir };
const log = (message) =>
  console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)}s] ${message}`);
const basic = (key) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

// A hard ceiling on the whole run, whatever happens: 4 min quick (target < 2), 20 min full (target ≤ 15).
const ceiling = setTimeout(
  () => {
    console.error("bench: time ceiling reached, stopping every process it started");
    void stopAll().then(() => process.exit(4));
  },
  (mode === "quick" ? 4 : 20) * 60_000,
);
ceiling.unref();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping every process it started`);
    void stopAll().then(() => process.exit(130));
  });
}

const results = {
  meta: {
    startedAt: startedAt.toISOString(),
    mode,
    profile: P,
    scenarios,
    machine: machineState(),
    pinning: plan.pinned
      ? {
          taskset: true,
          server: `core ${plan.server} (gateway or peer, alone)`,
          support: `core ${plan.support} (simulator + load generator)`,
        }
      : { taskset: false, reason: plan.reason },
    clockTicksPerSecond: CLK_TCK,
    procAvailable,
  },
  scenarios: {},
};

async function main() {
  log(
    `mode ${mode}; scenarios ${scenarios.join(",")}; ${plan.pinned ? "pinned with taskset" : `not pinned (${plan.reason})`}`,
  );
  const tools = ensureTools(BENCH, log);
  results.meta.tools = {
    autocannon: JSON.parse(readFileSync(join(BENCH, "tools/node_modules/autocannon/package.json"), "utf8"))
      .version,
    installed: tools,
  };
  const entry = await gatewayEntry(BENCH, ROOT);
  for (const patch of entry.patches) {
    if (!patch.applied)
      log(`! the bundle patch of ${patch.file} did not apply (${patch.reason}): expect RATE_LIMITED`);
  }
  results.meta.gateway = {
    runner: entry.runner,
    entry: relative(ROOT, entry.entry),
    esbuild: entry.esbuild,
    patches: entry.patches,
  };

  const sim = await startSimulator("simulator", P.upstreamLatencyMs);
  const ids = sim.identities;
  const gatewayEnv = { PLEO_MAX_CONNECTIONS: "256" };
  const gw = await startGateway("gateway", entry, sim.url, gatewayEnv);
  results.meta.gateway.env = { PLEO_API_URL: "(the simulator)", ...GATEWAY_BASE_ENV, ...gatewayEnv };

  let peer = null;
  if (scenarios.includes("f") || scenarios.includes("b")) {
    const setup = ensurePeer(BENCH, ROOT, log);
    results.meta.peer = setup;
    if (setup.available) peer = await startPeer(setup, sim.url);
    else log(`peer unavailable: ${setup.reason}`);
  }
  const env = { sim, gw, peer, ids };

  if (scenarios.includes("a")) results.scenarios.overhead = await scenarioOverhead(env);
  if (scenarios.includes("a2")) results.scenarios.concurrency = await scenarioConcurrency(env);
  if (scenarios.includes("b")) results.scenarios.economy = await scenarioEconomy(env);
  if (scenarios.includes("c")) results.scenarios.fanOut = await scenarioFanOut(env);
  if (scenarios.includes("e")) results.scenarios.faults = await scenarioFaults(env, entry);
  await stop(gw.child);
  if (scenarios.includes("f")) {
    // A fresh gateway process, so that its RSS has the same history as the peer's (start-up, then (b)).
    const fresh = await startGateway("gateway-f", entry, sim.url, gatewayEnv);
    results.scenarios.peer = await scenarioPeer({ ...env, gw: fresh });
    await stop(fresh.child);
  }
  if (peer) await stop(peer.child);
  if (scenarios.includes("d")) results.scenarios.memory = await scenarioMemory(entry);
  await stop(sim.child);
}

// ---------------------------------------------------------------------------------------------------
// Processes

async function startSimulator(name, latencyMs) {
  const { child, value } = await spawnUntilLine(
    {
      name,
      args: ["--import", "tsx", join(BENCH, "simulator.mjs"), "--port", "0", "--latency", String(latencyMs)],
      cwd: ROOT,
      core: plan.support,
      logFile: join(logDir, `${name}.log`),
    },
    (line) => {
      try {
        const parsed = JSON.parse(line);
        return parsed.ready ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
  );
  log(`${name} on ${value.url} (${latencyMs} ms per request), pid ${child.pid}`);
  return { child, pid: child.pid, url: value.url, identities: value };
}

async function startGateway(name, entry, pleoUrl, extraEnv, { probe = false } = {}) {
  const execArgv = [
    ...(probe ? ["--expose-gc", "--import", join(BENCH, "lib/probe.mjs")] : []),
    ...entry.execArgv,
  ];
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const child = spawnNode({
    name,
    args: [...execArgv, entry.entry],
    cwd: ROOT,
    core: plan.server,
    env: { PLEO_API_URL: pleoUrl, PORT: String(port), HOST: "127.0.0.1", ...GATEWAY_BASE_ENV, ...extraEnv },
    logFile: join(logDir, `${name}.log`),
    ipc: probe,
  });
  await waitForGraphQL(url, child);
  log(`${name} on ${url} (${entry.runner}), pid ${child.pid}`);
  return { child, pid: child.pid, url };
}

async function startPeer(setup, pleoUrl) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const child = spawnNode({
    name: "peer",
    args: [setup.bin, "supergraph", setup.supergraph, "--host", "127.0.0.1", "--port", String(port)],
    cwd: setup.cwd,
    core: plan.server,
    env: { PLEO_API_URL: pleoUrl, NODE_ENV: "production" },
    logFile: join(logDir, "peer.log"),
  });
  await waitForGraphQL(url, child);
  log(`peer (Hive Gateway ${setup.versions["@graphql-hive/gateway"]}) on ${url}, pid ${child.pid}`);
  return { child, pid: child.pid, url };
}

// ---------------------------------------------------------------------------------------------------
// Jobs

/**
 * A POST of one GraphQL document. `variants` (a list of variables, or of documents) makes consecutive
 * requests differ, so that concurrent requests do not share upstream calls.
 */
function gatewayJob(gw, headers, query, variables, variants = []) {
  const body = (q, v) => JSON.stringify({ query: q, variables: v });
  return {
    url: gw.url,
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: body(query, variables),
    variants: variants.map((v) => ({ body: typeof v === "string" ? body(v, variables) : body(query, v) })),
  };
}

const withLoad = (job, load) => ({ ...job, ...load });

/**
 * Upstream calls per request under concurrent load, exactly: a run of a fixed number of requests (every
 * one completes, so none is cut off half-way as at the end of a timed run), against the request log.
 */
async function countedRun(label, arm, sim, connections, { identical = false } = {}) {
  const amount = Math.max(P.counted.amount, connections * 4);
  const run = await runLoad(ctx, {
    label: `${label} counted`,
    job: withLoad(arm.job, {
      amount,
      connections,
      durationS: 120,
      checkBody: arm.job.method === "POST",
      ...(identical ? { variants: [] } : {}),
    }),
    server: arm.server,
    simulator: sim,
    countUpstream: true,
  });
  checkStatuses(`${label} counted`, run, label === "(a)" ? "overhead" : "peer");
  log(
    `  ${arm.name}: ${run.upstream.calls} upstream calls for ${run.responses} ${identical ? "identical " : ""}requests (${connections} connections)`,
  );
  return {
    connections,
    identical,
    requests: run.responses,
    calls: run.upstream.calls,
    perRequest: run.upstream.perRequest,
    non2xx: run.upstream.non2xx,
  };
}

/** Throws unless the answer has data and no errors. */
function assertClean(label, answer) {
  if (answer.status !== 200 || answer.body.errors?.length || !answer.body.data) {
    throw new Error(
      `${label}: the request does not succeed (${answer.status}): ${JSON.stringify(answer.body).slice(0, 600)}`,
    );
  }
  return answer.body.data;
}

/**
 * Logs and records failed requests (HTTP status, connection errors and — where bodies were read —
 * GraphQL errors). A run with more than 0.1 % failures makes its scenario invalid for the targets.
 */
function checkStatuses(label, run, scenario) {
  if (run.failures > 0) {
    const problem = `${label}: ${run.failures} of ${run.responses} requests failed (statuses ${JSON.stringify(run.statuses)}, ${run.errors} connection errors, ${run.bodyErrors} answers with GraphQL errors)${run.firstBodyError ? `; first: ${run.firstBodyError}` : ""}`;
    log(`  ! ${problem}`);
    results.problems = [...(results.problems ?? []), problem];
    if (run.failureRate > 0.001 && scenario) invalid.add(scenario);
  }
}

/** Scenarios whose runs failed too often to be measured against the targets. */
const invalid = new Set();

function brief(run) {
  const server = run.server
    ? ` cpu ${round(run.server.cpuMsPerRequest, 3)} ms/req (${Math.round(run.server.cpuUtilisation * 100)}% core${run.foreignOnServerCore > 0.05 ? `, others ${Math.round(run.foreignOnServerCore * 100)}%` : ""})`
    : "";
  const upstream = run.upstream ? ` upstream ${round(run.upstream.perRequest, 2)}/req` : "";
  return `${Math.round(run.rps)} req/s p50 ${round(run.latencyMs.p50, 2)} p99 ${round(run.latencyMs.p99, 2)} ms${server}${upstream}`;
}

// ---------------------------------------------------------------------------------------------------
// (a) overhead: one upstream call through the gateway vs the same call made directly

/** (a)'s two arms: the one-call query through the gateway, and the same GET sent to the simulator. */
function oneCallArms({ sim, gw, ids }) {
  const org = ids.organisations.loveCremeBrulee;
  const key = ids.secrets.lcbOrg;
  const path = (n) => `/v1/companies?organization_id=${org}&limit=${n}`;
  return {
    direct: {
      name: "direct",
      server: { pid: sim.pid },
      job: {
        url: `${sim.url}${path(10)}`,
        method: "GET",
        headers: { authorization: basic(key) },
        variants: ONE_CALL_PAGE_SIZES.map((n) => ({ path: path(n) })),
      },
    },
    gateway: {
      name: "gateway",
      server: { pid: gw.pid },
      job: gatewayJob(
        gw,
        { "x-pleo-api-key": key },
        ONE_CALL,
        { org, n: 10 },
        ONE_CALL_PAGE_SIZES.map((n) => ({ org, n })),
      ),
    },
    check: async () => {
      const direct = await (
        await fetch(`${sim.url}${path(10)}`, { headers: { authorization: basic(key) } })
      ).json();
      const answer = assertClean(
        "(a) gateway",
        await gql(gw.url, { "x-pleo-api-key": key }, ONE_CALL, { org, n: 10 }),
      );
      const names = (list) => list.map((c) => c.name).sort();
      if (
        !isDeepStrictEqual(names(direct.data), names(answer.organisation.companies.edges.map((e) => e.node)))
      ) {
        throw new Error("(a) the gateway and the direct call return different companies");
      }
    },
  };
}

async function scenarioOverhead(env) {
  const { sim } = env;
  log("(a) overhead: organisation(id:) { companies(first: n) } = GET /v1/companies?organization_id=&limit=n");
  const { direct, gateway, check } = oneCallArms(env);
  await check(); // same data both ways, before timing
  const arms = [direct, gateway];
  for (const arm of arms) {
    await runLoad(ctx, {
      label: `warm ${arm.name}`,
      job: withLoad(arm.job, { connections: P.overhead.satConnections, durationS: P.warmupS }),
      server: arm.server,
      simulator: sim,
    });
  }
  const counted = {};
  for (const arm of arms) counted[arm.name] = await countedRun("(a)", arm, sim, P.overhead.satConnections);
  // The same at the same concurrency with identical requests: what in-flight sharing saves.
  const identical = await countedRun("(a)", gateway, sim, P.overhead.satConnections, { identical: true });
  const rounds = [];
  for (let r = 0; r < P.rounds; r += 1) {
    const round_ = {};
    for (const arm of arms) {
      const saturation = await runLoad(ctx, {
        label: `(a) ${arm.name} saturation`,
        job: withLoad(arm.job, { connections: P.overhead.satConnections, durationS: P.overhead.satS }),
        server: arm.server,
        simulator: sim,
      });
      const fixed = await runLoad(ctx, {
        label: `(a) ${arm.name} fixed rate`,
        job: withLoad(arm.job, {
          connections: P.overhead.rateConnections,
          rate: P.overhead.rate,
          checkBody: arm.name === "gateway",
          durationS: P.overhead.rateS,
        }),
        server: arm.server,
        simulator: sim,
      });
      checkStatuses(`(a) ${arm.name}`, saturation, "overhead");
      checkStatuses(`(a) ${arm.name}`, fixed, "overhead");
      round_[arm.name] = { saturation, fixed };
      log(`  round ${r + 1} ${arm.name.padEnd(7)} saturation ${brief(saturation)}`);
      log(`  round ${r + 1} ${arm.name.padEnd(7)} @${P.overhead.rate}/s   ${brief(fixed)}`);
    }
    rounds.push(round_);
  }
  const per = (arm, kind, pick) => rounds.map((r) => pick(r[arm][kind]));
  const armSummary = (arm) => ({
    rpsAtSaturation: summary(per(arm, "saturation", (x) => x.rps)),
    p50AtFixedRate: summary(per(arm, "fixed", (x) => x.latencyMs.p50)),
    p99AtFixedRate: summary(per(arm, "fixed", (x) => x.latencyMs.p99)),
    serverCpuMsPerRequestAtSaturation: summary(per(arm, "saturation", (x) => x.server.cpuMsPerRequest)),
    serverCpuMsPerRequestAtFixedRate: summary(per(arm, "fixed", (x) => x.server.cpuMsPerRequest)),
    serverCoreUtilisationAtSaturation: summary(per(arm, "saturation", (x) => x.server.cpuUtilisation)),
    peakRssBytes: Math.max(
      ...rounds.flatMap((r) => [r[arm].saturation.server.peakRss, r[arm].fixed.server.peakRss]),
    ),
    upstreamCallsPerRequest: counted[arm],
    foreignOnServerCoreAtSaturation: summary(per(arm, "saturation", (x) => x.foreignOnServerCore)),
    foreignOnServerCoreAtFixedRate: summary(per(arm, "fixed", (x) => x.foreignOnServerCore)),
    supportCoreBusyAtSaturation: summary(per(arm, "saturation", (x) => x.supportCoreBusy)),
    supportCoreUtilisationAtSaturation: summary(
      per(arm, "saturation", (x) => (x.simulatorCpuUtilisation ?? 0) + x.loadgenCpuUtilisation),
    ),
  });
  return {
    description:
      "organisation(id:) { companies(first: n) { name registrationNumber address } } through the gateway — one upstream GET /v1/companies?organization_id=&limit=n, introspection cached — vs the same GET sent directly to the simulator; n cycles through 3…100 so that no two requests in flight are identical (the gateway shares identical reads in flight).",
    upstreamLatencyMs: P.upstreamLatencyMs,
    fixedRate: P.overhead.rate,
    saturationConnections: P.overhead.satConnections,
    arms: { direct: armSummary("direct"), gateway: armSummary("gateway") },
    ratios: {
      rpsGatewayOverDirect: summary(rounds.map((r) => r.gateway.saturation.rps / r.direct.saturation.rps)),
      addedP50Ms: summary(rounds.map((r) => r.gateway.fixed.latencyMs.p50 - r.direct.fixed.latencyMs.p50)),
      addedP99Ms: summary(rounds.map((r) => r.gateway.fixed.latencyMs.p99 - r.direct.fixed.latencyMs.p99)),
    },
    note: "The direct arm's server is the simulator itself, which shares core 1 with the load generator; its saturation is a bound of that core, not of Pleo.",
    identicalRequests: identical,
    rounds,
  };
}

// ---------------------------------------------------------------------------------------------------
// (a2) latency vs concurrency, gateway vs direct, closed loop

async function scenarioConcurrency(env) {
  const { sim } = env;
  log("(a2) latency vs concurrency");
  const { direct, gateway } = oneCallArms(env);
  const arms = { direct, gateway };
  const levels = [];
  for (const connections of P.concurrency.levels) {
    const level = { connections };
    for (const [name, arm] of Object.entries(arms)) {
      const run = await runLoad(ctx, {
        label: `(a2) ${name} c=${connections}`,
        job: withLoad(arm.job, { connections, durationS: P.concurrency.durationS }),
        server: arm.server,
        simulator: sim,
      });
      checkStatuses(`(a2) ${name}`, run, "concurrency");
      level[name] = {
        rps: run.rps,
        p50: run.latencyMs.p50,
        p99: run.latencyMs.p99,
        serverCoreUtilisation: run.server.cpuUtilisation,
      };
      log(`  c=${String(connections).padEnd(4)} ${name.padEnd(7)} ${brief(run)}`);
    }
    levels.push(level);
  }
  return {
    upstreamLatencyMs: P.upstreamLatencyMs,
    durationS: P.concurrency.durationS,
    query: "(a)'s one-call query",
    levels,
  };
}

// ---------------------------------------------------------------------------------------------------
// (b) economy: upstream calls per query by page size, from the simulator's log

async function scenarioEconomy({ sim, gw, peer, ids }) {
  log("(b) economy: upstream calls per query by page size");
  await sleep(500); // let requests cut off at the end of earlier timed runs reach the simulator
  const groupHeaders = {
    "x-pleo-api-key": [ids.secrets.lcbOrg, ids.secrets.nl, ids.secrets.de, ids.secrets.be].join(", "),
  };
  const nlHeaders = { "x-pleo-api-key": ids.secrets.nl };
  const queries = [
    {
      name: "GroupBooks (3 companies)",
      minimum: 22,
      minimumWhy:
        "1 discovery + per company: accounts page, accounts by id, tax codes, tag groups, vendors page, vendors by external id, entries",
      run: (n) => gql(gw.url, groupHeaders, GROUP_BOOKS, { org: ids.organisations.loveCremeBrulee, n }),
    },
    {
      name: "Entries with references (NL)",
      minimum: 8,
      minimumWhy:
        "company, entries, then one batched search per referenced resource (accounts, vendors, tax codes, employees, tags, tag groups)",
      run: (n) => gql(gw.url, nlHeaders, ENTRIES_WITH_REFERENCES, { id: ids.companies.nl, n }),
    },
    {
      name: "CompanyBooks (NL) — gateway",
      minimum: 7,
      minimumWhy: "company, accounts, tax codes, tag groups, vendors, entries, employees",
      run: (n) => gql(gw.url, nlHeaders, COMPANY_BOOKS, { c: ids.companies.nl, n }),
    },
  ];
  if (peer) {
    queries.push({
      name: "CompanyBooks (NL) — Hive Gateway peer",
      minimum: 7,
      minimumWhy: "the same seven resources",
      run: (n) =>
        gql(peer.url, { authorization: basic(ids.secrets.nl) }, COMPANY_BOOKS_PEER, {
          c: ids.companies.nl,
          n,
        }),
    });
  }
  const rows = [];
  for (const q of queries) {
    const row = { query: q.name, minimum: q.minimum, minimumWhy: q.minimumWhy, byPageSize: {} };
    for (const n of P.pageSizes) {
      assertClean(`(b) ${q.name} n=${n} (warm-up)`, await q.run(n)); // warms the introspection cache
      await simReset(sim.url);
      assertClean(`(b) ${q.name} n=${n}`, await q.run(n));
      const entries = await simRequests(sim.url);
      row.byPageSize[n] = { total: entries.length, byPath: callsByPath(entries) };
    }
    // The issue's page sizes (10 and 100) decide the target; the others are shown for the plot. At page
    // size 1 a query may need fewer calls than the minimum (e.g. no referenced vendor on that page).
    const totals = TARGET_PAGE_SIZES.filter((n) => row.byPageSize[n]).map((n) => row.byPageSize[n].total);
    row.independentOfPageSize = new Set(totals).size === 1;
    row.equalsMinimum = totals.every((t) => t === q.minimum);
    log(
      `  ${q.name.padEnd(40)} ${P.pageSizes.map((n) => `n=${n}: ${row.byPageSize[n].total}`).join("  ")} (minimum ${q.minimum})`,
    );
    rows.push(row);
  }
  return { pageSizes: P.pageSizes, targetPageSizes: TARGET_PAGE_SIZES, queries: rows };
}

// ---------------------------------------------------------------------------------------------------
// (c) fan-out: 1 vs 10 companies in one query

async function scenarioFanOut({ sim, gw, ids }) {
  log("(c) fan-out: 1 vs 10 companies in one query");
  await sleep(500);
  const companyIds = [ids.companies.nl, ids.companies.de, ids.companies.be, ids.companies.alexey];
  const headers = {
    "x-pleo-api-key": [ids.secrets.nl, ids.secrets.de, ids.secrets.be, ids.secrets.alexey].join(", "),
  };
  const arms = {};
  for (const count of [1, 10]) {
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
    await runLoad(ctx, {
      label: "(c) warm",
      job: withLoad(arm.job, { connections: P.fanOut.connections, durationS: P.warmupS }),
      server: { pid: gw.pid },
    });
  }
  const rounds = [];
  for (let r = 0; r < P.rounds; r += 1) {
    const round_ = {};
    for (const count of [1, 10]) {
      const run = await runLoad(ctx, {
        label: `(c) ${count} companies`,
        job: withLoad(arms[count].job, {
          connections: P.fanOut.connections,
          rate: P.fanOut.rate,
          checkBody: true,
          durationS: P.fanOut.durationS,
        }),
        server: { pid: gw.pid },
        simulator: sim,
      });
      checkStatuses(`(c) ${count}`, run, "fanOut");
      round_[count] = run;
      log(`  round ${r + 1} ${String(count).padStart(2)} companies ${brief(run)}`);
    }
    rounds.push(round_);
  }
  return {
    description:
      "One query naming 1 or 10 companies (company(id:) { name vendors(first: k) }), with 25 ms per upstream call, at a fixed low rate. The simulator seeds four companies, so the 10-company query aliases NL, DE, BE and Alexey in turn, each alias with a distinct page size so that no two are the same upstream call; consecutive requests shift all page sizes, so that requests do not share calls either. company(id:) resolves the company (GET /v1/companies/{id}) before its vendors (POST /v1/vendors:search): two upstream round trips in sequence, for 1 company as for 10.",
    upstreamLatencyMs: P.upstreamLatencyMs,
    rate: P.fanOut.rate,
    upstreamCalls: { 1: arms[1].upstreamCalls, 10: arms[10].upstreamCalls },
    byPath: { 1: arms[1].byPath, 10: arms[10].byPath },
    arms: Object.fromEntries(
      [1, 10].map((count) => [
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

// ---------------------------------------------------------------------------------------------------
// (d) memory: in-flight requests held by upstream delay

async function scenarioMemory(entry) {
  const { delayMs, levels, holdS } = P.memory;
  log(
    `(d) memory: in-flight requests held by a ${delayMs} ms upstream delay, concurrency ${levels.join(", ")}`,
  );
  const sim = await startSimulator("simulator-slow", delayMs);
  // Every held request also holds an upstream socket (no pool queue); idle sockets close soon, so
  // the end of the scenario can tell retained memory from a pool of kept-alive connections.
  const { keepAliveMs } = P.memory;
  const env = {
    PLEO_MAX_CONNECTIONS: "1024",
    PLEO_HEADERS_TIMEOUT_MS: "30000",
    PLEO_KEEPALIVE_TIMEOUT_MS: String(keepAliveMs),
    // A credential's binding expires every INTROSPECTION_CACHE_TTL_MS (60 s) and the next requests wait
    // for a new introspection — a whole upstream delay, 1 s here: kept out of the memory measurement.
    INTROSPECTION_CACHE_TTL_MS: "600000",
  };
  const gw = await startGateway("gateway-memory", entry, sim.url, env, { probe: true });
  try {
    const ids = sim.identities;
    const c = ids.companies.nl;
    const job = gatewayJob(
      gw,
      { "x-pleo-api-key": ids.secrets.nl },
      HELD_REQUEST,
      { c, name: "held" },
      Array.from({ length: 1000 }, (_, i) => ({ c, name: `held-${i}` })),
    );
    assertClean("(d)", await gql(gw.url, job.headers, HELD_REQUEST, { c, name: "held" }));
    // Warm: JIT, sockets, introspection cache; then a baseline after full GC.
    await runLoad(ctx, {
      label: "(d) warm",
      job: withLoad(job, {
        connections: Math.min(50, levels.at(-1)),
        durationS: Math.max(2, (2 * delayMs) / 1000),
      }),
      server: { pid: gw.pid },
    });
    await sleep(delayMs + 300);
    const baseline = await askMemory(gw.child, true);
    const baselineRss = memory(gw.pid).rss;
    const points = [];
    const runLevel = async (connections) => {
      const samples = [];
      const t0 = performance.now();
      // Plateau: once the first upstream delay has filled the pipeline (plus ~0.5 s for the load
      // generator to start), until shortly before the run winds down.
      const plateauFrom = delayMs + 500;
      const plateauTo = holdS * 1000 - 200;
      // Twice inside the plateau, a full GC while the requests are held: what is left is what they retain.
      const gcAt = [1 / 3, 2 / 3].map((f) => plateauFrom + (plateauTo - plateauFrom) * f);
      const timer = setInterval(() => {
        const t = performance.now() - t0;
        const gc = gcAt.length > 0 && t >= gcAt[0];
        if (gc) gcAt.shift();
        askMemory(gw.child, gc)
          .then((usage) => samples.push({ t, gc, heap: usage.heapUsed, rss: memory(gw.pid).rss }))
          .catch(() => {});
      }, 100);
      const run = await runLoad(ctx, {
        label: `(d) c=${connections}`,
        job: withLoad(job, { connections, durationS: holdS }),
        server: { pid: gw.pid },
        simulator: sim,
      });
      clearInterval(timer);
      checkStatuses(`(d) c=${connections}`, run, "memory");
      const plateau = samples.filter((s) => s.t > plateauFrom && s.t < plateauTo && !s.gc);
      const use = plateau.length ? plateau : samples.filter((s) => !s.gc);
      const heldAfterGc = samples.filter((s) => s.gc);
      await sleep(delayMs + 500);
      const afterGc = await askMemory(gw.child, true);
      return {
        connections,
        rps: run.rps,
        p50: run.latencyMs.p50,
        p99: run.latencyMs.p99,
        // Closed loop: every connection always has one request outstanding.
        inFlight: connections,
        littlesLawInFlight: (run.rps * run.latencyMs.mean) / 1000,
        rssPlateau: median(use.map((s) => s.rss)),
        heapPlateau: median(use.map((s) => s.heap)),
        heapHeldAfterGc: median(heldAfterGc.map((s) => s.heap)),
        peakRss: run.server.peakRss,
        heapAfterGc: afterGc.heapUsed,
        spacesAfterGc: afterGc.spaces,
        rssAfter: memory(gw.pid).rss,
        samples: use.length,
        statuses: run.statuses,
        serverCoreBusy: run.serverCoreBusy,
        supportCoreBusy: run.supportCoreBusy,
      };
    };
    for (const connections of levels) {
      const point = await runLevel(connections);
      point.rssPerInFlight = (point.rssPlateau - baselineRss) / point.inFlight;
      point.heapPerInFlight = (point.heapHeldAfterGc - baseline.heapUsed) / point.inFlight;
      points.push(point);
      log(
        `  c=${String(connections).padEnd(4)} in flight ${round(point.inFlight, 0)}  p50 ${round(point.p50, 1)} ms  RSS ${mb(point.rssPlateau)} MB  heap ${mb(point.heapPlateau)} MB  heap after GC ${mb(point.heapAfterGc)} MB`,
      );
    }
    // No growth: the top level twice more. The first pass grows the upstream pool to as many sockets as
    // requests held; from then on, a pass must leave the heap (after GC) where the previous one left it.
    const again = await runLevel(levels.at(-1));
    const againTwice = await runLevel(levels.at(-1));
    // Then idle past the upstream keep-alive: with the pool's sockets closed the heap must return to the
    // baseline, less whatever caches legitimately hold.
    await sleep(keepAliveMs + 1500);
    const final = await askMemory(gw.child, true);
    // Retained heap: the live heap (after GC) while the requests are held, against how many are held.
    const heapFit = linearFit(points.map((p) => ({ x: p.inFlight, y: p.heapHeldAfterGc })));
    const rssFit = linearFit(points.map((p) => ({ x: p.inFlight, y: p.rssPlateau })));
    const firstTop = points.at(-1);
    log(
      `  retained per in-flight request: heap ${round(heapFit.slope / 1024, 1)} KiB (r² ${round(heapFit.r2, 3)}), RSS ${round(rssFit.slope / 1024, 1)} KiB; heap after GC: baseline ${mb(baseline.heapUsed)} → ${mb(final.heapUsed)} MB`,
    );
    return {
      description: `company(id:) { vendors(first: 5, filter: { name }) { totalCount } } with ${delayMs} ms per upstream call: the company GET (shared by the requests in flight), then a vendor search that differs per request (its name filter), so each request holds its own upstream call. Closed-loop connections = requests held in flight. The gateway ran with PLEO_MAX_CONNECTIONS=1024 (no pool queue), a ${keepAliveMs} ms upstream keep-alive and a 10-minute introspection cache (so that no re-introspection falls into the run).`,
      upstreamDelayMs: delayMs,
      gatewayEnv: env,
      baseline: { heapUsed: baseline.heapUsed, rss: baselineRss, spaces: baseline.spaces },
      points,
      retainedBytesPerInFlight: {
        heap: heapFit.slope,
        heapR2: heapFit.r2,
        rss: rssFit.slope,
        rssR2: rssFit.r2,
      },
      afterRun: {
        heapAfterGcFirstTopLevel: firstTop.heapAfterGc,
        heapAfterGcRepeatTopLevel: again.heapAfterGc,
        heapAfterGcSecondRepeatTopLevel: againTwice.heapAfterGc,
        heapAfterGcFinal: final.heapUsed,
        heapGrowthOverBaseline: final.heapUsed - baseline.heapUsed,
        heapGrowthBetweenRepeats: againTwice.heapAfterGc - again.heapAfterGc,
        heapGrowthFirstPass: again.heapAfterGc - firstTop.heapAfterGc,
        oldSpaceAfterGcByPass: [firstTop, again, againTwice].map((p) => p.spacesAfterGc?.old_space),
        spacesFinal: final.spaces,
        idleAfterKeepAliveMs: keepAliveMs + 1500,
        rssFinal: memory(gw.pid).rss,
      },
      repeatTopLevel: [again, againTwice],
    };
  } finally {
    await stop(gw.child);
    await stop(sim.child);
  }
}

const mb = (bytes) => (bytes === null || bytes === undefined ? "?" : (bytes / 1048576).toFixed(1));

// ---------------------------------------------------------------------------------------------------
// (e) faults

/** Reads only, never the introspection (cached by the gateway; its failure is another test). */
const READS = "^/v\\d+/(?!introspect)";

function faultModes(ids) {
  const de = ids.companies.de;
  const modes = [
    { name: "none", rules: [] },
    {
      name: "10 % of reads answer 500",
      rules: [{ pathRegex: READS, action: "error", status: 500, probability: 0.1 }],
    },
    {
      name: "10 % of reads answer 429 (Retry-After 1 s)",
      rules: [{ pathRegex: READS, action: "rate-limit", retryAfterSeconds: 1, probability: 0.1 }],
    },
    {
      name: "10 % of reads 300 ms slower",
      rules: [{ pathRegex: READS, action: "latency", latencyMs: 300, probability: 0.1 }],
    },
    {
      name: "5 % of reads: connection reset",
      rules: [{ pathRegex: READS, action: "reset", probability: 0.05 }],
    },
    {
      name: "5 % of reads: malformed body",
      rules: [{ pathRegex: READS, action: "malformed", probability: 0.05 }],
    },
    {
      name: "DE in outage (every call 503)",
      rules: [{ pathRegex: READS, companyId: de, action: "error", status: 503 }],
    },
    { name: "DE vendors hang", rules: [{ pathPrefix: "/v1/vendors", companyId: de, action: "hang" }] },
  ];
  return mode === "quick" ? modes.filter((_, i) => [0, 1, 6].includes(i)) : modes;
}

async function scenarioFaults({ sim, ids }, entry) {
  log("(e) faults: the three group companies' vendors in one query, under the simulator's fault modes");
  const probe = await fetch(`${sim.url}/__sim/faults`);
  const probeText = await probe.text();
  if (probe.status === 404) {
    log("  pending: the simulator has no /__sim/faults control endpoint yet");
    return {
      status: "pending",
      reason: "The simulator has no fault injection yet (GET /__sim/faults answers 404).",
    };
  }
  const { deadlineMs, rate, connections, requests } = P.faults;
  const companies = { nl: ids.companies.nl, de: ids.companies.de, be: ids.companies.be };
  // Consecutive requests use page sizes 1…50 in turn, so that they do not share upstream calls.
  const faultsQuery = (n) =>
    `query Faults {\n${Object.entries(companies)
      .map(
        ([alias, id]) =>
          `  ${alias}: company(id: "${id}") { name vendors(first: ${n}) { totalCount edges { node { name } } } }`,
      )
      .join("\n")}\n}`;
  const query = faultsQuery(5);
  const variants = Array.from({ length: 50 }, (_, i) => faultsQuery(i + 1));
  const headers = { "x-pleo-api-key": [ids.secrets.nl, ids.secrets.de, ids.secrets.be].join(", ") };
  const rows = [];
  for (const faultMode of faultModes(ids)) {
    // A fresh gateway per mode: breakers, quarantines and budgets start closed and empty every time.
    const gw = await startGateway("gateway-faults", entry, sim.url, {
      PLEO_MAX_CONNECTIONS: "256",
      REQUEST_DEADLINE_MS: String(deadlineMs),
    });
    try {
      await simReset(sim.url); // clears faults and the log
      assertClean("(e) warm-up", await gql(gw.url, headers, query));
      await runLoad(ctx, {
        label: "(e) warm",
        job: withLoad(gatewayJob(gw, headers, query, undefined, variants), {
          amount: rate,
          rate,
          connections,
          durationS: 10,
        }),
        server: { pid: gw.pid },
      });
      await sleep(300);
      await simReset(sim.url);
      if (faultMode.rules.length) {
        const rules = faultMode.rules.map((rule, i) => ({ ...rule, id: `bench-${i}`, seed: "bench" }));
        const set = await fetch(`${sim.url}/__sim/faults`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ rules }),
        });
        if (!set.ok)
          throw new Error(`(e) the simulator refused the fault rules: ${set.status} ${await set.text()}`);
        await set.arrayBuffer().catch(() => {});
      }
      const run = await runLoad(ctx, {
        label: `(e) ${faultMode.name}`,
        job: withLoad(gatewayJob(gw, headers, query, undefined, variants), {
          amount: requests,
          rate,
          connections,
          durationS: requests / rate + deadlineMs / 1000 + 10,
          errorCodes: true,
        }),
        server: { pid: gw.pid },
        simulator: sim,
      });
      // Hung calls stay open in the simulator; the gateway gave up on them at its deadline.
      const upstream = await simRequests(sim.url);
      const fired = (await (await fetch(`${sim.url}/__sim/faults`)).json()).data ?? [];
      const fields = Object.values(run.perField ?? {});
      const fieldTotal = fields.reduce((n, f) => n + f.ok + f.failed, 0);
      const row = {
        mode: faultMode.name,
        rules: faultMode.rules,
        requests: run.responses,
        http2xx: run.ok,
        fullySucceeded: run.ok - (run.answersWithErrors ?? 0),
        successRate: run.responses ? (run.ok - (run.answersWithErrors ?? 0)) / run.responses : null,
        companyFieldsServed: fieldTotal ? fields.reduce((n, f) => n + f.ok, 0) / fieldTotal : null,
        perCompany: run.perField,
        codes: run.codes,
        p50: run.latencyMs.p50,
        p99: run.latencyMs.p99,
        max: run.latencyMs.max,
        upstreamCallsPerRequest: run.responses ? upstream.length / run.responses : null,
        faultsFired: fired.map((f) => ({ id: f.id, matched: f.matched, fired: f.fired })),
        cpuMsPerRequest: run.server?.cpuMsPerRequest ?? null,
      };
      rows.push(row);
      log(
        `  ${faultMode.name.padEnd(44)} all-ok ${round(row.successRate * 100, 1)} %  company fields ${round(row.companyFieldsServed * 100, 1)} %  p50 ${round(row.p50, 1)} p99 ${round(row.p99, 1)} ms  upstream ${round(row.upstreamCallsPerRequest, 2)}/req  ${Object.entries(
          row.codes ?? {},
        )
          .map(([c, n]) => `${c}×${n}`)
          .join(" ")}`,
      );
    } finally {
      await stop(gw.child);
      await simReset(sim.url);
    }
  }
  return {
    status: "measured",
    description: `One query for the vendors of NL, DE and BE (6 upstream calls when nothing fails), ${requests} requests at ${rate} req/s per mode, 25 ms upstream delay, a fresh gateway per mode with REQUEST_DEADLINE_MS=${deadlineMs}. Faults hit reads only, never the introspection. "all-ok": answers without any error; "company fields": the share of the three company fields that resolved.`,
    probe: { status: probe.status, body: probeText.slice(0, 200) },
    deadlineMs,
    modes: rows,
  };
}

// ---------------------------------------------------------------------------------------------------
// (f) peer: Hive Gateway over the supergraph composed from Pleo's OpenAPI specs

async function scenarioPeer({ sim, gw, peer, ids }) {
  log(
    "(f) peer: the gateway vs Hive Gateway over Pleo's OpenAPI specs, one company's books (7 upstream calls)",
  );
  if (!peer) return { status: "skipped", reason: results.meta.peer?.reason ?? "peer unavailable" };
  const nl = ids.companies.nl;
  const n = 10;
  const gatewayHeaders = { "x-pleo-api-key": ids.secrets.nl };
  const peerHeaders = { authorization: basic(ids.secrets.nl) };
  const sameData = {};
  for (const size of [10, 100]) {
    const ours = normaliseGatewayBooks(
      assertClean(
        `(f) gateway n=${size}`,
        await gql(gw.url, gatewayHeaders, COMPANY_BOOKS, { c: nl, n: size }),
      ),
    );
    const theirs = normalisePeerBooks(
      assertClean(
        `(f) peer n=${size}`,
        await gql(peer.url, peerHeaders, COMPANY_BOOKS_PEER, { c: nl, n: size }),
      ),
    );
    sameData[size] = isDeepStrictEqual(ours, theirs);
    if (!sameData[size]) {
      writeFileSync(join(logDir, `peer-mismatch-${size}.json`), JSON.stringify({ ours, theirs }, null, 2));
      throw new Error(`(f) the gateway and the peer return different data at n=${size} (see ${logDir})`);
    }
  }
  log("  same data from both (n=10 and n=100)");
  const idleRss = { gateway: memory(gw.pid).rss, peer: memory(peer.pid).rss };
  const variants = BOOKS_PAGE_SIZES.map((size) => ({ c: nl, n: size }));
  const arms = [
    {
      name: "gateway",
      server: { pid: gw.pid },
      job: gatewayJob(gw, gatewayHeaders, COMPANY_BOOKS, { c: nl, n }, variants),
    },
    {
      name: "peer",
      server: { pid: peer.pid },
      job: gatewayJob(peer, peerHeaders, COMPANY_BOOKS_PEER, { c: nl, n }, variants),
    },
  ];
  for (const arm of arms) {
    await runLoad(ctx, {
      label: `(f) warm ${arm.name}`,
      job: withLoad(arm.job, { connections: P.peer.satConnections, durationS: P.warmupS }),
      server: arm.server,
    });
  }
  const counted = {};
  for (const arm of arms) counted[arm.name] = await countedRun("(f)", arm, sim, P.peer.satConnections);
  const rounds = [];
  for (let r = 0; r < P.rounds; r += 1) {
    const round_ = {};
    for (const arm of arms) {
      const saturation = await runLoad(ctx, {
        label: `(f) ${arm.name} saturation`,
        job: withLoad(arm.job, { connections: P.peer.satConnections, durationS: P.peer.satS }),
        server: arm.server,
        simulator: sim,
      });
      const fixed = await runLoad(ctx, {
        label: `(f) ${arm.name} fixed`,
        job: withLoad(arm.job, {
          connections: P.peer.rateConnections,
          rate: P.peer.rate,
          durationS: P.peer.rateS,
          checkBody: true,
        }),
        server: arm.server,
        simulator: sim,
      });
      checkStatuses(`(f) ${arm.name}`, saturation, "peer");
      checkStatuses(`(f) ${arm.name}`, fixed, "peer");
      round_[arm.name] = { saturation, fixed };
      log(`  round ${r + 1} ${arm.name.padEnd(7)} saturation ${brief(saturation)}`);
      log(`  round ${r + 1} ${arm.name.padEnd(7)} @${P.peer.rate}/s    ${brief(fixed)}`);
    }
    rounds.push(round_);
  }
  const per = (arm, kind, pick) => rounds.map((r) => pick(r[arm][kind]));
  const armSummary = (arm, pid) => ({
    rpsAtSaturation: summary(per(arm, "saturation", (x) => x.rps)),
    p50AtFixedRate: summary(per(arm, "fixed", (x) => x.latencyMs.p50)),
    p99AtFixedRate: summary(per(arm, "fixed", (x) => x.latencyMs.p99)),
    cpuMsPerRequestAtSaturation: summary(per(arm, "saturation", (x) => x.server.cpuMsPerRequest)),
    cpuMsPerRequestAtFixedRate: summary(per(arm, "fixed", (x) => x.server.cpuMsPerRequest)),
    coreUtilisationAtSaturation: summary(per(arm, "saturation", (x) => x.server.cpuUtilisation)),
    peakRssBytes: Math.max(
      ...rounds.flatMap((r) => [r[arm].saturation.server.peakRss, r[arm].fixed.server.peakRss]),
    ),
    rssHighWaterMarkBytes: memory(pid).hwm,
    idleRssBytes: idleRss[arm],
    upstreamCallsPerRequest: counted[arm],
    foreignOnServerCoreAtSaturation: summary(per(arm, "saturation", (x) => x.foreignOnServerCore)),
    foreignOnServerCoreAtFixedRate: summary(per(arm, "fixed", (x) => x.foreignOnServerCore)),
    supportCoreBusyAtSaturation: summary(per(arm, "saturation", (x) => x.supportCoreBusy)),
    supportCoreUtilisationAtSaturation: summary(
      per(arm, "saturation", (x) => (x.simulatorCpuUtilisation ?? 0) + x.loadgenCpuUtilisation),
    ),
  });
  const gatewaySummary = armSummary("gateway", gw.pid);
  const peerSummary = armSummary("peer", peer.pid);
  return {
    description:
      "One company's books (company, accounts, tax codes, tag groups, vendors, entries, employees) — seven upstream calls — from the gateway and from Hive Gateway over a supergraph composed with @omnigraph/openapi from seven of Pleo's specs; same simulator, same credential (the peer forwards Authorization: Basic). Page sizes 5…52 in turn (both arms the same sequence), so that no two requests in flight are identical.",
    specsComposed: [
      "companies",
      "accounts (chart of accounts)",
      "tax-codes",
      "tag-groups",
      "external-vendors",
      "accounting-entries",
      "employees",
    ],
    versions: results.meta.peer?.versions,
    sameData,
    upstreamLatencyMs: P.upstreamLatencyMs,
    fixedRate: P.peer.rate,
    saturationConnections: P.peer.satConnections,
    arms: { gateway: gatewaySummary, peer: peerSummary },
    ratios: {
      rpsGatewayOverPeer: summary(rounds.map((r) => r.gateway.saturation.rps / r.peer.saturation.rps)),
      cpuPerRequestPeerOverGateway: summary(
        rounds.map(
          (r) => r.peer.saturation.server.cpuMsPerRequest / r.gateway.saturation.server.cpuMsPerRequest,
        ),
      ),
      peakRssGatewayOverPeer: gatewaySummary.peakRssBytes / peerSummary.peakRssBytes,
    },
    rounds,
  };
}

// ---------------------------------------------------------------------------------------------------
// Machine and results

function machineState() {
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8", timeout: 5_000 }).trim();
    } catch {
      return null;
    }
  };
  const busiest = sh("ps", ["-eo", "pcpu,rss,comm", "--sort=-pcpu", "--no-headers"]);
  return {
    nproc: sh("nproc", []),
    cpuModel: cpus()[0]?.model,
    memTotalBytes: totalmem(),
    free: sh("free", ["-h"]),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadavgAtStart: loadavg().map((v) => round(v, 2)),
    busiestProcessesAtStart: busiest
      ?.split("\n")
      .slice(0, 8)
      .map((l) => l.trim()),
  };
}

function targets() {
  const s = results.scenarios;
  const list = [];
  const gwCpu = s.overhead?.arms.gateway.serverCpuMsPerRequestAtSaturation.median;
  if (gwCpu !== undefined) {
    list.push({
      scenario: "overhead",
      target: "gateway CPU ≤ 0.6 ms per single-call request",
      measured: `${round(gwCpu, 3)} ms at saturation (${round(s.overhead.arms.gateway.serverCpuMsPerRequestAtFixedRate.median, 3)} ms at ${s.overhead.fixedRate} req/s)`,
      met: gwCpu <= 0.6,
    });
  }
  const added = s.overhead?.ratios.addedP50Ms;
  if (added) {
    list.push({
      scenario: "overhead",
      target: "added p50 latency ≤ 1 ms over the direct call",
      measured: `${round(added.median, 3)} ms (range ${added.range.map((v) => round(v, 3)).join(" … ")})`,
      met: added.median <= 1,
    });
  }
  if (s.economy) {
    const rows = s.economy.queries.filter((q) => !q.query.includes("peer"));
    list.push({
      scenario: "economy",
      target: "upstream calls per query independent of page size and equal to the minimum",
      measured: rows
        .map(
          (q) =>
            `${q.query}: ${TARGET_PAGE_SIZES.map((n) => `${q.byPageSize[n]?.total} at n=${n}`).join(", ")} (minimum ${q.minimum})`,
        )
        .join("; "),
      met: rows.every((q) => q.independentOfPageSize && q.equalsMinimum),
    });
  }
  const fan = s.fanOut?.ratios.p50TenOverOne;
  if (fan) {
    list.push({
      scenario: "fanOut",
      target: "10-company fan-out p50 ≤ 1.2 × the 1-company p50",
      measured: `${round(fan.median, 3)} × (range ${fan.range.map((v) => round(v, 3)).join(" … ")})`,
      met: fan.median <= 1.2,
    });
  }
  const peer = s.peer;
  if (peer?.ratios) {
    const rps = peer.ratios.rpsGatewayOverPeer.median;
    const rss = peer.ratios.peakRssGatewayOverPeer;
    list.push({
      scenario: "peer",
      target: "≥ 10 × the peer's requests/s at ≤ ¼ of its RSS",
      measured: `${round(rps, 2)} × the requests/s (range ${peer.ratios.rpsGatewayOverPeer.range.map((v) => round(v, 2)).join(" … ")}) at ${round(rss, 2)} × its peak RSS`,
      met: rps >= 10 && rss <= 0.25,
    });
  } else if (peer) {
    list.push({
      scenario: "peer",
      target: "≥ 10 × the peer's requests/s at ≤ ¼ of its RSS",
      measured: peer.reason,
      met: null,
    });
  }
  // A scenario whose requests failed measured failures, not the gateway: no verdict from it.
  return list.map((t) =>
    invalid.has(t.scenario)
      ? { ...t, met: null, measured: `${t.measured} — INVALID: requests failed (see problems)` }
      : t,
  );
}

function writeResults() {
  for (const [name, scenario] of Object.entries(results.scenarios)) {
    if (scenario && typeof scenario === "object") scenario.valid = !invalid.has(name);
  }
  results.targets = targets();
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const run = `${stamp}-${mode}`;
  const file = join(resultsDir, `${run}.json`);
  writeFileSync(file, json);
  writeFileSync(join(resultsDir, "latest.json"), json);
  // Each run keeps its own tables and plots; latest.* are copies of the last run's.
  const runPlots = writePlots(results, resultsDir, `${run}-`);
  writeFileSync(join(resultsDir, `${run}.md`), markdownReport(results, runPlots));
  const plots = writePlots(results, resultsDir, "");
  writeFileSync(join(resultsDir, "latest.md"), markdownReport(results, plots));
  log(
    `results: ${relative(ROOT, file)} (+ ${run}.md and plots), latest.json, latest.md${plots.length ? `, ${plots.join(", ")}` : ""}`,
  );
  log(`process logs: ${relative(ROOT, logDir)}`);
  for (const t of results.targets)
    log(`target ${t.met === null ? "n/a " : t.met ? "MET " : "MISS"} ${t.target}: ${t.measured}`);
}

/** --report: the tables and plots of a stored run, next to its JSON, under its own name. */
function renderReport(file) {
  const stored = JSON.parse(readFileSync(file, "utf8"));
  const dir = dirname(file);
  const run = basename(file).replace(/\.json$/, "");
  const plots = writePlots(stored, dir, `${run}-`);
  writeFileSync(join(dir, `${run}.md`), markdownReport(stored, plots));
  console.log(
    `wrote ${relative(ROOT, join(dir, `${run}.md`))}${plots.length ? ` and ${plots.join(", ")}` : ""}`,
  );
}

function writePlots(res, dir, prefix) {
  const written = [];
  const s = res.scenarios;
  if (s.concurrency?.levels?.length) {
    const levels = s.concurrency.levels;
    const series = [];
    for (const arm of ["gateway", "direct"]) {
      for (const q of ["p50", "p99"]) {
        series.push({
          name: `${arm} ${q}`,
          dashed: q === "p99",
          colour: arm === "gateway" ? "#1f77b4" : "#7f7f7f",
          points: levels.map((l) => ({ x: l.connections, y: l[arm][q] })),
        });
      }
    }
    writeFileSync(
      join(dir, `${prefix}latency-vs-concurrency.svg`),
      lineChart({
        title: "Latency vs concurrency (one upstream call, 25 ms upstream delay)",
        note: `closed loop, ${s.concurrency.durationS} s per point; ${res.meta.mode} run ${res.meta.startedAt.slice(0, 16)}Z`,
        xLabel: "concurrent connections (log scale)",
        yLabel: "latency (ms)",
        logX: true,
        series,
      }),
    );
    written.push(`${prefix}latency-vs-concurrency.svg`);
  }
  if (s.economy?.queries?.length) {
    writeFileSync(
      join(dir, `${prefix}upstream-calls-vs-page-size.svg`),
      lineChart({
        title: "Upstream calls per query vs page size",
        note: "from the simulator's request log; dashed: the minimum",
        xLabel: "page size (first / limit)",
        yLabel: "upstream calls per query",
        series: [
          ...s.economy.queries.map((q, i) => ({
            name: q.query,
            colour: ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e"][i % 4],
            dashed: i === 3,
            points: s.economy.pageSizes.map((n) => ({ x: n, y: q.byPageSize[n].total })),
          })),
          ...[...new Set(s.economy.queries.map((q) => q.minimum))].map((minimum) => ({
            name: `minimum ${minimum}`,
            colour: "#999999",
            dashed: true,
            points: s.economy.pageSizes.map((n) => ({ x: n, y: minimum })),
          })),
        ],
      }),
    );
    written.push(`${prefix}upstream-calls-vs-page-size.svg`);
  }
  if (s.memory?.points?.length) {
    writeFileSync(
      join(dir, `${prefix}memory-vs-in-flight.svg`),
      lineChart({
        title: "Gateway memory vs requests in flight",
        note: `${s.memory.upstreamDelayMs} ms upstream delay holds each request; plateau medians`,
        xLabel: "requests in flight",
        yLabel: "MiB",
        series: [
          { name: "RSS", points: s.memory.points.map((p) => ({ x: p.inFlight, y: p.rssPlateau / 1048576 })) },
          {
            name: "heap used (with garbage)",
            points: s.memory.points.map((p) => ({ x: p.inFlight, y: p.heapPlateau / 1048576 })),
          },
          {
            name: "live heap while held (after GC)",
            points: s.memory.points.map((p) => ({ x: p.inFlight, y: p.heapHeldAfterGc / 1048576 })),
          },
          {
            name: "heap after the level (after GC)",
            dashed: true,
            points: s.memory.points.map((p) => ({ x: p.inFlight, y: p.heapAfterGc / 1048576 })),
          },
        ],
      }),
    );
    written.push(`${prefix}memory-vs-in-flight.svg`);
  }
  return written;
}

// Last, so that every module-level constant above is initialised before main() runs.
if (options.report) {
  renderReport(options.report);
  process.exit(0);
}
try {
  await main();
} catch (error) {
  console.error(error);
  results.error = String(error?.stack ?? error);
  process.exitCode = 1;
} finally {
  await stopAll();
  clearTimeout(ceiling);
  results.meta.finishedAt = new Date().toISOString();
  results.meta.durationS = round((Date.now() - startedAt.getTime()) / 1000, 1);
  results.meta.machineAfter = { loadavg: loadavg().map((v) => round(v, 2)) };
  // How much of the gateway's (pinned) core other processes took during the measured runs.
  const foreign = [...(ctx.foreign ?? [])].sort((a, b) => a - b);
  results.meta.othersOnServerCore = foreign.length
    ? {
        runs: foreign.length,
        median: round(median(foreign), 3),
        p90: round(foreign[Math.floor(foreign.length * 0.9)], 3),
        max: round(foreign.at(-1), 3),
      }
    : null;
  writeResults();
}
