import { describe, expect, it } from "vitest";
import type { CachedBinding } from "../../src/credentials/introspector.ts";
import { FleetBindingsCache } from "../../src/fleet/bindings-cache.ts";
import { FleetCallerRateLimiter } from "../../src/fleet/caller-rate-limit-store.ts";
import { FleetRateBudget } from "../../src/fleet/rate-budget.ts";
import { FleetBreakers } from "../../src/fleet/shared-breakers.ts";
import { FleetQuarantine } from "../../src/fleet/shared-quarantine.ts";
import { createCredential } from "../../src/pleo/credential.ts";
import { callerKey } from "../../src/security/caller-rate-limit.ts";
import { eventually, PREFIX, useFleet } from "./fixture.ts";

/** Bindings and the caller rate limit shared by the fleet; then every key Redis holds is audited. */
const fleet = useFleet();
const instances = (count: number) => fleet.instances(count);

const BINDING: CachedBinding = {
  subject: { type: "company", id: "4a1c3c4e-0000-4000-8000-000000000001" },
  authMethod: "API_KEY",
  scopes: ["vendors:read", "accounts:read"],
  clientId: "client-1",
  applicationName: undefined,
};

describe("fleet-wide introspection bindings", () => {
  it("a binding learned on one instance serves another; a forget reaches every instance", async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error("two instances");
    const ca = new FleetBindingsCache(a.connection, a.keys, { maxEntries: 100 });
    const cb = new FleetBindingsCache(b.connection, b.keys, { maxEntries: 100 });
    const { hash } = createCredential("apiKey", "bindings-test-secret");
    await ca.set(hash, BINDING, 60_000);
    expect(await cb.get(hash)).toEqual(BINDING);
    const ttl = await b.connection.run((r) => r.pttl(b.keys.binding(hash)));
    expect(ttl.ok && ttl.value).toBeGreaterThan(59_000);

    await ca.delete(hash);
    await eventually(async () => (await cb.get(hash)) === undefined);
  });

  it("a value that does not validate is a miss, never trusted", async () => {
    const [a] = await instances(1);
    if (!a) throw new Error("one instance");
    const cache = new FleetBindingsCache(a.connection, a.keys, { maxEntries: 100 });
    const { hash } = createCredential("apiKey", "bindings-test-corrupt");
    const forged = {
      binding: { ...BINDING, subject: { type: "planet", id: "x" } },
      expiresAt: Date.now() + 60_000,
    };
    await a.connection.run((r) => r.set(a.keys.binding(hash), JSON.stringify(forged), "PX", 60_000));
    expect(await cache.get(hash)).toBeUndefined();
  });
});

describe("the fleet-wide caller rate limit", () => {
  it("counts a caller once across instances, and falls back to a share while Redis is down", async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error("two instances");
    await a.heartbeat.beat();
    await b.heartbeat.beat();
    await a.heartbeat.beat();
    const limit = { requests: 6, windowMs: 60_000, maxCallers: 100 };
    const la = new FleetCallerRateLimiter(a.connection, a.keys, a.heartbeat, limit);
    const lb = new FleetCallerRateLimiter(b.connection, b.keys, b.heartbeat, limit);
    const key = callerKey(new Headers({ "x-pleo-api-key": "caller-test-secret" }), undefined);
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await (i % 2 === 0 ? la : lb).take(key));
    expect(results.filter((r) => r === 0)).toHaveLength(6);
    expect(results.slice(6).every((r) => r >= 1 && r <= 10)).toBe(true);

    await fleet.redis().stop();
    await eventually(() => a.connection.health === "degraded");
    const local = [];
    for (let i = 0; i < 5; i++) local.push(await la.take(key));
    expect(local.filter((r) => r === 0)).toHaveLength(3);
    await fleet.redis().restart();
    await eventually(() => a.connection.health === "up" && b.connection.health === "up", 10_000);
  });
});

describe("what the fleet leaves in Redis", () => {
  it("every key has a TTL and no key or value holds a secret", async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error("two instances");
    const secret = "sk_live_SEEDED-SECRET-4f2b9c";
    const credential = createCredential("apiKey", secret);
    const company = "4a1c3c4e-0000-4000-8000-000000000001";
    const budget = new FleetRateBudget(a.connection, a.keys, a.heartbeat, {
      perMinute: 60,
      burst: 5,
      maxKeys: 10,
    });
    const quarantine = new FleetQuarantine(a.connection, a.keys, { ttlMs: 60_000, maxKeys: 10 });
    const breakers = new FleetBreakers(b.connection, b.keys, {
      failureThreshold: 1,
      openMs: 200,
      halfOpenProbes: 1,
      maxKeys: 10,
    });
    const bindings = new FleetBindingsCache(b.connection, b.keys, { maxEntries: 10 });
    const callers = new FleetCallerRateLimiter(a.connection, a.keys, a.heartbeat, {
      requests: 5,
      windowMs: 60_000,
      maxCallers: 10,
    });
    const meta = { companyId: company, credentialId: credential.id };
    const breakerKey = `${company}|${credential.hash}`;

    a.heartbeat.start();
    await budget.reserve(credential.hash, 0);
    await budget.pause(credential.hash, Date.now() + 1_000);
    await quarantine.check(credential.hash, "GET /v1/x");
    quarantine.refuse(credential.hash, 401, { endpoint: "GET /v1/x", url: "/v1/x", companyId: company });
    quarantine.refuse(credential.hash, 403, {
      endpoint: "POST /v1/vendors:search",
      url: "/v1/vendors:search",
      companyId: company,
    });
    breakers.failure(breakerKey, meta, false);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const probe = await breakers.admit(breakerKey, meta);
    expect(probe).toEqual({ admitted: true, probe: true });
    await bindings.set(credential.hash, BINDING, 60_000);
    await callers.take(callerKey(new Headers({ "x-pleo-api-key": secret }), undefined));
    await callers.take(callerKey(new Headers(), "10.0.0.7"));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const scanned: string[] = [];
    let cursor = "0";
    do {
      const outcome = await a.connection.run((r) => r.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 100));
      if (!outcome.ok) throw new Error("scan failed");
      cursor = outcome.value[0];
      scanned.push(...outcome.value[1]);
    } while (cursor !== "0");
    const kinds = new Set(scanned.map((k) => k.replace(/\{[^}]*\}/, "{…}")));
    expect([...kinds].sort()).toEqual(
      [
        "test-gw:{…}:binding",
        "test-gw:{…}:bucket",
        "test-gw:{…}:budget",
        "test-gw:{…}:instances",
        "test-gw:{…}:marks",
        "test-gw:{…}:probe",
        "test-gw:{…}:quarantine",
      ].sort(),
    );
    for (const key of scanned) {
      expect(key).not.toContain(secret);
      const ttl = await a.connection.run((r) => r.pttl(key));
      expect(ttl.ok && ttl.value, key).toBeGreaterThan(0);
      const value = await a.connection.run(async (r) => {
        const type = await r.type(key);
        if (type === "string") return (await r.get(key)) ?? "";
        if (type === "hash") return JSON.stringify(await r.hgetall(key));
        if (type === "zset") return JSON.stringify(await r.zrange(key, 0, -1, "WITHSCORES"));
        return `unexpected type ${type}`;
      });
      if (!value.ok) throw new Error("read failed");
      expect(value.value).not.toContain(secret);
      expect(value.value).not.toMatch(/unexpected type/);
    }
  });
});
