import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { apiKeys } from "../support/auth-headers.ts";
import { codes, type Harness } from "../support/harness.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * Issue 15, point 3: a caller without any valid credential can send up to 20 made-up API keys per
 * request, each an introspection call. Those calls are bounded before they reach Pleo (a refusal is
 * remembered, each caller address has its own budget of unknown credentials) and hold only a few
 * upstream connections of their own, so an authorised tenant's query is not held up by the flood.
 */
const bogusKey = () => `sim_key_${randomBytes(16).toString("hex")}`;
const bogusKeys = (n: number) => ({ "x-pleo-api-key": Array.from({ length: n }, bogusKey).join(",") });
const QUERY = "{ viewer { authenticated } }";

async function introspections(h: Harness): Promise<number> {
  return (await h.simRequests()).filter((entry) => entry.path === "/v1/introspect").length;
}

describe("refused credentials and each caller's budget of unknown ones", () => {
  const h = useHarness({
    security: {
      // The client's own quarantine also remembers 401s; the introspector must not depend on it.
      PLEO_CREDENTIAL_QUARANTINE_MS: "0",
      INTROSPECTION_UNKNOWN_PER_CALLER_PER_MINUTE: "30",
      TRUSTED_PROXIES: "127.0.0.1",
    },
  });

  it("asks Pleo once about a refused credential, however often it is sent", async () => {
    const key = bogusKey();
    const before = await introspections(h);
    for (const spelling of [key, ` ${key} `, `${key},${key}`]) {
      const response = await h.gql(QUERY, {
        headers: { "x-pleo-api-key": spelling, "x-forwarded-for": "203.0.113.10" },
      });
      expect(response.status).toBe(401);
      expect(codes(response)).toEqual(["CREDENTIAL_REJECTED"]);
    }
    expect((await introspections(h)) - before).toBe(1);
  });

  it("refuses a caller's unknown credentials beyond its budget before any upstream call", async () => {
    const flooder = { "x-forwarded-for": "203.0.113.20" };
    const before = await introspections(h);
    const first = await h.gql(QUERY, { headers: { ...bogusKeys(20), ...flooder } });
    expect(first.status).toBe(401);
    const second = await h.gql(QUERY, { headers: { ...bogusKeys(20), ...flooder } });
    expect(second.status).toBe(429);
    expect(codes(second)).toEqual(["INTROSPECTION_RATE_LIMITED"]);
    expect(second.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect((await introspections(h)) - before).toBe(20);
    // Another caller's new credential is still verified, and known credentials need no budget at all.
    const other = await h.gql(QUERY, {
      headers: { ...apiKeys(CREDENTIALS.de), "x-forwarded-for": "203.0.113.21" },
    });
    expect(other.status).toBe(200);
    const known = await h.gql(QUERY, { headers: { ...apiKeys(CREDENTIALS.de), ...flooder } });
    expect(known.status).toBe(200);
  });
});

describe("an authorised tenant while another caller floods bogus keys", () => {
  const h = useHarness({
    simulatorLatencyMs: 40,
    security: {
      // Only the concurrency bound protects here: the flooder's per-caller budget is out of reach.
      INTROSPECTION_UNKNOWN_PER_CALLER_PER_MINUTE: "1000000",
      INTROSPECTION_MAX_CONCURRENCY: "2",
      INTROSPECTION_MAX_QUEUED: "20",
      TRUSTED_PROXIES: "127.0.0.1",
    },
  });
  const TENANT_QUERY = `{ company(id: "${COMPANIES.nl.id}") { name vendors(first: 5) { totalCount } } }`;
  const tenant = { ...apiKeys(CREDENTIALS.nl), "x-forwarded-for": "198.51.100.1" };

  async function tenantLatencies(runs: number): Promise<number[]> {
    const latencies: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const response = await h.gql(TENANT_QUERY, { headers: tenant });
      latencies.push(performance.now() - started);
      expect(response.body.errors).toBeUndefined();
    }
    return latencies;
  }

  it("keeps the tenant's median latency within twice its own without the flood", async () => {
    await tenantLatencies(2); // binds the tenant's key and warms connections
    const alone = median(await tenantLatencies(8));
    let flooding = true;
    const flooders = Array.from({ length: 8 }, async (_, worker) => {
      const flooder = { "x-forwarded-for": `203.0.113.${100 + worker}` };
      for (let sent = 0; flooding && sent < 200; sent++) {
        const response = await h.gql(QUERY, { headers: { ...bogusKeys(20), ...flooder } });
        expect([401, 429, 503]).toContain(response.status);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the flood is under way
    const flooded = median(await tenantLatencies(8));
    flooding = false;
    await Promise.all(flooders);
    expect(flooded).toBeLessThan(alone * 2 + 50);
  });
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
