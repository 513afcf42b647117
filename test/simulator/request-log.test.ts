import { describe, expect, it } from "vitest";
import {
  COMPANIES,
  CREDENTIALS,
  credentialFingerprint,
  type SimRequestLogEntry,
  seededCompany,
} from "../../src/simulator/index.ts";
import { bearer, call, useSimulator } from "./helpers.ts";

const sim = useSimulator();
const nl = seededCompany("lcb-nl");

async function logViaHttp(): Promise<SimRequestLogEntry[]> {
  const res = await fetch(`${sim().url}/__sim/requests`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: SimRequestLogEntry[] }).data;
}

async function resetViaHttp(): Promise<void> {
  const res = await fetch(`${sim().url}/__sim/reset`, { method: "POST" });
  expect(res.status).toBe(204);
}

describe("request log", () => {
  it("records who called, what was addressed and how it was answered, never the secret", async () => {
    await resetViaHttp();
    const vendor = nl.vendors[0];
    if (!vendor) throw new Error("no vendor");
    await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.nl.id, limit: 5 },
      body: {},
    });
    await call(sim(), CREDENTIALS.de, "GET", `/v1/vendors/${vendor.id}`);
    await call(sim(), CREDENTIALS.nl, "POST", "/v1/chart-of-accounts:search", {
      body: { companyId: COMPANIES.be.id },
    });
    await call(sim(), CREDENTIALS.lcbOrg, "GET", "/v1/companies");
    await call(sim(), CREDENTIALS.nl, "GET", "/v1/introspect");
    await call(sim(), null, "GET", "/v1/introspect", { authorization: bearer("sim_oat_unknown") });
    await call(sim(), CREDENTIALS.nl, "POST", "/v0/tax-codes:search");

    const log = await logViaHttp();
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(log.map((e) => [e.method, e.path, e.status, e.credentialLabel, e.targetCompanyId])).toEqual([
      ["POST", "/v1/vendors:search", 200, "lcb-nl", COMPANIES.nl.id],
      ["GET", `/v1/vendors/${vendor.id}`, 403, "lcb-de", COMPANIES.nl.id],
      ["POST", "/v1/chart-of-accounts:search", 403, "lcb-nl", COMPANIES.be.id],
      ["GET", "/v1/companies", 200, "lcb-org", null],
      ["GET", "/v1/introspect", 200, "lcb-nl", null],
      ["GET", "/v1/introspect", 401, null, null],
      ["POST", "/v0/tax-codes:search", 200, "lcb-nl", COMPANIES.nl.id],
    ]);
    const [first] = log;
    expect(first).toMatchObject({
      query: { company_id: [COMPANIES.nl.id], limit: ["5"] },
      credentialFingerprint: credentialFingerprint(CREDENTIALS.nl.secret),
      credentialSubject: { type: "company", id: COMPANIES.nl.id },
    });
    expect(first?.credentialFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(Date.parse(first?.at ?? "")).not.toBeNaN();
    expect(first?.durationMs).toBeGreaterThanOrEqual(0);
    expect(log[5]?.credentialFingerprint).toBe(credentialFingerprint("sim_oat_unknown"));
    expect(log[5]?.credentialSubject).toBeNull();
    const serialised = JSON.stringify(log);
    for (const credential of Object.values(CREDENTIALS)) expect(serialised).not.toContain(credential.secret);
  });

  it("logs a recognised credential presented with the wrong scheme under its label", async () => {
    await resetViaHttp();
    await call(sim(), null, "GET", "/v1/introspect", { authorization: bearer(CREDENTIALS.nl.secret) });
    const [entry] = await logViaHttp();
    expect(entry).toMatchObject({ status: 401, credentialLabel: "lcb-nl" });
  });

  it("leaves /__sim requests out and matches requests() of the running simulator", async () => {
    await resetViaHttp();
    await call(sim(), CREDENTIALS.alexey, "GET", "/v3/export-jobs");
    await logViaHttp();
    const log = await logViaHttp();
    expect(log).toHaveLength(1);
    expect(log[0]?.targetCompanyId).toBe(COMPANIES.alexey.id);
    expect(sim().requests()).toEqual(log);
  });

  it("answers unknown control endpoints with 404", async () => {
    expect((await fetch(`${sim().url}/__sim/nope`)).status).toBe(404);
  });
});

describe("reset", () => {
  it("POST /__sim/reset clears the log and restores the seed; reset() does the same", async () => {
    await call(sim(), CREDENTIALS.nl, "GET", "/v1/introspect");
    await resetViaHttp();
    expect(await logViaHttp()).toEqual([]);
    await call(sim(), CREDENTIALS.nl, "GET", "/v1/introspect");
    sim().reset();
    expect(sim().requests()).toEqual([]);
    const vendors = await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.nl.id },
    });
    expect(vendors.body.pagination.total).toBe(nl.vendors.length);
    expect(sim().requests()[0]?.seq).toBe(1);
  });
});

describe("latency option", () => {
  it("delays API requests by latencyMs", async () => {
    const { startSimulator } = await import("../../src/simulator/index.ts");
    const slow = await startSimulator({ latencyMs: 150 });
    try {
      const started = performance.now();
      await call(slow, CREDENTIALS.nl, "GET", "/v1/introspect");
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      expect(slow.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(slow.url.endsWith(String(slow.port))).toBe(true);
    } finally {
      await slow.close();
    }
  });
});
