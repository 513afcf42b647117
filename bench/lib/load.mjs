// One measured load run: the load generator (one long-lived process on the support core), the measured
// server's CPU (kernel accounting) and RSS sampled around it, and the simulator's request log counted
// for upstream calls per request.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { coreBusy, coreTimes, cpuDelta, cpuMs, rssSampler, spawnNode, stop } from "./processes.mjs";

const WORKER = fileURLToPath(new URL("./load-worker.mjs", import.meta.url));
let jobCount = 0;

/**
 * @param {object} ctx   { plan, logDir }
 * @param {object} run   { label, job (see load-worker.mjs), server: { pid }, simulator: { pid, url },
 *                         countUpstream }
 */
export async function runLoad(ctx, run) {
  const { job } = run;
  if (run.countUpstream) {
    // Requests cut off at the end of an earlier timed run may still be reaching the simulator: let them
    // land before the log is cleared, so they are not counted against this run.
    await sleep(run.settleMs ?? 500);
    await simReset(run.simulator.url);
  }
  jobCount += 1;
  const jobFile = join(ctx.logDir, `job-${jobCount}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const serverCpu0 = run.server ? cpuMs(run.server.pid) : null;
  const simCpu0 = run.simulator ? cpuMs(run.simulator.pid) : null;
  const sampler = run.server ? rssSampler(run.server.pid, 100) : null;
  const cores0 = coreTimes();
  const result = await loadWorker(ctx).run(jobFile, ((job.durationS ?? 10) + 30) * 1000);
  const serverCpu1 = run.server ? cpuMs(run.server.pid) : null;
  const simCpu1 = run.simulator ? cpuMs(run.simulator.pid) : null;
  const rss = sampler?.stop();
  const cores1 = coreTimes();
  if (result.error) throw new Error(`load run ${run.label} failed: ${result.error}`);

  const wallS = result.durationS;
  const serverCpu = cpuDelta(serverCpu0, serverCpu1);
  const simCpu = cpuDelta(simCpu0, simCpu1);
  const out = {
    label: run.label,
    connections: job.connections,
    rate: job.rate ?? null,
    ...result,
    server:
      serverCpu === null
        ? null
        : {
            cpuMs: serverCpu,
            cpuMsPerRequest: result.responses ? serverCpu / result.responses : null,
            cpuUtilisation: serverCpu / (wallS * 1000),
            peakRss: rss?.peak ?? null,
          },
    simulatorCpuUtilisation: simCpu === null ? null : simCpu / (wallS * 1000),
    // What else ran on the measured server's core: the whole core's busy share minus the server's own.
    serverCoreBusy: ctx.plan.server === null ? null : coreBusy(cores0, cores1, ctx.plan.server),
    foreignOnServerCore:
      ctx.plan.server === null || serverCpu === null
        ? null
        : Math.max(0, coreBusy(cores0, cores1, ctx.plan.server) - serverCpu / (wallS * 1000)),
    supportCoreBusy: ctx.plan.support === null ? null : coreBusy(cores0, cores1, ctx.plan.support),
    loadgenCpuUtilisation: result.loadgenCpuMs / (result.elapsedS * 1000),
  };
  if (out.foreignOnServerCore !== null) {
    ctx.foreign = ctx.foreign ?? [];
    ctx.foreign.push(out.foreignOnServerCore);
  }
  if (run.countUpstream) {
    const log = await simRequests(run.simulator.url);
    out.upstream = {
      calls: log.length,
      perRequest: result.responses ? log.length / result.responses : null,
      non2xx: log.filter((entry) => entry.status >= 300).length,
    };
  }
  return out;
}

/**
 * The load generator process (one for the whole benchmark, on the support core), started on first use.
 * Each job is a file; the answer comes back over IPC.
 */
function loadWorker(ctx) {
  if (ctx.loadWorker) return ctx.loadWorker;
  const child = spawnNode({
    name: "load generator",
    args: [WORKER],
    core: ctx.plan.support,
    logFile: join(ctx.logDir, "load.log"),
    ipc: true,
  });
  const ready = new Promise((resolve, reject) => {
    child.once("message", (m) =>
      m?.type === "ready" ? resolve() : reject(new Error("load generator: bad start")),
    );
    child.once("exit", (code) => reject(new Error(`load generator exited with ${code}`)));
  });
  let nextId = 0;
  ctx.loadWorker = {
    pid: child.pid,
    async run(file, timeoutMs) {
      await ready;
      nextId += 1;
      const id = nextId;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off("message", onMessage);
          void stop(child);
          ctx.loadWorker = null;
          reject(new Error(`load generator did not answer within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = (m) => {
          if (m?.type !== "result" || m.id !== id) return;
          clearTimeout(timer);
          child.off("message", onMessage);
          resolve(m.result);
        };
        child.on("message", onMessage);
        child.send({ type: "job", id, file });
      });
    },
  };
  return ctx.loadWorker;
}

export async function simReset(simulatorUrl) {
  const response = await fetch(`${simulatorUrl}/__sim/reset`, { method: "POST" });
  await response.arrayBuffer();
}

export async function simRequests(simulatorUrl) {
  const response = await fetch(`${simulatorUrl}/__sim/requests`);
  const body = await response.json();
  return body.data;
}

/** A GraphQL POST with the bench's headers; returns the parsed body. */
export async function gql(url, headers, query, variables) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `non-JSON answer (${response.status}): ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body };
}

/** Upstream calls by "METHOD /path" (ids folded), for the economy tables. */
export function callsByPath(log) {
  const counts = {};
  for (const entry of log) {
    const key = `${entry.method} ${entry.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{id}")}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
