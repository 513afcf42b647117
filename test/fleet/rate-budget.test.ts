import { describe, expect, it } from "vitest";
import { FleetRateBudget } from "../../src/fleet/rate-budget.ts";
import { createCredential } from "../../src/pleo/credential.ts";
import { FairRateBudget } from "../../src/upstream/fair-rate-budget.ts";
import type { Reservation } from "../../src/upstream/rate-budget.ts";
import { eventually, type TestInstance, useFleet } from "./fixture.ts";

/** One budget per credential for the whole fleet: two stores (two instances) share it exactly. */
const fleet = useFleet();
let n = 0;

/** A fresh credential per test, so budgets do not carry over. */
function credentialHash(): string {
  n += 1;
  return createCredential("apiKey", `budget-test-secret-${n}-${Date.now()}`).hash;
}

async function budgets(count: number, options: { perMinute: number; burst: number; leaseSize?: number }) {
  const created = await fleet.instances(count);
  const stores = created.map(
    (i) => new FleetRateBudget(i.connection, i.keys, i.heartbeat, { ...options, maxKeys: 100 }),
  );
  return { stores, first: created[0] as TestInstance };
}

const granted = (rs: Reservation[]) => rs.filter((r) => r.granted).length;

describe("the fleet's shared rate budget", () => {
  it("grants exactly the burst across instances, however the reserves are spread and leased", async () => {
    const [a, b] = (await budgets(2, { perMinute: 60, burst: 10 })).stores;
    if (!a || !b) throw new Error("two stores");
    const key = credentialHash();
    const reservations = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).reserve(key, 0)),
    );
    expect(granted(reservations)).toBe(10);
    for (const r of reservations) {
      if (r.granted) expect(r.waitMs).toBe(0);
      else expect(r.retryAfterMs).toBeGreaterThan(0);
    }
  });

  it("paces the fleet: the k-th slot across both instances is (k − burst) intervals out", async () => {
    // interval = 60 000 / (300 − 3) ≈ 202 ms
    const [a, b] = (await budgets(2, { perMinute: 300, burst: 3 })).stores;
    if (!a || !b) throw new Error("two stores");
    const key = credentialHash();
    const interval = 60_000 / 297;
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await (i % 3 === 0 ? a : b).reserve(key, 10_000);
      if (!r.granted) throw new Error("within the wait, every slot is granted");
      waits.push(r.waitMs);
    }
    const sorted = [...waits].sort((x, y) => x - y);
    sorted.forEach((wait, k) => {
      expect(wait).toBeGreaterThanOrEqual(Math.max(0, (k - 2) * interval - 50));
    });
    // A reserve whose slot is beyond its wait is refused, reserving nothing.
    const refused = await a.reserve(key, 10);
    expect(refused.granted).toBe(false);
  });

  it("a 429 pause on one instance holds every instance, leases included", async () => {
    const [a, b] = (await budgets(2, { perMinute: 600, burst: 50, leaseSize: 4 })).stores;
    if (!a || !b) throw new Error("two stores");
    const key = credentialHash();
    // b takes a lease (4 slots: 1 used, 3 kept locally).
    expect((await b.reserve(key, 0)).granted).toBe(true);
    await a.pause(key, Date.now() + 2_000);
    await eventually(async () => !(await b.reserve(key, 0)).granted);
    const refused = await b.reserve(key, 0);
    expect(refused).toMatchObject({ granted: false });
    if (!refused.granted) expect(refused.retryAfterMs).toBeGreaterThan(1_500);
    const waited = await a.reserve(key, 5_000);
    expect(waited.granted && waited.waitMs).toBeGreaterThan(1_500);
  });

  it("falls back to a local share while Redis is down and shares again once it is back", async () => {
    const { stores, first } = await budgets(1, { perMinute: 60, burst: 12 });
    const [a] = stores;
    if (!a) throw new Error("one store");
    // Three instances were seen: each keeps to a third of the burst without Redis.
    const others = await fleet.instances(2);
    for (const i of [...others, first]) await i.heartbeat.beat();
    expect(first.heartbeat.instanceCount()).toBe(3);
    const key = credentialHash();

    await fleet.redis().stop();
    await eventually(() => first.connection.health === "degraded");
    const local = await Promise.all(Array.from({ length: 10 }, () => a.reserve(key, 0)));
    expect(granted(local)).toBe(4);

    await fleet.redis().restart();
    await eventually(() => first.connection.health === "up", 10_000);
    const shared = await Promise.all(Array.from({ length: 20 }, () => a.reserve(key, 0)));
    expect(granted(shared)).toBe(12);
    const stored = await first.connection.run((r) => r.pttl(first.keys.budget(key)));
    expect(stored.ok && stored.value).toBeGreaterThan(0);
  });

  it("a local share starts from what this instance already spent, not from a fresh burst", async () => {
    const { stores, first } = await budgets(1, { perMinute: 60, burst: 12 });
    const [a] = stores;
    if (!a) throw new Error("one store");
    const others = await fleet.instances(2);
    for (const i of [...others, first]) await i.heartbeat.beat();
    const key = credentialHash();
    // This instance spends the whole shared burst, then Redis goes away.
    const shared = await Promise.all(Array.from({ length: 12 }, () => a.reserve(key, 0)));
    expect(granted(shared)).toBe(12);
    await fleet.redis().stop();
    await eventually(() => first.connection.health === "degraded");
    // Its local share (a third of the budget) was spent many times over: nothing more right now.
    const local = await Promise.all(Array.from({ length: 5 }, () => a.reserve(key, 0)));
    expect(granted(local)).toBe(0);
    await fleet.redis().restart();
    await eventually(() => first.connection.health === "up", 10_000);
  });

  it("reloads its script after Redis forgot it (NOSCRIPT → EVAL)", async () => {
    const { stores, first } = await budgets(1, { perMinute: 60, burst: 5, leaseSize: 1 });
    const [a] = stores;
    if (!a) throw new Error("one store");
    const key = credentialHash();
    expect((await a.reserve(key, 0)).granted).toBe(true);
    await first.connection.run((r) => r.script("FLUSH"));
    expect((await a.reserve(key, 0)).granted).toBe(true);
    expect(first.connection.health).toBe("up");
  });
});

describe("fair shares of the fleet's budget between callers", () => {
  it("serves a caller's few reserves within their wait while another caller floods the credential", async () => {
    // interval = 60 000 / (600 − 2) ≈ 100 ms; A's 60 reserves would fill the next six seconds.
    const options = { perMinute: 600, burst: 2 };
    const [a] = (await budgets(1, options)).stores;
    if (!a) throw new Error("one store");
    const here = new FairRateBudget(a, options);
    const key = credentialHash();
    const flood = new AbortController();
    const floodStarted = Date.now();
    const floodReserves = Array.from({ length: 60 }, () =>
      here.reserve(key, "caller-a", 20_000, flood.signal),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const few = await Promise.all(
      Array.from({ length: 3 }, () => here.reserve(key, "caller-b", 1_500, new AbortController().signal)),
    );
    const tookMs = Date.now() - started;
    flood.abort();
    const flooded = await Promise.allSettled(floodReserves);
    expect(few.map((r) => r.granted)).toEqual([true, true, true]);
    expect(tookMs).toBeLessThan(1_200);
    // A got its turns meanwhile; what it still waited for was cancelled, never reserved.
    expect(flooded.filter((r) => r.status === "fulfilled").length).toBeLessThan(60);
    // The shared budget's bound held: the burst plus one slot per interval elapsed.
    const grantedA = flooded.filter((r) => r.status === "fulfilled" && r.value.granted).length;
    const elapsedMs = Date.now() - floodStarted;
    expect(grantedA + 3).toBeLessThanOrEqual(2 + Math.floor(elapsedMs / (60_000 / 598)) + 1);
  });
});

describe("the heartbeat", () => {
  it("counts live instances, forgets one that leaves, and remembers the count", async () => {
    const [a] = await fleet.instances(1);
    const [b] = await fleet.instances(1, { FLEET_INSTANCES: "2" });
    if (!a || !b) throw new Error("two instances");
    expect(a.heartbeat.instanceCount()).toBe(1);
    expect(b.heartbeat.instanceCount()).toBe(2);
    await b.heartbeat.beat();
    expect(await a.heartbeat.beat()).toBe(2);
    await a.heartbeat.stop();
    expect(await b.heartbeat.beat()).toBe(1);
    // The configured count is the floor; the last count seen is remembered.
    expect(b.heartbeat.instanceCount()).toBe(2);
    expect(a.heartbeat.instanceCount()).toBe(2);
  });
});
