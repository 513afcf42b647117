import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPANIES } from "../../src/simulator/index.ts";
import { leakedSecrets } from "../support/harness.ts";

/**
 * The real process (`src/main.ts`, embedded simulator) started as `npm start` would: it prints its URLs
 * as a JSON log line, drains on SIGTERM and exits 0, and refuses a bad configuration listing every
 * problem. And the production build (`npm run build`) runs as plain JavaScript under bare Node.
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

/** `npm start`: the TypeScript sources through tsx. */
const FROM_SOURCES = ["--import", "tsx", "src/main.ts"];

function start(env: Record<string, string>, nodeArgs: readonly string[] = FROM_SOURCES): Promise<Running> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: process.cwd(),
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: "0",
      SIM_PORT: "0",
      LOG_LEVEL: "info",
      // These tests time upstream calls: every request must reach the (slowed) simulator.
      READ_CACHE_ENABLED: "false",
      ...env,
    },
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
    const child = spawn(process.execPath, FROM_SOURCES, {
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

describe("the production build", () => {
  /**
   * `npm run build` into a directory of its own (inside the checkout, so Node finds node_modules), with
   * type-checking left to `npm run typecheck`: this proves the emitted JavaScript runs, not the types.
   */
  let outDir = "";
  beforeAll(async () => {
    const cache = join(process.cwd(), "node_modules", ".cache");
    mkdirSync(cache, { recursive: true });
    outDir = mkdtempSync(join(cache, "gateway-build-"));
    await promisify(execFile)("npm", ["run", "build", "--", "--noCheck", "--outDir", outDir], {
      cwd: process.cwd(),
    });
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("emits JavaScript only, with no TypeScript import left", () => {
    const files = readdirSync(outDir, { recursive: true, encoding: "utf8" });
    expect(files).toContain("main.js");
    expect(files.filter((f) => f.endsWith(".ts"))).toEqual([]);
    const tsImport = /(?:from|import\()\s*["']\.{1,2}\/[^"']*\.ts["']/;
    const unrewritten = files.filter(
      (f) => f.endsWith(".js") && tsImport.test(readFileSync(join(outDir, f), "utf8")),
    );
    expect(unrewritten).toEqual([]);
  });

  it("serves health, GraphiQL and queries from `node main.js`, no loader", { timeout: 30_000 }, async () => {
    // No --import, and no NODE_OPTIONS that could smuggle a TypeScript loader in.
    const gateway = await start({ NODE_OPTIONS: "" }, [join(outDir, "main.js")]);
    try {
      const health = await fetch(`${gateway.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });

      // The GraphiQL bundle is read from node_modules at run time, not compiled in.
      const graphiql = await fetch(`${gateway.url}/graphql`, { headers: { accept: "text/html" } });
      expect(graphiql.status).toBe(200);
      expect(await graphiql.text()).toContain("Pleo GraphQL gateway");

      const response = await query(gateway.url, await nlBookkeeper(gateway.url));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data?: { company: { vendors: { totalCount: number } } } };
      expect(body.data?.company.vendors.totalCount).toBeGreaterThan(0);

      gateway.child.kill("SIGTERM");
      expect(await gateway.exit).toBe(0);
      expect(gateway.stderr.join("")).toBe("");
    } finally {
      gateway.child.kill("SIGKILL");
    }
  });
});
