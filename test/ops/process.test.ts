import { type ChildProcess, spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { COMPANIES } from "../../src/simulator/index.ts";
import { leakedSecrets } from "../support/harness.ts";

/**
 * The real process (`src/main.ts`, embedded simulator) started as `npm start` would: it prints its URLs
 * as a JSON log line, drains on SIGTERM and exits 0, and refuses a bad configuration listing every
 * problem.
 */
const NL = COMPANIES.nl.id;

interface Running {
  child: ChildProcess;
  url: string;
  simulatorUrl: string;
  stdout: string[];
  stderr: string[];
  exit: Promise<number | null>;
}

function start(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", SIM_PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(String(chunk)));
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout.push(String(chunk));
      buffer += String(chunk);
      for (const line of buffer.split("\n")) {
        if (!line.startsWith("{")) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; url?: string; simulatorUrl?: string };
          if (entry.msg === "gateway listening" && entry.url && entry.simulatorUrl) {
            resolve({
              child,
              url: entry.url.replace(/\/graphql$/, ""),
              simulatorUrl: entry.simulatorUrl,
              stdout,
              stderr,
              exit,
            });
          }
        } catch {
          // a partial line: wait for the rest
        }
      }
    });
    void exit.then((code) => reject(new Error(`exited ${code} before listening: ${stderr.join("")}`)));
  });
}

async function nlBookkeeper(url: string): Promise<Record<string, string>> {
  const personas = (await (await fetch(`${url}/dev/personas`)).json()) as {
    name: string;
    headers: Record<string, string>;
  }[];
  const persona = personas.find((p) => p.name === "nl-bookkeeper");
  if (!persona) throw new Error("no persona");
  return persona.headers;
}

const QUERY = `query($id: ID!) { company(id: $id) { vendors(first: 2) { totalCount } } }`;

function query(url: string, headers: Record<string, string>) {
  return fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: QUERY, variables: { id: NL } }),
  });
}

async function slowVendors(simulatorUrl: string, latencyMs: number, action = "latency"): Promise<void> {
  const res = await fetch(`${simulatorUrl}/__sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ pathPrefix: "/v1/vendors:search", action, latencyMs }),
  });
  expect(res.status).toBe(201);
}

describe("the gateway process", () => {
  it("on SIGTERM finishes the request in flight, then exits 0", { timeout: 30_000 }, async () => {
    const gateway = await start({ SHUTDOWN_TIMEOUT_MS: "10000" });
    try {
      const headers = await nlBookkeeper(gateway.url);
      expect((await query(gateway.url, headers)).status).toBe(200); // warm: introspection cached
      await slowVendors(gateway.simulatorUrl, 1_500);
      const started = performance.now();
      const pending = query(gateway.url, headers);
      await new Promise((r) => setTimeout(r, 400));
      gateway.child.kill("SIGTERM");
      const response = await pending;
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        data?: { company: { vendors: { totalCount: number } } };
        errors?: unknown;
      };
      expect(body.errors).toBeUndefined();
      expect(body.data?.company.vendors.totalCount).toBeGreaterThan(0);
      expect(performance.now() - started).toBeGreaterThanOrEqual(1_400);
      expect(await gateway.exit).toBe(0);
      const log = gateway.stdout.join("");
      expect(log).toContain('"msg":"shutting down: draining"');
      expect(log).toContain('"msg":"stopped"');
      expect(leakedSecrets([log, ...gateway.stderr])).toEqual([]);
    } finally {
      gateway.child.kill("SIGKILL");
    }
  });

  it("cuts what is still running at SHUTDOWN_TIMEOUT_MS and still exits 0", { timeout: 30_000 }, async () => {
    const gateway = await start({ SHUTDOWN_TIMEOUT_MS: "500", REQUEST_DEADLINE_MS: "20000" });
    try {
      const headers = await nlBookkeeper(gateway.url);
      await slowVendors(gateway.simulatorUrl, 0, "hang");
      const pending = query(gateway.url, headers).then(
        (r) => r.status,
        () => "connection cut",
      );
      await new Promise((r) => setTimeout(r, 400));
      const signalled = performance.now();
      gateway.child.kill("SIGTERM");
      expect(await gateway.exit).toBe(0);
      expect(performance.now() - signalled).toBeLessThan(5_000);
      expect(await pending).toBe("connection cut");
      expect(gateway.stdout.join("")).toContain("shutdown bound reached");
    } finally {
      gateway.child.kill("SIGKILL");
    }
  });

  it("refuses to start on a bad configuration, listing every problem", { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        PORT: "not-a-port",
        REQUEST_DEADLINE_MS: "-1",
        PLEO_RATE_LIMIT_PER_MINUTE: "5000",
        METRICS_ENABLED: "maybe",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += String(chunk);
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(78);
    for (const name of ["PORT", "REQUEST_DEADLINE_MS", "PLEO_RATE_LIMIT_PER_MINUTE", "METRICS_ENABLED"]) {
      expect(stderr).toContain(`- ${name}:`);
    }
  });
});
