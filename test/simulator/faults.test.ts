import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  COMPANIES,
  CREDENTIALS,
  type FaultRuleInput,
  type SimRequestLogEntry,
} from "../../src/simulator/index.ts";
import { authFor, buildUrl, call, useSimulator } from "./helpers.ts";

const sim = useSimulator();
const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;

async function addFaults(
  body: unknown,
): Promise<{ status: number; json: { data?: unknown; message?: string } }> {
  const res = await fetch(`${sim().url}/__sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { data?: unknown; message?: string } };
}

async function faultsList(): Promise<(FaultRuleInput & { id: string; matched: number; fired: number })[]> {
  const res = await fetch(`${sim().url}/__sim/faults`);
  return ((await res.json()) as { data: (FaultRuleInput & { id: string; matched: number; fired: number })[] })
    .data;
}

async function log(): Promise<SimRequestLogEntry[]> {
  return ((await (await fetch(`${sim().url}/__sim/requests`)).json()) as { data: SimRequestLogEntry[] }).data;
}

const searchVendors = (company: string, credential = company === NL ? CREDENTIALS.nl : CREDENTIALS.de) =>
  call(sim(), credential, "POST", "/v1/vendors:search", { query: { company_id: company }, body: {} });

/** A raw request that reports a reset connection instead of throwing. */
function rawPost(path: string, body: string): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(
      buildUrl(sim().url, path),
      {
        method: "POST",
        headers: { authorization: authFor(CREDENTIALS.nl), "content-type": "application/json" },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(body);
  });
}

describe("simulator fault injection", () => {
  afterEach(async () => {
    await fetch(`${sim().url}/__sim/reset`, { method: "POST" });
  });

  it("adds, lists and clears rules; validates them and lists every problem", async () => {
    const added = await addFaults({
      rules: [{ pathPrefix: "/v1/vendors", status: 503 }, { action: "hang" }],
    });
    expect(added.status).toBe(201);
    expect((await faultsList()).map((r) => r.id)).toEqual(["fault-1", "fault-2"]);

    const bad = await addFaults({ pathRegex: "(", action: "explode", probability: 2 });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/pathRegex/);
    expect(bad.json.message).toMatch(/action/);
    expect(bad.json.message).toMatch(/probability/);

    expect((await fetch(`${sim().url}/__sim/faults`, { method: "DELETE" })).status).toBe(204);
    expect(await faultsList()).toEqual([]);
  });

  it("answers a matching route with the injected status and leaves other routes alone", async () => {
    await addFaults({ method: "post", pathPrefix: "/v1/vendors", status: 503, retryAfterSeconds: 7 });
    const failed = await searchVendors(NL);
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("7");
    expect(failed.body).toMatchObject({ type: "SIMULATED_FAULT" });
    const other = await call(sim(), CREDENTIALS.nl, "GET", "/v0/tag-groups", { query: { company_id: NL } });
    expect(other.status).toBe(200);
    // Faulted requests are in the request log like any other.
    expect((await log()).map((e) => [e.path, e.status, e.targetCompanyId])).toEqual([
      ["/v1/vendors:search", 503, NL],
      ["/v0/tag-groups", 200, NL],
    ]);
  });

  it("matches by company (query, path or the credential's own company) and by regular expression", async () => {
    await addFaults({
      companyId: DE,
      pathRegex: "^/v1/vendors:search$",
      action: "rate-limit",
      retryAfterSeconds: 3,
    });
    expect((await searchVendors(NL)).status).toBe(200);
    const limited = await searchVendors(DE);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    const byPath = await addFaults({ companyId: DE, pathPrefix: "/v1/companies/", status: 500 });
    expect(byPath.status).toBe(201);
    expect((await call(sim(), CREDENTIALS.de, "GET", `/v1/companies/${DE}`)).status).toBe(500);
    expect((await call(sim(), CREDENTIALS.nl, "GET", `/v1/companies/${NL}`)).status).toBe(200);
  });

  it("fires deterministically: skip, times, and a seeded rate that repeats exactly", async () => {
    await addFaults({ pathPrefix: "/v1/vendors:search", status: 500, skip: 1, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await searchVendors(NL)).status);
    expect(statuses).toEqual([200, 500, 500, 200, 200]);

    const run = async () => {
      await fetch(`${sim().url}/__sim/reset`, { method: "POST" });
      await addFaults({ pathPrefix: "/v0/tag-groups", status: 500, probability: 0.3, seed: "s1" });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        const query = { company_id: NL, include_archived: i % 2 === 0 ? "true" : "false" };
        out.push((await call(sim(), CREDENTIALS.nl, "GET", "/v0/tag-groups", { query })).status);
      }
      return out;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(4);
    expect(failures).toBeLessThan(20);
  });

  it("adds latency, or hangs until reset", async () => {
    await addFaults({ pathPrefix: "/v1/vendors:search", action: "latency", latencyMs: 200 });
    const started = performance.now();
    expect((await searchVendors(NL)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);

    await addFaults({ pathPrefix: "/v0/tag-groups", action: "hang" });
    const hanging = fetch(buildUrl(sim().url, "/v0/tag-groups", { company_id: NL }), {
      headers: { authorization: authFor(CREDENTIALS.nl) },
    }).then(
      (r) => `answered ${r.status}`,
      () => "connection closed",
    );
    const early = await Promise.race([
      hanging,
      new Promise((r) => setTimeout(() => r("still hanging"), 300)),
    ]);
    expect(early).toBe("still hanging");
    await fetch(`${sim().url}/__sim/reset`, { method: "POST" });
    expect(await hanging).toBe("connection closed");
  });

  it("resets the connection after reading the request, and serves malformed bodies", async () => {
    await addFaults({ method: "POST", pathPrefix: "/v1/vendors", action: "reset", times: 1 });
    const reset = await rawPost(`/v1/vendors?company_id=${NL}`, JSON.stringify({ name: "Reset Ltd" }));
    expect(reset).toMatchObject({ error: expect.stringMatching(/ECONNRESET|socket hang up/) });
    expect((await log()).filter((e) => e.method === "POST")).toHaveLength(1);

    await addFaults({ pathPrefix: "/v0/tag-groups", action: "malformed" });
    const res = await fetch(buildUrl(sim().url, "/v0/tag-groups", { company_id: NL }), {
      headers: { authorization: authFor(CREDENTIALS.nl) },
    });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it("is cleared by /__sim/reset", async () => {
    await addFaults({ status: 500 });
    await fetch(`${sim().url}/__sim/reset`, { method: "POST" });
    expect(await faultsList()).toEqual([]);
    expect((await searchVendors(NL)).status).toBe(200);
  });

  it("can be driven in-process too", async () => {
    const added = sim().faults.add([{ pathPrefix: "/v1/vendors", status: 502, times: 1 }]);
    expect(added[0]?.id).toBe("fault-1");
    expect((await searchVendors(NL)).status).toBe(502);
    expect((await searchVendors(NL)).status).toBe(200);
    expect(sim().faults.list()[0]).toMatchObject({ matched: 2, fired: 1 });
  });
});
