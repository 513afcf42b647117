import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { securityOptions } from "../../src/config-options.ts";
import { InMemoryCredentialStore } from "../../src/credentials/store.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { createLogger } from "../../src/support/logger.ts";
import { apiKeys, NL_KEY } from "../support/auth-headers.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { ownedGlobalId } from "../support/ids.ts";
import {
  COMPANY_A as A,
  COMPANY_B as B,
  KEY_A,
  KEY_B,
  SHARED_VENDOR_ID,
  twoCompaniesPleo,
} from "../support/two-companies-pleo.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * Caches and loaders cannot leak between companies or credentials.
 *
 * The simulator never reuses an id across companies, so the first test runs against a small fake Pleo
 * that does: two companies each own a vendor with the *same* id but different names. The gateway must
 * serve each company its own.
 */

describe("the same object id in two companies", () => {
  let upstream: Server;
  let gateway: Gateway;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    upstream = twoCompaniesPleo();
    await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
    gateway = await createGateway({
      pleo: {
        baseUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
        connectTimeoutMs: 2000,
        headersTimeoutMs: 2000,
        bodyTimeoutMs: 2000,
        keepAliveTimeoutMs: 2000,
        maxConnections: 4,
        userAgent: "test",
      },
      credentialStore: new InMemoryCredentialStore({}),
      callerTokens: undefined,
      introspection: { ttlMs: 60_000, maxEntries: 100 },
      maxDirectCredentials: 5,
      settings: { accountingEntriesScope: "accounting-entries:read" },
      security: securityOptions(loadConfig({})),
      logger: createLogger("silent"),
    });
    server = createServer(gateway.yoga);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await gateway.close();
    await new Promise<void>((r) => upstream.close(() => r()));
  });

  const ask = async (query: string, keys: string[]) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-pleo-api-key": keys.join(",") },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as {
      data: Record<string, { vendor?: { name: string } | null; name?: string } | null>;
    };
  };

  it("serves each company its own object, by raw id and by global id, in one request", async () => {
    const body = await ask(
      `{
        a: company(id: "${A}") { vendor(id: "${SHARED_VENDOR_ID}") { name } }
        b: company(id: "${B}") { vendor(id: "${SHARED_VENDOR_ID}") { name } }
        na: node(id: "${ownedGlobalId("Vendor", A, SHARED_VENDOR_ID)}") { ... on Vendor { name } }
        nb: node(id: "${ownedGlobalId("Vendor", B, SHARED_VENDOR_ID)}") { ... on Vendor { name } }
      }`,
      [KEY_A, KEY_B],
    );
    expect(body.data.a?.vendor?.name).toBe("Vendor as company A knows it");
    expect(body.data.b?.vendor?.name).toBe("Vendor as company B knows it");
    expect(body.data.na?.name).toBe("Vendor as company A knows it");
    expect(body.data.nb?.name).toBe("Vendor as company B knows it");
  });

  it("never answers company B from what was loaded for company A", async () => {
    const onlyA = await ask(`{ b: company(id: "${B}") { vendor(id: "${SHARED_VENDOR_ID}") { name } } }`, [
      "key-for-company-a-000",
    ]);
    expect(onlyA.data.b).toBeNull();
  });
});

describe("two credentials of one company, and credentials across requests", () => {
  const h = useHarness();
  const execute = executor(h);
  beforeEach(() => h.resetSim());

  const vendors = `query($id: ID!) { company(id: $id) { vendors(first: 2) { totalCount } accounts(first: 1) { totalCount } } }`;

  it("uses the credential that has the scope, and shows both", async () => {
    const both = { "x-pleo-api-key": `${CREDENTIALS.nlReadOnlyAccounts.secret}, ${CREDENTIALS.nl.secret}` };
    const response = await execute(
      typedDocument<{ company: { vendors: { totalCount: number } | null } }>(vendors),
      { id: COMPANIES.nl.id },
      { headers: both },
    );
    response.expectData();
    expect(response.data?.company.vendors?.totalCount).toBeGreaterThan(0);
    const vendorCalls = (await h.simRequests()).filter((r) => r.path === "/v1/vendors:search");
    expect(vendorCalls.map((r) => r.credentialLabel)).toEqual([CREDENTIALS.nl.label]);
  });

  it("does not serve a narrow credential what a broader one loaded in an earlier request", async () => {
    await execute(typedDocument(vendors), { id: COMPANIES.nl.id }, { headers: NL_KEY });
    const narrow = await execute(
      typedDocument<{ company: { vendors: unknown; accounts: { totalCount: number } | null } }>(vendors),
      { id: COMPANIES.nl.id },
      { headers: apiKeys(CREDENTIALS.nlReadOnlyAccounts) },
    );
    expect(narrow.data?.company.vendors).toBeNull();
    narrow.expectErrors("MISSING_SCOPE");
    expect(narrow.data?.company.accounts?.totalCount).toBeGreaterThan(0);
    // The narrow credential's accounts call was its own, not a replay of the broad one's.
    const accountCalls = (await h.simRequests()).filter((r) => r.path === "/v1/chart-of-accounts:search");
    expect(accountCalls.map((r) => r.credentialLabel)).toEqual([
      CREDENTIALS.nl.label,
      CREDENTIALS.nlReadOnlyAccounts.label,
    ]);
  });
});

describe("credential rotation", () => {
  const revoke = (h: Harness, label: string) =>
    fetch(`${h.simulatorUrl}/__sim/credentials/${label}/revoke`, { method: "POST" });
  const vendorsQuery = `query($id: ID!) { company(id: $id) { vendors(first: 2) { totalCount } } }`;
  const nl = NL_KEY;

  it("a revoked key stops working at once: its next accounting call is refused and nothing is served", async () => {
    const h = await startHarness({ introspectionTtlMs: 60_000 });
    const execute = executor(h);
    try {
      const before = await execute(typedDocument(vendorsQuery), { id: COMPANIES.nl.id }, { headers: nl });
      before.expectData();
      expect((await revoke(h, CREDENTIALS.nl.label)).status).toBe(204);

      // The binding is still cached, but every accounting call goes to Pleo, which refuses it now.
      const next = await execute(
        typedDocument<{ company: { vendors: unknown } | null }>(vendorsQuery),
        { id: COMPANIES.nl.id },
        { headers: nl },
      );
      expect(next.data?.company?.vendors ?? null).toBeNull();
      expect(JSON.stringify(next.response.body)).not.toContain('"totalCount":');
      // Afterwards the credential is refused outright: the cached binding was dropped.
      const after = await execute(typedDocument(vendorsQuery), { id: COMPANIES.nl.id }, { headers: nl });
      expect(after.status).toBe(401);
      after.expectErrors("CREDENTIAL_REJECTED");
    } finally {
      await h.close();
    }
  });

  it("the introspection cache keeps a revoked key's binding no longer than its TTL", async () => {
    const h = await startHarness({ introspectionTtlMs: 300 });
    const execute = executor(h);
    try {
      const viewer = `{ viewer { authenticated } }`;
      expect((await execute(typedDocument(viewer), {}, { headers: nl })).status).toBe(200);
      await revoke(h, CREDENTIALS.nl.label);
      // A request that makes no accounting call is answered from the cached binding within the TTL…
      await new Promise((resolve) => setTimeout(resolve, 400));
      // …and refused once the TTL has passed, because the binding is looked up again.
      const later = await execute(typedDocument(viewer), {}, { headers: nl });
      expect(later.status).toBe(401);
      later.expectErrors("CREDENTIAL_REJECTED");
    } finally {
      await h.close();
    }
  });
});
