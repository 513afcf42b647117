import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { Kind, print, visit } from "graphql";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SimRequestLogEntry } from "../../src/simulator/index.ts";
import { COMPANIES, ORGANISATIONS } from "../../src/simulator/seed/identities.ts";
import { EntriesDocument, GroupBooksDocument } from "../generated/graphql.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * Upstream economy: the exact number of Pleo calls representative queries cost, and that it does not
 * grow with page size. Each query runs once to warm the introspection cache, then is measured.
 */

function byPath(log: SimRequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of log) {
    const key = `${entry.method} ${entry.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{id}")}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe("upstream economy", () => {
  const h = useHarness();
  const execute = executor(h);
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = (await h.persona("group-admin")).headers;
  });
  beforeEach(() => h.resetSim());

  async function measure<R, V>(document: TypedDocumentNode<R, V>, variables: V) {
    await execute(document, variables, { headers: admin });
    await h.resetSim();
    (await execute(document, variables, { headers: admin })).expectData();
    return byPath(await h.simRequests());
  }

  it("the group's books in one query: one call per company and resource, whatever the page size", async () => {
    const small = await measure(GroupBooksDocument, { org: ORGANISATIONS.loveCremeBrulee.id, n: 10 });
    expect(small).toEqual({
      "GET /v1/companies": 1,
      "POST /v1/chart-of-accounts:search": 6, // per company: the page, and the entries' accounts by id
      "POST /v0/tax-codes:search": 3,
      "GET /v0/tag-groups": 3,
      "POST /v1/vendors:search": 6, // per company: the page, and the entries' vendors by external id
      "POST /v1/accounting-entries:search": 3,
    });
    const large = await measure(GroupBooksDocument, { org: ORGANISATIONS.loveCremeBrulee.id, n: 100 });
    expect(large).toEqual(small);
  });

  it("the whole group through discovery: one company list, then one call per company and resource", async () => {
    const counts = await measure(WHOLE_GROUP_BOOKS, { n: 10 });
    expect(counts).toEqual({
      // The organisation's list, read once with the organisation credential: it says which organisation
      // NL, DE and BE belong to (no GET /v1/companies/{id} each) and serves their page of companies.
      "GET /v1/companies": 1,
      "POST /v1/chart-of-accounts:search": 6, // per company: the page, and the entries' accounts by id
      "POST /v0/tax-codes:search": 3, // per company: the page
      "GET /v0/tag-groups": 3, // per company: every tag group
      "POST /v1/vendors:search": 6, // per company: the page, and the entries' vendors by external id
      "POST /v1/accounting-entries:search": 3, // per company: the page
    });
    expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(22);
    expect(await measure(WHOLE_GROUP_BOOKS, { n: 100 })).toEqual(counts);
  });

  it("discovery alone: the organisation's company list, once, whatever asks for it", async () => {
    // Which organisations and which companies: both answered by the one list the organisation credential
    // reads; the granted companies' records come from it, so neither field looks a company up.
    expect(await measure(DISCOVERY, {})).toEqual({ "GET /v1/companies": 1 });
  });

  it("a page cut from discovery's list keeps Pleo's order and resumes from its last edge", async () => {
    const all = await execute(SHORT_PAGE, { n: 3 }, { headers: admin });
    const names = all
      .expectData()
      .organisations.flatMap((o) => o.companies?.edges.map((e) => e.node.name) ?? []);
    await h.resetSim();
    const head = (await execute(SHORT_PAGE, { n: 2 }, { headers: admin })).expectData().organisations[0];
    // Cut from the list discovery read: no second list for the shorter page.
    expect(byPath(await h.simRequests())).toEqual({ "GET /v1/companies": 1 });
    expect(head?.companies?.edges.map((e) => e.node.name)).toEqual(names.slice(0, 2));
    expect(head?.companies?.pageInfo.hasNextPage).toBe(true);
    const org = head?.id as string;
    const after = head?.companies?.pageInfo.endCursor as string;
    const rest = (await execute(RESUME, { org, after }, { headers: admin })).expectData();
    expect(rest.organisation?.companies?.edges.map((e) => e.node.name)).toEqual(names.slice(2));
  });

  it("twenty entries with every reference: one batched call per referenced resource", async () => {
    const counts = await measure(EntriesDocument, { id: COMPANIES.nl.id, n: 20 });
    // company(id:) costs nothing: the credential Pleo bound to NL proves the company, and no discovery
    // field asks for its record.
    expect(counts).toEqual({
      "POST /v1/accounting-entries:search": 1,
      "POST /v1/chart-of-accounts:search": 1,
      "POST /v1/vendors:search": 1,
      "POST /v0/tax-codes:search": 1,
      "GET /v2/employees": 1,
      "POST /v0/tags:search": 1,
      "GET /v0/tag-groups": 1,
    });
    const hundred = await measure(EntriesDocument, { id: COMPANIES.nl.id, n: 100 });
    expect(hundred).toEqual(counts);
  });

  it("runs each company's calls with its own credential", async () => {
    await measure(GroupBooksDocument, { org: ORGANISATIONS.loveCremeBrulee.id, n: 5 });
    const log = await h.simRequests();
    for (const entry of log) {
      if (entry.credentialSubject?.type === "company")
        expect(entry.targetCompanyId).toBe(entry.credentialSubject.id);
    }
    expect(new Set(log.map((r) => r.targetCompanyId).filter(Boolean)).size).toBe(3);
  });
});

/**
 * GroupBooks' selection asked of every organisation `organisations` discovers rather than of one named by
 * id: the same books, reached through discovery.
 */
const WHOLE_GROUP_BOOKS = typedDocument<unknown, { n: number }>(
  print(
    visit(GroupBooksDocument, {
      VariableDefinition: (definition) => (definition.variable.name.value === "org" ? null : undefined),
      Field: (field) =>
        field.name.value === "organisation"
          ? { ...field, name: { kind: Kind.NAME, value: "organisations" }, arguments: [] }
          : undefined,
    }),
  ),
);

const DISCOVERY = typedDocument<unknown, Record<string, never>>(`
  query Discovery {
    organisations { id companies(first: 5) { totalCount } }
    viewer { organisations { id } companies { name organisation { id } } }
  }
`);

interface CompanyNames {
  companies: {
    edges: { node: { name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}

const SHORT_PAGE = typedDocument<{ organisations: ({ id: string } & CompanyNames)[] }, { n: number }>(`
  query ShortPage($n: Int!) {
    organisations { id companies(first: $n) { edges { node { name } } pageInfo { hasNextPage endCursor } } }
  }
`);

const RESUME = typedDocument<{ organisation: CompanyNames | null }, { org: string; after: string }>(`
  query Resume($org: ID!, $after: String!) {
    organisation(id: $org) { companies(first: 10, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }
  }
`);

const THREE_COMPANIES_VENDORS = typedDocument<unknown, { nl: string; de: string; be: string }>(`
  query ThreeCompaniesVendors($nl: ID!, $de: ID!, $be: ID!) {
    nl: company(id: $nl) { vendors(first: 1) { totalCount } }
    de: company(id: $de) { vendors(first: 1) { totalCount } }
    be: company(id: $be) { vendors(first: 1) { totalCount } }
  }
`);

describe("fan-out across companies", () => {
  // With 150 ms of upstream latency, sequential calls could not overlap in time.
  const slow = useHarness({ simulatorLatencyMs: 150 });
  const execute = executor(slow);

  it("sends the companies' calls concurrently, not one after another", async () => {
    const headers = (await slow.persona("group-admin")).headers;
    const variables = { nl: COMPANIES.nl.id, de: COMPANIES.de.id, be: COMPANIES.be.id };
    await execute(THREE_COMPANIES_VENDORS, variables, { headers });
    await slow.resetSim();
    (await execute(THREE_COMPANIES_VENDORS, variables, { headers })).expectData();
    const searches = (await slow.simRequests()).filter((r) => r.path === "/v1/vendors:search");
    expect(searches).toHaveLength(3);
    const intervals = searches.map((r) => ({
      end: Date.parse(r.at),
      start: Date.parse(r.at) - r.durationMs,
    }));
    const latestStart = Math.max(...intervals.map((i) => i.start));
    const earliestEnd = Math.min(...intervals.map((i) => i.end));
    expect(latestStart).toBeLessThan(earliestEnd);
  });
});
