import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

/** The vault's variables inside the gateway's configuration. */
describe("vault configuration", () => {
  it("defaults to the file backend under .data/ with no keys", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ VAULT_BACKEND: "file", VAULT_FILE: ".data/vault.json" });
    expect(config.VAULT_KEYS).toBeUndefined();
  });

  it("reports every bad VAULT_KEYS entry with the other problems, never the key material", () => {
    const material = randomBytes(31).toString("base64");
    const error = (() => {
      try {
        loadConfig({ VAULT_KEYS: `k1:${material},k1:${material}`, VAULT_BACKEND: "s3" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.filter((p) => p.startsWith("VAULT_KEYS:"))).toHaveLength(3);
    expect(problems.some((p) => p.startsWith("VAULT_BACKEND:"))).toBe(true);
    expect(String(error)).not.toContain(material);
  });

  it("accepts a rotation list, current key first", () => {
    const keys = `new:${randomBytes(32).toString("base64")}, old:${randomBytes(32).toString("base64")}`;
    expect(loadConfig({ VAULT_KEYS: keys, VAULT_BACKEND: "redis" }).VAULT_BACKEND).toBe("redis");
  });
});
