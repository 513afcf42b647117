import { describe, expect, it } from "vitest";
import { CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { apiKeys, NL_KEY } from "../support/auth-headers.ts";
import { codes, type Harness } from "../support/harness.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * The cross-request read cache through the whole gateway, counted in the simulator's request log: a
 * repeated dashboard costs no Pleo call until its TTL, `Cache-Control: no-cache` and mutations read
 * fresh, a write through the gateway invalidates, a stale answer is served while exactly one refresh
 * runs, and no answer crosses credentials or reaches a credential Pleo refused.
 */
const NL = CREDENTIALS.nl.subject.id;
const DASHBOARD = `query($id: ID!) { company(id: $id) {
  vendors(first: 5) { totalCount edges { node { name } } }
  accounts(first: 5) { totalCount }
  taxCodes(first: 5) { totalCount }
} }`;

interface Upstream {
  readonly calls: number;
  readonly cacheHits: number;
  readonly staleServes: number;
}

async function lastSeq(h: Harness): Promise<number> {
  return (await h.simRequests()).at(-1)?.seq ?? 0;
}

/** Pleo calls since `after`, as `METHOD path` (introspection included). */
async function callsSince(h: Harness, after: number): Promise<string[]> {
  return (await h.simRequests()).filter((e) => e.seq > after).map((e) => `${e.method} ${e.path}`);
}

async function dashboard(h: Harness, headers: Record<string, string> = NL_KEY) {
  const response = await h.gql<{ company: { vendors: { totalCount: number } } }>(DASHBOARD, {
    variables: { id: NL },
    headers,
  });
  expect(response.body.errors).toBeUndefined();
  const upstream = (response.body as { extensions?: { upstream?: Upstream } }).extensions?.upstream;
  return { response, upstream };
}

describe("a repeated query within the TTL", () => {
  const h = useHarness({ security: { READ_CACHE_ENABLED: "true", READ_CACHE_TTL_MS: "60000" } });

  it("costs no Pleo call, and says so in extensions.upstream and Server-Timing", async () => {
    const first = await dashboard(h);
    expect(first.upstream).toMatchObject({ cacheHits: 0, staleServes: 0 });
    expect(first.upstream?.calls).toBeGreaterThanOrEqual(3);
    const before = await lastSeq(h);
    const second = await dashboard(h);
    expect(await callsSince(h, before)).toEqual([]);
    expect(second.upstream).toEqual({ calls: 0, cacheHits: 3, staleServes: 0 });
    expect(second.response.headers.get("server-timing")).toContain('pleo-calls;desc="0"');
    expect(second.response.headers.get("server-timing")).toContain('cache-hits;desc="3"');
    expect(second.response.body.data).toEqual(first.response.body.data);
  });

  it("counts hits, misses, stale serves and invalidations in Prometheus, by resource", async () => {
    await dashboard(h);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    const hits = /pleo_gateway_read_cache_hits_total\{resource="vendors"\} (\d+)/.exec(metrics);
    expect(Number(hits?.[1])).toBeGreaterThan(0);
    expect(metrics).toMatch(/pleo_gateway_read_cache_misses_total\{resource="vendors"\} [1-9]/);
    expect(metrics).toContain('pleo_gateway_read_cache_stale_serves_total{resource="vendors"} 0');
    expect(metrics).toContain("pleo_gateway_read_cache_invalidations_total");
  });

  it("Cache-Control: no-cache reads from Pleo, and refills the cache", async () => {
    await dashboard(h);
    const before = await lastSeq(h);
    const fresh = await dashboard(h, { ...NL_KEY, "cache-control": "no-cache" });
    expect(fresh.upstream).toEqual({ calls: 3, cacheHits: 0, staleServes: 0 });
    expect((await callsSince(h, before)).filter((c) => !c.endsWith("/introspect"))).toHaveLength(3);
    expect((await dashboard(h)).upstream).toEqual({ calls: 0, cacheHits: 3, staleServes: 0 });
  });

  it("a write through the gateway invalidates that company's resource; the mutation's reads are fresh", async () => {
    const first = await dashboard(h);
    const vendors = first.response.body.data?.company.vendors.totalCount ?? 0;
    const created = await h.gql<{ createVendor: { __typename: string } }>(
      `mutation($input: CreateVendorInput!) { createVendor(input: $input) { __typename } }`,
      {
        variables: {
          input: {
            companyId: NL,
            name: "Cache Test Supplies",
            defaultCurrency: "EUR",
            externalId: "CACHE-1",
          },
        },
        headers: NL_KEY,
      },
    );
    expect(created.body.data?.createVendor.__typename).toBe("VendorPayload");
    expect((created.body as { extensions?: { upstream?: Upstream } }).extensions?.upstream?.cacheHits).toBe(
      0,
    );
    const before = await lastSeq(h);
    const after = await dashboard(h);
    expect(after.response.body.data?.company.vendors.totalCount).toBe(vendors + 1);
    // Vendors were read afresh; accounts and tax codes, untouched by the write, still come from the cache.
    expect(await callsSince(h, before)).toEqual(["POST /v1/vendors:search"]);
    expect(after.upstream).toEqual({ calls: 1, cacheHits: 2, staleServes: 0 });
    await h.resetSim();
  });

  it("two credentials of one company share nothing, and one without the scope gets nothing", async () => {
    const readonly = apiKeys(CREDENTIALS.nlReadOnlyAccounts);
    await dashboard(h); // the full credential's vendors, accounts and tax codes are cached
    const before = await lastSeq(h);
    const answer = await h.gql<{ company: { vendors: unknown; accounts: { totalCount: number } } }>(
      DASHBOARD,
      {
        variables: { id: NL },
        headers: readonly,
      },
    );
    // The gate runs first: no vendors:read, no vendors, cached or not.
    expect(answer.body.data?.company.vendors).toBeNull();
    expect(codes(answer)).toEqual(["MISSING_SCOPE"]);
    // Accounts and tax codes are read again with the read-only credential's own key.
    const log = (await h.simRequests()).filter((e) => e.seq > before && !e.path.endsWith("/introspect"));
    expect(log.map((e) => `${e.method} ${e.path}`).sort()).toEqual([
      "POST /v0/tax-codes:search",
      "POST /v1/chart-of-accounts:search",
    ]);
    expect(new Set(log.map((e) => e.credentialLabel))).toEqual(
      new Set([CREDENTIALS.nlReadOnlyAccounts.label]),
    );
  });
});

describe("past the TTL (stale-while-revalidate)", () => {
  const TTL_MS = 300;
  // Pleo answers slowly here, so the refresh is still running while the three stale serves happen.
  const h = useHarness({
    simulatorLatencyMs: 150,
    security: {
      READ_CACHE_ENABLED: "true",
      READ_CACHE_TTL_MS: String(TTL_MS),
      READ_CACHE_STALE_RATIO: "10",
    },
  });
  const VENDORS = `query($id: ID!) { company(id: $id) { vendors(first: 5) { totalCount } } }`;
  const vendors = async () => {
    const response = await h.gql(VENDORS, { variables: { id: NL }, headers: NL_KEY });
    return (response.body as { extensions: { upstream: Upstream } }).extensions.upstream;
  };

  it("serves the stale answer at once while exactly one refresh runs, then the refreshed one", async () => {
    await vendors();
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 50));
    const before = await lastSeq(h);
    const stale = await Promise.all([vendors(), vendors(), vendors()]);
    expect(stale).toEqual(Array(3).fill({ calls: 0, cacheHits: 1, staleServes: 1 }));
    await expect.poll(() => callsSince(h, before)).toEqual(["POST /v1/vendors:search"]);
    await expect.poll(vendors).toEqual({ calls: 0, cacheHits: 1, staleServes: 0 });
    expect(await callsSince(h, before)).toEqual(["POST /v1/vendors:search"]);
  });
});

describe("a credential Pleo refused", () => {
  const h = useHarness({ security: { READ_CACHE_ENABLED: "true", READ_CACHE_TTL_MS: "60000" } });

  it("gets none of its cached answers after its 401", async () => {
    const de = apiKeys(CREDENTIALS.de);
    const DE = CREDENTIALS.de.subject.id;
    const q = `query($id: ID!) { company(id: $id) { vendors(first: 5) { totalCount } } }`;
    expect((await h.gql(q, { variables: { id: DE }, headers: de })).body.errors).toBeUndefined();
    await fetch(`${h.simulatorUrl}/__sim/credentials/${CREDENTIALS.de.label}/revoke`, { method: "POST" });
    // Another read with it meets Pleo's 401: the credential is set aside and its binding forgotten.
    const refused = await h.gql(
      `query($id: ID!) { company(id: $id) { employees(first: 1) { totalCount } } }`,
      {
        variables: { id: DE },
        headers: de,
      },
    );
    expect(codes(refused)).toContain("CREDENTIAL_REJECTED");
    const again = await h.gql(q, { variables: { id: DE }, headers: de });
    expect(JSON.stringify(again.body.data ?? null)).not.toContain("totalCount");
    expect(codes(again)).toContain("CREDENTIAL_REJECTED");
    await h.resetSim();
  });
});
