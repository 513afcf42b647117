// Two revisions of the gateway against each other, on the same simulator, in alternating rounds:
//
//   node bench/compare.mjs --base <git rev> [--query books|one|group] [--rounds 3] [--seconds 8]
//
// The queries are bench/profile.mjs's (measuredQuery in bench/lib/queries.mjs). Each revision's src/ is
// bundled as the benchmark bundles it (bench/lib/setup.mjs), the base one from
// `git archive` into bench/.build/base/ (packages resolve from this checkout's node_modules, so the base
// must not need a dependency this checkout lacks). Per round and revision: a fresh gateway process, a
// warm-up, then a closed-loop run at `--connections` (default 40) measuring requests/s, CPU per request
// (kernel accounting) and peak RSS. The report is the per-round medians and the ratio head/base.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gatewayJob } from "./lib/jobs.mjs";
import { runLoad } from "./lib/load.mjs";
import { corePlan, stop, stopAll } from "./lib/processes.mjs";
import { measuredQuery } from "./lib/queries.mjs";
import { GATEWAY_POOL_ENV, startGateway, startSimulator } from "./lib/servers.mjs";
import { bundleGateway, ensureTools, gatewayEntry } from "./lib/setup.mjs";
import { median } from "./lib/stats.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const { values: options } = parseArgs({
  options: {
    base: { type: "string" },
    query: { type: "string", default: "books" },
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "40" },
  },
});
if (!options.base) throw new Error("--base <git rev> is required");
const logDir = join(BENCH, "results", "tmp", `compare-${new Date().toISOString().replace(/[:.]/g, "-")}`);
mkdirSync(logDir, { recursive: true });
const bench = { plan: corePlan(), logDir, log: (m) => console.log(`[compare] ${m}`), entry: null };

try {
  ensureTools(BENCH, bench.log);
  const head = await gatewayEntry(BENCH, ROOT);
  const base = await baseEntry(options.base);
  const sim = await startSimulator(bench, "simulator", 25);
  const q = measuredQuery(options.query, sim.identities);
  const results = { base: [], head: [] };
  for (let round = 1; round <= Number(options.rounds); round++) {
    for (const [name, entry] of [
      ["base", base],
      ["head", head],
    ]) {
      bench.entry = entry;
      const gateway = await startGateway(bench, `gateway-${name}-${round}`, sim.url, GATEWAY_POOL_ENV);
      const job = gatewayJob(gateway, { "x-pleo-api-key": q.key }, q.query, q.variants[0], q.variants);
      const server = { pid: gateway.pid };
      const connections = Number(options.connections);
      await runLoad(bench, { label: "warm", job: { ...job, connections, durationS: 3 }, server });
      const run = await runLoad(bench, {
        label: name,
        job: { ...job, connections, durationS: Number(options.seconds) },
        server,
      });
      await stop(gateway.child);
      const row = {
        rps: run.rps,
        cpuMs: run.server.cpuMsPerRequest,
        peakRssMiB: run.server.peakRss / 1048576,
      };
      results[name].push(row);
      bench.log(
        `round ${round} ${name}: ${Math.round(row.rps)} req/s, ${row.cpuMs.toFixed(3)} ms CPU/req, peak RSS ${Math.round(row.peakRssMiB)} MiB`,
      );
    }
  }
  const m = (name, key) => median(results[name].map((r) => r[key]));
  const ratios = results.head.map((h, i) => h.cpuMs / results.base[i].cpuMs);
  console.log(
    JSON.stringify(
      {
        query: options.query,
        base: options.base,
        rounds: Number(options.rounds),
        median: Object.fromEntries(
          ["base", "head"].map((n) => [
            n,
            { rps: m(n, "rps"), cpuMs: m(n, "cpuMs"), peakRssMiB: m(n, "peakRssMiB") },
          ]),
        ),
        cpuHeadOverBasePerRound: ratios,
      },
      null,
      2,
    ),
  );
} finally {
  await stopAll();
}

/** The base revision's src/ bundled into bench/.build/base-gateway.mjs. */
async function baseEntry(rev) {
  const dir = join(BENCH, ".build", "base");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync("git", ["archive", "--format=tar", rev, "src"], {
    cwd: ROOT,
    maxBuffer: 256 << 20,
  });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  return bundleGateway(ROOT, join(dir, "src/main.ts"), join(BENCH, ".build", "base-gateway.mjs"));
}
