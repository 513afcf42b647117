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
  // As the Dockerfile runs it (and as the peer runs): graphql-js checks `instanceof` more cheaply.
  NODE_ENV: "production",
  GATEWAY_ENV: "production",
  LOG_LEVEL: "info",
  CALLER_RATE_LIMIT_PER_MINUTE: "100000000",
  // The simulator seeds nine credentials; a deployment serves thousands, each within Pleo's 600/min.
  // The per-credential upstream limits stay on (their cost is measured) but are raised so that a few
  // credentials can stand for many, all through configuration: the rate budget past Pleo's 600/min
  // only with PLEO_RATE_LIMIT_UNCAPPED, the setting that exists for load tests against the simulator.
  PLEO_MAX_CONCURRENCY_PER_CREDENTIAL: "4096",
  PLEO_MAX_QUEUED: "100000",
  // Every scenario measures what a request costs when it reaches Pleo; the read cache (which would
  // answer repeated reads with no call at all) is measured on its own, in scenario (i).
  READ_CACHE_ENABLED: "false",
  PLEO_RATE_LIMIT_UNCAPPED: "true",
  PLEO_RATE_LIMIT_PER_MINUTE: "100000000",
  PLEO_RATE_LIMIT_BURST: "10000000",
};

/**
 * The gateway as it would run in production: src/ bundled by esbuild (which tsx already brings) into
 * bench/.build/gateway.mjs with packages left external — no TypeScript loader in the measured process,
 * and no patch: every benchmark-only setting is configuration (GATEWAY_BASE_ENV).
 */
export async function gatewayEntry(benchDir, rootDir) {
  return bundleGateway(rootDir, join(rootDir, "src/main.ts"), join(benchDir, ".build", "gateway.mjs"));
}

/** `entryPoint` (a checkout's src/main.ts) bundled into `outfile` as the benchmark runs the gateway. */
export async function bundleGateway(rootDir, entryPoint, outfile) {
  const require = createRequire(join(rootDir, "package.json"));
  const esbuild = require("esbuild");
  await esbuild.build({
    entryPoints: [entryPoint],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return { runner: "bundle", execArgv: [], entry: outfile, esbuild: esbuild.version };
}

function specFiles(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"))
    .map((f) => join(dir, f));
}
