// The benchmark's Pleo simulator: `startSimulator` from src/simulator with a per-request delay, run as its
// own process (`node --import tsx bench/simulator.mjs --port 0 --latency 25`). It prints one JSON line
// with its URL and the seeded identities the benchmark drives the gateway with, then serves until
// SIGTERM/SIGINT. The secrets are the simulator's fake, public seed (src/simulator/seed/identities.ts).
import { parseArgs } from "node:util";
import { COMPANIES, CREDENTIALS, ORGANISATIONS, startSimulator } from "../src/simulator/index.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    latency: { type: "string", default: "0" },
  },
});
const port = Number(values.port);
const latencyMs = Number(values.latency);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isFinite(latencyMs) || latencyMs < 0) {
  console.error("usage: bench/simulator.mjs --port <0-65535> --latency <ms>");
  process.exit(2);
}

const simulator = await startSimulator({ host: "127.0.0.1", port, latencyMs });
const secrets = Object.fromEntries(Object.entries(CREDENTIALS).map(([name, c]) => [name, c.secret]));
const companies = Object.fromEntries(Object.entries(COMPANIES).map(([name, c]) => [name, c.id]));
const organisations = Object.fromEntries(Object.entries(ORGANISATIONS).map(([name, o]) => [name, o.id]));
process.stdout.write(
  `${JSON.stringify({ ready: true, url: simulator.url, latencyMs, secrets, companies, organisations })}\n`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await simulator.close();
  process.exit(0);
}
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
