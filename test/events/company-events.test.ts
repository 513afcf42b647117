import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CompanyEvent, createCompanyEvents } from "../../src/events/company-events.ts";
import { Fleet } from "../../src/fleet/fleet.ts";
import { parseFleetConfig } from "../../src/fleet/redis-config.ts";
import { startRedis, type TestRedis } from "../support/redis-server.ts";
import { event } from "./subscription-clients.ts";

/** CompanyEvents on its own: routing by company, ending a subscription, what crosses Redis. */
const A = "5ff74e70-55e8-56f7-adbf-5e1a0b53949f";
const B = "0b8b3c2e-9a43-5d5e-8a51-7a4c1f0f2f10";
const RESOURCE = "4ca4f1cf-1baa-5a1f-af13-d40053559ea2";

/** The next event of `events`, or undefined when none arrives within `ms`. */
async function nextWithin(
  events: AsyncIterator<CompanyEvent>,
  ms: number,
): Promise<CompanyEvent | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    events.next(),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    }),
  ]);
  clearTimeout(timer);
  return result?.done === false ? result.value : undefined;
}

describe("in one process", () => {
  it("routes by company, case-insensitively, and ends when the signal aborts", async () => {
    const events = createCompanyEvents({});
    const stop = new AbortController();
    const ofA = events.subscribe(A.toUpperCase(), stop.signal)[Symbol.asyncIterator]();
    const pending = nextWithin(ofA, 500);
    await events.publish(event("VENDOR_CREATED", B, RESOURCE));
    const sent = event("VENDOR_CREATED", A.toUpperCase(), RESOURCE);
    await events.publish(sent);
    expect(await pending).toEqual({ ...sent, companyId: A });
    stop.abort();
    expect(await ofA.next()).toEqual({ done: true, value: undefined });
  });
});

describe("in a fleet", () => {
  let redis: TestRedis;
  let fleet: Fleet;
  beforeAll(async () => {
    redis = await startRedis();
    const config = parseFleetConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: "events-unit:" });
    if (!config) throw new Error("REDIS_URL is set");
    fleet = await Fleet.join(config);
  });
  afterAll(async () => {
    await fleet?.leave();
    await redis?.stop();
  });

  it("drops anything on the channel that is not a well-formed event", async () => {
    const events = createCompanyEvents({ fleet });
    const ofA = events.subscribe(A)[Symbol.asyncIterator]();
    const pending = nextWithin(ofA, 1_000);
    const channel = "events-unit:channel:company-events";
    const valid = event("EXPORT_JOB_CREATED", A, RESOURCE);
    await fleet.connection.run(async (redis) => {
      await redis.publish(channel, "not json");
      await redis.publish(channel, JSON.stringify({ ...valid, companyId: A.toUpperCase() }));
      await redis.publish(channel, JSON.stringify({ ...valid, type: "VENDOR_DELETED" }));
      await redis.publish(channel, JSON.stringify({ ...valid, extra: "field" }));
      await redis.publish(channel, JSON.stringify(valid));
    });
    expect(await pending).toEqual(valid);
    await ofA.return?.();
  });
});
