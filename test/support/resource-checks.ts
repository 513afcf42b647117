import { expect } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { apiKeys, DE_KEY, NL_KEY } from "./auth-headers.ts";
import { type Connection, pageBackward, pageForward } from "./connection.ts";
import { executor, typedDocument } from "./execute.ts";
import type { Harness } from "./harness.ts";

/**
 * The checks every company resource must pass, shared so each resource's test states only what differs:
 * its field, its scope and the path its upstream calls take.
 */
export interface ResourceSpec {
  /** The Company connection field, e.g. "accounts". */
  readonly field: string;
  /** The by-id Company field, e.g. "account". */
  readonly byIdField: string;
  /** The GraphQL type, e.g. "Account". */
  readonly typename: string;
  /** Id field of the type holding Pleo's id, e.g. "accountId". */
  readonly idField: string;
  /** Upstream path prefix the simulator logs for this resource, e.g. "/v1/chart-of-accounts". */
  readonly upstreamPath: string;
  /** A seeded credential lacking this resource's scope. */
  readonly withoutScope: { readonly secret: string; readonly companyId: string };
  readonly scope: string;
}

const nlAndDe = apiKeys(CREDENTIALS.nl, CREDENTIALS.de);

type Conn = Connection<{ id: string } & Record<string, string>>;
interface PageArgs {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
}

async function listPage(
  h: Harness,
  spec: ResourceSpec,
  companyId: string,
  args: PageArgs,
  headers: Record<string, string> = NL_KEY,
) {
  const document = typedDocument<{ company: Record<string, Conn | null> | null }, PageArgs & { id: string }>(
    `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      company(id: $id) {
        ${spec.field}(first: $first, after: $after, last: $last, before: $before) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { id ${spec.idField} } }
        }
      }
    }`,
  );
  const response = await executor(h)(document, { id: companyId, ...args }, { headers });
  return { response, conn: response.data?.company?.[spec.field] ?? null };
}

/** A page of the resource's NL list, which must answer with data. */
async function nlPage(h: Harness, spec: ResourceSpec, args: PageArgs): Promise<Conn> {
  const { response, conn } = await listPage(h, spec, COMPANIES.nl.id, args);
  response.expectData();
  if (!conn) throw new Error(`${spec.field} missing from a data answer\n${response.describe()}`);
  return conn;
}

/** Gate: NL is served with NL's key, DE's field is refused with no upstream call for DE. */
export async function checkCredentialGate(h: Harness, spec: ResourceSpec) {
  await h.resetSim();
  const { headers } = await h.persona("nl-bookkeeper");
  const response = await executor(h)(
    typedDocument<{
      nl: Record<string, Conn | null>;
      de: Record<string, Conn | null>;
    }>(`query($nl: ID!, $de: ID!) {
      nl: company(id: $nl) { ${spec.field}(first: 3) { totalCount edges { node { id } } } }
      de: company(id: $de) { ${spec.field}(first: 3) { totalCount edges { node { id } } } }
    }`),
    { nl: COMPANIES.nl.id, de: COMPANIES.de.id },
    { headers },
  );
  expect(response.data?.nl[spec.field]?.edges.length).toBeGreaterThan(0);
  expect(response.data?.de[spec.field]).toBeNull();
  response.expectErrors("NO_CREDENTIAL_FOR_COMPANY");
  expect(response.errors[0]?.path).toEqual(["de", spec.field]);
  const log = await h.simRequests();
  // Only discovery (the organisation key looking the company up) may address DE; nothing accounting.
  const forDe = log.filter((r) => r.targetCompanyId === COMPANIES.de.id);
  for (const entry of forDe) {
    expect(entry.path.startsWith("/v1/companies/")).toBe(true);
    expect(entry.credentialSubject?.type).toBe("organisation");
  }
  for (const entry of log.filter((r) => r.path.startsWith(spec.upstreamPath))) {
    expect(entry.credentialSubject).toEqual({ type: "company", id: entry.targetCompanyId });
  }
}

/** Missing scope: MISSING_SCOPE naming the scope, and no upstream call for the resource. */
export async function checkMissingScope(h: Harness, spec: ResourceSpec) {
  await h.resetSim();
  const response = await executor(h)(
    typedDocument<{ company: Record<string, unknown> }>(
      `query($id: ID!) { company(id: $id) { name ${spec.field}(first: 2) { totalCount } } }`,
    ),
    { id: spec.withoutScope.companyId },
    { headers: { "x-pleo-api-key": spec.withoutScope.secret } },
  );
  expect(response.data?.company?.[spec.field]).toBeNull();
  expect(typeof response.data?.company?.name).toBe("string");
  response.expectErrors("MISSING_SCOPE");
  expect(response.errors[0]?.extensions?.scope).toBe(spec.scope);
  expect((await h.simRequests()).filter((r) => r.path.startsWith(spec.upstreamPath))).toEqual([]);
}

/** Forwards then backwards through the whole list: same items, same order, no gaps or repeats. */
export async function checkPagination(h: Harness, spec: ResourceSpec, pageSize = 7) {
  const ids = (edges: readonly { node: { id: string } }[]) => edges.map((e) => e.node.id);
  const all = ids((await nlPage(h, spec, { first: 100 })).edges);
  expect(all.length).toBeGreaterThan(pageSize);
  const forward = await pageForward((args) => nlPage(h, spec, args), pageSize);
  expect(ids(forward)).toEqual(all);
  // Backwards from the last item to the first.
  const backward = await pageBackward(
    (args) => nlPage(h, spec, args),
    pageSize,
    forward.at(-1)?.cursor as string,
  );
  expect([...ids(backward), all.at(-1)]).toEqual(all);
  expect(new Set(all).size).toBe(all.length);
}

/** Foreign IDs and cursors: refused with typed errors before any upstream call for the resource. */
export async function checkForeignIdAndCursor(h: Harness, spec: ResourceSpec) {
  const de = (await listPage(h, spec, COMPANIES.de.id, { first: 2 }, DE_KEY)).conn;
  const deObject = de?.edges[0]?.node;
  expect(deObject).toBeDefined();
  const nlConn = (await listPage(h, spec, COMPANIES.nl.id, { first: 2 })).conn;
  await h.resetSim();

  const foreignId = await executor(h)(
    typedDocument(`query($nl: ID!, $id: ID!) { company(id: $nl) { ${spec.byIdField}(id: $id) { id } } }`),
    { nl: COMPANIES.nl.id, id: deObject?.id },
    { headers: nlAndDe },
  );
  foreignId.expectErrors("FOREIGN_ID");

  const viaNode = await executor(h)(
    typedDocument(`query($id: ID!) { node(id: $id) { id } }`),
    { id: deObject?.id },
    { headers: NL_KEY },
  );
  expect(viaNode.data?.node).toBeNull();
  viaNode.expectErrors("NO_CREDENTIAL_FOR_COMPANY");

  const foreignCursor = await listPage(
    h,
    spec,
    COMPANIES.de.id,
    { first: 2, after: nlConn?.pageInfo.endCursor },
    nlAndDe,
  );
  foreignCursor.response.expectErrors("FOREIGN_CURSOR");
  expect((await h.simRequests()).filter((r) => r.path.startsWith(spec.upstreamPath))).toEqual([]);

  // The same id with its own company's credential resolves through node(id:).
  const own = await executor(h)(
    typedDocument<{ node: { id: string } | null }>(`query($id: ID!) { node(id: $id) { id } }`),
    { id: deObject?.id },
    { headers: DE_KEY },
  );
  expect(own.data?.node?.id).toBe(deObject?.id);
}

/** An id Pleo does not know becomes NOT_FOUND on that field only. */
export async function checkNotFound(h: Harness, spec: ResourceSpec) {
  const response = await executor(h)(
    typedDocument<{ company: Record<string, unknown> }>(
      `query($nl: ID!, $id: ID!) { company(id: $nl) { name ${spec.byIdField}(id: $id) { id } } }`,
    ),
    { nl: COMPANIES.nl.id, id: "0b7c9d3e-1111-4222-8333-944455556666" },
    { headers: NL_KEY },
  );
  expect(response.data?.company?.name).toBe(COMPANIES.nl.name);
  expect(response.data?.company?.[spec.byIdField]).toBeNull();
  response.expectErrors("NOT_FOUND");
}
