import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { resilienceFromConfig } from "../../src/config-options.ts";
import { tracingRequested } from "../../src/support/tracing.ts";
import { DEFAULT_RESILIENCE } from "../../src/upstream/options.ts";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

function configFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "gateway-config-")), "config.json");
  writeFileSync(path, content);
  return path;
}

describe("operations configuration", () => {
  it("keeps the per-credential budget within Pleo's 600/min unless a load test lifts the cap", () => {
    expect(problems({ PLEO_RATE_LIMIT_PER_MINUTE: "601" })).toEqual([
      expect.stringMatching(/^PLEO_RATE_LIMIT_PER_MINUTE: Pleo allows 600 calls a minute/),
    ]);
    const lifted = {
      PLEO_RATE_LIMIT_UNCAPPED: "true",
      PLEO_RATE_LIMIT_PER_MINUTE: "100000000",
      PLEO_RATE_LIMIT_BURST: "10000000",
    };
    expect(problems(lifted)).toEqual([]);
    expect(resilienceFromConfig(loadConfig(lifted)).rateBudget).toEqual({
      perMinute: 100_000_000,
      burst: 10_000_000,
    });
  });

  it("defaults every resilience and operations setting", () => {
    const config = loadConfig({});
    expect(resilienceFromConfig(config)).toEqual(DEFAULT_RESILIENCE);
    expect(config).toMatchObject({
      REQUEST_DEADLINE_MS: 10_000,
      PLEO_RATE_LIMIT_PER_MINUTE: 500,
      PLEO_RATE_LIMIT_BURST: 50,
      READY_PROBE_TIMEOUT_MS: 2_000,
      READY_PROBE_CACHE_MS: 5_000,
      SHUTDOWN_TIMEOUT_MS: 20_000,
      METRICS_ENABLED: true,
    });
  });

  it("lists every problem at once, cross-variable ones included", () => {
    const found = problems({
      REQUEST_DEADLINE_MS: "0",
      PLEO_RATE_LIMIT_PER_MINUTE: "601",
      PLEO_RATE_LIMIT_BURST: "700",
      PLEO_RETRY_BUDGET_RATIO: "1.5",
      PLEO_RETRY_BASE_DELAY_MS: "5000",
      METRICS_ENABLED: "sometimes",
    });
    for (const name of [
      "REQUEST_DEADLINE_MS",
      "PLEO_RATE_LIMIT_PER_MINUTE",
      "PLEO_RATE_LIMIT_BURST",
      "PLEO_RETRY_BUDGET_RATIO",
      "PLEO_RETRY_BASE_DELAY_MS",
      "METRICS_ENABLED",
    ]) {
      expect(
        found.some((p) => p.startsWith(`${name}:`)),
        name,
      ).toBe(true);
    }
  });

  it("reads CONFIG_FILE, with the environment taking precedence", () => {
    const path = configFile(
      JSON.stringify({
        REQUEST_DEADLINE_MS: 4000,
        PLEO_RATE_LIMIT_PER_MINUTE: 300,
        METRICS_ENABLED: false,
        CORS_ORIGINS: ["https://a.example", "https://b.example"],
        LOG_LEVEL: "warn",
      }),
    );
    const config = loadConfig({ CONFIG_FILE: path, LOG_LEVEL: "debug" });
    expect(config.REQUEST_DEADLINE_MS).toBe(4_000);
    expect(config.PLEO_RATE_LIMIT_PER_MINUTE).toBe(300);
    expect(config.METRICS_ENABLED).toBe(false);
    expect(config.CORS_ORIGINS).toEqual(["https://a.example", "https://b.example"]);
    expect(config.LOG_LEVEL).toBe("debug");
  });

  it("reports a broken or unknown CONFIG_FILE together with the other problems, never echoing values", () => {
    const typo = configFile(JSON.stringify({ REQUEST_DEADLINE: 1, PLEO_BREAKER_OPEN_MS: "soon" }));
    const found = problems({ CONFIG_FILE: typo, PORT: "-1" });
    expect(found).toContain('CONFIG_FILE: unknown setting "REQUEST_DEADLINE"');
    expect(found.some((p) => p.startsWith("PLEO_BREAKER_OPEN_MS:"))).toBe(true);
    expect(found.some((p) => p.startsWith("PORT:"))).toBe(true);
    expect(found.join("\n")).not.toContain("soon");

    expect(problems({ CONFIG_FILE: configFile("{ not json") })).toEqual([
      "CONFIG_FILE: the file is not valid JSON",
    ]);
    expect(problems({ CONFIG_FILE: "/nonexistent/config.json" })).toEqual([
      "CONFIG_FILE: the file cannot be read",
    ]);
    expect(problems({ CONFIG_FILE: configFile("[1]") })).toEqual([
      "CONFIG_FILE: must hold a JSON object of settings by name",
    ]);
  });

  it("turns tracing on only when the standard OTEL variables ask for traces", () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: "none" })).toBe(false);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: "otlp" })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: "otlp", OTEL_SDK_DISABLED: "true" })).toBe(false);
  });
});
