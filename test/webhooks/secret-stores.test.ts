import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFleetConfig } from "../../src/fleet/redis-config.ts";
import { FleetConnection } from "../../src/fleet/redis-connection.ts";
import { generateKeyEntry, Keyring } from "../../src/vault/keyring.ts";
import { FleetDeliveryDedupe, InMemoryDeliveryDedupe } from "../../src/webhooks/delivery-dedupe.ts";
import { FileWebhookSecretStore } from "../../src/webhooks/file-secret-store.ts";
import { RedisWebhookSecretStore, webhookSecretsKey } from "../../src/webhooks/redis-secret-store.ts";
import { WebhookSecretStoreUnavailableError } from "../../src/webhooks/secret-store.ts";
import { logCapture } from "../support/log-capture.ts";
import { startRedis, type TestRedis } from "../support/redis-server.ts";

/**
 * Where webhook secrets are kept: sealed with the vault's keys (never readable at rest), bound to their
 * company and subscription (a sealed secret moved to another slot does not open), a file for one
 * instance and a Redis hash without TTL for a fleet; and the delivery dedupe, in memory and fleet-wide.
 */
const NL = "5ff74e70-55e8-56f7-adbf-5e1a0b53949f";
const DE = "e7ecb214-9104-5fa8-8209-4b72eac86ef8";
const SUB = "0b7e6c1e-3a2b-4c5d-8e9f-a0b1c2d3e4f5";
const SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

function quietLogger(lines: string[] = []) {
  return logCapture("debug", lines).logger;
}

describe("the file store", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "webhook-secrets-test-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("keeps secrets sealed, reopens them after a restart, and forgets deleted ones", async () => {
    const keyring = Keyring.parse(generateKeyEntry("k1"));
    const path = join(dir, "secrets.json");
    const store = await FileWebhookSecretStore.open(path, keyring, quietLogger());
    await store.put({ companyId: NL, subscriptionId: SUB, secret: SECRET });
    const onDisk = await readFile(path, "utf8");
    expect(onDisk).not.toContain(SECRET.slice("whsec_".length));

    const reopened = await FileWebhookSecretStore.open(path, keyring, quietLogger());
    expect(await reopened.forCompany(NL)).toEqual([{ companyId: NL, subscriptionId: SUB, secret: SECRET }]);
    expect(await reopened.forCompany(DE)).toEqual([]);
    expect(await reopened.delete(NL, SUB)).toBe(true);
    expect(await reopened.delete(NL, SUB)).toBe(false);
    expect(await reopened.forCompany(NL)).toEqual([]);
  });

  it("leaves out a secret moved to another company's slot or sealed with an unknown key, and logs no secret", async () => {
    const keyring = Keyring.parse(generateKeyEntry("k1"));
    const path = join(dir, "moved.json");
    const store = await FileWebhookSecretStore.open(path, keyring, quietLogger());
    await store.put({ companyId: NL, subscriptionId: SUB, secret: SECRET });
    const document = JSON.parse(await readFile(path, "utf8"));
    document.records[`${DE}:${SUB}`] = document.records[`${NL}:${SUB}`];
    await writeFile(path, JSON.stringify(document));
    const lines: string[] = [];
    const moved = await FileWebhookSecretStore.open(path, keyring, quietLogger(lines));
    expect(await moved.forCompany(DE)).toEqual([]);
    const otherKey = await FileWebhookSecretStore.open(
      path,
      Keyring.parse(generateKeyEntry("k2")),
      quietLogger(lines),
    );
    expect(await otherKey.forCompany(NL)).toEqual([]);
    expect(lines.join("\n")).toContain("webhook secret cannot be read");
    expect(lines.join("\n")).not.toContain(SECRET.slice("whsec_".length));
  });

  it("refuses to start over a file that is not a secrets file", async () => {
    const path = join(dir, "not-secrets.json");
    await writeFile(path, "{}");
    await expect(
      FileWebhookSecretStore.open(path, Keyring.parse(generateKeyEntry("k1")), quietLogger()),
    ).rejects.toThrow(/WEBHOOK_SECRETS_FILE/);
  });
});

describe("the in-memory dedupe", () => {
  it("claims a (company, webhook-id) once within its time", async () => {
    const dedupe = new InMemoryDeliveryDedupe();
    expect(await dedupe.claim(NL, "msg_1", 60_000)).toBe(true);
    expect(await dedupe.claim(NL, "msg_1", 60_000)).toBe(false);
    expect(await dedupe.claim(DE, "msg_1", 60_000)).toBe(true);
  });
});

describe("in a fleet (Redis)", () => {
  let redis: TestRedis;
  let connection: FleetConnection;
  beforeAll(async () => {
    redis = await startRedis();
    const config = parseFleetConfig({ REDIS_URL: redis.url });
    if (!config) throw new Error("expected a fleet config");
    connection = new FleetConnection(config, { probeIntervalMs: 50 });
    await connection.waitUntilUp(5_000);
  });
  afterAll(async () => {
    await connection?.close();
    await redis?.stop();
  });

  it("keeps sealed secrets in one hash per company, without a TTL", async () => {
    const keyring = Keyring.parse(generateKeyEntry("k1"));
    const store = new RedisWebhookSecretStore(connection, "t1:", keyring, quietLogger());
    await store.put({ companyId: NL, subscriptionId: SUB, secret: SECRET });
    const key = webhookSecretsKey("t1:", NL);
    const raw = await connection.run((r) => Promise.all([r.hgetall(key), r.ttl(key)]));
    expect(raw.ok && raw.value[1]).toBe(-1);
    expect(JSON.stringify(raw.ok && raw.value[0])).not.toContain(SECRET.slice("whsec_".length));
    const another = new RedisWebhookSecretStore(connection, "t1:", keyring, quietLogger());
    expect(await another.forCompany(NL)).toEqual([{ companyId: NL, subscriptionId: SUB, secret: SECRET }]);
    expect(await another.forCompany(DE)).toEqual([]);
    expect(await another.delete(NL, SUB)).toBe(true);
    expect(await another.forCompany(NL)).toEqual([]);
  });

  it("deduplicates across instances, and on its own memory while Redis is away", async () => {
    const a = new FleetDeliveryDedupe(connection, "t2:");
    const b = new FleetDeliveryDedupe(connection, "t2:");
    expect(await a.claim(NL, "msg_1", 60_000)).toBe(true);
    expect(await b.claim(NL, "msg_1", 60_000)).toBe(false);
    await redis.stop();
    expect(await a.claim(NL, "msg_1", 60_000)).toBe(false);
    expect(await a.claim(NL, "msg_2", 60_000)).toBe(true);
    // The secret store has no fallback: an unreachable Redis is an error, never a guess.
    const store = new RedisWebhookSecretStore(
      connection,
      "t2:",
      Keyring.parse(generateKeyEntry("k")),
      quietLogger(),
    );
    await expect(store.forCompany(NL)).rejects.toBeInstanceOf(WebhookSecretStoreUnavailableError);
    await redis.restart();
  });
});
