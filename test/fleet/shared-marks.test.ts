import { describe, expect, it } from "vitest";
import { FleetBreakers } from "../../src/fleet/shared-breakers.ts";
import { FleetQuarantine } from "../../src/fleet/shared-quarantine.ts";
import { createCredential } from "../../src/pleo/credential.ts";
import type { BreakerTransition } from "../../src/upstream/circuit-breaker.ts";
import { eventually, type TestInstance, useFleet } from "./fixture.ts";

/** Quarantine and breakers: what one instance learns about a credential holds for every instance. */
const fleet = useFleet();
const instances = (count: number) => fleet.instances(count);
let n = 0;

function credential() {
  n += 1;
  return createCredential("apiKey", `marks-test-secret-${n}-${Date.now()}`);
}

const COMPANY = "4a1c3c4e-0000-4000-8000-000000000001";
const VENDORS = "POST /v1/vendors:search";

describe("fleet-wide quarantine", () => {
  const quarantine = (i: TestInstance) =>
    new FleetQuarantine(i.connection, i.keys, { ttlMs: 60_000, maxKeys: 100 });

  it("a credential refused (401) on one instance is not sent by another, nor by one started later", async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error("two instances");
    const qa = quarantine(a);
    const qb = quarantine(b);
    const { hash } = credential();
    expect(await qb.check(hash, VENDORS)).toBeUndefined();
    expect(qa.refuse(hash, 401, { endpoint: VENDORS, url: "/v1/vendors:search", companyId: COMPANY })).toBe(
      true,
    );
    await eventually(() => qb.check(hash, VENDORS) !== undefined);
    expect(qb.check(hash, "GET /v3/export-jobs")).toMatchObject({ status: 401 });

    // A newly started instance reads the mark on its first check of that credential.
    const [c] = await instances(1);
    if (!c) throw new Error("a third instance");
    const mark = await quarantine(c).check(hash, VENDORS);
    expect(mark?.status).toBe(401);
    expect(mark?.retryAfterMs).toBeGreaterThan(58_000);
  });

  it("a company-wide 403 sets aside that endpoint only, fleet-wide; a foreign-object 403 nothing", async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error("two instances");
    const qa = quarantine(a);
    const qb = quarantine(b);
    const { hash } = credential();
    await qb.check(hash, VENDORS);
    const foreign = "/v3/export-jobs/9b0f3c4e-0000-4000-8000-000000000009";
    expect(
      qa.refuse(hash, 403, { endpoint: "GET /v3/export-jobs/{id}", url: foreign, companyId: COMPANY }),
    ).toBe(false);
    expect(qa.refuse(hash, 403, { endpoint: VENDORS, url: "/v1/vendors:search", companyId: COMPANY })).toBe(
      true,
    );
    await eventually(() => qb.check(hash, VENDORS) !== undefined);
    expect(qb.check(hash, VENDORS)).toMatchObject({ status: 403 });
    expect(qb.check(hash, "GET /v3/export-jobs/{id}")).toBeUndefined();
  });
});

describe("fleet-wide circuit breakers", () => {
  const options = { failureThreshold: 2, openMs: 300, halfOpenProbes: 1, maxKeys: 100 };

  it("a breaker opened on instance A short-circuits instance B; one probe for the fleet closes it", async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error("two instances");
    const seenByB: BreakerTransition[] = [];
    const ba = new FleetBreakers(a.connection, a.keys, options);
    const bb = new FleetBreakers(b.connection, b.keys, options, (t) => seenByB.push(t));
    const cred = credential();
    const key = `${COMPANY}|${cred.hash}`;
    const meta = { companyId: COMPANY, credentialId: cred.id };
    expect(await bb.isOpen(key)).toBeUndefined();

    for (let i = 0; i < 2; i++) {
      const admission = await ba.admit(key, meta);
      expect(admission.admitted).toBe(true);
      ba.failure(key, meta, false);
    }
    await eventually(() => bb.isOpen(key) !== undefined);
    expect(await bb.admit(key, meta)).toMatchObject({ admitted: false });

    // Open time over: half-open for the fleet, and only one instance's call may probe.
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(bb.isOpen(key)).toBeUndefined();
    const admissions = await Promise.all([ba.admit(key, meta), bb.admit(key, meta), bb.admit(key, meta)]);
    const probes = admissions.filter((x) => x.admitted);
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({ admitted: true, probe: true });
    const prober = admissions[0]?.admitted ? ba : bb;
    prober.success(key, meta, true);

    await eventually(
      async () => (await ba.admit(key, meta)).admitted && (await bb.admit(key, meta)).admitted,
    );
    expect(await ba.admit(key, meta)).toEqual({ admitted: true, probe: false });
    expect(await bb.admit(key, meta)).toEqual({ admitted: true, probe: false });
    expect(seenByB.length).toBeLessThanOrEqual(1);
  });

  it("a failed fleet probe opens the breaker again for everyone", async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error("two instances");
    const ba = new FleetBreakers(a.connection, a.keys, options);
    const bb = new FleetBreakers(b.connection, b.keys, options);
    const cred = credential();
    const key = `${COMPANY}|${cred.hash}`;
    const meta = { companyId: COMPANY, credentialId: cred.id };
    await bb.isOpen(key);
    ba.failure(key, meta, false);
    ba.failure(key, meta, false);
    await eventually(() => bb.isOpen(key) !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const probe = await bb.admit(key, meta);
    expect(probe).toEqual({ admitted: true, probe: true });
    bb.failure(key, meta, true);
    expect(bb.isOpen(key)).toBeDefined();
    await eventually(() => ba.isOpen(key) !== undefined);
  });

  it("while Redis is down each instance keeps its own breakers and answers without waiting", async () => {
    const [a] = await instances(1);
    if (!a) throw new Error("one instance");
    const ba = new FleetBreakers(a.connection, a.keys, options);
    const cred = credential();
    const key = `${COMPANY}|${cred.hash}`;
    const meta = { companyId: COMPANY, credentialId: cred.id };
    await fleet.redis().stop();
    await eventually(() => a.connection.health === "degraded");
    expect(ba.isOpen(key)).toBeUndefined();
    ba.failure(key, meta, false);
    ba.failure(key, meta, false);
    expect(ba.isOpen(key)).toBeDefined();
    await fleet.redis().restart();
    await eventually(() => a.connection.health === "up", 10_000);
  });
});
