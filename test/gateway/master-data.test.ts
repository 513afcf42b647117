import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { DE_KEY, NL_KEY } from "../support/auth-headers.ts";
import { executor, typedDocument } from "../support/execute.ts";
import {
  checkCredentialGate,
  checkForeignIdAndCursor,
  checkMissingScope,
  checkNotFound,
  checkPagination,
  type ResourceSpec,
} from "../support/resource-checks.ts";
import { useHarness } from "../support/use-harness.ts";

const withoutMasterDataScopes = { secret: CREDENTIALS.beVendorsOnly.secret, companyId: COMPANIES.be.id };

const resources: ResourceSpec[] = [
  {
    field: "accounts",
    byIdField: "account",
    typename: "Account",
    idField: "accountId",
    upstreamPath: "/v1/chart-of-accounts",
    withoutScope: withoutMasterDataScopes,
    scope: "accounts:read",
  },
  {
    field: "taxCodes",
    byIdField: "taxCode",
    typename: "TaxCode",
    idField: "taxCodeId",
    upstreamPath: "/v0/tax-codes",
    withoutScope: withoutMasterDataScopes,
    scope: "tax-codes:read",
  },
  {
    field: "vendors",
    byIdField: "vendor",
    typename: "Vendor",
    idField: "vendorId",
    upstreamPath: "/v1/vendors",
    withoutScope: { secret: CREDENTIALS.nlReadOnlyAccounts.secret, companyId: COMPANIES.nl.id },
    scope: "vendors:read",
  },
];

describe.each(resources)("company resource $field", (spec) => {
  const h = useHarness();

  it("is gated by a credential bound to the company", () => checkCredentialGate(h, spec));
  it("needs its scope", () => checkMissingScope(h, spec));
  it("pages forwards and backwards", () => checkPagination(h, spec));
  it("refuses foreign ids and cursors", () => checkForeignIdAndCursor(h, spec));
  it("maps an unknown id to NOT_FOUND", () => checkNotFound(h, spec));
});

describe("master data details", () => {
  const h = useHarness();
  const execute = executor(h);
  const headers = NL_KEY;

  it("filters accounts and resolves each account's tax code with one tax-code call per company", async () => {
    await h.resetSim();
    const response = await execute(
      typedDocument<{
        company: {
          accounts: {
            edges: {
              node: { archived: boolean; taxCodeExternalId: string | null; taxCode: { code: string } | null };
            }[];
          };
        };
      }>(`query($id: ID!) { company(id: $id) { accounts(first: 100, filter: { archived: false }) {
        edges { node { archived taxCodeExternalId taxCode { code rate type } } } } } }`),
      { id: COMPANIES.nl.id },
      { headers },
    );
    const edges = response.expectData().company.accounts.edges ?? [];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e) => e.node.archived === false)).toBe(true);
    const linked = edges.filter((e) => e.node.taxCodeExternalId);
    expect(linked.length).toBeGreaterThan(0);
    for (const e of linked) expect(e.node.taxCode?.code).toBe(e.node.taxCodeExternalId);
    const log = await h.simRequests();
    expect(log.filter((r) => r.path === "/v0/tax-codes:search")).toHaveLength(1);
    expect(log.filter((r) => r.path === "/v1/chart-of-accounts:search")).toHaveLength(1);
  });

  it("states tax rates per company's country", async () => {
    const response = await execute(
      typedDocument<{
        company: { taxCodes: { edges: { node: { rate: number; type: string } }[] } };
      }>(`query($id: ID!) { company(id: $id) { taxCodes(first: 100) { edges { node { rate type } } } } }`),
      { id: COMPANIES.de.id },
      { headers: DE_KEY },
    );
    const rates = response.data?.company.taxCodes.edges.map((e) => e.node.rate) ?? [];
    expect(rates).toContain(0.19);
    expect(rates).toContain(0.07);
  });
});
