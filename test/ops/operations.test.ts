import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPANIES, ORGANISATIONS } from "../../src/simulator/index.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { GROUP_VENDORS, metric, metricsText } from "./support.ts";

/** Health, readiness, metrics, request ids and log lines, over HTTP. */
const NL = COMPANIES.nl.id;
const ORG = ORGANISATIONS.loveCremeBrulee.id;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type LogLine = Record<string, unknown> & { msg?: string; level?: number };

function parsed(lines: readonly string[]): LogLine[] {
  return lines
    .flatMap((chunk) => chunk.split("\n").filter(Boolean))
    .map((line) => JSON.parse(line) as LogLine);
}

/** A forwarding proxy in front of the simulator that records the `x-request-id` of every request. */
async function recordingProxy(target: string): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    seen.push(String(req.headers["x-request-id"] ?? ""));
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe("health and readiness", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ operations: { readyProbe: { timeoutMs: 500, cacheMs: 60_000 } } });
  });
  afterAll(() => h.close());

  it("/health is live; /ready probes Pleo once (unauthenticated, any answer counts) and caches it", async () => {
    const health = await fetch(`${h.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect((await fetch(`${h.url}/health`, { method: "POST" })).status).toBe(405);

    await h.resetSim();
    const ready = await fetch(`${h.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: { config: "ok", draining: false, upstream: "ok" },
    });
    expect((await fetch(`${h.url}/ready`)).status).toBe(200);
    const probes = await h.simRequests();
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({ method: "GET", path: "/", credentialLabel: null, status: 401 });
  });

  it("is not ready while draining (health stays live)", async () => {
    h.gateway.startDraining();
    const ready = await fetch(`${h.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "draining" });
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
  });

  it("is not ready when Pleo cannot be reached", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const unreachable = await startHarness({ pleoBaseUrl: () => `http://127.0.0.1:${closedPort}` });
    try {
      const ready = await fetch(`${unreachable.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: "not ready",
        checks: { upstream: "unreachable (connect)" },
      });
      expect((await fetch(`${unreachable.url}/health`)).status).toBe(200);
    } finally {
      await unreachable.close();
    }
  });
});

describe("metrics", () => {
  let h: Harness;
  let admin: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness();
    admin = (await h.persona("group-admin")).headers;
  });
  afterAll(() => h.close());

  it("counts GraphQL requests by operation and outcome, upstream calls by endpoint, status and company", async () => {
    const ok = await h.gql(GROUP_VENDORS, { headers: admin, variables: { org: ORG } });
    expect(ok.body.errors).toBeUndefined();
    const partial = await h.gql(
      `query Partial($id: ID!) { company(id: $id) { name vendors(first: 1) { totalCount } } }`,
      {
        headers: (await h.persona("org-discovery")).headers,
        variables: { id: NL },
      },
    );
    expect(partial.body.errors?.length).toBe(1);

    const res = await fetch(`${h.url}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(
      metric(text, "pleo_gateway_graphql_requests_total", {
        operation: "GroupVendors",
        type: "query",
        outcome: "success",
      }),
    ).toBe(1);
    expect(
      metric(text, "pleo_gateway_graphql_requests_total", { operation: "Partial", outcome: "partial" }),
    ).toBe(1);
    expect(metric(text, "pleo_gateway_graphql_errors_total", { code: "NO_CREDENTIAL_FOR_COMPANY" })).toBe(1);
    expect(
      metric(text, "pleo_gateway_graphql_request_duration_seconds_count", { operation: "GroupVendors" }),
    ).toBe(1);
    expect(
      metric(text, "pleo_gateway_upstream_requests_total", {
        endpoint: "POST /v1/vendors:search",
        status: "200",
        company: NL,
      }),
    ).toBe(1);
    expect(
      metric(text, "pleo_gateway_upstream_requests_total", { endpoint: "GET /v1/introspect" }),
    ).toBeGreaterThan(0);
    expect(metric(text, "pleo_gateway_upstream_request_duration_seconds_count")).toBeGreaterThan(0);
    expect(metric(text, "pleo_gateway_dataloader_batch_size_count", { loader: "pages" })).toBeGreaterThan(0);
    for (const name of [
      "pleo_gateway_upstream_retries_total",
      "pleo_gateway_rate_budget_waits_total",
      "pleo_gateway_rate_budget_rejections_total",
      "pleo_gateway_circuit_breaker_state",
      "pleo_gateway_upstream_requests_in_flight",
      "pleo_gateway_upstream_retry_budget_tokens",
      "pleo_gateway_http_requests_in_flight",
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    // Endpoint labels are path templates: no raw id in them.
    for (const [, endpoint] of text.matchAll(/endpoint="([^"]*)"/g)) {
      expect(endpoint).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
    const companyCall = `query($id: ID!) { company(id: $id) { name } }`;
    await h.gql(companyCall, { headers: admin, variables: { id: NL } });
    expect(await metricsText(h)).toContain('endpoint="GET /v1/companies/{id}"');
  });

  it("answers only GET", async () => {
    expect((await fetch(`${h.url}/metrics`, { method: "POST" })).status).toBe(405);
  });
});

describe("request ids and log lines", () => {
  let h: Harness;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  beforeAll(async () => {
    h = await startHarness({
      pleoBaseUrl: async (simulatorUrl) => {
        proxy = await recordingProxy(simulatorUrl);
        return proxy.url;
      },
    });
  });
  afterAll(async () => {
    await h.close();
    proxy.server.closeAllConnections();
    proxy.server.close();
  });

  it("takes x-request-id from the caller, echoes it, logs it and forwards it on every Pleo call", async () => {
    const { headers } = await h.persona("nl-bookkeeper");
    proxy.seen.length = 0;
    const response = await h.gql(
      `query Books($id: ID!) { company(id: $id) { vendors(first: 1) { totalCount } } }`,
      {
        headers: { ...headers, "x-request-id": "trace-me.42" },
        variables: { id: NL },
      },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.headers.get("x-request-id")).toBe("trace-me.42");
    expect(proxy.seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(proxy.seen)).toEqual(new Set(["trace-me.42"]));

    const lines = parsed(h.logLines).filter((l) => l.requestId === "trace-me.42");
    const access = lines.find((l) => l.msg === "request");
    expect(access).toMatchObject({
      level: 30,
      service: "pleo-gateway",
      method: "POST",
      path: "/graphql",
      status: 200,
      operation: "Books",
      operationType: "query",
      outcome: "success",
    });
    expect(typeof access?.durationMs).toBe("number");
    const upstream = lines.filter((l) => l.msg === "upstream call");
    expect(upstream.map((l) => l.upstream)).toContain("POST /v1/vendors:search");
    for (const line of upstream) {
      expect(line.credentialId).toMatch(/^cred_[0-9a-f]{16}$/);
      expect(line.level).toBe(20);
    }
  });

  it("adds an id when the caller sent none or an unusable one", async () => {
    const none = await h.gql("{ viewer { credentials { id } } }");
    expect(none.headers.get("x-request-id")).toMatch(UUID);
    const odd = await h.gql("{ viewer { credentials { id } } }", {
      headers: { "x-request-id": "has spaces; and=more" },
    });
    expect(odd.headers.get("x-request-id")).toMatch(UUID);
    // Probes get ids too, and are logged at debug only.
    const health = await fetch(`${h.url}/health`, { headers: { "x-request-id": "probe-1" } });
    expect(health.headers.get("x-request-id")).toBe("probe-1");
    expect(parsed(h.logLines).find((l) => l.requestId === "probe-1")).toMatchObject({
      level: 20,
      path: "/health",
    });
  });

  it("logs a refused request with its error codes and the error outcome", async () => {
    const response = await h.gql("{ viewer { credentials { id } } }", {
      headers: { "x-pleo-api-key": "sim_key_unknown-to-pleo-000000", "x-request-id": "refused-1" },
    });
    expect(response.status).toBe(401);
    expect(parsed(h.logLines).find((l) => l.requestId === "refused-1" && l.msg === "request")).toMatchObject({
      status: 401,
      outcome: "error",
      errorCodes: ["CREDENTIAL_REJECTED"],
    });
  });
});
