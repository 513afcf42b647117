import { afterAll, beforeAll, expect, it } from "vitest";
import { Fleet } from "../../src/fleet/fleet.ts";
import { parseFleetConfig } from "../../src/fleet/redis-config.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/index.ts";
import { apiKeys } from "../support/auth-headers.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { startRedis, type TestRedis } from "../support/redis-server.ts";
import { type FrontDoor, startFrontDoor } from "../webhooks/front-door.ts";
import { settle, subscribe } from "./subscription-clients.ts";

/**
 * The whole loop across a fleet, as the issue describes it: a vendor created through the gateway, Pleo
 * (the simulator) delivering its signed webhook to instance A (the public address), and a real client of
 * each transport subscribed on instance B receiving `vendorCreated` within a second.
 */
const NL = COMPANIES.nl.id;
const NL_HEADERS = apiKeys(CREDENTIALS.nl);
// Both instances seal and open webhook secrets (and connections) with the same key, kept in Redis.
const FLEET_SETTINGS = {
  VAULT_KEYS: `loop:${Buffer.alloc(32, 7).toString("base64")}`,
  VAULT_BACKEND: "redis",
};
const VENDOR_CREATED = `subscription($companyId: ID!) { vendorCreated(companyId: $companyId) { name } }`;

let redis: TestRedis;
let front: FrontDoor;
const fleets: Fleet[] = [];
let hit: Harness;
let other: Harness;

beforeAll(async () => {
  redis = await startRedis();
  front = await startFrontDoor();
  const join = async () => {
    const config = parseFleetConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: "webhook-loop:" });
    if (!config) throw new Error("REDIS_URL is set");
    const fleet = await Fleet.join(config);
    fleets.push(fleet);
    return fleet;
  };
  // A receives the webhooks (the public address forwards to it); B shares A's Pleo and Redis.
  hit = await startHarness({
    fleet: await join(),
    security: { ...FLEET_SETTINGS, PUBLIC_BASE_URL: front.url },
  });
  front.forwardTo(hit.url);
  other = await startHarness({
    fleet: await join(),
    security: { ...FLEET_SETTINGS, PUBLIC_BASE_URL: front.url },
    pleoBaseUrl: () => hit.simulatorUrl,
  });
}, 30_000);

afterAll(async () => {
  await Promise.all([hit, other].map((g) => g?.close()));
  await Promise.all(fleets.map((f) => f.leave()));
  await front?.close();
  await redis?.stop();
});

it("a vendor created through the gateway reaches subscribers on another instance within a second", async () => {
  const subscribed = await hit.gql<{ subscribeCompanyToEvents: { __typename: string } }>(
    `mutation($companyId: ID!) { subscribeCompanyToEvents(input: {companyId: $companyId, eventTypes: [VENDOR_CREATED]}) { __typename } }`,
    { headers: NL_HEADERS, variables: { companyId: NL } },
  );
  expect(subscribed.body.data?.subscribeCompanyToEvents.__typename).toBe("SubscribeCompanyToEventsPayload");

  const streams = (["sse", "ws"] as const).map((transport) =>
    subscribe(transport, other.url, NL_HEADERS, VENDOR_CREATED, { companyId: NL }),
  );
  try {
    await settle();
    const name = `Webhook loop ${Date.now()}`;
    const created = await other.gql<{ createVendor: { __typename: string } }>(
      `mutation($companyId: ID!, $name: String!) { createVendor(input: {companyId: $companyId, name: $name, defaultCurrency: "EUR"}) { __typename } }`,
      { headers: NL_HEADERS, variables: { companyId: NL, name } },
    );
    expect(created.body.data?.createVendor.__typename).toBe("VendorPayload");
    const started = performance.now();
    for (const stream of streams)
      expect(await stream.next(1_000)).toEqual({ data: { vendorCreated: { name } } });
    expect(performance.now() - started).toBeLessThan(1_000);
    // The webhook reached instance A, not B: B heard it through Redis.
    const deliveries = (await hit.simRequests()).filter((r) => r.webhook?.eventType === "v1.vendor.created");
    expect(deliveries.map((d) => d.status)).toEqual([202]);
  } finally {
    await Promise.all(streams.map((stream) => stream.close()));
  }
});
