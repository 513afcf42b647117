import { serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import { useHarness } from "../support/use-harness.ts";

/**
 * The GraphQL-over-HTTP audit of the `graphql-http` package. Every MUST passes; SHOULD/MAY results are
 * printed so the README can list the ones the gateway does not meet and why.
 */
describe("GraphQL over HTTP conformance", () => {
  const h = useHarness();

  it("passes every MUST of the graphql-http audit", async () => {
    const audits = serverAudits({ url: () => `${h.url}/graphql`, fetchFn: fetch });
    const failures: string[] = [];
    const warnings: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === "error") failures.push(`${audit.id} ${audit.name}: ${result.reason}`);
      if (result.status === "warn") warnings.push(`${audit.id} ${audit.name}: ${result.reason}`);
    }
    console.info(
      `graphql-http audit: ${audits.length} audits, ${failures.length} MUST failed, ${warnings.length} SHOULD/MAY not met${warnings.length ? `:\n${warnings.join("\n")}` : ""}`,
    );
    expect(failures).toEqual([]);
    expect(audits.length).toBeGreaterThan(30);
  });
});
