#!/usr/bin/env node
// Where the gateway's CPU and memory go: the profile behind the benchmark's misses.
//
//   node bench/profile.mjs [--query one|books|group] [--seconds 8] [--connections 40] [--allocations]
//                          [--bundle <prebuilt gateway bundle> --label <name>]
// `--bundle` profiles another build instead of this checkout's (e.g. bench/.build/base-gateway.mjs,
// which `bench/compare.mjs --base <rev>` leaves behind), written to profile-<query>-<label>.{md,json}.
//
// CPU: the gateway as the benchmark runs it (src/ bundled by esbuild, production settings) under
// closed-loop load of one query, V8's sampling profiler started after a warm-up through
// bench/lib/probe.mjs; self time is attributed by bench/lib/cpu-profile.mjs.
// Heap: what each import step of the gateway adds to the live heap after a full GC, at idle
// (bench/lib/import-heap.mjs).
// Writes bench/results/profile-<query>.{md,json} and the raw .cpuprofile (open it in Chrome DevTools)
// under bench/results/tmp/.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { summariseAllocations } from "./lib/alloc-profile.mjs";
import { bundleModuleMap, summariseProfile } from "./lib/cpu-profile.mjs";
import { heapByImportStep } from "./lib/import-heap.mjs";
import { gatewayJob } from "./lib/jobs.mjs";
import { runLoad } from "./lib/load.mjs";
import { askProbe } from "./lib/probe-client.mjs";
import { corePlan, stopAll } from "./lib/processes.mjs";
import { profileMarkdown } from "./lib/profile-report.mjs";
import { measuredQuery } from "./lib/queries.mjs";
import { GATEWAY_POOL_ENV, startGateway, startSimulator } from "./lib/servers.mjs";
import { ensureTools, gatewayEntry } from "./lib/setup.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const { values: options } = parseArgs({
  options: {
    query: { type: "string", default: "books" },
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "40" },
    latency: { type: "string", default: "25" },
    // Also sample every allocation under the same load (garbage included): bytes per request by origin.
    allocations: { type: "boolean", default: false },
    bundle: { type: "string" },
    label: { type: "string" },
  },
});
const seconds = Number(options.seconds);
const connections = Number(options.connections);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const logDir = join(BENCH, "results", "tmp", `profile-${stamp}`);
mkdirSync(logDir, { recursive: true });
const plan = corePlan();
/** The servers' and the load generator's context (see servers.mjs, load.mjs); `entry` once built. */
const bench = { plan, logDir, log: (m) => console.log(`[profile] ${m}`), entry: null };
const hardStop = setTimeout(() => void stopAll().then(() => process.exit(4)), 5 * 60_000);
hardStop.unref();

try {
  ensureTools(BENCH, bench.log);
  bench.entry = options.bundle
    ? { runner: "bundle", execArgv: [], entry: options.bundle }
    : await gatewayEntry(BENCH, ROOT);
  const bundleModules = bench.entry.runner === "bundle" ? bundleModuleMap(bench.entry.entry) : null;
  const cpu = await cpuProfile({ bundleModules, root: ROOT });
  const heap = heapByImportStep(ROOT);
  const report = { query: options.query, seconds, connections, pinned: plan.pinned, cpu, heap };
  const base = join(BENCH, "results", `profile-${options.query}${options.label ? `-${options.label}` : ""}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, profileMarkdown(report));
  bench.log(`wrote ${relative(ROOT, base)}.{md,json}`);
} finally {
  await stopAll();
  clearTimeout(hardStop);
}

/** The gateway under load, profiled after a warm-up; the profile's attribution (`where`: cpu-profile.mjs). */
async function cpuProfile(where) {
  const sim = await startSimulator(bench, "simulator", options.latency);
  const gateway = await startGateway(bench, "gateway", sim.url, GATEWAY_POOL_ENV, { probe: true });
  const q = measuredQuery(options.query, sim.identities);
  // As in run.mjs: consecutive requests differ, so that they do not share upstream calls in flight.
  const job = gatewayJob(gateway, { "x-pleo-api-key": q.key }, q.query, q.variants[0], q.variants);
  const server = { pid: gateway.pid };
  bench.log(`warming up the gateway (${options.query}, ${connections} connections)`);
  await runLoad(bench, { label: "warm", job: { ...job, connections, durationS: 3 }, server });
  await sleep(300);
  await askProbe(gateway.child, { type: "profile-start", intervalUs: 200 }, "profile-started", 30_000);
  bench.log(`profiling for ${seconds} s`);
  const run = await runLoad(bench, {
    label: "profiled",
    job: { ...job, connections, durationS: seconds },
    server,
  });
  const { profile } = await askProbe(gateway.child, { type: "profile-stop" }, "profile", 30_000);
  const file = join(logDir, `gateway-${options.query}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  bench.log(
    `${Math.round(run.rps)} req/s, ${run.server.cpuMsPerRequest.toFixed(3)} ms CPU per request, peak RSS ${Math.round((run.server.peakRss ?? 0) / 1048576)} MiB; profile ${relative(ROOT, file)}`,
  );
  const allocations = options.allocations ? await allocationProfile(gateway, job, server, where) : null;
  return {
    ...summariseProfile(profile, where),
    rps: run.rps,
    cpuMsPerRequest: run.server.cpuMsPerRequest,
    file: relative(ROOT, file),
    allocations,
  };
}

/** The same load again under V8's sampling heap profiler: what each request allocates, and where. */
async function allocationProfile(gateway, job, server, where) {
  await sleep(300);
  await askProbe(gateway.child, { type: "alloc-start" }, "alloc-started", 30_000);
  bench.log(`sampling allocations for ${seconds} s`);
  const run = await runLoad(bench, {
    label: "allocations",
    job: { ...job, connections, durationS: seconds },
    server,
  });
  const { profile } = await askProbe(gateway.child, { type: "alloc-stop" }, "alloc", 60_000);
  const file = join(logDir, `gateway-${options.query}.heapprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const summary = summariseAllocations(profile, where, run.responses);
  bench.log(`${summary.kibPerRequest} KiB allocated per request; profile ${relative(ROOT, file)}`);
  return { ...summary, file: relative(ROOT, file) };
}
