// First-use installs into the benchmark's own folders (never the root project), the peer's supergraph,
// and the gateway build the benchmark runs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function installInto(folder, marker, log) {
  if (existsSync(join(folder, "node_modules", marker, "package.json"))) return { installed: false };
  const lock = existsSync(join(folder, "package-lock.json"));
  log(`installing ${folder} (${lock ? "npm ci" : "npm install"}; first use only)…`);
  const started = Date.now();
  execFileSync(
    npm,
    [lock ? "ci" : "install", "--prefix", folder, "--no-audit", "--no-fund", "--loglevel=error"],
    { stdio: ["ignore", "inherit", "inherit"], timeout: 600_000 },
  );
  return { installed: true, seconds: (Date.now() - started) / 1000 };
}

/** autocannon into bench/tools. */
export function ensureTools(benchDir, log) {
  return installInto(join(benchDir, "tools"), "autocannon", log);
}

/**
 * Hive Gateway, Mesh Compose and @omnigraph/openapi into bench/peer, then the supergraph composed into
 * bench/.peer/supergraph.graphql from the specs in PLEO_OPENAPI_DIR. Returns why not when impossible.
 */
export function ensurePeer(benchDir, rootDir, log) {
  const specsDir = resolve(rootDir, process.env.PLEO_OPENAPI_DIR ?? "../shared/pleo-openapi");
  if (!existsSync(specsDir)) {
    return { available: false, reason: `the OpenAPI specs are absent: ${specsDir} (set PLEO_OPENAPI_DIR)` };
  }
  const peerDir = join(benchDir, "peer");
  const install = installInto(peerDir, "@graphql-hive/gateway", log);
  const workDir = join(benchDir, ".peer");
  mkdirSync(workDir, { recursive: true });
  const supergraph = join(workDir, "supergraph.graphql");
  const source = join(workDir, "supergraph.source");
  const started = Date.now();
  // Compose again only when the specs, the Mesh config or the installed versions changed.
  const inputs = [
    join(peerDir, "mesh.config.mjs"),
    join(peerDir, "package-lock.json"),
    specsDir,
    ...specFiles(specsDir),
  ];
  const upToDate =
    existsSync(supergraph) &&
    existsSync(source) &&
    readFileSync(source, "utf8") === specsDir &&
    inputs.every((f) => !existsSync(f) || statSync(f).mtimeMs < statSync(supergraph).mtimeMs);
  if (!upToDate) {
    try {
      execFileSync(
        process.execPath,
        [
          join(peerDir, "node_modules", "@graphql-mesh", "compose-cli", "esm", "bin.js"),
          "-c",
          "mesh.config.mjs",
        ],
        {
          cwd: peerDir,
          env: { ...process.env, PLEO_OPENAPI_DIR: specsDir, PEER_SUPERGRAPH: supergraph },
          stdio: ["ignore", "pipe", "pipe"],
          timeout: 120_000,
        },
      );
      writeFileSync(source, specsDir);
    } catch (error) {
      return {
        available: false,
        reason: `composition failed: ${String(error.stderr ?? error).slice(0, 500)}`,
      };
    }
  }
  const require = createRequire(join(peerDir, "package.json"));
  const versions = Object.fromEntries(
    ["@graphql-hive/gateway", "@graphql-mesh/compose-cli", "@omnigraph/openapi"].map((name) => [
      name,
      require(`${name}/package.json`).version,
    ]),
  );
  const specs = specFiles(specsDir);
  return {
    available: true,
    install,
    composed: !upToDate,
    composeSeconds: (Date.now() - started) / 1000,
    specsDir,
    specsAvailable: specs.length,
    supergraph,
    bin: join(peerDir, "node_modules", "@graphql-hive", "gateway", "dist", "bin.js"),
    cwd: workDir,
    versions,
  };
}

/**
 * The gateway as deployed: production settings (no GraphiQL, no introspection), default log level. The
 * per-caller rate limit stays on (its cost is measured) but so high that one benchmark caller never meets
 * it; the benchmark is one caller at saturation, which the default 600/min would turn into 429s.
 */
export const GATEWAY_BASE_ENV = {
  GATEWAY_ENV: "production",
  LOG_LEVEL: "info",
  CALLER_RATE_LIMIT_PER_MINUTE: "100000000",
  // The simulator seeds nine credentials; a deployment serves thousands, each within Pleo's 600/min.
  // The per-credential upstream limits stay on (their cost is measured) but are raised so that a few
  // credentials can stand for many: concurrency through configuration, the rate budget (whose
  // configuration stops at Pleo's 600/min) through the bundle's one patch (bench/lib/setup.mjs).
  PLEO_MAX_CONCURRENCY_PER_CREDENTIAL: "4096",
  PLEO_MAX_QUEUED: "100000",
  BENCH_PLEO_RATE_LIMIT_PER_MINUTE: "100000000",
};

/**
 * The gateway as it would run in production: src/ bundled by esbuild (which tsx already brings) into
 * bench/.build/gateway.mjs with packages left external — no TypeScript loader in the measured process.
 *
 * One patch, applied to the bundle only: `resilienceFromConfig` (src/config-options.ts) takes its
 * per-credential rate budget from BENCH_PLEO_RATE_LIMIT_PER_MINUTE when that is set. The configuration
 * caps PLEO_RATE_LIMIT_PER_MINUTE at Pleo's own 600/min, which is right for Pleo and would make a load
 * test with the simulator's nine credentials measure the rate budget instead of the gateway.
 */
export async function gatewayEntry(benchDir, rootDir) {
  const require = createRequire(join(rootDir, "package.json"));
  const esbuild = require("esbuild");
  const outfile = join(benchDir, ".build", "gateway.mjs");
  const patches = [];
  const rateBudgetPatch = {
    name: "bench-rate-budget",
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]config-options\.ts$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const marker = "export function resilienceFromConfig(";
        if (!source.includes(marker)) {
          patches.push({ file: "src/config-options.ts", applied: false, reason: `no '${marker}'` });
          return undefined;
        }
        patches.push({
          file: "src/config-options.ts",
          applied: true,
          what: "rate budget from BENCH_PLEO_RATE_LIMIT_PER_MINUTE",
        });
        return {
          loader: "ts",
          contents: `${source.replace(marker, "function resilienceFromConfigUnpatched(")}
export function resilienceFromConfig(config: Config): ResilienceOptions {
  const options = resilienceFromConfigUnpatched(config);
  const perMinute = Number(process.env.BENCH_PLEO_RATE_LIMIT_PER_MINUTE ?? "");
  if (!(perMinute > 0)) return options;
  return { ...options, rateBudget: { perMinute, burst: Math.max(1, Math.floor(perMinute / 10)) } };
}
`,
        };
      });
    },
  };
  await esbuild.build({
    entryPoints: [join(rootDir, "src/main.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "warning",
    plugins: [rateBudgetPatch],
  });
  return { runner: "bundle", execArgv: [], entry: outfile, esbuild: esbuild.version, patches };
}

function specFiles(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"))
    .map((f) => join(dir, f));
}
