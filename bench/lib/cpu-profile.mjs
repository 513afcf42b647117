// Attribution of a V8 CPU profile (.cpuprofile) of the gateway: self time per function, per module
// (src/<dir>/<file> — recovered from the bundle's per-module comments —, node_modules package, Node
// internals, GC), per area and per coarse bucket of what a request spends its CPU on.
import { readFileSync } from "node:fs";

/** Line ranges of the bundle that belong to each src/ module (esbuild marks them with `// src/…`). */
export function bundleModuleMap(file) {
  const starts = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      const m = line.match(/^\/\/ (?:bench\/\.build\/base\/)?(src\/\S+\.ts)$/);
      if (m) starts.push({ line: i, module: m[1] });
    });
  return starts;
}

/**
 * Self time per function and per module, as shares of the busy (non-idle) samples.
 * @param {object} where { bundleModules (bundleModuleMap of the gateway bundle, or null), root }
 */
export function summariseProfile(profile, where) {
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
    const module = moduleOf(callFrame, where);
    const line =
      callFrame.url && !module.startsWith("(") && !module.startsWith("src/")
        ? `:${callFrame.lineNumber + 1}`
        : "";
    const fn = `${callFrame.functionName || "(anonymous)"} — ${module}${line}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    modules.set(module, (modules.get(module) ?? 0) + us);
    const bucket = bucketOf(callFrame.functionName, module);
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
  for (const [module, us] of modules) {
    const group = groupOf(module);
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

export function moduleOf(callFrame, { bundleModules, root }) {
  const url = callFrame.url ?? "";
  if (!url) return callFrame.functionName.startsWith("(") ? callFrame.functionName : "(native)";
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "/node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (bundleModules && /\/\.build\/[^/]*gateway\.mjs$/.test(url)) {
    let module = "src/(bundle)";
    for (const start of bundleModules) {
      if (start.line > callFrame.lineNumber) break;
      module = start.module;
    }
    return module;
  }
  const src = url.indexOf("/src/");
  if (src >= 0 && url.includes(root)) return url.slice(src + 1);
  if (url.startsWith("node:"))
    return url
      .replace(/^node:internal\//, "node:")
      .split("/")
      .slice(0, 2)
      .join("/");
  return url.replace(/^file:\/\//, "");
}

export function groupOf(module) {
  if (module.startsWith("src/")) return `${module.split("/").slice(0, 2).join("/")}/`;
  if (module.startsWith("node:")) return "Node.js internals (http, streams, net)";
  return module;
}

/** What a request's CPU is spent on, coarsely: by function first (abort machinery), else by module. */
export function bucketOf(functionName, module) {
  if (
    functionName === "DOMException" ||
    module === "node:abort_controller" ||
    /AbortSignal/.test(functionName)
  ) {
    return "abort signals and their DOMExceptions (deadlines, cancellation)";
  }
  if (module === "(garbage collector)") return "garbage collection";
  if (
    /^(pino|@pinojs\/|sonic-boom|prom-client|thread-stream)/.test(module) ||
    module === "src/plugins/logging.ts" ||
    module === "src/plugins/metrics.ts" ||
    module === "src/support/metrics.ts"
  ) {
    return "logs and metrics (pino, prom-client, their plugins)";
  }
  if (module === "zod") return "response validation (zod)";
  if (
    /^(graphql|graphql-yoga|@graphql-tools\/|@envelop\/|@pothos\/|dataloader|@graphql-yoga\/)/.test(module)
  ) {
    return "GraphQL (parse, validate, execute, serialise: yoga, graphql-js, pothos, dataloader)";
  }
  if (/^@whatwg-node\//.test(module)) return "fetch-API adapter between node:http and Yoga (@whatwg-node)";
  if (module === "undici") return "upstream HTTP client (undici)";
  if (
    module.startsWith("node:") ||
    module === "(native)" ||
    module === "(program)" ||
    module.startsWith("wasm://")
  ) {
    return "Node.js runtime: sockets, HTTP parsing, streams, promises (node:*, native)";
  }
  if (module.startsWith("src/")) return "gateway code (src/)";
  return `other: ${module}`;
}
