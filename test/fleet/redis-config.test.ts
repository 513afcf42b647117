import { describe, expect, it } from "vitest";
import { FleetConfigError, parseFleetConfig, redisTarget } from "../../src/fleet/redis-config.ts";

describe("fleet configuration", () => {
  it("is disabled without REDIS_URL", () => {
    expect(parseFleetConfig({})).toBeUndefined();
    expect(parseFleetConfig({ REDIS_URL: "  " })).toBeUndefined();
  });

  it("parses redis:// with defaults, credentials from the URL", () => {
    const config = parseFleetConfig({ REDIS_URL: "redis://user:p%40ss@cache.internal:6380/2" });
    expect(config).toMatchObject({
      host: "cache.internal",
      port: 6380,
      db: 2,
      username: "user",
      password: "p@ss",
      tls: undefined,
      keyPrefix: "pleo-gw:",
      commandTimeoutMs: 50,
      configuredInstances: 1,
    });
  });

  it("takes separate credentials over the URL's and TLS options for rediss://", () => {
    const config = parseFleetConfig({
      REDIS_URL: "rediss://:urlpass@cache:6379",
      REDIS_USERNAME: "gw",
      REDIS_PASSWORD: "envpass",
      REDIS_TLS_SERVERNAME: "cache.example",
      REDIS_TLS_REJECT_UNAUTHORIZED: "false",
      REDIS_KEY_PREFIX: "gw-eu:",
      REDIS_COMMAND_TIMEOUT_MS: "80",
      FLEET_INSTANCES: "3",
    });
    expect(config).toMatchObject({
      username: "gw",
      password: "envpass",
      tls: { ca: undefined, servername: "cache.example", rejectUnauthorized: false },
      keyPrefix: "gw-eu:",
      commandTimeoutMs: 80,
      configuredInstances: 3,
    });
  });

  it("the target for logs never carries credentials", () => {
    const config = parseFleetConfig({ REDIS_URL: "rediss://user:s3cr3t-value@cache:6379/1" });
    if (!config) throw new Error("expected a config");
    expect(redisTarget(config)).toBe("rediss://cache:6379/1");
  });

  it("lists problems without echoing values", () => {
    const secret = "http://user:s3cr3t-value@cache:6379";
    let error: unknown;
    try {
      parseFleetConfig({ REDIS_URL: secret, REDIS_KEY_PREFIX: "{bad}", REDIS_TLS_CA_FILE: "/nonexistent" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FleetConfigError);
    const problems = (error as FleetConfigError).problems;
    expect(problems.some((p) => p.startsWith("REDIS_URL:"))).toBe(true);
    expect(problems.some((p) => p.startsWith("REDIS_KEY_PREFIX:"))).toBe(true);
    expect((error as Error).message).not.toContain("s3cr3t");
    expect(() =>
      parseFleetConfig({ REDIS_URL: "redis://cache", REDIS_TLS_CA_FILE: "/nonexistent/ca.pem" }),
    ).toThrow(/REDIS_TLS_CA_FILE: the file cannot be read/);
  });
});
