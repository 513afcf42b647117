import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { webhooksOptionsFrom } from "../../src/webhooks/webhooks-config.ts";

/** Webhooks from configuration: on with VAULT_KEYS or in the embedded demo, the public URL as given. */
const KEYS = `k1:${Buffer.alloc(32, 7).toString("base64")}`;

describe("webhooks configuration", () => {
  it("is off outside the embedded demo without VAULT_KEYS, and on with them", () => {
    const config = loadConfig({ PLEO_API_URL: "https://external.pleo.io" });
    expect(webhooksOptionsFrom(config, false)).toBeUndefined();
    const keyed = loadConfig({
      PLEO_API_URL: "https://external.pleo.io",
      VAULT_KEYS: KEYS,
      PUBLIC_BASE_URL: "https://gateway.example.com/",
      WEBHOOK_TOLERANCE_S: "120",
    });
    expect(webhooksOptionsFrom(keyed, false)).toMatchObject({
      publicBaseUrl: "https://gateway.example.com",
      toleranceSeconds: 120,
      secrets: { temporary: false, file: ".data/webhook-secrets.json" },
    });
  });

  it("in the embedded demo, the gateway's own address stands in for an unset PUBLIC_BASE_URL", () => {
    const config = loadConfig({ HOST: "0.0.0.0", PORT: "4100" });
    expect(webhooksOptionsFrom(config, true)).toMatchObject({
      publicBaseUrl: "http://127.0.0.1:4100",
      toleranceSeconds: 300,
      secrets: { temporary: true },
    });
  });

  it("refuses a public URL without keys to seal secrets, a plain-http one in production, and a tolerance over 5 minutes", () => {
    let problems: readonly string[] = [];
    try {
      loadConfig({
        PLEO_API_URL: "https://external.pleo.io",
        PUBLIC_BASE_URL: "http://gateway.example.com",
        GATEWAY_ENV: "production",
        WEBHOOK_TOLERANCE_S: "301",
      });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems.filter((p) => /PUBLIC_BASE_URL|WEBHOOK_TOLERANCE_S/.test(p))).toEqual([
      expect.stringMatching(/^WEBHOOK_TOLERANCE_S: /),
      "PUBLIC_BASE_URL: webhook secrets are sealed with the vault's keys: set VAULT_KEYS",
      "PUBLIC_BASE_URL: must be an https:// URL in production",
    ]);
  });
});
