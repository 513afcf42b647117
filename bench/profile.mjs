#!/usr/bin/env node
// Where the gateway's CPU and memory go: the profile behind the benchmark's misses.
//
//   node bench/profile.mjs [--query one|books|group] [--seconds 8] [--connections 40]
//
// CPU: the gateway as the benchmark runs it (src/ bundled by esbuild, production settings) under
// closed-loop load of one query, V8's sampling profiler started after a warm-up through
// bench/lib/probe.mjs; self time is summed per function and per module (src/<dir>/<file> — recovered from
// the bundle's per-module comments —, node_modules package, Node internals, GC).
// Heap: what each import step of the gateway adds to the live heap after a full GC, at idle.
// Writes bench/results/profile-<query>.{md,json} and the raw .cpuprofile (open it in Chrome DevTools)
// under bench/results/tmp/.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runLoad } from "./lib/load.mjs";
import { corePlan, freePort, spawnNode, spawnUntilLine, stopAll, waitForGraphQL } from "./lib/processes.mjs";
import {
  BOOKS_PAGE_SIZES,
  COMPANY_BOOKS,
  GROUP_BOOKS,
  ONE_CALL,
  ONE_CALL_PAGE_SIZES,
} from "./lib/queries.mjs";
import { ensureTools, GATEWAY_BASE_ENV, gatewayEntry } from "./lib/setup.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const { values: options } = parseArgs({
  options: {
    query: { type: "string", default: "books" },
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "40" },
    latency: { type: "string", default: "25" },
  },
});
const seconds = Number(options.seconds);
const connections = Number(options.connections);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const logDir = join(BENCH, "results", "tmp", `profile-${stamp}`);
mkdirSync(logDir, { recursive: true });
const plan = corePlan();
const ctx = { plan, logDir };
const log = (m) => console.log(`[profile] ${m}`);
/** Where each src/ module starts in the bundle, for attributing profile samples (set once it is built). */
let bundleModules = null;
const hardStop = setTimeout(() => void stopAll().then(() => process.exit(4)), 5 * 60_000);
hardStop.unref();

try {
  ensureTools(BENCH, log);
  const entry = await gatewayEntry(BENCH, ROOT);
  bundleModules = entry.runner === "bundle" ? moduleMap(entry.entry) : null;
  const cpu = await cpuProfile(entry);
  const heap = heapByImportStep();
  const report = { query: options.query, seconds, connections, pinned: plan.pinned, cpu, heap };
  const base = join(BENCH, "results", `profile-${options.query}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown(report));
  log(`wrote ${relative(ROOT, base)}.{md,json}`);
} finally {
  await stopAll();
  clearTimeout(hardStop);
}

/** Line ranges of the bundle that belong to each src/ module (esbuild marks them with `// src/…`). */
function moduleMap(file) {
  const starts = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      const m = line.match(/^\/\/ (src\/\S+\.ts)$/);
      if (m) starts.push({ line: i, module: m[1] });
    });
  return starts;
}

async function cpuProfile(entry) {
  const sim = await spawnUntilLine(
    {
      name: "simulator",
      args: ["--import", "tsx", join(BENCH, "simulator.mjs"), "--latency", options.latency],
      cwd: ROOT,
      core: plan.support,
      logFile: join(logDir, "simulator.log"),
    },
    (line) => {
      try {
        return JSON.parse(line).ready ? JSON.parse(line) : undefined;
      } catch {
        return undefined;
      }
    },
  );
  const ids = sim.value;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const gatewayChild = spawnNode({
    name: "gateway",
    args: ["--import", join(BENCH, "lib/probe.mjs"), ...entry.execArgv, entry.entry],
    cwd: ROOT,
    core: plan.server,
    env: {
      PLEO_API_URL: ids.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      PLEO_MAX_CONNECTIONS: "256",
      ...GATEWAY_BASE_ENV,
    },
    logFile: join(logDir, "gateway.log"),
    ipc: true,
  });
  await waitForGraphQL(url, gatewayChild);
  const gateway = { child: gatewayChild };
  const org = ids.organisations.loveCremeBrulee;
  const nl = ids.companies.nl;
  const queries = {
    one: {
      query: ONE_CALL,
      variants: ONE_CALL_PAGE_SIZES.map((n) => ({ org, n })),
      key: ids.secrets.lcbOrg,
    },
    books: {
      query: COMPANY_BOOKS,
      variants: BOOKS_PAGE_SIZES.map((n) => ({ c: nl, n })),
      key: ids.secrets.nl,
    },
    group: {
      query: GROUP_BOOKS,
      variants: BOOKS_PAGE_SIZES.map((n) => ({ org, n })),
      key: [ids.secrets.lcbOrg, ids.secrets.nl, ids.secrets.de, ids.secrets.be].join(", "),
    },
  };
  const q = queries[options.query];
  if (!q) throw new Error(`unknown query ${options.query} (one, books, group)`);
  // As in run.mjs: consecutive requests differ, so that they do not share upstream calls in flight.
  const body = (variables) => JSON.stringify({ query: q.query, variables });
  const job = {
    url,
    method: "POST",
    headers: { "content-type": "application/json", "x-pleo-api-key": q.key },
    body: body(q.variants[0]),
    variants: q.variants.map((v) => ({ body: body(v) })),
  };
  const server = { pid: gateway.child.pid };
  log(`warming up the gateway (${options.query}, ${connections} connections)`);
  await runLoad(ctx, { label: "warm", job: { ...job, connections, durationS: 3 }, server });
  await sleep(300);
  await ask(gateway.child, { type: "profile-start", intervalUs: 200 }, "profile-started");
  log(`profiling for ${seconds} s`);
  const run = await runLoad(ctx, {
    label: "profiled",
    job: { ...job, connections, durationS: seconds },
    server,
  });
  const { profile } = await ask(gateway.child, { type: "profile-stop" }, "profile");
  const file = join(logDir, `gateway-${options.query}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  log(
    `${Math.round(run.rps)} req/s, ${run.server.cpuMsPerRequest.toFixed(3)} ms CPU per request; profile ${relative(ROOT, file)}`,
  );
  return {
    ...summariseProfile(profile),
    rps: run.rps,
    cpuMsPerRequest: run.server.cpuMsPerRequest,
    file: relative(ROOT, file),
  };
}

function ask(child, message, answerType) {
  return new Promise((resolve, reject) => {
    const id = Math.random().toString(36).slice(2);
    const timer = setTimeout(() => reject(new Error(`no ${answerType} from the gateway`)), 30_000);
    const onMessage = (m) => {
      if (m?.type !== answerType || m.id !== id) return;
      child.off("message", onMessage);
      clearTimeout(timer);
      resolve(m);
    };
    child.on("message", onMessage);
    child.send({ ...message, id });
  });
}

/** Self time per function and per module, as shares of the busy (non-idle) samples. */
function summariseProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  });
  const functions = new Map();
  const modules = new Map();
  const buckets = new Map();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === "(idle)") {
      idle += us;
      continue;
    }
    busy += us;
    const where = moduleOf(callFrame);
    const line =
      callFrame.url && !where.startsWith("(") && !where.startsWith("src/")
        ? `:${callFrame.lineNumber + 1}`
        : "";
    const fn = `${callFrame.functionName || "(anonymous)"} — ${where}${line}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    modules.set(where, (modules.get(where) ?? 0) + us);
    const bucket = bucketOf(callFrame.functionName, where);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
  }
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 100) / 10,
        share: Math.round((us / busy) * 1000) / 10,
      }));
  // Coarser groups, for the headline.
  const groups = new Map();
  for (const [where, us] of modules) {
    const group = groupOf(where);
    groups.set(group, (groups.get(group) ?? 0) + us);
  }
  return {
    busyMs: Math.round(busy / 1000),
    idleMs: Math.round(idle / 1000),
    buckets: top(buckets, 20),
    groups: top(groups, 30),
    modules: top(modules, 30),
    functions: top(functions, 40),
  };
}

function moduleOf(callFrame) {
  const url = callFrame.url ?? "";
  if (!url) return callFrame.functionName.startsWith("(") ? callFrame.functionName : "(native)";
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "/node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (bundleModules && url.endsWith("/.build/gateway.mjs")) {
    let module = "src/(bundle)";
    for (const start of bundleModules) {
      if (start.line > callFrame.lineNumber) break;
      module = start.module;
    }
    return module;
  }
  const src = url.indexOf("/src/");
  if (src >= 0 && url.includes(ROOT)) return url.slice(src + 1);
  if (url.startsWith("node:"))
    return url
      .replace(/^node:internal\//, "node:")
      .split("/")
      .slice(0, 2)
      .join("/");
  return url.replace(/^file:\/\//, "");
}

function groupOf(where) {
  if (where.startsWith("src/")) return `${where.split("/").slice(0, 2).join("/")}/`;
  if (where.startsWith("node:")) return "Node.js internals (http, streams, net)";
  if (where.startsWith("(")) return where;
  return where;
}

/** What a request's CPU is spent on, coarsely: by function first (abort machinery), else by module. */
function bucketOf(functionName, where) {
  if (
    functionName === "DOMException" ||
    where === "node:abort_controller" ||
    /AbortSignal/.test(functionName)
  ) {
    return "abort signals and their DOMExceptions (deadlines, cancellation)";
  }
  if (where === "(garbage collector)") return "garbage collection";
  if (
    /^(pino|@pinojs\/|sonic-boom|prom-client|thread-stream)/.test(where) ||
    where === "src/plugins/logging.ts" ||
    where === "src/plugins/metrics.ts" ||
    where === "src/support/metrics.ts"
  ) {
    return "logs and metrics (pino, prom-client, their plugins)";
  }
  if (where === "zod") return "response validation (zod)";
  if (
    /^(graphql|graphql-yoga|@graphql-tools\/|@envelop\/|@pothos\/|dataloader|@graphql-yoga\/)/.test(where)
  ) {
    return "GraphQL (parse, validate, execute, serialise: yoga, graphql-js, pothos, dataloader)";
  }
  if (/^@whatwg-node\//.test(where)) return "fetch-API adapter between node:http and Yoga (@whatwg-node)";
  if (where === "undici") return "upstream HTTP client (undici)";
  if (
    where.startsWith("node:") ||
    where === "(native)" ||
    where === "(program)" ||
    where.startsWith("wasm://")
  ) {
    return "Node.js runtime: sockets, HTTP parsing, streams, promises (node:*, native)";
  }
  if (where.startsWith("src/")) return "gateway code (src/)";
  return `other: ${where}`;
}

/**
 * Live heap after a full GC as the gateway's modules load, step by step, in a fresh process (no
 * requests served): where the idle heap comes from.
 */
function heapByImportStep() {
  const script = `
    const steps = [];
    const mark = async (name, load) => {
      await load();
      globalThis.gc(); globalThis.gc();
      steps.push({ name, heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
    };
    await mark("node (empty process)", async () => {});
    await mark("graphql", () => import("graphql"));
    await mark("graphql-yoga", () => import("graphql-yoga"));
    await mark("@graphql-yoga/render-graphiql", () => import("@graphql-yoga/render-graphiql"));
    await mark("@pothos/* (core + plugins)", async () => {
      await import("@pothos/core"); await import("@pothos/plugin-relay"); await import("@pothos/plugin-errors");
      await import("@pothos/plugin-scope-auth"); await import("@pothos/plugin-validation");
    });
    await mark("zod", () => import("zod"));
    await mark("undici, pino, jose, dataloader", async () => {
      await import("undici"); await import("pino"); await import("jose"); await import("dataloader");
    });
    await mark("src/pleo (client, zod models, APIs)", async () => {
      await import("./src/pleo/client.ts");
    });
    let schemaModule;
    await mark("src/schema (modules loaded)", async () => { schemaModule = await import("./src/schema/index.ts"); });
    let schema;
    await mark("gatewaySchema() built", async () => { schema = schemaModule.gatewaySchema(); });
    await mark("src/app.ts (+ context, loaders, plugins)", () => import("./src/app.ts"));
    await mark("src/embedded + src/simulator (imported by main.ts)", () => import("./src/embedded/embedded.ts"));
    process.stdout.write(JSON.stringify({ steps, types: Object.keys(schema.getTypeMap()).length }));
  `;
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script],
    { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
  );
  const { steps, types } = JSON.parse(out);
  return {
    schemaTypes: types,
    steps: steps.map((s, i) => ({
      ...s,
      heapDelta: i === 0 ? s.heapUsed : s.heapUsed - steps[i - 1].heapUsed,
    })),
    note: "Measured with the tsx loader (which holds the transformed sources of src/ in its own memory, counted under RSS, partly under heap).",
  };
}

function markdown(report) {
  const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;
  const rows = (list) =>
    list.map((x) => `| ${x.name.replaceAll("|", "\\|")} | ${x.ms} | ${x.share} % |`).join("\n");
  return `# Gateway profile: ${report.query} query, ${report.connections} connections, ${report.seconds} s

${Math.round(report.cpu.rps)} req/s, ${report.cpu.cpuMsPerRequest.toFixed(3)} ms CPU per request (kernel accounting),
${report.cpu.busyMs} ms busy / ${report.cpu.idleMs} ms idle in the profile (main thread, 200 µs sampling).
Raw profile: \`${report.cpu.file}\` (open in Chrome DevTools → Performance, or speedscope).

## Where a request's CPU goes

| bucket | self ms | share of busy |
|---|---|---|
${rows(report.cpu.buckets)}

Per request: ${report.cpu.cpuMsPerRequest.toFixed(3)} ms × the share.

## Self time by area

| area | self ms | share of busy |
|---|---|---|
${rows(report.cpu.groups)}

## Self time by module

| module | self ms | share of busy |
|---|---|---|
${rows(report.cpu.modules)}

## Hottest functions (self time)

| function — module:line | self ms | share of busy |
|---|---|---|
${rows(report.cpu.functions)}

## Idle heap by import step (after full GC, no request served)

| step | heap used | added | RSS |
|---|---|---|---|
${report.heap.steps.map((s) => `| ${s.name} | ${mib(s.heapUsed)} | ${mib(s.heapDelta)} | ${mib(s.rss)} |`).join("\n")}

Schema types: ${report.heap.schemaTypes}. ${report.heap.note}
`;
}
