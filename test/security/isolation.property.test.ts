import { encodeGlobalID } from "@pothos/plugin-relay";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedData } from "../../src/simulator/index.ts";
import {
  ALL_CREDENTIALS,
  COMPANIES,
  ORGANISATIONS,
  type SimCredential,
} from "../../src/simulator/seed/identities.ts";
import { type Harness, startHarness } from "../support/harness.ts";

/**
 * Isolation, proven by property: for random callers (caller JWT grants and/or credentials sent in
 * headers) and random operations over every company (aliases, fragments, node(id:) with other companies'
 * ids, by-id fields with foreign ids, foreign cursors, mutations aimed at any company with any
 * company's ids), every run must satisfy:
 *  1. every upstream request made with a credential bound to company X was scoped to X — the only
 *     exception being Pleo's by-id reads addressed by a caller-chosen id, which Pleo must then refuse;
 *  2. the response data holds no object of a company the caller holds no credential for;
 *  3. no response contains any credential.
 * PROPERTY_RUNS sets the number of runs (default 200 locally, 2000 when CI is set).
 */

const RUNS = Number.parseInt(process.env.PROPERTY_RUNS ?? (process.env.CI ? "2000" : "200"), 10);
const companies = Object.values(COMPANIES);

interface CompanyIds {
  readonly companyId: string;
  readonly objects: readonly { readonly typename: string; readonly id: string; readonly field: string }[];
  /** Every accounting object id of the company, to search responses for leaks. */
  readonly allIds: ReadonlySet<string>;
}

const seeded: Map<string, CompanyIds> = new Map(
  seedData().companies.map((c) => {
    const objects = [
      { typename: "Vendor", id: c.vendors[0]?.id as string, field: "vendor" },
      { typename: "Account", id: c.accounts[0]?.id as string, field: "account" },
      { typename: "TaxCode", id: c.taxCodes[0]?.id as string, field: "taxCode" },
      { typename: "Employee", id: c.employees[0]?.id as string, field: "employee" },
      { typename: "ExportJob", id: c.exportJobs[0]?.id as string, field: "exportJob" },
      { typename: "AccountingEntry", id: c.accountingEntries[0]?.id as string, field: "accountingEntry" },
    ];
    const allIds = new Set<string>(
      [c.vendors, c.accounts, c.taxCodes, c.employees, c.exportJobs, c.accountingEntries, c.tags, c.tagGroups]
        .flat()
        .map((o) => o.id.toLowerCase()),
    );
    return [c.identity.id, { companyId: c.identity.id, objects, allIds }];
  }),
);

/** Paths of Pleo's by-id reads, where the object (and so its company) is named by the caller's id. */
const CALLER_ADDRESSED = [/^\/v1\/accounting-entries\/[0-9a-f-]{36}$/, /^\/v3\/export-jobs\/[0-9a-f-]{36}$/];

interface Caller {
  readonly direct: readonly SimCredential[];
  readonly grantedCompanies: readonly string[];
  readonly grantedOrganisations: readonly string[];
}

const directCredentials = [...ALL_CREDENTIALS];

const callerArb: fc.Arbitrary<Caller> = fc.record({
  direct: fc.subarray([...directCredentials], { maxLength: 4 }),
  grantedCompanies: fc.subarray(companies.map((c) => c.id)),
  grantedOrganisations: fc.subarray(Object.values(ORGANISATIONS).map((o) => o.id)),
});

const companyFieldArb = fc.constantFrom(
  "name",
  "vendors(first: 3) { edges { node { vendorId name } } }",
  "accounts(first: 2) { edges { node { accountId name taxCode { taxCodeId } } } }",
  "taxCodes(first: 2) { edges { node { taxCodeId rate } } }",
  "tagGroups { tagGroupId tags(first: 2) { edges { node { tagId } } } }",
  "employees(first: 2) { edges { node { employeeId email } } }",
  "exportJobs(first: 1) { edges { node { exportJobId items(first: 2) { edges { node { accountingEntryId } } } } } }",
  "accountingEntries(first: 3) { edges { node { accountingEntryId account { accountId } vendor { vendorId } tags { tag { tagId } } } } }",
);

interface Fragmentable {
  readonly text: string;
  readonly fragments: readonly string[];
}

/** A selection on Company, possibly hidden in a named or inline fragment, possibly aliased. */
function companySelection(fields: readonly string[], useFragment: boolean, n: number): Fragmentable {
  const body = fields.map((f, i) => (i % 2 === 1 ? `a${n}_${i}: ${f}` : f)).join("\n");
  if (!useFragment) return { text: body, fragments: [] };
  return { text: `...C${n}`, fragments: [`fragment C${n} on Company { ${body} }`] };
}

const rootArb = fc.oneof(
  // company(id:) by raw id or global id.
  fc.record({
    kind: fc.constant("company" as const),
    company: fc.constantFrom(...companies.map((c) => c.id)),
    global: fc.boolean(),
    fields: fc.uniqueArray(companyFieldArb, { minLength: 1, maxLength: 3 }),
    fragment: fc.boolean(),
  }),
  // organisation(id:) { companies { ... } }
  fc.record({
    kind: fc.constant("organisation" as const),
    organisation: fc.constantFrom(...Object.values(ORGANISATIONS).map((o) => o.id)),
    fields: fc.uniqueArray(companyFieldArb, { minLength: 1, maxLength: 2 }),
    fragment: fc.boolean(),
  }),
  // node(id:) with an object of any company.
  fc.record({
    kind: fc.constant("node" as const),
    owner: fc.constantFrom(...companies.map((c) => c.id)),
    object: fc.nat({ max: 5 }),
  }),
  // company(id: X) { <byIdField>(id: object of Y) } — raw or global id.
  fc.record({
    kind: fc.constant("byId" as const),
    company: fc.constantFrom(...companies.map((c) => c.id)),
    owner: fc.constantFrom(...companies.map((c) => c.id)),
    object: fc.nat({ max: 5 }),
    global: fc.boolean(),
  }),
  // company(id: X) { vendors(after: cursor of Y) }
  fc.record({
    kind: fc.constant("cursor" as const),
    company: fc.constantFrom(...companies.map((c) => c.id)),
    owner: fc.constantFrom(...companies.map((c) => c.id)),
  }),
);
type Root = typeof rootArb extends fc.Arbitrary<infer R> ? R : never;

/** Mutations: writes aimed at any company, with ids of any company. */
const mutationArb = fc.oneof(
  fc.record({
    kind: fc.constant("createVendor" as const),
    company: fc.constantFrom(...companies.map((c) => c.id)),
    global: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("archiveVendor" as const),
    company: fc.constantFrom(...companies.map((c) => c.id)),
    owner: fc.constantFrom(...companies.map((c) => c.id)),
    global: fc.boolean(),
  }),
);
type MutationRoot = typeof mutationArb extends fc.Arbitrary<infer R> ? R : never;
const operationArb = fc.oneof(
  { weight: 3, arbitrary: fc.array(rootArb, { minLength: 1, maxLength: 4 }).map((roots) => ({ roots })) },
  {
    weight: 1,
    arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }).map((mutations) => ({ mutations })),
  },
);

describe("isolation property", () => {
  let h: Harness;
  const cursors = new Map<string, string>();

  beforeAll(async () => {
    h = await startHarness();
    // A real cursor of every company's vendor list, taken with that company's own credential.
    for (const company of companies) {
      const token = await h.env.auth.issue({ subject: "setup", companies: [company.id] });
      const response = await h.gql<{ company: { vendors: { pageInfo: { endCursor: string } } } }>(
        `query($id: ID!) { company(id: $id) { vendors(first: 2) { pageInfo { endCursor } } } }`,
        { headers: { authorization: `Bearer ${token}` }, variables: { id: company.id } },
      );
      cursors.set(company.id, response.body.data?.company.vendors.pageInfo.endCursor as string);
    }
  });
  afterAll(() => h.close());

  function render(roots: readonly Root[]): string {
    const fragments: string[] = [];
    const parts = roots.map((root, n) => {
      switch (root.kind) {
        case "company": {
          const id = root.global ? encodeGlobalID("Company", root.company) : root.company;
          const sel = companySelection(root.fields, root.fragment, n);
          fragments.push(...sel.fragments);
          return `r${n}: company(id: "${id}") { companyId ${sel.text} }`;
        }
        case "organisation": {
          const sel = companySelection(root.fields, root.fragment, n);
          fragments.push(...sel.fragments);
          return `r${n}: organisation(id: "${root.organisation}") { companies(first: 5) { edges { node { companyId ${sel.text} } } } }`;
        }
        case "node": {
          const object = seeded.get(root.owner)?.objects[root.object];
          const id = encodeGlobalID(object?.typename as string, `${root.owner}:${object?.id}`);
          return `r${n}: node(id: "${id}") { id ... on Vendor { name } ... on Account { name } ... on AccountingEntry { note } ... on Employee { email } }`;
        }
        case "byId": {
          const object = seeded.get(root.owner)?.objects[root.object];
          const id = root.global
            ? encodeGlobalID(object?.typename as string, `${root.owner}:${object?.id}`)
            : object?.id;
          return `r${n}: company(id: "${root.company}") { ${object?.field}(id: "${id}") { id } }`;
        }
        default:
          return `r${n}: company(id: "${root.company}") { vendors(first: 2, after: "${cursors.get(root.owner)}") { edges { node { vendorId } } } }`;
      }
    });
    return `query Property {\n${parts.join("\n")}\n}\n${fragments.join("\n")}`;
  }

  function renderMutation(mutations: readonly MutationRoot[]): string {
    const result =
      "__typename ... on MutationError { code } ... on VendorPayload { vendor { vendorId name } }";
    const parts = mutations.map((m, n) => {
      const companyId = m.global ? encodeGlobalID("Company", m.company) : m.company;
      if (m.kind === "createVendor") {
        return `m${n}: createVendor(input: { companyId: "${companyId}", name: "Property vendor ${n}", defaultCurrency: "EUR" }) { ${result} }`;
      }
      const vendor = seeded.get(m.owner)?.objects[0]?.id as string;
      const id = m.global ? encodeGlobalID("Vendor", `${m.owner}:${vendor}`) : vendor;
      return `m${n}: archiveVendor(input: { companyId: "${companyId}", id: "${id}" }) { __typename ... on MutationError { code } }`;
    });
    return `mutation Property {\n${parts.join("\n")}\n}`;
  }

  function headersFor(caller: Caller, token: string | undefined): Record<string, string> {
    const headers: Record<string, string> = {};
    const keys = caller.direct.filter((c) => c.kind === "apiKey").map((c) => c.secret);
    const tokens = caller.direct.filter((c) => c.kind === "accessToken").map((c) => c.secret);
    if (keys.length) headers["x-pleo-api-key"] = keys.join(", ");
    if (tokens.length) headers["x-pleo-access-token"] = tokens.join(", ");
    if (token) headers.authorization = `Bearer ${token}`;
    return headers;
  }

  it(`holds for ${RUNS} random callers and operations`, async () => {
    await fc.assert(
      fc.asyncProperty(callerArb, operationArb, async (caller, operation) => {
        const useToken = caller.grantedCompanies.length + caller.grantedOrganisations.length > 0;
        const token = useToken
          ? await h.env.auth.issue({
              subject: "property",
              companies: caller.grantedCompanies,
              organisations: caller.grantedOrganisations,
            })
          : undefined;
        await h.resetSim();
        const document = "roots" in operation ? render(operation.roots) : renderMutation(operation.mutations);
        const response = await h.gql(document, { headers: headersFor(caller, token) });

        // 3. No credential in the response, whatever happened.
        for (const credential of ALL_CREDENTIALS) expect(response.text).not.toContain(credential.secret);
        expect(response.status).toBeLessThan(500);

        const held = new Set<string>([
          ...caller.direct.filter((c) => c.subject.type === "company").map((c) => c.subject.id),
          ...caller.grantedCompanies,
        ]);

        // 1. Every upstream request with a company credential stayed within that company.
        for (const entry of await h.simRequests()) {
          if (entry.credentialSubject?.type === "organisation") {
            expect(entry.path === "/v1/introspect" || entry.path.startsWith("/v1/companies")).toBe(true);
            continue;
          }
          if (entry.credentialSubject?.type !== "company") continue;
          expect(held.has(entry.credentialSubject.id) || entry.path === "/v1/introspect").toBe(true);
          if (entry.targetCompanyId === null || entry.targetCompanyId === entry.credentialSubject.id)
            continue;
          // Only a by-id read with a caller-chosen id may name another company's object, and Pleo refused it.
          expect(CALLER_ADDRESSED.some((p) => p.test(entry.path))).toBe(true);
          expect(entry.status).toBeGreaterThanOrEqual(400);
        }

        // 2. No data of a company without a credential.
        const data = JSON.stringify(response.body.data ?? {}).toLowerCase();
        for (const [companyId, ids] of seeded) {
          if (held.has(companyId)) continue;
          for (const id of ids.allIds) {
            if (data.includes(id)) {
              throw new Error(
                `response data contains ${id} of ${companyId}, which the caller holds no credential for`,
              );
            }
          }
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 240_000 },
    );
  }, 300_000);
});
