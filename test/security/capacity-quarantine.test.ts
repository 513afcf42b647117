import { beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { CredentialQuarantine } from "../../src/upstream/credential-quarantine.ts";
import { apiKeys } from "../support/auth-headers.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * Issue 15, point 6: a 403 for a subject the credential is not bound to is not evidence against the
 * credential. A caller holding two organisation keys must not get one set aside by its own lookup of
 * the other organisation's company.
 */

const COMPANY = typedDocument<{ company: { name: string } | null }, { id: string }>(
  `query($id: ID!) { company(id: $id) { name } }`,
);

describe("organisation keys asked about another organisation's company", () => {
  const h = useHarness();
  const execute = executor(h);
  beforeEach(() => h.resetSim());
  // The group's key first: a lookup of Alexey's company tries it before Alexey's own organisation key.
  const BOTH_ORGS = apiKeys(CREDENTIALS.lcbOrg, CREDENTIALS.alexeyOrg);

  it("are not set aside: the refused key still serves its own organisation's companies", async () => {
    const alexey = await execute(COMPANY, { id: COMPANIES.alexey.id }, { headers: BOTH_ORGS });
    expect(alexey.expectData().company?.name).toBe(COMPANIES.alexey.name);
    // The group's key was asked first and refused for Alexey's company (Pleo's "not yours").
    const refused = (await h.simRequests()).filter(
      (r) => r.credentialLabel === CREDENTIALS.lcbOrg.label && r.path.startsWith("/v1/companies/"),
    );
    expect(refused.map((r) => r.status)).toEqual([403]);

    const nl = await execute(COMPANY, { id: COMPANIES.nl.id }, { headers: BOTH_ORGS });
    expect(nl.expectData().company?.name).toBe(COMPANIES.nl.name);
    const again = await execute(COMPANY, { id: COMPANIES.alexey.id }, { headers: BOTH_ORGS });
    expect(again.expectData().company?.name).toBe(COMPANIES.alexey.name);
  });

  it("both resolve in one request, in either order", async () => {
    const document = typedDocument<{ a: { name: string } | null; b: { name: string } | null }>(
      `query($a: ID!, $b: ID!) { a: company(id: $a) { name } b: company(id: $b) { name } }`,
    );
    for (const headers of [BOTH_ORGS, apiKeys(CREDENTIALS.alexeyOrg, CREDENTIALS.lcbOrg)]) {
      const response = await execute(document, { a: COMPANIES.alexey.id, b: COMPANIES.de.id }, { headers });
      const data = response.expectData();
      expect([data.a?.name, data.b?.name]).toEqual([COMPANIES.alexey.name, COMPANIES.de.name]);
    }
  });
});

describe("the quarantine's rule", () => {
  const ENDPOINT = "GET /v1/companies/{id}";
  const url = `/v1/companies/${COMPANIES.nl.id}`;

  it("marks nothing for a 403 about a subject the credential is not bound to", () => {
    const quarantine = new CredentialQuarantine({ ttlMs: 60_000, maxKeys: 10 });
    expect(
      quarantine.refuse("org-key", 403, {
        endpoint: ENDPOINT,
        url,
        companyId: COMPANIES.nl.id,
        unboundSubject: true,
      }),
    ).toBe(false);
    expect(quarantine.check("org-key", ENDPOINT)).toBeUndefined();
  });

  it("still marks a company-wide 403 for the credential's own company, and any 401", () => {
    const quarantine = new CredentialQuarantine({ ttlMs: 60_000, maxKeys: 10 });
    expect(quarantine.refuse("own-key", 403, { endpoint: ENDPOINT, url, companyId: COMPANIES.nl.id })).toBe(
      true,
    );
    expect(quarantine.check("own-key", ENDPOINT)).toMatchObject({ status: 403 });
    expect(
      quarantine.refuse("org-key", 401, {
        endpoint: ENDPOINT,
        url,
        companyId: COMPANIES.nl.id,
        unboundSubject: true,
      }),
    ).toBe(true);
    expect(quarantine.check("org-key", "anything")).toMatchObject({ status: 401 });
  });
});
