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
// Scenarios (bench/scenarios/): (a) overhead, (a2) latency vs concurrency, (b) upstream economy,
// (c) fan-out, (d) memory, (e) faults, (f) peer, (g) fleet, (h) flood, (i) dashboard. `--only a,b` runs a subset. Everything is bounded in time
// and stops by itself.
import { mkdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { failureLog } from "./lib/failures.mjs";
import { machineState } from "./lib/machine.mjs";
import { CLK_TCK, corePlan, procAvailable, stop, stopAll } from "./lib/processes.mjs";
import { renderStoredRun, writeRun } from "./lib/results.mjs";
import { GATEWAY_POOL_ENV, startGateway, startPeer, startSimulator } from "./lib/servers.mjs";
import { ensurePeer, ensureTools, GATEWAY_BASE_ENV, gatewayEntry } from "./lib/setup.mjs";
import { median, round } from "./lib/stats.mjs";

/**
 * Every scenario, bench/scenarios/<name>.mjs, in the order of --only's names and of the report: adding a
 * scenario is adding its file and its name here. A scenario module's default export:
 *   option     its name for --only ("a", "a2", …)
 *   key        its entry in results.scenarios (and the scenario its failed requests invalidate)
 *   stage      when it runs, by which shared processes are still up (see main): "shared-gateway" (the
 *              simulator, the gateway, the peer), "peer" (the simulator and the peer), "alone" (the idle
 *              simulator only: it starts its own servers)
 *   usesPeer   whether it needs Hive Gateway started (only if a selected scenario does)
 *   profile    { quick, full }: its settings, merged into the run's profile (bench.profile)
 *   run        (bench, { sim, ids, gw, peer, peerSetup }) => its result
 *   targets?   (result) => [{ target, measured, met }]
 *   report?    (result) => Markdown lines of its section
 *   plot?      (result, meta) => { file, svg } | null
 */
const SCENARIOS = await Promise.all(
  [
    "overhead",
    "latency",
    "economy",
    "fan-out",
    "memory",
    "faults",
    "peer",
    "fleet",
    "flood",
    "dashboard",
  ].map(async (name) => (await import(`./scenarios/${name}.mjs`)).default),
);
const ALL_SCENARIOS = SCENARIOS.map((s) => s.option);

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);

const { values: options } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    rounds: { type: "string" },
    // Render the tables and plots of an earlier run again: --report bench/results/<run>.json
    report: { type: "string" },
  },
});

if (options.report) {
  renderStoredRun(options.report, SCENARIOS);
  process.exit(0);
}

/** Rounds, warm-up and upstream delay of each mode, and the counted runs of (a) and (f). Quick: < 2 min; full: ≤ 15 min. */
const BASE_PROFILES = {
  quick: { rounds: 3, warmupS: 1.5, upstreamLatencyMs: 25, counted: { amount: 200, connections: 16 } },
  full: { rounds: 5, warmupS: 3, upstreamLatencyMs: 25, counted: { amount: 1000, connections: 16 } },
};

const mode = options.quick ? "quick" : "full";
const P = Object.assign({}, BASE_PROFILES[mode], ...SCENARIOS.map((s) => s.profile[mode]));
if (options.rounds) P.rounds = Number(options.rounds);
const scenarios = options.only ? options.only.split(",").map((s) => s.trim()) : ALL_SCENARIOS;
for (const s of scenarios) {
  if (!ALL_SCENARIOS.includes(s)) {
    console.error(`unknown scenario '${s}' (known: ${ALL_SCENARIOS.join(", ")})`);
    process.exit(2);
  }
}
const selected = SCENARIOS.filter((s) => scenarios.includes(s.option));

const startedAt = new Date();
const stamp = startedAt
  .toISOString()
  .replace(/[:.]/g, "-")
  .replace(/-\d{3}Z$/, "Z");
const resultsDir = join(BENCH, "results", ...(mode === "quick" ? ["quick"] : []));
const logDir = join(BENCH, "results", "tmp", stamp);
mkdirSync(resultsDir, { recursive: true });
mkdirSync(logDir, { recursive: true });
const plan = corePlan();
const log = (message) =>
  console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)}s] ${message}`);

// A hard ceiling on the whole run, whatever happens: 6 min quick (target < 4), 25 min full (target ≤ 20).
const ceiling = setTimeout(
  () => {
    console.error("bench: time ceiling reached, stopping every process it started");
    void stopAll().then(() => process.exit(4));
  },
  (mode === "quick" ? 6 : 25) * 60_000,
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
const failures = failureLog(results, log);
/**
 * What every scenario measures with: the run's profile and mode, the core plan and log folder (also the
 * load generator's context, see load.mjs), the gateway build (`entry`, once built), the log, and
 * checkStatuses(label, run, scenarioKey) for the failed requests of a measured run.
 */
const bench = { mode, profile: P, plan, logDir, log, entry: null, checkStatuses: failures.checkStatuses };

/** Runs the selected scenarios of one stage, in SCENARIOS order. */
async function runStage(stage, servers) {
  for (const scenario of selected.filter((s) => s.stage === stage)) {
    results.scenarios[scenario.key] = await scenario.run(bench, servers);
  }
}

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
  bench.entry = await gatewayEntry(BENCH, ROOT);
  results.meta.gateway = {
    runner: bench.entry.runner,
    entry: relative(ROOT, bench.entry.entry),
    esbuild: bench.entry.esbuild,
  };

  const sim = await startSimulator(bench, "simulator", P.upstreamLatencyMs);
  const gw = await startGateway(bench, "gateway", sim.url, GATEWAY_POOL_ENV);
  results.meta.gateway.env = { PLEO_API_URL: "(the simulator)", ...GATEWAY_BASE_ENV, ...GATEWAY_POOL_ENV };

  let peerServer = null;
  let peerSetup = null;
  if (selected.some((s) => s.usesPeer)) {
    peerSetup = ensurePeer(BENCH, ROOT, log);
    results.meta.peer = peerSetup;
    if (peerSetup.available) peerServer = await startPeer(bench, peerSetup, sim.url);
    else log(`peer unavailable: ${peerSetup.reason}`);
  }
  const servers = { sim, ids: sim.identities, gw, peer: peerServer, peerSetup };

  // The stages: each stops what no later stage needs, so that what follows has the server core alone.
  await runStage("shared-gateway", servers);
  await stop(gw.child);
  await runStage("peer", { ...servers, gw: null });
  if (peerServer) await stop(peerServer.child);
  await runStage("alone", { ...servers, gw: null, peer: null });
  await stop(sim.child);
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
  const foreign = [...(bench.foreign ?? [])].sort((a, b) => a - b);
  results.meta.othersOnServerCore = foreign.length
    ? {
        runs: foreign.length,
        median: round(median(foreign), 3),
        p90: round(foreign[Math.floor(foreign.length * 0.9)], 3),
        max: round(foreign.at(-1), 3),
      }
    : null;
  writeRun(results, {
    scenarios: SCENARIOS,
    invalid: failures.invalid,
    dir: resultsDir,
    name: `${stamp}-${mode}`,
    logDir,
    log,
  });
}
