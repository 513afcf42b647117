import { mkdtempSync, rmSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/support/logger.ts";
import { createVault, type Vault, VaultConfigError } from "../../src/vault/index.ts";
import {
  apiKeyRecord,
  type BackendHarness,
  COMPANY_A,
  describeVaultBackend,
  key,
  SECRETS,
} from "./backend-suite.ts";
import { capturingLogger } from "./capture-logger.ts";

const root = mkdtempSync(join(tmpdir(), "pleo-gw-vault-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let directories = 0;
const newDirectory = () => join(root, `v${++directories}`, "data");
const silent = createLogger("silent");

function openFileVault(file: string, keys: string | undefined, embedded = false): Promise<Vault> {
  return createVault({
    env: { VAULT_BACKEND: "file", VAULT_FILE: file, VAULT_KEYS: keys },
    embedded,
    logger: silent,
  });
}

async function fileHarness(): Promise<BackendHarness> {
  const file = join(newDirectory(), "vault.json");
  const document = async () =>
    JSON.parse(await readFile(file, "utf8")) as { records: Record<string, Record<string, unknown>> };
  return {
    open: (keys) => openFileVault(file, keys),
    async writers(keys, count) {
      const vault = await openFileVault(file, keys);
      return Array.from({ length: count }, () => vault);
    },
    async readSlot(slot) {
      return (await document()).records[slot];
    },
    async writeSlot(slot, value) {
      const current = await document();
      current.records[slot] = value as Record<string, unknown>;
      await writeFile(file, JSON.stringify(current));
    },
    dump: () => readFile(file, "utf8"),
  };
}

describeVaultBackend("file", fileHarness);

const uuid = (n: number) => `4a1c3c4e-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("the file backend on disk", () => {
  it("concurrent writes never corrupt the file and leave no temp file behind", async () => {
    const directory = newDirectory();
    const file = join(directory, "vault.json");
    const keys = key("k1");
    const vault = await openFileVault(file, keys);
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        try {
          JSON.parse(await readFile(file, "utf8"));
          reads += 1;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const subjects = Array.from({ length: 30 }, (_, n) => ({ kind: "company" as const, id: uuid(n + 1) }));
    await Promise.all(subjects.map((subject) => vault.put(apiKeyRecord(subject), null)));
    await Promise.all(subjects.map((subject) => vault.put({ ...apiKeyRecord(subject), scopes: [] }, 1)));
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    const reopened = await openFileVault(file, keys);
    const listed = await reopened.list();
    expect(listed).toHaveLength(30);
    expect(listed.every((r) => r.version === 2 && r.scopes.length === 0)).toBe(true);
    expect(await readdir(directory)).toEqual(["vault.json"]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(directory)).mode & 0o777).toBe(0o700);
  });

  it("refuses to start over a file that is not a vault, and leaves it untouched", async () => {
    const directory = newDirectory();
    const file = join(directory, "vault.json");
    await (await openFileVault(file, key("k1"))).put(apiKeyRecord(), null);
    await writeFile(file, "{ not json");
    await expect(openFileVault(file, key("k1"))).rejects.toBeInstanceOf(VaultConfigError);
    expect(await readFile(file, "utf8")).toBe("{ not json");
  });

  it("keeps a record it cannot read through later writes", async () => {
    const file = join(newDirectory(), "vault.json");
    await (await openFileVault(file, key("old"))).put(apiKeyRecord(), null);
    const before = JSON.parse(await readFile(file, "utf8")).records[`company:${COMPANY_A.id}`];
    const other = await openFileVault(file, key("new"));
    await other.put(apiKeyRecord({ kind: "company", id: uuid(99) }), null);
    expect(await other.list()).toHaveLength(1);
    const after = JSON.parse(await readFile(file, "utf8")).records[`company:${COMPANY_A.id}`];
    expect(after).toEqual(before);
  });
});

describe("createVault", () => {
  it("embedded without VAULT_KEYS: generates one private demo key, kept across restarts, with a warning", async () => {
    const file = join(newDirectory(), "vault.json");
    const { logger, lines } = capturingLogger();
    const options = {
      env: { VAULT_BACKEND: "file" as const, VAULT_FILE: file, VAULT_KEYS: undefined },
      embedded: true,
      logger,
    };
    // Two starts racing: both must end up with the one key on disk (each vault below writes the
    // whole file from its own view, so each is checked by a fresh start reading what it wrote).
    const [first, racing] = await Promise.all([createVault(options), createVault(options)]);
    const raced = await racing.put(apiKeyRecord(), null);
    expect(await (await createVault(options)).get(COMPANY_A)).toEqual(raced);
    const stored = await first.put(apiKeyRecord(), null);
    expect(await (await createVault(options)).get(COMPANY_A)).toEqual(stored);
    expect((await stat(`${file}.key`)).mode & 0o777).toBe(0o600);
    expect(lines.some((l) => l.level === 40 && /VAULT_KEYS is unset/.test(String(l.msg)))).toBe(true);
    const keyText = await readFile(`${file}.key`, "utf8");
    expect(lines.map((l) => JSON.stringify(l)).join("\n")).not.toContain(keyText.trim().split(":")[1]);
    expect(await readFile(file, "utf8")).not.toContain(SECRETS.apiKey);
  });

  it("refuses to start without keys outside embedded mode, or with bad keys, never echoing them", async () => {
    const file = join(newDirectory(), "vault.json");
    await expect(openFileVault(file, undefined)).rejects.toMatchObject({
      code: "VAULT_CONFIG_INVALID",
      problems: [expect.stringMatching(/^VAULT_KEYS: required/)],
    });
    const short = `k1:${Buffer.alloc(16, 7).toString("base64")}`;
    const error = await openFileVault(file, `${short},bad-kid!:${key("k2").slice(3)},${key("k1")}`).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VaultConfigError);
    expect((error as VaultConfigError).problems).toHaveLength(3);
    expect(String(error)).not.toContain(short.slice(3));
  });

  it("the redis backend needs the fleet's Redis", async () => {
    await expect(
      createVault({
        env: { VAULT_BACKEND: "redis", VAULT_FILE: "unused", VAULT_KEYS: key("k1") },
        embedded: false,
        logger: silent,
      }),
    ).rejects.toMatchObject({ problems: [expect.stringMatching(/^VAULT_BACKEND: redis needs/)] });
  });
});
