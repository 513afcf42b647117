import { readFileSync } from "node:fs";
import { parse, print } from "graphql";
// The GraphQL documents the benchmark sends, and how each arm's answer is reduced to comparable data.

/**
 * (a) One upstream call: an organisation's companies are exactly `GET /v1/companies?organization_id=
 * &limit=n`. The page size varies from request to request (3…100; the group has three companies, so the
 * answer is the same), because the gateway shares identical reads in flight: identical concurrent
 * requests would measure that sharing, not the cost of a request.
 */
export const ONE_CALL = /* GraphQL */ `
  query OneCall($org: ID!, $n: Int!) {
    organisation(id: $org) { companies(first: $n) { edges { node { name registrationNumber address { locality country } } } } }
  }
`;

/** Page sizes of (a)'s requests, taken in turn: more of them than requests in flight at once. */
export const ONE_CALL_PAGE_SIZES = Array.from({ length: 98 }, (_, i) => i + 3);

/**
 * (d) Requests that never share an upstream call: a vendor search whose name filter differs per request
 * (it matches nothing, so every answer is equally small). `company(id:)` adds a GET that they do share.
 */
export const HELD_REQUEST = /* GraphQL */ `
  query Held($c: ID!, $name: String!) { company(id: $c) { vendors(first: 5, filter: { name: $name }) { totalCount } } }
`;

/**
 * (b) The read-surface issue's representative queries, from the same document the economy test uses
 * (test/operations/economy.graphql), so the benchmark measures exactly what the test pins.
 */
const economy = parse(
  readFileSync(new URL("../../test/operations/economy.graphql", import.meta.url), "utf8"),
);
const operation = (name) =>
  print({ kind: "Document", definitions: economy.definitions.filter((d) => d.name?.value === name) });
export const GROUP_BOOKS = operation("GroupBooks");
export const ENTRIES_WITH_REFERENCES = operation("Entries");

/**
 * (f) One company's books, seven upstream calls: what a generated OpenAPI gateway can also answer in one
 * query (it has one credential per request and no cross-references between the specs).
 */
export const COMPANY_BOOKS = /* GraphQL */ `
  query CompanyBooks($c: ID!, $n: Int!) {
    company(id: $c) {
      name
      accounts(first: $n) { totalCount edges { node { code name } } }
      taxCodes(first: $n) { edges { node { name rate } } }
      tagGroups { name }
      vendors(first: $n) { edges { node { name } } }
      accountingEntries(first: $n) { edges { node { accountingEntryId transactionValue { minorUnits currency } } } }
      employees(first: $n) { edges { node { firstName lastName } } }
    }
  }
`;

/**
 * (f)'s page sizes, taken in turn by consecutive requests of both arms (mean 28.5): more of them than
 * connections, so that no two requests in flight are identical (the gateway would share their calls).
 */
export const BOOKS_PAGE_SIZES = Array.from({ length: 48 }, (_, i) => i + 5);

/** The same data from Hive Gateway over the supergraph composed from Pleo's OpenAPI specs. */
export const COMPANY_BOOKS_PEER = /* GraphQL */ `
  query CompanyBooks($c: UUID!, $n: Int!) {
    company: Get_company_by_ID(companyId: $c) { data { name } }
    accounts: searchAccountsV1(
      limit: $n
      input: { companyId: $c, excludeIfAssignedToCategory: false, excludeIfAssignedToContraAccount: false }
    ) { data { code name } pagination { total } }
    taxCodes: getTaxCodes(company_id: $c, limit: $n) { data { name rate } }
    tagGroups: getTagGroups(company_id: $c) { data { name } }
    vendors: searchVendors(company_id: $c, limit: $n) { data { name } }
    entries: externalSearchAccountingEntriesV1(company_id: $c, limit: $n) {
      data { id transactionValue { minors currency } }
    }
    employees: Search_Employees(companyId: $c, limit: $n) { data { firstName lastName } }
  }
`;

const nodes = (connection) => (connection?.edges ?? []).map((edge) => edge.node);

export function normaliseGatewayBooks(data) {
  const c = data?.company;
  if (!c) return null;
  return {
    name: c.name,
    accountsTotal: c.accounts?.totalCount,
    accounts: nodes(c.accounts).map((a) => [a.code, a.name]),
    taxCodes: nodes(c.taxCodes).map((t) => [t.name, t.rate]),
    tagGroups: (c.tagGroups ?? []).map((g) => g.name),
    vendors: nodes(c.vendors).map((v) => v.name),
    entries: nodes(c.accountingEntries).map((e) => [
      e.accountingEntryId,
      Number(e.transactionValue.minorUnits),
      e.transactionValue.currency,
    ]),
    employees: nodes(c.employees).map((e) => `${e.firstName} ${e.lastName}`),
  };
}

export function normalisePeerBooks(data) {
  if (!data?.company) return null;
  return {
    name: data.company.data.name,
    accountsTotal: Number(data.accounts?.pagination?.total),
    accounts: (data.accounts?.data ?? []).map((a) => [a.code, a.name]),
    taxCodes: (data.taxCodes?.data ?? []).map((t) => [t.name, t.rate]),
    tagGroups: (data.tagGroups?.data ?? []).map((g) => g.name),
    vendors: (data.vendors?.data ?? []).map((v) => v.name),
    entries: (data.entries?.data ?? []).map((e) => [
      e.id,
      Number(e.transactionValue.minors),
      e.transactionValue.currency,
    ]),
    employees: (data.employees?.data ?? []).map((e) => `${e.firstName} ${e.lastName}`),
  };
}

/**
 * (c) `count` companies in one query. The simulator seeds four companies (three in the group, Alexey);
 * beyond four, aliases repeat a company with a distinct page size, so no two selections are the same
 * upstream call (identical selections would be deduplicated into one call). `base` shifts every page
 * size, so that consecutive requests differ too.
 */
export function fanOutQuery(count, companyIds, base = 0) {
  const fields = [];
  for (let i = 0; i < count; i += 1) {
    fields.push(
      `c${i}: company(id: "${companyIds[i % companyIds.length]}") { name vendors(first: ${base + i + 1}) { totalCount edges { node { name } } } }`,
    );
  }
  return `query FanOut${count} {\n  ${fields.join("\n  ")}\n}`;
}

/**
 * A query bench/profile.mjs and bench/compare.mjs drive by name (one | books | group), with the
 * variants consecutive requests take in turn and the credential header value that sends it.
 * @param {object} ids the simulator's identities (servers.mjs startSimulator)
 */
export function measuredQuery(name, ids) {
  const org = ids.organisations.loveCremeBrulee;
  const queries = {
    one: {
      query: ONE_CALL,
      variants: ONE_CALL_PAGE_SIZES.map((n) => ({ org, n })),
      key: ids.secrets.lcbOrg,
    },
    books: {
      query: COMPANY_BOOKS,
      variants: BOOKS_PAGE_SIZES.map((n) => ({ c: ids.companies.nl, n })),
      key: ids.secrets.nl,
    },
    group: {
      query: GROUP_BOOKS,
      variants: BOOKS_PAGE_SIZES.map((n) => ({ org, n })),
      key: [ids.secrets.lcbOrg, ids.secrets.nl, ids.secrets.de, ids.secrets.be].join(", "),
    },
  };
  const q = queries[name];
  if (!q) throw new Error(`unknown query ${name} (one, books, group)`);
  return q;
}
