import { afterEach, describe, expect, it } from "vitest";
import { readCacheEnvSchema, readCacheOptionsFrom } from "../../src/cache/cache-config.ts";
import { ReadCache } from "../../src/cache/read-cache.ts";
import { RequestCacheUse } from "../../src/cache/request-cache-use.ts";
import { listEmployees } from "../../src/pleo/apis/employees.ts";
import { searchVendors } from "../../src/pleo/apis/vendors.ts";
import type { PleoClient } from "../../src/pleo/client.ts";
import { createCredential } from "../../src/pleo/credential.ts";
import { DEFAULT_RESILIENCE } from "../../src/upstream/options.ts";
import { startStubPleo, stubClient } from "../ops/stub-pleo.ts";

/**
 * The cache in the Pleo client's read path, against a stub Pleo: only complete, parsed answers are
 * kept (never an error status or a body that breaks the contract), and once Pleo refuses a credential
 * (401, quarantined) none of its cached answers is served again.
 */
const COMPANY = "aaaaaaaa-0000-4000-8000-00000000000a";
const credential = createCredential("apiKey", "stub-key-for-the-cache-test");
const vendorPage = JSON.stringify({
  data: [
    {
      id: "11111111-2222-4333-8444-555555555555",
      companyId: COMPANY,
      name: "V",
      defaultCurrency: "EUR",
      state: "ACTIVE",
    },
  ],
  pagination: { hasNextPage: false, hasPreviousPage: false, total: 1 },
});

let stop = async () => {};
afterEach(() => stop());

async function setUp(answer: (path: string, n: number) => { status: number; body: string }) {
  const hits: string[] = [];
  const stub = await startStubPleo((req, res) => {
    const path = new URL(req.url ?? "/", "http://stub").pathname;
    hits.push(path);
    const { status, body } = answer(path, hits.filter((p) => p === path).length);
    req.resume();
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body);
  });
  const readCache = new ReadCache(readCacheOptionsFrom(readCacheEnvSchema.parse({})));
  const base = stubClient(stub.url, {
    readCache,
    resilience: { ...DEFAULT_RESILIENCE, retry: { ...DEFAULT_RESILIENCE.retry, maxAttempts: 1 } },
  });
  stop = async () => {
    await base.close();
    await stub.close();
  };
  /** A view for one request, with its own counters. */
  const request = (): { client: PleoClient; use: RequestCacheUse } => {
    const use = new RequestCacheUse();
    return { client: base.withScope({ cacheUse: use }), use };
  };
  return { hits, request };
}

const vendors = (client: PleoClient) => searchVendors(client, credential, COMPANY, {}, { limit: 10 });

describe("the client's read cache", () => {
  it("keeps nothing but complete, parsed answers", async () => {
    const { hits, request } = await setUp((_path, n) =>
      n === 1
        ? { status: 503, body: "{}" }
        : n === 2
          ? { status: 200, body: JSON.stringify({ data: "not a page" }) }
          : { status: 200, body: vendorPage },
    );
    await expect(vendors(request().client)).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    await expect(vendors(request().client)).rejects.toMatchObject({ code: "UPSTREAM_CONTRACT_VIOLATION" });
    expect((await vendors(request().client)).items).toHaveLength(1);
    const cached = request();
    expect((await vendors(cached.client)).items).toHaveLength(1);
    expect(cached.use.report()).toEqual({ calls: 0, cacheHits: 1, staleServes: 0 });
    expect(hits).toEqual(["/v1/vendors:search", "/v1/vendors:search", "/v1/vendors:search"]);
  });

  it("serves a credential nothing from the cache once Pleo refused it (401, set aside)", async () => {
    const { hits, request } = await setUp((path) =>
      path === "/v2/employees"
        ? { status: 401, body: '{"type":"UNAUTHORIZED"}' }
        : { status: 200, body: vendorPage },
    );
    await vendors(request().client);
    expect((await vendors(request().client)).items).toHaveLength(1); // from the cache
    await expect(
      listEmployees(request().client, credential, COMPANY, {}, { limit: 10 }),
    ).rejects.toMatchObject({ code: "CREDENTIAL_REJECTED" });
    const after = request();
    await expect(vendors(after.client)).rejects.toMatchObject({ code: "CREDENTIAL_REJECTED" });
    expect(after.use.cacheHits).toBe(0);
    expect(hits).toEqual(["/v1/vendors:search", "/v2/employees"]);
  });
});
