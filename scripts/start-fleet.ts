import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import { createDevAuth } from "../src/embedded/dev-auth.ts";
import { embeddedCredentialStore, embeddedPersonas } from "../src/embedded/personas.ts";
import { startRedis, type TestRedis } from "../test/support/redis-server.ts";
import { type FleetProcesses, startFleetProcesses } from "./fleet-processes.ts";

/**
 * A fleet on loopback without Docker (`npm run start:fleet -- --instances 3 --port 4000`): a local
 * redis-server, the Pleo simulator, N gateway instances sharing state through Redis, and a small
 * round-robin HTTP front. Ctrl-C (or SIGTERM) stops everything. For development and load tests;
 * production runs the Dockerfile / docker-compose.yml.
 *
 * With PLEO_API_URL set a gateway has no embedded mode, so this script plays its part: the instances
 * hold the simulator's seeded credentials (PLEO_CREDENTIALS) and trust a throw-away caller-JWT issuer
 * (AUTH_JWKS), and the front itself serves `GET /dev/personas` with the same demo callers as `npm
 * start`. Gateway warnings and errors are echoed, prefixed with the instance; info lines are not.
 */
const { values } = parseArgs({
  options: {
    instances: { type: "string", default: "3" },
    port: { type: "string", default: "4000" },
  },
});
const count = Number(values.instances);
const frontPort = Number(values.port);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(frontPort)) {
  console.error("usage: start-fleet [--instances N] [--port P]");
  process.exit(64);
}

const auth = await createDevAuth();
let redis: TestRedis | undefined;
let fleet: FleetProcesses | undefined;
let next = 0;
const front = createServer((req, res) => {
  if (req.url === "/dev/personas" && req.method === "GET") void personas(res);
  else if (fleet) forward(req, res, fleet.gateways[next++ % fleet.gateways.length]?.url ?? "");
  else res.writeHead(503).end();
});

/** Round robin over the instances (a failed one answers 502: a load test should see it). */
function forward(req: IncomingMessage, res: ServerResponse, instance: string): void {
  const upstream = request(new URL(req.url ?? "/", instance), { method: req.method, headers: req.headers });
  upstream.once("response", (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.once("error", () => {
    if (res.headersSent) res.destroy();
    else res.writeHead(502).end();
  });
  req.pipe(upstream);
}

async function personas(res: ServerResponse): Promise<void> {
  const body = JSON.stringify(await embeddedPersonas(auth), null, 2);
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}

let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    front.close();
    front.closeAllConnections();
    await fleet?.stop();
    await redis?.stop();
  }
  process.exit(code);
}
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));

try {
  redis = await startRedis();
  fleet = await startFleetProcesses({
    instances: count,
    redisUrl: redis.url,
    gatewayEnv: {
      PLEO_CREDENTIALS: JSON.stringify(embeddedCredentialStore()),
      AUTH_JWKS: JSON.stringify(auth.jwks),
      AUTH_JWT_ISSUER: auth.issuer,
      AUTH_JWT_AUDIENCE: auth.audience,
      AUTH_JWT_ALGORITHMS: "ES256",
    },
    onLine: (source, line) => {
      const level = line.startsWith("{") ? /"level":(\d+)/.exec(line)?.[1] : undefined;
      if (level !== undefined && Number(level) >= 40) console.error(`[${source}] ${line}`);
    },
  });
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(frontPort, "127.0.0.1", resolve);
  });
} catch (error) {
  console.error("fleet failed to start:", error instanceof Error ? error.message : error);
  await stop(1);
}

const base = `http://127.0.0.1:${frontPort}`;
// The group-admin persona: a caller JWT; each instance supplies every company's stored credential.
const personaHeader = `node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).find(p=>p.name==="group-admin").headers.authorization))'`;
console.log(
  [
    "",
    `  Fleet front (round robin)  ${base}/graphql`,
    ...(fleet?.gateways ?? []).map((g, i) => `  Gateway ${i + 1}                  ${g.url}/graphql`),
    `  Redis                      ${redis?.url}`,
    `  Pleo API simulator         ${fleet?.simulator.url}   (request log: /__sim/requests)`,
    `  Demo personas              ${base}/dev/personas   (the exact headers each caller sends)`,
    "",
    "  Try:",
    `    curl -s ${base}/graphql -H 'content-type: application/json' \\`,
    `      -H "authorization: $(curl -s ${base}/dev/personas | ${personaHeader})" \\`,
    `      -d '{"query":"{ organisations { companies { edges { node { name vendors(first: 2) { totalCount } } } } } }"}'`,
    `    curl -s ${base}/ready`,
    "",
    "  Ctrl-C stops all.",
    "",
  ].join("\n"),
);
