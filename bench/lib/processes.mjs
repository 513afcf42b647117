// The benchmark's processes: spawn (pinned to a core with taskset where the machine allows), wait until
// ready, read their CPU and memory from the kernel's own accounting (/proc/<pid>/stat, /proc/<pid>/status),
// and stop exactly the processes this run started.
import { execFileSync, spawn } from "node:child_process";
import { closeSync, createWriteStream, existsSync, openSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

const started = new Set();

/** Clock ticks per second of utime/stime in /proc/<pid>/stat. */
export const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * Where each role runs. With taskset and at least two cores: the measured server (gateway or peer) alone
 * on core 0; the simulator and the load generator share core 1. Otherwise nothing is pinned.
 */
export function corePlan() {
  const cores = availableParallelism();
  let taskset = false;
  try {
    execFileSync("taskset", ["-c", "0", "true"], { stdio: "ignore" });
    taskset = true;
  } catch {
    taskset = false;
  }
  if (!taskset || cores < 2) {
    return {
      pinned: false,
      cores,
      reason: taskset ? "only one core" : "taskset not available",
      server: null,
      support: null,
    };
  }
  return { pinned: true, cores, server: "0", support: "1" };
}

/**
 * Spawns `node <args>` (through `taskset -c <core>` when pinned; taskset execs, so the pid is node's).
 * stdout/stderr go to `logFile`; `onLine` sees stdout lines (readiness lines, results).
 */
export function spawnNode({ name, args, env = {}, core = null, cwd, logFile, ipc = false, onLine }) {
  const command = core === null ? process.execPath : "taskset";
  const argv = core === null ? args : ["-c", core, process.execPath, ...args];
  // Without `onLine` the child writes straight into its log file: a busy gateway's request log must not
  // flow through this (unpinned) process.
  const direct = !onLine && logFile ? openSync(logFile, "a") : null;
  const output = direct ?? (onLine ? "pipe" : "ignore");
  const child = spawn(command, argv, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", output, direct ?? (logFile ? "pipe" : "ignore"), ...(ipc ? ["ipc"] : [])],
  });
  if (direct !== null) closeSync(direct);
  started.add(child);
  child.once("exit", () => started.delete(child));
  const log = logFile && direct === null ? createWriteStream(logFile, { flags: "a" }) : null;
  let buffered = "";
  child.stdout?.on("data", (chunk) => {
    log?.write(chunk);
    if (!onLine) return;
    buffered += chunk.toString("utf8");
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf("\n");
    }
  });
  child.stderr?.on("data", (chunk) => log?.write(chunk));
  child.once("exit", () => log?.end());
  child.benchName = name;
  return child;
}

/** Resolves with the first stdout line for which `parse` returns a value; rejects on exit or timeout. */
export function spawnUntilLine(options, parse, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    let done = false;
    const child = spawnNode({
      ...options,
      onLine: (line) => {
        if (done) return;
        const value = parse(line);
        if (value !== undefined) {
          done = true;
          clearTimeout(timer);
          resolve({ child, value });
        }
      },
    });
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      stop(child);
      reject(new Error(`${options.name} did not become ready in ${timeoutMs} ms (log: ${options.logFile})`));
    }, timeoutMs);
    // "close", not "exit": the ready line may still be in the pipe when the process exits.
    child.once("close", (code) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${code} before it was ready (log: ${options.logFile})`));
    });
  });
}

/** Polls a GraphQL endpoint with `{ __typename }` until it answers 200. */
export async function waitForGraphQL(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.benchName} exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${child.benchName} did not answer at ${url} within ${timeoutMs} ms`);
}

/** A free loopback port (there is a small race until the child binds it; fine on a test machine). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** SIGTERM, then SIGKILL after a grace period; only for a process this run started. */
export async function stop(child, graceMs = 5_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...started].map((child) => stop(child)));
}

/**
 * CPU time (ms) the kernel has charged to the process: the sum over its threads of
 * /proc/<pid>/task/<tid>/schedstat (nanoseconds), or utime + stime of /proc/<pid>/stat (clock ticks,
 * 10 ms each on most kernels) where schedstat is missing. Node's threads live as long as the process, so
 * the per-thread sum does not lose exited threads in practice; `cpuDelta` guards against it anyway.
 */
export function cpuMs(pid) {
  return { schedstat: schedstatMs(pid), stat: statMs(pid) };
}

/** The CPU milliseconds between two `cpuMs` readings. */
export function cpuDelta(before, after) {
  if (!before || !after) return null;
  const stat = after.stat !== null && before.stat !== null ? after.stat - before.stat : null;
  const sched =
    after.schedstat !== null && before.schedstat !== null ? after.schedstat - before.schedstat : null;
  // schedstat is exact unless a thread exited in between; then it falls short of the tick count.
  if (sched !== null && (stat === null || sched >= stat - (2 * 1000) / CLK_TCK)) return sched;
  return stat;
}

function statMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may contain spaces: split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
}

function schedstatMs(pid) {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // the thread ended between the listing and the read
      }
    }
    return ns / 1e6;
  } catch {
    return null;
  }
}

/** Per-core busy and total jiffies from /proc/stat (busy = everything but idle and iowait). */
export function coreTimes() {
  try {
    const cores = {};
    for (const line of readFileSync("/proc/stat", "utf8").split("\n")) {
      const m = line.match(/^cpu(\d+)\s+(.*)$/);
      if (!m) continue;
      const v = m[2].split(/\s+/).map(Number);
      const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
      cores[m[1]] = { busy: total - v[3] - v[4], total };
    }
    return cores;
  } catch {
    return null;
  }
}

/** How busy a core was between two `coreTimes` readings (0…1), whoever kept it busy. */
export function coreBusy(before, after, core) {
  const a = before?.[core];
  const b = after?.[core];
  if (!a || !b || b.total === a.total) return null;
  return (b.busy - a.busy) / (b.total - a.total);
}

/** Resident set size now and its high-water mark, in bytes, from /proc/<pid>/status. */
export function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"))?.[1] ?? Number.NaN);
    return { rss: kb("VmRSS") * 1024, hwm: kb("VmHWM") * 1024 };
  } catch {
    return { rss: null, hwm: null };
  }
}

export const procAvailable = existsSync(`/proc/${process.pid}/stat`);

/** Samples a process's RSS every `everyMs` until stopped; returns the series and its maximum. */
export function rssSampler(pid, everyMs = 100) {
  const samples = [];
  const take = () => {
    const { rss } = memory(pid);
    if (rss !== null) samples.push({ t: performance.now(), rss });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { samples, peak: samples.reduce((max, s) => Math.max(max, s.rss), 0) };
    },
  };
}
