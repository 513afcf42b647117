import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/support/logger.ts";
import { createVault, type Vault, VaultUnavailableError } from "../../src/vault/index.ts";
import { vaultRecordsKey } from "../../src/vault/redis-vault.ts";
import { eventually, type TestInstance, useFleet } from "../fleet/fixture.ts";
import { apiKeyRecord, type BackendHarness, COMPANY_A, describeVaultBackend, key } from "./backend-suite.ts";
import { capturingLogger } from "./capture-logger.ts";

/** The redis backend against a real redis-server (test/support/redis-server.ts, via the fleet fixture). */
const fleet = useFleet();
const silent = createLogger("silent");
let prefixes = 0;
const newPrefix = () => `vault-test-${++prefixes}:`;

async function instance(prefix: string): Promise<TestInstance> {
  const [one] = await fleet.instances(1, { REDIS_KEY_PREFIX: prefix });
  if (!one) throw new Error("no fleet instance");
  return one;
}

function openRedisVault(one: TestInstance, keys: string, logger = silent): Promise<Vault> {
  return createVault({
    env: { VAULT_BACKEND: "redis", VAULT_FILE: "unused", VAULT_KEYS: keys },
    embedded: false,
    redis: { connection: one.connection, keyPrefix: one.config.keyPrefix },
    logger,
  });
}

async function redisHarness(prefix = newPrefix()): Promise<BackendHarness> {
  const admin = await instance(prefix);
  const hash = vaultRecordsKey(prefix);
  const command = async <T>(run: Parameters<typeof admin.connection.run<T>>[0]) => {
    const outcome = await admin.connection.run(run);
    if (!outcome.ok) throw new Error("redis command failed");
    return outcome.value;
  };
  return {
    // Each open is a new connection, as another instance or a restarted one would have.
    open: async (keys) => openRedisVault(await instance(prefix), keys),
    async writers(keys, count) {
      const vaults = [];
      for (let n = 0; n < count; n++) vaults.push(await openRedisVault(await instance(prefix), keys));
      return vaults;
    },
    async readSlot(slot) {
      const value = await command((r) => r.hget(hash, slot));
      return value === null ? undefined : (JSON.parse(value) as Record<string, unknown>);
    },
    async writeSlot(slot, value) {
      await command((r) => r.hset(hash, slot, JSON.stringify(value)));
    },
    async dump() {
      // Every key under this test's prefix, and every field and value in each.
      const keys = await command((r) => r.keys(`${prefix}*`));
      const values = await Promise.all(keys.map((k) => command((r) => r.hgetall(k))));
      return JSON.stringify({ keys, values });
    },
  };
}

describeVaultBackend("redis", () => redisHarness());

describe("the redis backend in Redis", () => {
  it("keeps its records in one hash without a TTL", async () => {
    const prefix = newPrefix();
    const harness = await redisHarness(prefix);
    await (await harness.open(key("k1"))).put(apiKeyRecord(), null);
    const dumped = JSON.parse(await harness.dump()) as { keys: string[] };
    expect(dumped.keys).toEqual([vaultRecordsKey(prefix)]);
    const one = await instance(prefix);
    const ttl = await one.connection.run((r) => r.pttl(vaultRecordsKey(prefix)));
    expect(ttl).toEqual({ ok: true, value: -1 });
  });

  it("warns at start when Redis's persistence or eviction settings can lose records", async () => {
    const one = await instance(newPrefix());
    const warnings = async () => {
      const { logger, lines } = capturingLogger();
      await openRedisVault(one, key("k1"), logger);
      return lines.filter((l) => l.level === 40).map((l) => (l.problems as string[]).join(" | "));
    };
    const set = (name: string, value: string) => one.connection.run((r) => r.config("SET", name, value));
    // The test server runs without persistence (save "", appendonly no).
    expect(await warnings()).toEqual([expect.stringMatching(/appendonly is no and save is empty/)]);
    await set("maxmemory-policy", "allkeys-lru");
    await set("save", "3600 1");
    const both = await warnings();
    expect(both).toEqual([expect.stringMatching(/RDB snapshots alone/)]);
    expect(both[0]).toMatch(/maxmemory-policy is allkeys-lru/);
    await set("appendonly", "yes");
    await set("maxmemory-policy", "volatile-lru");
    expect(await warnings()).toEqual([]);
    await set("appendonly", "no");
    await set("save", "");
    await set("maxmemory-policy", "noeviction");

    await fleet.redis().stop();
    await eventually(() => one.connection.health === "degraded");
    expect(await warnings()).toEqual([expect.stringMatching(/cannot be read/)]);
    await fleet.redis().restart();
    await eventually(() => one.connection.health === "up", 10_000);
  });

  it("an unreachable Redis is an error, never a silent per-instance answer", async () => {
    const one = await instance(newPrefix());
    const vault = await openRedisVault(one, key("k1"));
    await fleet.redis().stop();
    await eventually(() => one.connection.health === "degraded");
    await expect(vault.get(COMPANY_A)).rejects.toBeInstanceOf(VaultUnavailableError);
    await expect(vault.put(apiKeyRecord(), null)).rejects.toMatchObject({ code: "VAULT_UNAVAILABLE" });
    await expect(vault.list()).rejects.toBeInstanceOf(VaultUnavailableError);
    await fleet.redis().restart();
    await eventually(() => one.connection.health === "up", 10_000);
    expect(await vault.put(apiKeyRecord(), null)).toMatchObject({ version: 1 });
  });
});
