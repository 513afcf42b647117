import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

describe("configuration", () => {
  it("has working defaults for the embedded mode", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.SIM_PORT).toBe(4010);
    expect(config.PLEO_API_URL).toBeUndefined();
    expect(config.INTROSPECTION_CACHE_TTL_MS).toBe(60_000);
  });

  it("lists every problem at once and never echoes a value", () => {
    const secretLooking = "sim_key_should-never-be-echoed";
    try {
      loadConfig({
        PORT: "99999",
        PLEO_API_URL: "not a url",
        AUTH_JWKS: "{not json",
        PLEO_CREDENTIALS: secretLooking,
        PLEO_CREDENTIALS_FILE: "/tmp/x.json",
        PLEO_HEADERS_TIMEOUT_MS: "-5",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.length).toBeGreaterThanOrEqual(5);
      expect(problems.join("\n")).not.toContain(secretLooking);
      for (const key of ["PORT", "PLEO_API_URL", "AUTH_JWKS", "PLEO_HEADERS_TIMEOUT_MS"]) {
        expect(problems.some((p) => p.startsWith(key))).toBe(true);
      }
    }
  });

  it("requires issuer and audience to be pinned when caller-JWT keys are configured", () => {
    expect(() => loadConfig({ AUTH_JWKS_URL: "https://idp.example/jwks.json" })).toThrow(/AUTH_JWT_ISSUER/);
    expect(() =>
      loadConfig({
        AUTH_JWKS: JSON.stringify({ keys: [{ kty: "EC", d: "private!" }] }),
        AUTH_JWT_ISSUER: "i",
        AUTH_JWT_AUDIENCE: "a",
      }),
    ).toThrow(/public keys only/);
  });
});
