import { beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import type { Connection } from "../support/connection.ts";
import { executor, typedDocument } from "../support/execute.ts";
import {
  checkCredentialGate,
  checkForeignIdAndCursor,
  checkMissingScope,
  checkNotFound,
  type ResourceSpec,
} from "../support/resource-checks.ts";
import { useHarness } from "../support/use-harness.ts";

const spec: ResourceSpec = {
  field: "accountingEntries",
  byIdField: "accountingEntry",
  typename: "AccountingEntry",
  idField: "accountingEntryId",
  upstreamPath: "/v1/accounting-entries",
  withoutScope: { secret: CREDENTIALS.nlReadOnlyAccounts.secret, companyId: COMPANIES.nl.id },
  scope: "accounting-entries:read",
};

interface EntryNode {
  accountingEntryId: string;
  performedAt: string;
  transactionValue: { minorUnits: number; currency: string; amount: string };
  account: { accountId: string; code: string | null } | null;
  accountId: string | null;
  vendor: { name: string; externalId: string | null } | null;
  supplier: { externalSupplierId: string | null } | null;
  taxCode: { taxCodeId: string } | null;
  taxCodeId: string | null;
}

const ENTRY_PAGE = typedDocument<{
  company: { accountingEntries: Connection<{ accountingEntryId: string }> };
}>(`query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { company(id: $id) {
  accountingEntries(first: $first, after: $after, last: $last, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { accountingEntryId } } } } }`);

describe("accounting entries", () => {
  const h = useHarness();
  const execute = executor(h);
  const headers = NL_KEY;
  beforeEach(() => h.resetSim());

  it("is gated by a credential bound to the company", () => checkCredentialGate(h, spec));
  it("needs the accounting-entries scope", () => checkMissingScope(h, spec));
  it("refuses foreign ids and cursors", () => checkForeignIdAndCursor(h, spec));
  it("maps an unknown id to NOT_FOUND", () => checkNotFound(h, spec));

  it("resolves twenty entries' accounts, tax codes and vendors with one batched call each", async () => {
    const response = await execute(
      typedDocument<{
        company: { accountingEntries: { edges: { node: EntryNode }[] } };
      }>(`query($id: ID!) { company(id: $id) { accountingEntries(first: 20) { edges { node {
        accountingEntryId performedAt transactionValue { minorUnits currency amount }
        accountId account { accountId code } taxCodeId taxCode { taxCodeId }
        supplier { externalSupplierId } vendor { name externalId }
      } } } } }`),
      { id: COMPANIES.nl.id },
      { headers },
    );
    const entries = response.expectData().company.accountingEntries.edges.map((e) => e.node) ?? [];
    expect(entries).toHaveLength(20);
    for (const entry of entries) {
      if (entry.accountId) expect(entry.account?.accountId).toBe(entry.accountId);
      if (entry.taxCodeId) expect(entry.taxCode?.taxCodeId).toBe(entry.taxCodeId);
      if (entry.vendor) expect(entry.vendor.externalId).toBe(entry.supplier?.externalSupplierId);
      expect(entry.transactionValue.amount).toMatch(/^-?\d+(\.\d+)?$/);
    }
    expect(entries.some((e) => e.vendor)).toBe(true);
    expect(entries.some((e) => e.account)).toBe(true);
    const log = await h.simRequests();
    const count = (path: string) => log.filter((r) => r.path === path).length;
    expect(count("/v1/accounting-entries:search")).toBe(1);
    expect(count("/v1/chart-of-accounts:search")).toBe(1);
    expect(count("/v0/tax-codes:search")).toBe(1);
    expect(count("/v1/vendors:search")).toBe(1);
  });

  it("pages forwards and backwards with cursors only (Pleo offers no offset here)", async () => {
    const page = async (args: Record<string, unknown>) =>
      (await execute(ENTRY_PAGE, { id: COMPANIES.nl.id, ...args }, { headers })).expectData().company
        .accountingEntries;
    const first = await page({ first: 30 });
    const p1 = await page({ first: 10 });
    const p2 = await page({ first: 10, after: p1.pageInfo.endCursor });
    const p3 = await page({ first: 10, after: p2.pageInfo.endCursor });
    const ids = (c: typeof p1) => c.edges.map((e) => e.node.accountingEntryId);
    expect([...ids(p1), ...ids(p2), ...ids(p3)]).toEqual(ids(first));
    const back = await page({ last: 10, before: p3.pageInfo.startCursor });
    expect(ids(back)).toEqual(ids(p2));
    expect(back.pageInfo.hasPreviousPage).toBe(true);
    // Resuming from an edge in the middle of a page.
    const middle = await page({ first: 5, after: p1.edges[4]?.cursor });
    expect(ids(middle)).toEqual(ids(first).slice(5, 10));
  });

  it("filters and sorts with Pleo's search, and binds cursors to their ordering", async () => {
    const response = await execute(
      typedDocument<{
        company: {
          accountingEntries: {
            pageInfo: { endCursor: string };
            edges: { node: { performedAt: string; transactionValue: { currency: string } } }[];
          };
        };
      }>(`query($id: ID!) { company(id: $id) { accountingEntries(first: 15, filter: { currencies: ["EUR"] }, sort: [{ key: PERFORMED_AT, order: DESC }]) {
        pageInfo { endCursor } edges { node { performedAt transactionValue { currency } } } } } }`),
      { id: COMPANIES.nl.id },
      { headers },
    );
    const nodes = response.expectData().company.accountingEntries.edges.map((e) => e.node) ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.transactionValue.currency === "EUR")).toBe(true);
    const times = nodes.map((n) => Date.parse(n.performedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const cursor = response.data?.company.accountingEntries.pageInfo.endCursor;
    const reused = await execute(
      typedDocument(
        `query($id: ID!, $after: String) { company(id: $id) { accountingEntries(first: 5, after: $after) { totalCount } } }`,
      ),
      { id: COMPANIES.nl.id, after: cursor },
      { headers },
    );
    reused.expectErrors("FOREIGN_CURSOR");
  });

  it("rejects invalid filters with every problem at once, before calling Pleo", async () => {
    const response = await execute(
      typedDocument(
        `query($id: ID!) { company(id: $id) { accountingEntries(filter: { currencies: ["euro", "usd"] }) { totalCount } } }`,
      ),
      { id: COMPANIES.nl.id },
      { headers },
    );
    response.expectErrors("VALIDATION_FAILED");
    expect(response.errors[0]?.extensions?.issues).toHaveLength(2);
    expect((await h.simRequests()).filter((r) => r.path.startsWith("/v1/accounting-entries"))).toEqual([]);
  });

  it("resolves entries' tags and employee, and an export job's items to their entries", async () => {
    const response = await execute(
      typedDocument<{
        company: {
          accountingEntries: {
            edges: {
              node: {
                employeeId: string | null;
                employee: { employeeId: string } | null;
                tags: {
                  tagId: string | null;
                  tag: { tagId: string } | null;
                  tagGroupId: string;
                  tagGroup: { tagGroupId: string } | null;
                }[];
              };
            }[];
          };
          exportJobs: {
            edges: {
              node: {
                items: {
                  edges: {
                    node: { accountingEntryId: string; entry: { accountingEntryId: string } | null };
                  }[];
                };
              };
            }[];
          };
        };
      }>(`query($id: ID!) { company(id: $id) {
        accountingEntries(first: 30) { edges { node { employeeId employee { employeeId } tags { tagId tag { tagId } tagGroupId tagGroup { tagGroupId } } } } }
        exportJobs(first: 1, status: [PENDING]) { edges { node { items(first: 5) { edges { node { accountingEntryId entry { accountingEntryId } } } } } } }
      } }`),
      { id: COMPANIES.nl.id },
      { headers },
    );
    const entries = response.expectData().company.accountingEntries.edges.map((e) => e.node) ?? [];
    const tagged = entries.flatMap((e) => e.tags);
    expect(tagged.length).toBeGreaterThan(0);
    for (const t of tagged) {
      expect(t.tagGroup?.tagGroupId).toBe(t.tagGroupId);
      if (t.tagId) expect(t.tag?.tagId).toBe(t.tagId);
    }
    for (const e of entries) if (e.employeeId) expect(e.employee?.employeeId).toBe(e.employeeId);
    const items = response.data?.company.exportJobs.edges[0]?.node.items.edges.map((e) => e.node) ?? [];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.entry?.accountingEntryId).toBe(item.accountingEntryId);
    // Pleo has no multi-id entry lookup: one GET per distinct entry, all with NL's own credential.
    const gets = (await h.simRequests()).filter((r) =>
      /^\/v1\/accounting-entries\/[0-9a-f-]{36}$/.test(r.path),
    );
    expect(gets).toHaveLength(new Set(items.map((i) => i.accountingEntryId)).size);
    for (const get of gets) expect(get.credentialLabel).toBe(CREDENTIALS.nl.label);
  });
});
