// A redis-server for the fleet scenario, run by this small Node process so that the benchmark's own
// process bookkeeping (spawnNode, stopAll: node processes only, pinned with taskset) also covers it: the
// server inherits this process's core, and SIGTERM here stops it. Prints one JSON line once Redis accepts
// connections: { ready, pid (redis-server's, for its CPU time), port, version }.
//
// `node bench/lib/redis-process.mjs --port <port>`; the server is REDIS_SERVER or `redis-server` on PATH.
import { execFileSync, spawn } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { port: { type: "string" } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error("usage: bench/lib/redis-process.mjs --port <1-65535>");
  process.exit(2);
}
const binary = process.env.REDIS_SERVER ?? "redis-server";
const version = execFileSync(binary, ["--version"], { encoding: "utf8" }).match(/v=(\S+)/)?.[1] ?? "unknown";

// In memory only, loopback only: the benchmark measures the round trips, not persistence.
const server = spawn(
  binary,
  ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "notice"],
  { stdio: ["ignore", "pipe", "inherit"] },
);
let ready = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!ready && chunk.toString("utf8").includes("Ready to accept connections")) {
    ready = true;
    process.stdout.write(`${JSON.stringify({ ready: true, pid: server.pid, port, version })}\n`);
  }
});
server.once("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.kill("SIGTERM"));
