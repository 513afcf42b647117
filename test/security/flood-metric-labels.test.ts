import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { apiKeys } from "../support/auth-headers.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * Issue 15, point 5: an organisation key can make the gateway look up any company id. Those ids must not
 * become label values on /metrics (one time series each, without bound): company labels come only from
 * companies some credential was bound to by introspection, anything else is `other`.
 */
const h = useHarness();
const LOOKUPS = 500;
const PER_REQUEST = 25;

function companyLabels(metrics: string): Set<string> {
  return new Set([...metrics.matchAll(/company="([^"]*)"/g)].map((match) => match[1] as string));
}

describe("metric labels under arbitrary company lookups", () => {
  it(`keeps the company label bounded after ${LOOKUPS} lookups of random ids`, async () => {
    const org = apiKeys(CREDENTIALS.lcbOrg);
    // One bound company first, so its own label is known and must stay.
    const own = await h.gql(`{ company(id: "${COMPANIES.nl.id}") { name } }`, {
      headers: apiKeys(CREDENTIALS.lcbOrg, CREDENTIALS.nl),
    });
    expect(own.body.errors).toBeUndefined();
    for (let sent = 0; sent < LOOKUPS; sent += PER_REQUEST) {
      const fields = Array.from(
        { length: PER_REQUEST },
        (_, i) => `c${i}: company(id: "${randomUUID()}") { name }`,
      );
      const response = await h.gql(`{ ${fields.join(" ")} }`, { headers: org });
      expect(response.status).toBe(200);
    }
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    const labels = companyLabels(metrics);
    expect(labels.has(COMPANIES.nl.id)).toBe(true);
    const allowed = new Set([...Object.values(COMPANIES).map((c) => c.id), "none", "other"]);
    expect([...labels].filter((label) => !allowed.has(label))).toEqual([]);
    expect(labels.size).toBeLessThanOrEqual(allowed.size);
  });
});
