// The servers a benchmark run starts: the Pleo simulator, the gateway and the Hive Gateway peer, each on
// its role's core (see corePlan), logging into the run's log folder, resolved once it answers.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, spawnNode, spawnUntilLine, waitForGraphQL } from "./processes.mjs";
import { GATEWAY_BASE_ENV } from "./setup.mjs";

const BENCH = dirname(dirname(fileURLToPath(import.meta.url)));
const ROOT = dirname(BENCH);

/** The upstream pool of every gateway the benchmark measures, unless a scenario needs another. */
export const GATEWAY_POOL_ENV = { PLEO_MAX_CONNECTIONS: "256" };

/**
 * bench/simulator.mjs with `latencyMs` per request, on the support core. `identities` are the seeded
 * secrets, companies and organisations it prints once ready.
 * @param {object} bench { plan, logDir, log }
 */
export async function startSimulator(bench, name, latencyMs) {
  const { child, value } = await spawnUntilLine(
    {
      name,
      args: ["--import", "tsx", join(BENCH, "simulator.mjs"), "--port", "0", "--latency", String(latencyMs)],
      cwd: ROOT,
      core: bench.plan.support,
      logFile: join(bench.logDir, `${name}.log`),
    },
    (line) => {
      try {
        const parsed = JSON.parse(line);
        return parsed.ready ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
  );
  bench.log(`${name} on ${value.url} (${latencyMs} ms per request), pid ${child.pid}`);
  return { child, pid: child.pid, url: value.url, identities: value };
}

/**
 * The gateway build (`bench.entry`, from gatewayEntry) on the server core. `probe` preloads
 * bench/lib/probe.mjs and opens the IPC channel it answers on; `exposeGc` lets it collect garbage on request.
 * @param {object} bench { plan, logDir, log, entry }
 */
export async function startGateway(bench, name, pleoUrl, extraEnv, { probe = false, exposeGc = false } = {}) {
  const { entry } = bench;
  const execArgv = [
    ...(exposeGc ? ["--expose-gc"] : []),
    ...(probe ? ["--import", join(BENCH, "lib/probe.mjs")] : []),
    ...entry.execArgv,
    // V8 flags for the measured gateway only (e.g. heap sizing experiments), never for the peer.
    ...(process.env.BENCH_GATEWAY_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
  ];
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const child = spawnNode({
    name,
    args: [...execArgv, entry.entry],
    cwd: ROOT,
    core: bench.plan.server,
    env: { PLEO_API_URL: pleoUrl, PORT: String(port), HOST: "127.0.0.1", ...GATEWAY_BASE_ENV, ...extraEnv },
    logFile: join(bench.logDir, `${name}.log`),
    ipc: probe,
  });
  await waitForGraphQL(url, child);
  bench.log(`${name} on ${url} (${entry.runner}), pid ${child.pid}`);
  return { child, pid: child.pid, url };
}

/**
 * Hive Gateway over the supergraph that ensurePeer composed (`setup`), on the server core.
 * @param {object} bench { plan, logDir, log }
 */
export async function startPeer(bench, setup, pleoUrl) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const child = spawnNode({
    name: "peer",
    args: [setup.bin, "supergraph", setup.supergraph, "--host", "127.0.0.1", "--port", String(port)],
    cwd: setup.cwd,
    core: bench.plan.server,
    env: { PLEO_API_URL: pleoUrl, NODE_ENV: "production" },
    logFile: join(bench.logDir, "peer.log"),
  });
  await waitForGraphQL(url, child);
  bench.log(`peer (Hive Gateway ${setup.versions["@graphql-hive/gateway"]}) on ${url}, pid ${child.pid}`);
  return { child, pid: child.pid, url };
}
