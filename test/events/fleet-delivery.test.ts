import { afterAll, beforeAll, expect, it } from "vitest";
import { Fleet } from "../../src/fleet/fleet.ts";
import { parseFleetConfig } from "../../src/fleet/redis-config.ts";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { apiKeys } from "../support/auth-headers.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { startRedis, type TestRedis } from "../support/redis-server.ts";
import { event, settle, subscribe, VENDOR_CREATED } from "./subscription-clients.ts";

/**
 * Fan-out across a fleet: two gateways sharing a real Redis. An event published on one instance (where
 * the webhook arrived) reaches subscribers of both transports on the other, and only of its company.
 */
const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;
const nlVendor = seededCompany(NL).vendors[0];
const deVendor = seededCompany(DE).vendors[0];
if (!nlVendor || !deVendor) throw new Error("the seed has vendors");

let redis: TestRedis;
const fleets: Fleet[] = [];
const gateways: Harness[] = [];

beforeAll(async () => {
  redis = await startRedis();
  for (let i = 0; i < 2; i++) {
    const config = parseFleetConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: "events-test:" });
    if (!config) throw new Error("REDIS_URL is set");
    const fleet = await Fleet.join(config);
    fleets.push(fleet);
    gateways.push(await startHarness({ fleet }));
  }
});

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  await Promise.all(fleets.map((f) => f.leave()));
  await redis?.stop();
});

it("delivers an event published on one instance to subscribers on every instance within a second", async () => {
  const [hit, other] = gateways as [Harness, Harness];
  const streams = [
    ...(["sse", "ws"] as const).map((transport) =>
      subscribe(transport, other.url, apiKeys(CREDENTIALS.nl), VENDOR_CREATED, { companyId: NL }),
    ),
    // The instance that published hears its own event back through Redis, once.
    subscribe("ws", hit.url, apiKeys(CREDENTIALS.nl), VENDOR_CREATED, { companyId: NL }),
  ];
  try {
    await settle();
    await hit.gateway.companyEvents.publish(event("VENDOR_CREATED", DE, deVendor.id));
    const started = performance.now();
    await hit.gateway.companyEvents.publish(event("VENDOR_CREATED", NL, nlVendor.id));
    for (const stream of streams)
      expect(await stream.next(1_000)).toEqual({
        data: { vendorCreated: { vendorId: nlVendor.id, name: nlVendor.name, company: { companyId: NL } } },
      });
    expect(performance.now() - started).toBeLessThan(1_000);
    for (const stream of streams) expect(await stream.quietFor(300)).toBe(true);
  } finally {
    await Promise.all(streams.map((stream) => stream.close()));
  }
});
