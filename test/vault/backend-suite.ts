import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type ConnectionRecord,
  type SubjectRef,
  type Vault,
  VaultConflictError,
  VaultRecordUnreadableError,
} from "../../src/vault/index.ts";

/**
 * What every vault backend must do, run against each (test/vault/file-vault.test.ts,
 * test/vault/redis-vault.test.ts) through a small harness that reaches under the vault into its
 * storage, as an attacker or a careless operator could.
 */
export interface BackendHarness {
  /** A new Vault over this test's storage, as after a restart. */
  open(keys: string): Promise<Vault>;
  /** Vaults that write concurrently (the same instance for the one-process file backend). */
  writers(keys: string, count: number): Promise<readonly Vault[]>;
  /** The stored value in a slot (`company:<uuid>`), parsed; undefined when absent. */
  readSlot(slot: string): Promise<Record<string, unknown> | undefined>;
  writeSlot(slot: string, value: unknown): Promise<void>;
  /** Everything the backend stores, as text. */
  dump(): Promise<string>;
}

export const key = (kid: string) => `${kid}:${randomBytes(32).toString("base64")}`;
const K1 = key("k1");
const K2 = key("k2");
/** Same key id as K1, other key material. */
const WRONG = key("k1");

export const COMPANY_A = { kind: "company", id: "4a1c3c4e-0000-4000-8000-000000000001" } as const;
const COMPANY_B = { kind: "company", id: "4a1c3c4e-0000-4000-8000-000000000002" } as const;
const ORGANISATION = { kind: "organisation", id: "9b2d7e10-0000-4000-8000-00000000000a" } as const;
export const SECRETS = {
  apiKey: "sk_live_VAULT-TEST-APIKEY-7f3a9c",
  accessToken: "at_VAULT-TEST-ACCESS-91c2e4",
  refreshToken: "rt_VAULT-TEST-REFRESH-5d8e01",
};

export function apiKeyRecord(subject: SubjectRef = COMPANY_A): Omit<ConnectionRecord, "version"> {
  return {
    subject,
    secret: { kind: "apiKey", apiKey: SECRETS.apiKey },
    status: "ACTIVE",
    scopes: ["vendors:read", "accounts:read"],
    connectedBy: "admin-1",
    connectedAt: "2026-01-05T10:00:00.000Z",
  };
}

function oauthRecord(subject: SubjectRef, n = 0): Omit<ConnectionRecord, "version"> {
  return {
    subject,
    secret: { kind: "oauth", accessToken: `${SECRETS.accessToken}-${n}`, refreshToken: SECRETS.refreshToken },
    status: "ACTIVE",
    scopes: ["companies:read"],
    accessTokenExpiresAt: "2026-01-05T10:15:00.000Z",
    grantId: `grant-${n}`,
    lastRefreshAt: "2026-01-05T10:00:00.000Z",
    connectedBy: "admin-2",
    connectedAt: "2026-01-05T09:00:00.000Z",
  };
}

const slot = (subject: { kind: string; id: string }) => `${subject.kind}:${subject.id}`;

async function expectUnreadable(read: Promise<unknown>, reason: string): Promise<void> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VaultRecordUnreadableError);
  expect(error).toMatchObject({ code: "VAULT_RECORD_UNREADABLE", reason });
}

function flipFirstByte(base64: unknown): string {
  const bytes = Buffer.from(String(base64), "base64");
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString("base64");
}

export function describeVaultBackend(name: string, fresh: () => Promise<BackendHarness>): void {
  describe(`${name} vault`, () => {
    it("round trip: put, get, list, delete; versions count puts", async () => {
      const vault = await (await fresh()).open(K1);
      const first = await vault.put(apiKeyRecord(), null);
      expect(first).toEqual({ ...apiKeyRecord(), version: 1 });
      expect(await vault.get(COMPANY_A)).toEqual(first);
      const org = await vault.put(oauthRecord(ORGANISATION), null);
      const second = await vault.put({ ...apiKeyRecord(), status: "REAUTHORIZATION_REQUIRED" }, 1);
      expect(second.version).toBe(2);
      const listed = await vault.list();
      expect(listed).toHaveLength(2);
      expect(listed).toEqual(expect.arrayContaining([org, second]));
      expect(await vault.get(COMPANY_B)).toBeUndefined();
      expect(await vault.delete(COMPANY_A)).toBe(true);
      expect(await vault.delete(COMPANY_A)).toBe(false);
      expect(await vault.get(COMPANY_A)).toBeUndefined();
    });

    it("a restart keeps every record", async () => {
      const harness = await fresh();
      const before = await harness.open(K1);
      const a = await before.put(apiKeyRecord(), null);
      const org = await before.put(oauthRecord(ORGANISATION), null);
      const after = await harness.open(K1);
      expect(await after.get(COMPANY_A)).toEqual(a);
      expect(await after.get(ORGANISATION)).toEqual(org);
    });

    it("stores ciphertext only: no secret in clear text anywhere", async () => {
      const harness = await fresh();
      const vault = await harness.open(K1);
      await vault.put(apiKeyRecord(), null);
      await vault.put(oauthRecord(COMPANY_B), null);
      const stored = await harness.dump();
      expect(stored.length).toBeGreaterThan(0);
      for (const secret of Object.values(SECRETS)) expect(stored).not.toContain(secret);
      expect(await harness.readSlot(slot(COMPANY_A))).toMatchObject({
        alg: "A256GCM",
        kid: "k1",
        version: 1,
      });
    });

    it("a wrong or unknown key never opens a record, and list leaves it out", async () => {
      const harness = await fresh();
      await (await harness.open(K1)).put(apiKeyRecord(), null);
      const wrong = await harness.open(WRONG);
      await expectUnreadable(wrong.get(COMPANY_A), "authentication-failed");
      expect(await wrong.list()).toEqual([]);
      await expectUnreadable((await harness.open(K2)).get(COMPANY_A), "unknown-key");
    });

    it("refuses a tampered ciphertext, tag, nonce, version or stored form", async () => {
      const harness = await fresh();
      await (await harness.open(K1)).put(apiKeyRecord(), null);
      const original = await harness.readSlot(slot(COMPANY_A));
      if (!original) throw new Error("stored record missing");
      const tampered: [Record<string, unknown>, string][] = [
        [{ ...original, ciphertext: flipFirstByte(original.ciphertext) }, "authentication-failed"],
        [{ ...original, tag: flipFirstByte(original.tag) }, "authentication-failed"],
        [{ ...original, iv: flipFirstByte(original.iv) }, "authentication-failed"],
        [{ ...original, tag: String(original.tag).slice(0, 8) }, "authentication-failed"],
        [{ ...original, version: 7 }, "version-mismatch"],
        [{ ...original, ciphertext: undefined }, "malformed"],
      ];
      for (const [value, reason] of tampered) {
        await harness.writeSlot(slot(COMPANY_A), value);
        const error = await (await harness.open(K1)).get(COMPANY_A).catch((e: unknown) => e);
        expect(error).toMatchObject({ reason });
        expect(String(error)).not.toContain(SECRETS.apiKey);
      }
      await harness.writeSlot(slot(COMPANY_A), original);
      expect(await (await harness.open(K1)).get(COMPANY_A)).toMatchObject({ version: 1 });
    });

    it("a record copied into another subject's slot does not open", async () => {
      const harness = await fresh();
      const vault = await harness.open(K1);
      await vault.put(apiKeyRecord(COMPANY_A), null);
      await vault.put(apiKeyRecord(COMPANY_B), null);
      await harness.writeSlot(slot(COMPANY_B), await harness.readSlot(slot(COMPANY_A)));
      await harness.writeSlot(slot(ORGANISATION), await harness.readSlot(slot(COMPANY_A)));
      const reopened = await harness.open(K1);
      await expectUnreadable(reopened.get(COMPANY_B), "authentication-failed");
      await expectUnreadable(reopened.get(ORGANISATION), "authentication-failed");
      expect((await reopened.list()).map((r) => r.subject)).toEqual([COMPANY_A]);
    });

    it("key rotation: old keys open, writes and re-puts seal under the current key", async () => {
      const harness = await fresh();
      await (await harness.open(K1)).put(apiKeyRecord(COMPANY_A), null);
      const rotated = await harness.open(`${K2},${K1}`);
      expect(await rotated.get(COMPANY_A)).toMatchObject({ version: 1, secret: { apiKey: SECRETS.apiKey } });
      await rotated.put(oauthRecord(COMPANY_B), null);
      expect(await harness.readSlot(slot(COMPANY_B))).toMatchObject({ kid: "k2" });
      expect(await harness.readSlot(slot(COMPANY_A))).toMatchObject({ kid: "k1" });
      const current = await rotated.get(COMPANY_A);
      if (!current) throw new Error("record missing");
      const { version, ...body } = current;
      await rotated.put(body, version);
      expect(await harness.readSlot(slot(COMPANY_A))).toMatchObject({ kid: "k2", version: 2 });
      const k2Only = await harness.open(K2);
      expect((await k2Only.list()).map((r) => r.subject)).toEqual(
        expect.arrayContaining([COMPANY_A, COMPANY_B]),
      );
    });

    it("compare-and-set: of writers with the same expected version exactly one wins", async () => {
      const harness = await fresh();
      const writers = await harness.writers(K1, 2);
      await writers[0]?.put(oauthRecord(COMPANY_A), null);
      const attempts = Array.from({ length: 12 }, (_, n) => {
        const writer = writers[n % writers.length];
        if (!writer) throw new Error("writer missing");
        return writer.put(oauthRecord(COMPANY_A, n + 1), 1);
      });
      const outcomes = await Promise.allSettled(attempts);
      const won = outcomes.filter((o) => o.status === "fulfilled");
      expect(won).toHaveLength(1);
      for (const lost of outcomes.filter((o) => o.status === "rejected"))
        expect(lost.reason).toBeInstanceOf(VaultConflictError);
      const winner = won[0]?.status === "fulfilled" ? won[0].value : undefined;
      expect(winner?.version).toBe(2);
      expect(await (await harness.open(K1)).get(COMPANY_A)).toEqual(winner);

      const creators = await Promise.allSettled(writers.map((w) => w.put(apiKeyRecord(COMPANY_B), null)));
      expect(creators.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const vault = await harness.open(K1);
      await expect(vault.put(apiKeyRecord(COMPANY_B), 5)).rejects.toMatchObject({ code: "VAULT_CONFLICT" });
      await expect(vault.put(apiKeyRecord(ORGANISATION), 1)).rejects.toBeInstanceOf(VaultConflictError);
      expect(await vault.get(ORGANISATION)).toBeUndefined();
    });

    it("refuses an invalid record without quoting it", async () => {
      const vault = await (await fresh()).open(K1);
      const bad = { ...oauthRecord(COMPANY_A), secret: { kind: "oauth", accessToken: SECRETS.accessToken } };
      const error = await vault.put(bad as never, null).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(String(error)).toContain("secret");
      expect(String(error)).not.toContain(SECRETS.accessToken);
      await expect(vault.get({ kind: "company", id: "NOT-A-UUID" })).rejects.toBeInstanceOf(TypeError);
      expect(await vault.list()).toEqual([]);
    });
  });
}
