import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readCacheEnvSchema, readCacheOptionsFrom } from "../../src/cache/cache-config.ts";
import { CACHE_RESOURCES } from "../../src/cache/cache-resource.ts";
import { ReadCache } from "../../src/cache/read-cache.ts";
import {
  COMPANY_A as A,
  COMPANY_B as B,
  SHARED_VENDOR_ID,
  twoCompaniesPleo,
} from "../support/two-companies-pleo.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * The read cache never serves an answer to a question other than the one it answered: not to another
 * company (even one whose objects share ids), not to another credential of the same company. Proven by
 * property on the cache itself, and end to end against a fake Pleo that reuses one vendor id in two
 * companies.
 */
const CACHE_ON = readCacheOptionsFrom(readCacheEnvSchema.parse({ READ_CACHE_ENABLED: "true" }));

describe("the cache key, by property", () => {
  it("answers a read only with what was stored for that company, credential and request", async () => {
    const subject = fc.constantFrom(
      "aaaaaaaa-0000-4000-8000-00000000000a",
      "bbbbbbbb-0000-4000-8000-00000000000b",
    );
    const credentialHash = fc.constantFrom("a".repeat(64), "b".repeat(64), "c".repeat(64));
    const request = fc.constantFrom(
      "GET\u0000/v1/vendors/1\u0000",
      "POST\u0000/v1/vendors:search\u0000{}",
      "GET\u0000/v1/vendors/1?x=1\u0000",
    );
    const resource = fc.constantFrom(...CACHE_RESOURCES.filter((r) => CACHE_ON.ttlMs[r] > 0));
    const read = fc.record({ subject, credentialHash, request, resource });
    await fc.assert(
      fc.asyncProperty(fc.array(read, { minLength: 1, maxLength: 30 }), async (reads) => {
        const cache = new ReadCache(CACHE_ON);
        const stored = new Map<string, string>();
        for (const [n, r] of reads.entries()) {
          const tuple = JSON.stringify([r.subject, r.credentialHash, r.request, r.resource]);
          const answer = `answer ${n} to ${tuple}`;
          const { value, outcome } = await cache.read(r, {
            fresh: false,
            use: (text) => text,
            load: async () => ({ value: answer, text: answer }),
            refresh: async () => answer,
          });
          // A hit is exactly what was stored for this very tuple; anything else was loaded afresh.
          if (outcome === "hit") expect(value).toBe(stored.get(tuple));
          else {
            expect(stored.has(tuple)).toBe(false);
            stored.set(tuple, answer);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("two companies sharing object ids, through the gateway with the cache on", () => {
  const searches: string[] = [];
  const upstream = twoCompaniesPleo(searches);
  const h = useHarness({
    security: { READ_CACHE_ENABLED: "true" },
    pleoBaseUrl: async () => {
      await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
      return `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    },
  });
  afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

  const vendorName = async (company: string, key: string) => {
    const response = await h.gql<{ company: { vendor: { name: string } | null } | null }>(
      `{ company(id: "${company}") { vendor(id: "${SHARED_VENDOR_ID}") { name } } }`,
      { headers: { "x-pleo-api-key": key } },
    );
    return response.body.data?.company?.vendor?.name;
  };

  it("serves each company its own object, from Pleo once and then from the cache", async () => {
    expect(await vendorName(A, "key-for-company-a-000")).toBe("Vendor as company A knows it");
    expect(await vendorName(B, "key-for-company-b-000")).toBe("Vendor as company B knows it");
    expect(await vendorName(A, "key-for-company-a-000")).toBe("Vendor as company A knows it");
    expect(await vendorName(B, "key-for-company-b-000")).toBe("Vendor as company B knows it");
    expect(searches).toEqual([A, B]);
    // A's credential asked about B gets nothing: the gate refuses before any call or cache lookup.
    expect(await vendorName(B, "key-for-company-a-000")).toBeUndefined();
    expect(searches).toEqual([A, B]);
  });
});
