import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, ORGANISATIONS, seededCompany } from "../../src/simulator/index.ts";
import { type CallOptions, call, useSimulator } from "./helpers.ts";

const sim = useSimulator();
const nl = seededCompany("lcb-nl");
const de = seededCompany("lcb-de");

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error("seed has no such item");
  return item;
}

/** One request per endpoint, addressed to the NL company. */
const nlEndpoints: [string, string, string, CallOptions][] = [
  ["employees list", "GET", "/v2/employees", { query: { companyId: COMPANIES.nl.id } }],
  ["employee", "GET", `/v2/employees/${first(nl.employees).id}`, {}],
  ["accounts search", "POST", "/v1/chart-of-accounts:search", { body: { companyId: COMPANIES.nl.id } }],
  ["account", "GET", `/v1/chart-of-accounts/${first(nl.accounts).id}`, {}],
  ["tax codes search", "POST", "/v0/tax-codes:search", { query: { company_id: COMPANIES.nl.id }, body: {} }],
  ["tax code", "GET", `/v0/tax-codes/${first(nl.taxCodes).id}`, {}],
  ["tag groups", "GET", "/v0/tag-groups", { query: { company_id: COMPANIES.nl.id } }],
  ["tag group", "GET", `/v0/tag-groups/${first(nl.tagGroups).id}`, {}],
  ["tags of a group", "GET", `/v0/tag-groups/${first(nl.tagGroups).id}/tags`, {}],
  ["tags search", "POST", "/v0/tags:search", { query: { company_id: COMPANIES.nl.id }, body: {} }],
  ["tag", "GET", `/v0/tags/${first(nl.tags).id}`, {}],
  ["vendors search", "POST", "/v1/vendors:search", { query: { company_id: COMPANIES.nl.id }, body: {} }],
  ["vendor", "GET", `/v1/vendors/${first(nl.vendors).id}`, {}],
  ["export jobs", "GET", "/v3/export-jobs", { query: { company_id: COMPANIES.nl.id } }],
  ["export job", "GET", `/v3/export-jobs/${first(nl.exportJobs).id}`, {}],
  ["export job items", "GET", `/v3/export-jobs/${first(nl.exportJobs).id}/items`, {}],
  [
    "export items",
    "GET",
    "/v3/export-items",
    { query: { job_id: first(nl.exportJobs.filter((job) => job.status === "pending")).id } },
  ],
  [
    "entries search",
    "POST",
    "/v1/accounting-entries:search",
    { query: { company_id: COMPANIES.nl.id }, body: {} },
  ],
  [
    "entry",
    "GET",
    `/v1/accounting-entries/${first(nl.accountingEntries.filter((e) => !e.deletedAt)).id}`,
    {},
  ],
];

describe("company isolation", () => {
  it.each(nlEndpoints)("the NL key reaches NL's %s", async (_name, method, path, options) => {
    const res = await call(sim(), CREDENTIALS.nl, method, path, options);
    expect(res.status).toBe(200);
  });

  it.each(nlEndpoints)("the DE key gets 403 FORBIDDEN on NL's %s", async (_name, method, path, options) => {
    const res = await call(sim(), CREDENTIALS.de, method, path, options);
    expect(res.status).toBe(403);
    expect(res.body.type).toBe("FORBIDDEN");
  });

  it("the DE OAuth token is isolated the same way", async () => {
    const res = await call(sim(), CREDENTIALS.deOAuth, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.nl.id },
      body: {},
    });
    expect(res.status).toBe(403);
    const own = await call(sim(), CREDENTIALS.deOAuth, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.de.id },
      body: {},
    });
    expect(own.status).toBe(200);
  });

  it("an unknown company id in the query is forbidden, not an empty list", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors:search", {
      query: { company_id: "00000000-0000-4000-8000-000000000001" },
      body: {},
    });
    expect(res.status).toBe(403);
  });

  it("an unknown object id is 404 for its owner's credential too", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "GET", "/v1/vendors/00000000-0000-4000-8000-000000000001");
    expect(res.status).toBe(404);
  });

  it("a company credential searching without company_id gets its own company's data", async () => {
    const res = await call(sim(), CREDENTIALS.de, "POST", "/v0/tax-codes:search", { body: {} });
    expect(res.status).toBe(200);
    expect(res.body.data.every((t: { companyId: string }) => t.companyId === COMPANIES.de.id)).toBe(true);
    expect(res.body.data).toHaveLength(de.taxCodes.length);
  });
});

describe("scopes", () => {
  it("INSUFFICIENT_SCOPE names the missing scope", async () => {
    const res = await call(sim(), CREDENTIALS.nlReadOnlyAccounts, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.nl.id },
      body: {},
    });
    expect(res.status).toBe(403);
    expect(res.body.type).toBe("INSUFFICIENT_SCOPE");
    expect(res.body.message).toContain("vendors:read");
  });

  it.each([
    ["POST", "/v1/chart-of-accounts:search", { body: { companyId: COMPANIES.nl.id } }],
    ["POST", "/v0/tax-codes:search", { body: {} }],
  ] as const)("the narrow key may still %s %s", async (method, path, options) => {
    const res = await call(sim(), CREDENTIALS.nlReadOnlyAccounts, method, path, options);
    expect(res.status).toBe(200);
  });

  const scoped: [string, string, string, CallOptions][] = [
    ["users:read", "GET", "/v2/employees", {}],
    ["tag-groups:read", "GET", "/v0/tag-groups", { query: { company_id: COMPANIES.nl.id } }],
    ["tag-groups:read", "POST", "/v0/tags:search", { body: {} }],
    ["export-jobs:read", "GET", "/v3/export-jobs", {}],
    ["export-items:read", "GET", "/v3/export-items", { query: { job_id: first(nl.exportJobs).id } }],
    [
      "accounting-entries:read",
      "POST",
      "/v1/accounting-entries:search",
      { query: { company_id: COMPANIES.nl.id } },
    ],
  ];
  it.each(scoped)("requires %s for %s %s", async (scope, method, path, options) => {
    const res = await call(sim(), CREDENTIALS.nlReadOnlyAccounts, method, path, options);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ type: "INSUFFICIENT_SCOPE", message: expect.stringContaining(scope) });
  });

  it("a vendors-only key reads vendors but not accounts", async () => {
    const vendors = await call(sim(), CREDENTIALS.beVendorsOnly, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.be.id },
    });
    expect(vendors.status).toBe(200);
    const accounts = await call(sim(), CREDENTIALS.beVendorsOnly, "POST", "/v1/chart-of-accounts:search", {
      body: { companyId: COMPANIES.be.id },
    });
    expect(accounts.body.type).toBe("INSUFFICIENT_SCOPE");
  });
});

describe("organisation credentials", () => {
  it("list their organisation's companies, with or without organization_id", async () => {
    for (const query of [{}, { organization_id: ORGANISATIONS.loveCremeBrulee.id }]) {
      const res = await call(sim(), CREDENTIALS.lcbOrg, "GET", "/v1/companies", { query });
      expect(res.status).toBe(200);
      expect(res.body.data.map((c: { id: string }) => c.id).sort()).toEqual(
        [COMPANIES.nl.id, COMPANIES.de.id, COMPANIES.be.id].sort(),
      );
      expect(res.body.pagination.total).toBe(3);
    }
  });

  it("get 403 for another organisation's companies", async () => {
    const res = await call(sim(), CREDENTIALS.lcbOrg, "GET", "/v1/companies", {
      query: { organization_id: ORGANISATIONS.alexey.id },
    });
    expect(res.status).toBe(403);
    expect(res.body.type).toBe("FORBIDDEN");
  });

  it("get a company of their organisation by id, and 403 for another organisation's company", async () => {
    const own = await call(sim(), CREDENTIALS.lcbOrg, "GET", `/v1/companies/${COMPANIES.be.id}`);
    expect(own.status).toBe(200);
    expect(own.body.data.name).toBe(COMPANIES.be.name);
    const other = await call(sim(), CREDENTIALS.lcbOrg, "GET", `/v1/companies/${COMPANIES.alexey.id}`);
    expect(other.status).toBe(403);
  });

  it("list employees organisation-wide or per company of their organisation", async () => {
    const all = await call(sim(), CREDENTIALS.lcbOrg, "GET", "/v2/employees", { query: { limit: 100 } });
    expect(all.status).toBe(200);
    const expected = nl.employees.length + de.employees.length + seededCompany("lcb-be").employees.length;
    expect(all.body.pagination.total).toBe(expected);
    const one = await call(sim(), CREDENTIALS.lcbOrg, "GET", "/v2/employees", {
      query: { companyId: COMPANIES.de.id },
    });
    expect(one.body.pagination.total).toBe(de.employees.length);
    const other = await call(sim(), CREDENTIALS.lcbOrg, "GET", "/v2/employees", {
      query: { companyId: COMPANIES.alexey.id },
    });
    expect(other.status).toBe(403);
  });

  it("alexey's organisation key sees only Alexey", async () => {
    const res = await call(sim(), CREDENTIALS.alexeyOrg, "GET", "/v1/companies");
    expect(res.body.data.map((c: { id: string }) => c.id)).toEqual([COMPANIES.alexey.id]);
  });

  const accounting: [string, string, CallOptions][] = [
    ["POST", "/v1/vendors:search", { query: { company_id: COMPANIES.nl.id } }],
    ["POST", "/v1/chart-of-accounts:search", { body: { companyId: COMPANIES.nl.id } }],
    ["POST", "/v0/tax-codes:search", { query: { company_id: COMPANIES.nl.id } }],
    ["GET", "/v0/tag-groups", { query: { organization_id: ORGANISATIONS.loveCremeBrulee.id } }],
    ["GET", "/v3/export-jobs", { query: { company_id: COMPANIES.nl.id } }],
    [
      "POST",
      "/v1/accounting-entries:search",
      { query: { organization_id: ORGANISATIONS.loveCremeBrulee.id } },
    ],
    ["POST", "/v1/accounting-entries:search", { query: { company_id: COMPANIES.nl.id } }],
    ["GET", `/v1/vendors/${first(nl.vendors).id}`, {}],
    ["GET", `/v2/employees/${first(nl.employees).id}`, {}],
  ];
  it.each(accounting)("are refused accounting endpoints: %s %s", async (method, path, options) => {
    const res = await call(sim(), CREDENTIALS.lcbOrg, method, path, options);
    expect(res.status).toBe(403);
    expect(res.body.type).toBe("FORBIDDEN");
  });
});

describe("company credentials on the Companies API", () => {
  it("list only their own company, with or without their own organization_id", async () => {
    for (const query of [{}, { organization_id: ORGANISATIONS.loveCremeBrulee.id }]) {
      const res = await call(sim(), CREDENTIALS.nl, "GET", "/v1/companies", { query });
      expect(res.status).toBe(200);
      expect(res.body.data.map((c: { id: string }) => c.id)).toEqual([COMPANIES.nl.id]);
    }
  });

  it("get 403 naming another organisation", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "GET", "/v1/companies", {
      query: { organization_id: ORGANISATIONS.alexey.id },
    });
    expect(res.status).toBe(403);
  });

  it("get their own company by id and 403 for a sibling company", async () => {
    expect((await call(sim(), CREDENTIALS.nl, "GET", `/v1/companies/${COMPANIES.nl.id}`)).status).toBe(200);
    const sibling = await call(sim(), CREDENTIALS.nl, "GET", `/v1/companies/${COMPANIES.de.id}`);
    expect(sibling.status).toBe(403);
    expect(sibling.body.type).toBe("FORBIDDEN");
  });
});
