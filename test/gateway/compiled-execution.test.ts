import { readFileSync } from "node:fs";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { parse, print } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, ORGANISATIONS } from "../../src/simulator/seed/identities.ts";
import { apiKeys } from "../support/auth-headers.ts";
import { type Harness, startHarness } from "../support/harness.ts";

/**
 * Queries and mutations run on graphql-js the first time a document is executed and compiled by
 * graphql-jit from its second execution (src/plugins/compiled-execution.ts). Both executors must give
 * the same answer, errors, partial results and abstract types included: each operation here runs twice
 * on the same simulated state and the two bodies must be identical, and the second must be the compiled
 * one.
 */

// biome-ignore lint/suspicious/noExplicitAny: bodies are compared whole.
type Json = any;

const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;
const BE = COMPANIES.be.id;
const economy = parse(readFileSync(new URL("../operations/economy.graphql", import.meta.url), "utf8"));
const operation = (name: string): string =>
  print({
    kind: economy.kind,
    definitions: economy.definitions.filter((d) => "name" in d && d.name?.value === name),
  });

const PARTIAL = /* GraphQL */ `
  query Partial($nl: ID!, $de: ID!) {
    nl: company(id: $nl) { name vendors(first: 3) { totalCount edges { cursor node { id name } } pageInfo { endCursor hasNextPage } } }
    de: company(id: $de) { name vendors(first: 3) { totalCount } }
  }
`;

const SYNC_TAX_CODES = /* GraphQL */ `
  mutation Sync($input: SyncTaxCodesInput!) {
    syncTaxCodes(input: $input) {
      __typename
      ... on ValidationFailed { code message issues { path code } }
      ... on SyncTaxCodesPayload {
        succeeded failed
        outcomes {
          companyId status created updated unchanged failed skipped
          error { __typename code message companyId ... on AccessDenied { scope } }
          items { code action taxCode { code rate } error { __typename code } }
        }
      }
    }
  }
`;

const NODES = /* GraphQL */ `
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) { __typename id ... on Company { name } ... on Vendor { name } }
  }
`;

const taxCodes = [{ code: "JIT-H", name: "High rate (jit)", rate: 0.21, type: "EXCLUSIVE" }];

const cases: readonly {
  readonly name: string;
  readonly query: string;
  readonly headers: () => Promise<Record<string, string>> | Record<string, string>;
  readonly variables: Record<string, unknown>;
}[] = [
  {
    name: "a group's books across its companies",
    query: operation("GroupBooks"),
    headers: async () => (await h.persona("group-admin")).headers,
    variables: { org: ORGANISATIONS.loveCremeBrulee.id, n: 5 },
  },
  {
    name: "entries with every reference (batched lookups, lists of objects)",
    query: operation("Entries"),
    headers: () => apiKeys(CREDENTIALS.nl),
    variables: { id: NL, n: 10 },
  },
  {
    name: "a partial result: the company without a credential is null with a typed error",
    query: PARTIAL,
    headers: () => apiKeys(CREDENTIALS.nl),
    variables: { nl: NL, de: DE },
  },
  {
    name: "nodes of the Node interface (abstract types resolved per item)",
    query: NODES,
    headers: () => apiKeys(CREDENTIALS.nl, CREDENTIALS.de),
    variables: {
      ids: [encodeGlobalID("Company", NL), encodeGlobalID("Company", DE)],
    },
  },
  {
    name: "a multi-company mutation: one company fails with an AccessDenied member (an interface value)",
    query: SYNC_TAX_CODES,
    headers: () => apiKeys(CREDENTIALS.nl, CREDENTIALS.de, CREDENTIALS.beVendorsOnly),
    variables: { input: { taxCodes } },
  },
  {
    name: "a mutation refused before anything is sent: the ValidationFailed member",
    query: SYNC_TAX_CODES.replace("mutation Sync(", "mutation SyncRefused("),
    headers: () => apiKeys(CREDENTIALS.nl),
    variables: { input: { taxCodes: [{ ...taxCodes[0], rate: 7 }], companyIds: [NL, BE] } },
  },
];

let h: Harness;

describe("compiled execution", () => {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetSim());

  it.each(cases)("$name: the compiled second execution answers exactly as the first", async (c) => {
    const headers = await c.headers();
    const run = async () => {
      await h.resetSim();
      const response = await h.gql<Json>(c.query, { headers, variables: c.variables });
      return { status: response.status, data: response.body.data, errors: response.body.errors };
    };
    const compiling = () => h.logLines.filter((l) => l.includes("jit: compiling")).length;
    const before = compiling();
    const first = await run();
    expect(compiling()).toBe(before);
    const second = await run();
    expect(compiling()).toBe(before + 1);
    const third = await run();
    expect(compiling()).toBe(before + 1);
    expect(first.data, JSON.stringify(first.errors)).not.toBeNull();
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });
});
