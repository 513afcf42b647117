import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readCacheEnvSchema, readCacheOptionsFrom } from "../../src/cache/cache-config.ts";
import { CACHE_RESOURCES } from "../../src/cache/cache-resource.ts";
import { ReadCache } from "../../src/cache/read-cache.ts";
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

const SHARED_VENDOR_ID = "11111111-2222-4333-8444-555555555555";
const A = "aaaaaaaa-0000-4000-8000-00000000000a";
const B = "bbbbbbbb-0000-4000-8000-00000000000b";
const KEYS: Record<string, string> = { "key-for-company-a-000": A, "key-for-company-b-000": B };

/** A fake Pleo in which both companies own a vendor with the same id; counts vendor searches. */
function fakePleo(searches: string[]): Server {
  return createServer((req, res) => {
    const key = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64")
      .toString("utf8")
      .replace(/:$/, "");
    const company = KEYS[key];
    const url = new URL(req.url ?? "/", "http://fake");
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    req.resume();
    if (!company) return send(401, { type: "UNAUTHORIZED" });
    if (url.pathname === "/v1/introspect") {
      return send(200, {
        data: {
          clientId: `client-${company}`,
          authMethod: "API_KEY",
          scope: "vendors:read companies:read",
          subjectURN: `urn:pleo:company:${company}`,
        },
      });
    }
    if (url.pathname === "/v1/vendors:search" && url.searchParams.get("company_id") === company) {
      searches.push(company);
      const vendor = {
        id: SHARED_VENDOR_ID,
        companyId: company,
        name: `Vendor as company ${company === A ? "A" : "B"} knows it`,
        defaultCurrency: "EUR",
        state: "ACTIVE",
      };
      return send(200, {
        data: [vendor],
        pagination: { hasNextPage: false, hasPreviousPage: false, total: 1 },
      });
    }
    return send(404, { type: "NOT_FOUND" });
  });
}

describe("two companies sharing object ids, through the gateway with the cache on", () => {
  const searches: string[] = [];
  const upstream = fakePleo(searches);
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
