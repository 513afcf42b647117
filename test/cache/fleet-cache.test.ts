import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fleet } from "../../src/fleet/fleet.ts";
import { parseFleetConfig } from "../../src/fleet/redis-config.ts";
import { CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { startRedis, type TestRedis } from "../support/redis-server.ts";

/**
 * Two gateway instances in one process sharing one Redis and one Pleo (the first one's simulator): an
 * answer read by one is served by the other without a Pleo call, and a write through one invalidates
 * the company's resource on both at once (the generation bump is published; the other drops its copies).
 */
const NL = CREDENTIALS.nl.subject.id;
const VENDORS = `query($id: ID!) { company(id: $id) {
  vendors(first: 5) { totalCount }
  taxCodes(first: 5) { totalCount }
} }`;

interface Answer {
  readonly data: { company: { vendors: { totalCount: number } } };
  readonly extensions: { upstream: { calls: number; cacheHits: number; staleServes: number } };
}

describe("the read cache in a fleet", () => {
  let redis: TestRedis;
  const fleets: Fleet[] = [];
  let a: Harness;
  let b: Harness;

  beforeAll(async () => {
    redis = await startRedis();
    const join = async () => {
      const config = parseFleetConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: "cache-test:" });
      if (!config) throw new Error("fleet not configured");
      const fleet = await Fleet.join(config, undefined, 5_000);
      fleets.push(fleet);
      return fleet;
    };
    const security = { READ_CACHE_ENABLED: "true", READ_CACHE_TTL_MS: "60000" };
    a = await startHarness({ fleet: await join(), security });
    b = await startHarness({ fleet: await join(), security, pleoBaseUrl: () => a.simulatorUrl });
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
    for (const fleet of fleets) await fleet.leave();
    await redis?.stop();
  });

  const vendors = async (h: Harness) =>
    (await h.gql(VENDORS, { variables: { id: NL }, headers: NL_KEY })).body as unknown as Answer;
  const pleoCallsAfter = async (seq: number) =>
    (await a.simRequests()).filter((e) => e.seq > seq && !e.path.endsWith("/introspect"));
  /** The cache's keys in Redis, by SCAN (never KEYS). */
  const cacheKeys = async (): Promise<string[]> => {
    const client = new Redis(redis.url);
    try {
      const keys: string[] = [];
      let cursor = "0";
      do {
        const [next, batch] = await client.scan(cursor, "MATCH", "cache-test:{cache:*", "COUNT", 1000);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== "0");
      return keys;
    } finally {
      client.disconnect();
    }
  };
  const lastSeq = async () => (await a.simRequests()).at(-1)?.seq ?? 0;

  it("an answer read through one instance is served by the other from Redis", async () => {
    const first = await vendors(a);
    expect(first.extensions.upstream).toMatchObject({ calls: 3, cacheHits: 0 }); // with its introspection
    // The answers go to Redis right after they are served: wait for them, as a second caller would.
    await expect.poll(async () => (await cacheKeys()).filter((k) => !k.endsWith(":gen")).length).toBe(2);
    const before = await lastSeq();
    const other = await vendors(b);
    // Even the binding comes from the fleet (introspection is shared too): not one call.
    expect(other.extensions.upstream).toEqual({ calls: 0, cacheHits: 2, staleServes: 0 });
    expect(other.data).toEqual(first.data);
    expect(await pleoCallsAfter(before)).toEqual([]);
  });

  it("a write through one instance invalidates that resource on both, at once", async () => {
    const total = (await vendors(b)).data.company.vendors.totalCount; // b holds a local copy too
    const created = await a.gql(
      `mutation($input: CreateVendorInput!) { createVendor(input: $input) { __typename } }`,
      {
        variables: {
          input: { companyId: NL, name: "Fleet Cache Ltd", defaultCurrency: "EUR", externalId: "FC-1" },
        },
        headers: NL_KEY,
      },
    );
    expect(created.body.data).toEqual({ createVendor: { __typename: "VendorPayload" } });
    const before = await lastSeq();
    // Pub/sub reaches the other instance within moments; no TTL is waited for.
    await expect
      .poll(async () => (await vendors(b)).data.company.vendors.totalCount, { timeout: 1_000, interval: 20 })
      .toBe(total + 1);
    const calls = await pleoCallsAfter(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /v1/vendors:search"]);
    // Tax codes were not touched by the write: still cached on both.
    expect((await vendors(a)).extensions.upstream).toEqual({ calls: 0, cacheHits: 2, staleServes: 0 });
  });

  it("keeps generation counters and answers in Redis with a TTL, under the company's hash tag", async () => {
    const client = new Redis(redis.url);
    try {
      const keys = await cacheKeys();
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key).toMatch(new RegExp(`^cache-test:\\{cache:${NL}\\}:`));
        expect(await client.pttl(key)).toBeGreaterThan(0);
        expect(await client.get(key)).not.toContain(CREDENTIALS.nl.secret);
      }
    } finally {
      client.disconnect();
    }
  });
});
