import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_CREDENTIALS, COMPANIES, CREDENTIALS, ORGANISATIONS } from "../../src/simulator/index.ts";
import { DEFAULT_RESILIENCE } from "../../src/upstream/options.ts";
import { type Harness, leakedSecrets, startHarness } from "../support/harness.ts";
import { addFaults, GROUP_BOOKS } from "./support.ts";

/**
 * No seeded secret in any log line. Every harness of the suite already checks its gateway's log when it
 * closes (test/support/harness.ts); this file drives a workload meant to provoke every kind of log line
 * — every persona, refused and malformed credentials, upstream failures of each kind — at debug level,
 * and searches all of it for every seeded credential, raw and as the Basic header value.
 */
const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;
const BE = COMPANIES.be.id;
const ORG = ORGANISATIONS.loveCremeBrulee.id;

describe("secrets never reach the logs", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      resilience: { retry: { ...DEFAULT_RESILIENCE.retry, baseDelayMs: 5, maxDelayMs: 20 } },
      operations: { requestDeadlineMs: 1_000 },
    });
  });
  afterAll(() => h.close());

  it("across personas, refusals and injected upstream failures", async () => {
    for (const name of [
      "group-admin",
      "nl-bookkeeper",
      "org-discovery",
      "alexey-owner",
      "de-oauth-app",
      "nl-accounts-only",
      "anonymous",
    ]) {
      const { headers } = await h.persona(name);
      await h.gql(GROUP_BOOKS, { headers, variables: { org: ORG, n: 3 } });
      await h.gql("{ viewer { credentials { id kind scopes } } }", { headers });
    }
    // Credentials Pleo refuses, sent in the wrong header, malformed, or too many.
    await h.gql("{ viewer { credentials { id } } }", {
      headers: { "x-pleo-api-key": CREDENTIALS.deOAuth.secret },
    });
    await h.gql("{ viewer { credentials { id } } }", {
      headers: { "x-pleo-access-token": CREDENTIALS.nl.secret },
    });
    await h.gql("{ viewer { credentials { id } } }", {
      headers: { authorization: `Bearer ${CREDENTIALS.nl.secret}` },
    });
    await h.gql("{ viewer { credentials { id } } }", {
      headers: { "x-pleo-api-key": `${CREDENTIALS.nl.secret},,${CREDENTIALS.de.secret} x` },
    });
    await h.gql("{ viewer { credentials { id } } }", {
      headers: { "x-pleo-api-key": ALL_CREDENTIALS.map((c) => c.secret).join(", ") },
    });

    // Every kind of upstream failure, each logged by the gateway.
    const admin = (await h.persona("group-admin")).headers;
    await addFaults(
      h,
      { companyId: NL, pathPrefix: "/v1/vendors:search", status: 401, times: 1 },
      {
        companyId: BE,
        pathPrefix: "/v1/chart-of-accounts:search",
        action: "rate-limit",
        retryAfterSeconds: 9,
      },
      { companyId: DE, pathPrefix: "/v0/tax-codes:search", status: 503 },
      { pathPrefix: "/v0/tag-groups", action: "reset" },
      { pathPrefix: "/v1/accounting-entries:search", action: "malformed" },
      { pathPrefix: "/v1/companies", action: "latency", latencyMs: 50 },
      { companyId: DE, pathPrefix: "/v1/vendors:search", action: "hang" },
    );
    for (let i = 0; i < 3; i++) await h.gql(GROUP_BOOKS, { headers: admin, variables: { org: ORG, n: 5 } });

    const lines = h.logLines;
    const text = lines.join("");
    // The workload did produce the lines it was meant to, at every level.
    for (const msg of [
      "request",
      "upstream call",
      "credential refused by Pleo; set aside",
      "circuit breaker open",
    ]) {
      expect(text).toContain(`"msg":"${msg}"`);
    }
    expect(text).toMatch(/"level":40/);
    expect(leakedSecrets(lines)).toEqual([]);
  });
});
