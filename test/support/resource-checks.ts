import { expect } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { codes, type Harness } from "./harness.ts";

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

const nl = { "x-pleo-api-key": CREDENTIALS.nl.secret };
const nlAndDe = { "x-pleo-api-key": `${CREDENTIALS.nl.secret}, ${CREDENTIALS.de.secret}` };

interface Edge {
  cursor: string;
  node: { id: string } & Record<string, string>;
}
interface Conn {
  totalCount: number | null;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: Edge[];
}

export async function listPage(
  h: Harness,
  spec: ResourceSpec,
  companyId: string,
  args: { first?: number; after?: string | null; last?: number; before?: string | null },
  headers: Record<string, string> = nl,
) {
  const response = await h.gql<{ company: Record<string, Conn | null> | null }>(
    `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      company(id: $id) {
        ${spec.field}(first: $first, after: $after, last: $last, before: $before) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { id ${spec.idField} } }
        }
      }
    }`,
    { headers, variables: { id: companyId, ...args } },
  );
  return { response, conn: response.body.data?.company?.[spec.field] ?? null };
}

/** Gate: NL is served with NL's key, DE's field is refused with no upstream call for DE. */
export async function checkCredentialGate(h: Harness, spec: ResourceSpec) {
  await h.resetSim();
  const { headers } = await h.persona("nl-bookkeeper");
  const response = await h.gql<{ nl: Record<string, Conn | null>; de: Record<string, Conn | null> }>(
    `query($nl: ID!, $de: ID!) {
      nl: company(id: $nl) { ${spec.field}(first: 3) { totalCount edges { node { id } } } }
      de: company(id: $de) { ${spec.field}(first: 3) { totalCount edges { node { id } } } }
    }`,
    { headers, variables: { nl: COMPANIES.nl.id, de: COMPANIES.de.id } },
  );
  expect(response.body.data?.nl[spec.field]?.edges.length).toBeGreaterThan(0);
  expect(response.body.data?.de[spec.field]).toBeNull();
  expect(codes(response)).toEqual(["NO_CREDENTIAL_FOR_COMPANY"]);
  expect(response.body.errors?.[0]?.path).toEqual(["de", spec.field]);
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
  const response = await h.gql<{ company: Record<string, unknown> }>(
    `query($id: ID!) { company(id: $id) { name ${spec.field}(first: 2) { totalCount } } }`,
    {
      headers: { "x-pleo-api-key": spec.withoutScope.secret },
      variables: { id: spec.withoutScope.companyId },
    },
  );
  expect(response.body.data?.company?.[spec.field]).toBeNull();
  expect(typeof response.body.data?.company?.name).toBe("string");
  expect(codes(response)).toEqual(["MISSING_SCOPE"]);
  expect(response.body.errors?.[0]?.extensions?.scope).toBe(spec.scope);
  expect((await h.simRequests()).filter((r) => r.path.startsWith(spec.upstreamPath))).toEqual([]);
}

/** Forwards then backwards through the whole list: same items, same order, no gaps or repeats. */
export async function checkPagination(h: Harness, spec: ResourceSpec, pageSize = 7) {
  const whole = (await listPage(h, spec, COMPANIES.nl.id, { first: 100 })).conn;
  const all = (whole?.edges ?? []).map((e) => e.node.id);
  expect(all.length).toBeGreaterThan(pageSize);
  const forward: string[] = [];
  let after: string | null = null;
  let lastCursor: string | null = null;
  for (let i = 0; i < 30; i++) {
    const conn: Conn | null = (await listPage(h, spec, COMPANIES.nl.id, { first: pageSize, after })).conn;
    forward.push(...(conn?.edges ?? []).map((e) => e.node.id));
    lastCursor = conn?.edges[conn.edges.length - 1]?.cursor ?? lastCursor;
    if (!conn?.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  expect(forward).toEqual(all);
  // Backwards from the last item to the first.
  const backward: string[] = [forward[forward.length - 1] as string];
  let before: string | null = lastCursor;
  for (let i = 0; i < 30 && before; i++) {
    const conn: Conn | null = (await listPage(h, spec, COMPANIES.nl.id, { last: pageSize, before })).conn;
    backward.unshift(...(conn?.edges ?? []).map((e) => e.node.id));
    if (!conn?.pageInfo.hasPreviousPage) break;
    before = conn.pageInfo.startCursor;
  }
  expect(backward).toEqual(forward);
  expect(new Set(forward).size).toBe(forward.length);
}

/** Foreign IDs and cursors: refused with typed errors before any upstream call for the resource. */
export async function checkForeignIdAndCursor(h: Harness, spec: ResourceSpec) {
  const de = (
    await listPage(h, spec, COMPANIES.de.id, { first: 2 }, { "x-pleo-api-key": CREDENTIALS.de.secret })
  ).conn;
  const deObject = de?.edges[0]?.node;
  expect(deObject).toBeDefined();
  const nlConn = (await listPage(h, spec, COMPANIES.nl.id, { first: 2 })).conn;
  await h.resetSim();

  const foreignId = await h.gql(
    `query($nl: ID!, $id: ID!) { company(id: $nl) { ${spec.byIdField}(id: $id) { id } } }`,
    {
      headers: nlAndDe,
      variables: { nl: COMPANIES.nl.id, id: deObject?.id },
    },
  );
  expect(codes(foreignId)).toEqual(["FOREIGN_ID"]);

  const viaNode = await h.gql(`query($id: ID!) { node(id: $id) { id } }`, {
    headers: nl,
    variables: { id: deObject?.id },
  });
  expect(viaNode.body.data?.node).toBeNull();
  expect(codes(viaNode)).toEqual(["NO_CREDENTIAL_FOR_COMPANY"]);

  const foreignCursor = await listPage(
    h,
    spec,
    COMPANIES.de.id,
    { first: 2, after: nlConn?.pageInfo.endCursor },
    nlAndDe,
  );
  expect(codes(foreignCursor.response)).toEqual(["FOREIGN_CURSOR"]);
  expect((await h.simRequests()).filter((r) => r.path.startsWith(spec.upstreamPath))).toEqual([]);

  // The same id with its own company's credential resolves through node(id:).
  const own = await h.gql<{ node: { id: string } | null }>(`query($id: ID!) { node(id: $id) { id } }`, {
    headers: { "x-pleo-api-key": CREDENTIALS.de.secret },
    variables: { id: deObject?.id },
  });
  expect(own.body.data?.node?.id).toBe(deObject?.id);
}

/** An id Pleo does not know becomes NOT_FOUND on that field only. */
export async function checkNotFound(h: Harness, spec: ResourceSpec) {
  const response = await h.gql<{ company: Record<string, unknown> }>(
    `query($nl: ID!, $id: ID!) { company(id: $nl) { name ${spec.byIdField}(id: $id) { id } } }`,
    { headers: nl, variables: { nl: COMPANIES.nl.id, id: "0b7c9d3e-1111-4222-8333-944455556666" } },
  );
  expect(response.body.data?.company?.name).toBe(COMPANIES.nl.name);
  expect(response.body.data?.company?.[spec.byIdField]).toBeNull();
  expect(codes(response)).toEqual(["NOT_FOUND"]);
}
