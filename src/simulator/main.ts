import { ALL_CREDENTIALS, startSimulator } from "./index.ts";

/**
 * Standalone start (`npm run simulator`): listens on SIM_HOST:SIM_PORT (default 127.0.0.1:4010) and stops
 * cleanly on SIGINT/SIGTERM. The credentials are fake and exist only in this process.
 * SIM_RATE_LIMIT_PER_MINUTE (unset: no limit) emulates Pleo's per-credential 429s.
 * SIM_OAUTH_ACCESS_TOKEN_TTL_S (default 900) sets the lifetime of access tokens the simulated authorisation
 * server issues; a short one makes refreshes visible.
 */
const host = process.env.SIM_HOST ?? "127.0.0.1";
const port = Number(process.env.SIM_PORT ?? "4010");
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SIM_PORT must be a port number, got '${process.env.SIM_PORT}'.`);
  process.exit(1);
}
const rateLimitSetting = process.env.SIM_RATE_LIMIT_PER_MINUTE?.trim() || undefined;
const rateLimitPerMinute = rateLimitSetting === undefined ? undefined : Number(rateLimitSetting);
if (rateLimitPerMinute !== undefined && !(Number.isInteger(rateLimitPerMinute) && rateLimitPerMinute >= 1)) {
  console.error(`SIM_RATE_LIMIT_PER_MINUTE must be a positive integer, got '${rateLimitSetting}'.`);
  process.exit(1);
}

const ttlSetting = process.env.SIM_OAUTH_ACCESS_TOKEN_TTL_S?.trim() || undefined;
const oauthTtlSeconds = ttlSetting === undefined ? undefined : Number(ttlSetting);
if (oauthTtlSeconds !== undefined && !(Number.isInteger(oauthTtlSeconds) && oauthTtlSeconds >= 1)) {
  console.error(`SIM_OAUTH_ACCESS_TOKEN_TTL_S must be a positive integer, got '${ttlSetting}'.`);
  process.exit(1);
}

const simulator = await startSimulator({
  host,
  port,
  rateLimitPerMinute,
  oauthAccessTokenTtlMs: oauthTtlSeconds === undefined ? undefined : oauthTtlSeconds * 1000,
});
const width = Math.max(...ALL_CREDENTIALS.map((c) => c.label.length));
const labels = ALL_CREDENTIALS.map((c) => {
  const how = c.kind === "apiKey" ? "API key, Basic" : "OAuth token, Bearer";
  return `  ${c.label.padEnd(width)}  ${how.padEnd(19)}  ${c.subject.type}`;
});
console.log(
  [
    `Pleo API simulator listening on ${simulator.url}`,
    ...(rateLimitPerMinute
      ? [`Rate limit: ${rateLimitPerMinute} requests/minute per credential (429 beyond)`]
      : []),
    "Seeded credentials (secrets in src/simulator/seed/identities.ts):",
    ...labels,
    `OAuth: ${simulator.url}/oauth/authorize, /oauth/token; demo client 'pleo-gateway-demo'` +
      ` (register redirect URIs with POST ${simulator.url}/__sim/oauth/clients)` +
      `; access tokens live ${oauthTtlSeconds ?? 900} s`,
    `Webhooks: subscribe with POST ${simulator.url}/v1/subscriptions (loopback endpoints only); created` +
      ` vendors and export jobs are delivered signed; deliveries at GET ${simulator.url}/__sim/webhooks`,
    "Try:",
    `  curl -u '<api key>:' ${simulator.url}/v1/introspect`,
    `  curl ${simulator.url}/__sim/requests     # request log; POST /__sim/reset restores the seed`,
  ].join("\n"),
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal} received, stopping the simulator.`);
  await simulator.close();
  process.exit(0);
}
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
