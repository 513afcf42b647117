import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CREDENTIALS,
  type RunningSimulator,
  type SimRequestLogEntry,
  startSimulator,
} from "../../src/simulator/index.ts";
import { SimRateLimit } from "../../src/simulator/rate-limit.ts";
import { basic, call } from "./helpers.ts";

/** The emulated Pleo rate limit: per credential, an exact 60-second sliding window, 429 + Retry-After. */
describe("the simulator's rate limit emulation", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ rateLimitPerMinute: 3 });
  });
  afterAll(() => sim.close());

  it("answers 429 with Retry-After beyond the limit, per credential, and logs it", async () => {
    sim.reset();
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call(sim, CREDENTIALS.nl, "GET", "/v1/introspect")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await call(sim, CREDENTIALS.nl, "GET", "/v1/introspect");
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ type: "TOO_MANY_REQUESTS" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    // Another credential has its own window.
    expect((await call(sim, CREDENTIALS.de, "GET", "/v1/introspect")).status).toBe(200);
    const log: SimRequestLogEntry[] = sim.requests();
    expect(log.filter((e) => e.credentialLabel === "lcb-nl").map((e) => e.status)).toEqual([
      200, 200, 200, 429, 429,
    ]);
    sim.reset();
    expect((await call(sim, CREDENTIALS.nl, "GET", "/v1/introspect")).status).toBe(200);
  });

  it("slides: a slot frees exactly 60 s after the request that took it", () => {
    let now = 1_000_000;
    const limit = new SimRateLimit(2, () => now);
    const auth = basic(CREDENTIALS.nl.secret);
    expect(limit.refuse(auth)).toBeUndefined();
    now += 30_000;
    expect(limit.refuse(auth)).toBeUndefined();
    now += 29_999;
    expect(limit.refuse(auth)?.headers["retry-after"]).toBe("1");
    now += 1;
    expect(limit.refuse(auth)).toBeUndefined();
    expect(limit.refuse(auth)?.headers["retry-after"]).toBe("30");
    // Unknown secrets are not limited (Pleo refuses them with 401 anyway).
    for (let i = 0; i < 5; i++) expect(limit.refuse(basic("not-a-seeded-key"))).toBeUndefined();
  });
});
