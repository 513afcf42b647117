// The floor of a latency target: what a client that does nothing but a query's upstream calls sees on
// this machine with this simulator. The simulator answers from one Node thread and shares its core with
// the load generator, so even calls sent all at once come back later than the simulated delay (25 ms);
// a gateway's p50 is read against this floor, not against the delay alone. The bare client is undici
// with keep-alive (one Agent, connections enough for every call in flight), in its own process pinned to
// the server core, where the gateway runs in the other arms. Each set's calls go out together, one set
// every 1/rate s (open loop); a set's time runs from its dispatch until the last body is read and parsed.
// A non-200 answer or a failed call fails its set. Also a child-process entry: `node floor.mjs <job.json>`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { basicAuth } from "./jobs.mjs";
import { spawnUntilLine } from "./processes.mjs";
import { quantile } from "./stats.mjs";

const SELF = fileURLToPath(import.meta.url);
let floorCount = 0;

/**
 * Runs the bare client once on the server core against the simulator at `url`: each of `runs` ({ name,
 * sets }) is warmed up for `warmupS` and then measured for `durationS`, both at `rate` sets/s.
 * A set is a list of calls, [method, path with query, JSON body or null, API key]; sets are taken in
 * turn (as the arms' page sizes are).
 * @returns {Promise<Record<string, { p50, p99, max, sets, failures, callsPerSet, clientCpuMsPerSet }>>}
 */
export async function measureFloor(bench, { label, url, runs, rate, durationS, warmupS = 1 }) {
  floorCount += 1;
  const file = join(bench.logDir, `floor-${floorCount}.json`);
  writeFileSync(file, JSON.stringify({ url, runs, rate, durationS, warmupS }));
  const { value } = await spawnUntilLine(
    {
      name: `floor ${label}`,
      args: [SELF, file],
      core: bench.plan.server,
      logFile: join(bench.logDir, "floor.log"),
    },
    (line) => (line.startsWith('{"floor"') ? JSON.parse(line).floor : undefined),
    (runs.length * (warmupS + durationS) + 60) * 1000,
  );
  if (value.error) throw new Error(`floor ${label}: ${value.error}`);
  return value;
}

/**
 * Whether a set is exactly the calls in the simulator's request log (method, path and query, in any
 * order): the check that the floor sends what the gateway sends.
 */
export function sameCallsAsLog(set, log) {
  const key = (method, path, query) => `${method} ${path} ${JSON.stringify(Object.entries(query).sort())}`;
  const ours = set.map(([method, path]) => {
    const url = new URL(path, "http://simulator.invalid");
    const query = {};
    for (const [name, value] of url.searchParams) query[name] = [...(query[name] ?? []), value];
    return key(method, url.pathname, query);
  });
  const theirs = log.map((entry) => key(entry.method, entry.path, entry.query));
  return isDeepStrictEqual(ours.sort(), theirs.sort());
}

// ---- the child: the bare client ----

async function child(jobFile) {
  const { Agent, request } = await import("undici");
  const job = JSON.parse(readFileSync(jobFile, "utf8"));
  const perSet = Math.max(...job.runs.flatMap((r) => r.sets.map((s) => s.length)));
  // A socket for every call of up to 8 sets in flight at once (at least 64): no call waits for one.
  const agent = new Agent({ connections: Math.max(64, perSet * 8), keepAliveTimeout: 30_000 });
  const auth = new Map();
  const send = async ([method, path, body, key]) => {
    if (!auth.has(key)) auth.set(key, basicAuth(key));
    const headers = { authorization: auth.get(key), accept: "application/json" };
    if (body != null) headers["content-type"] = "application/json";
    const response = await request(`${job.url}${path}`, {
      dispatcher: agent,
      method,
      headers,
      body: body == null ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`${method} ${path}: ${response.statusCode}`);
    JSON.parse(text);
  };
  const runSet = async (calls, times, tally) => {
    const started = performance.now();
    const results = await Promise.allSettled(calls.map(send));
    const failed = results.find((r) => r.status === "rejected");
    if (failed) {
      tally.failures += 1;
      tally.firstError ??= String(failed.reason?.message ?? failed.reason);
    } else times.push(performance.now() - started);
  };
  // Open loop: set i leaves at start + i / rate, whether or not earlier ones are back.
  const paced = async (sets, seconds, times, tally) => {
    const total = Math.round(job.rate * seconds);
    const pending = [];
    const start = performance.now();
    for (let i = 0; i < total; i += 1) {
      const delay = start + (i * 1000) / job.rate - performance.now();
      if (delay > 0) await sleep(delay);
      pending.push(runSet(sets[i % sets.length], times, tally));
    }
    await Promise.all(pending);
  };
  const out = {};
  for (const run of job.runs) {
    await paced(run.sets, job.warmupS, [], { failures: 0 });
    const times = [];
    const tally = { failures: 0, firstError: undefined };
    const cpu0 = process.cpuUsage();
    await paced(run.sets, job.durationS, times, tally);
    const cpu = process.cpuUsage(cpu0);
    const sorted = Float64Array.from(times).sort();
    out[run.name] = {
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      max: sorted.length ? sorted[sorted.length - 1] : null,
      sets: sorted.length,
      failures: tally.failures,
      ...(tally.firstError ? { firstError: tally.firstError } : {}),
      callsPerSet: run.sets[0].length,
      clientCpuMsPerSet: (cpu.user + cpu.system) / 1000 / Math.max(1, sorted.length + tally.failures),
    };
  }
  await agent.close();
  return out;
}

if (process.argv[1] === SELF) {
  const floor = await child(process.argv[2]).catch((error) => ({ error: String(error?.stack ?? error) }));
  process.stdout.write(`${JSON.stringify({ floor })}\n`);
}
