import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { codes, type Harness, startHarness } from "../support/harness.ts";

const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;
const nlKey = { "x-pleo-api-key": CREDENTIALS.nl.secret };
const deKey = { "x-pleo-api-key": CREDENTIALS.de.secret };

interface EmployeeNode {
  id: string;
  employeeId: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  code: string | null;
  jobTitle: string | null;
  phone: string | null;
  company: { companyId: string } | null;
}
interface EmployeeConnection {
  totalCount: number | null;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: EmployeeNode }[];
}

const EMPLOYEES = /* GraphQL */ `
  query Employees($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: EmployeeFilter) {
    company(id: $id) {
      employees(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id employeeId email firstName lastName name code jobTitle phone company { companyId } } }
      }
    }
  }
`;

const isEmployeeCall = (path: string) => path.startsWith("/v2/employees");
const isListCall = (path: string) => path === "/v2/employees";
const isGetCall = (path: string) => /^\/v2\/employees\/[^/]+$/.test(path);

describe("employees", () => {
  let h: Harness;
  let all: EmployeeNode[] = [];

  const page = async (
    variables: {
      id?: string;
      first?: number;
      after?: string | null;
      last?: number;
      before?: string | null;
      filter?: { email?: string; code?: string };
    },
    headers: Record<string, string> = nlKey,
  ) =>
    h.gql<{ company: { employees: EmployeeConnection | null } }>(EMPLOYEES, {
      headers,
      variables: { id: NL, ...variables },
    });
  const employeesOf = (response: Awaited<ReturnType<typeof page>>): EmployeeConnection => {
    const employees = response.body.data?.company.employees;
    if (!employees) throw new Error(JSON.stringify(response.body.errors));
    return employees;
  };

  beforeAll(async () => {
    h = await startHarness();
    const full = employeesOf(await page({ first: 100 }));
    all = full.edges.map((e) => e.node);
    expect(full.totalCount).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(10);
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetSim());

  it("maps Pleo's employee model, with companyId sent in camelCase", async () => {
    const first = employeesOf(await page({ first: 5 }));
    expect(first.edges).toHaveLength(5);
    for (const { node } of first.edges) {
      expect(node.name).toBe(`${node.firstName} ${node.lastName}`);
      expect(node.email).toMatch(/@/);
      expect(node.company).toEqual({ companyId: NL });
    }
    expect(all.some((e) => e.code === null)).toBe(true);
    expect(all.some((e) => e.code !== null)).toBe(true);
    const log = (await h.simRequests()).filter((r) => isEmployeeCall(r.path));
    expect(log).toHaveLength(1);
    expect(log[0]?.query).toMatchObject({ companyId: [NL], limit: ["5"] });
    expect(log[0]?.query).not.toHaveProperty("company_id");
  });

  it("serves NL's employees to the nl-bookkeeper and refuses DE's without any request for DE", async () => {
    const { headers } = await h.persona("nl-bookkeeper");
    const response = await h.gql<{
      nl: { employees: EmployeeConnection };
      de: { name: string; employees: unknown; employee: unknown };
    }>(
      `query($nl: ID!, $de: ID!, $e: ID!) {
        nl: company(id: $nl) { employees(first: 3) { totalCount edges { node { name } } } }
        de: company(id: $de) { name employees(first: 3) { totalCount } employee(id: $e) { name } }
      }`,
      { headers, variables: { nl: NL, de: DE, e: all[0]?.employeeId } },
    );
    expect(response.body.data?.nl.employees.edges).toHaveLength(3);
    // The organisation key holds users:read, but organisation keys never act for a company's data.
    expect(response.body.data?.de).toEqual({ name: COMPANIES.de.name, employees: null, employee: null });
    expect(codes(response)).toEqual(["NO_CREDENTIAL_FOR_COMPANY", "NO_CREDENTIAL_FOR_COMPANY"]);

    const log = await h.simRequests();
    expect(log.filter((r) => r.targetCompanyId === DE && !r.path.startsWith("/v1/companies"))).toEqual([]);
    const calls = log.filter((r) => isEmployeeCall(r.path));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ targetCompanyId: NL, credentialLabel: CREDENTIALS.nl.label });
  });

  it("needs users:read: MISSING_SCOPE and no upstream call otherwise", async () => {
    const nl = await h.gql(
      `query($nl: ID!, $e: ID!) { company(id: $nl) { name employees(first: 2) { totalCount } employee(id: $e) { name } } }`,
      {
        headers: { "x-pleo-api-key": CREDENTIALS.nlReadOnlyAccounts.secret },
        variables: { nl: NL, e: all[0]?.id },
      },
    );
    expect(nl.body.data?.company).toEqual({ name: COMPANIES.nl.name, employees: null, employee: null });
    expect(codes(nl)).toEqual(["MISSING_SCOPE", "MISSING_SCOPE"]);
    expect(nl.body.errors?.[0]?.extensions).toMatchObject({ companyId: NL, scope: "users:read" });

    const be = await h.gql(`query($be: ID!) { company(id: $be) { employees(first: 2) { totalCount } } }`, {
      headers: { "x-pleo-api-key": CREDENTIALS.beVendorsOnly.secret },
      variables: { be: COMPANIES.be.id },
    });
    expect(codes(be)).toEqual(["MISSING_SCOPE"]);
    expect((await h.simRequests()).filter((r) => isEmployeeCall(r.path))).toEqual([]);
  });

  it("pages forwards and backwards with no gaps or repeats", async () => {
    const ids = all.map((e) => e.employeeId);
    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const p = employeesOf(await page({ first: 4, after }));
      forward.push(...p.edges.map((e) => e.node.employeeId));
      expect(p.pageInfo.hasPreviousPage).toBe(i > 0);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(ids);

    const full = employeesOf(await page({ first: 100 }));
    const backward: string[] = [ids[ids.length - 1] as string];
    let before: string | null = full.edges[full.edges.length - 1]?.cursor ?? null;
    for (let i = 0; i < 20; i++) {
      const p = employeesOf(await page({ last: 3, before }));
      backward.unshift(...p.edges.map((e) => e.node.employeeId));
      expect(p.pageInfo.hasNextPage).toBe(true);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backward).toEqual(ids);
  });

  it("filters by email and by code, and validates the filter", async () => {
    const target = all.find((e) => e.code !== null) as EmployeeNode;
    const byEmail = employeesOf(await page({ first: 10, filter: { email: target.email } }));
    expect(byEmail.edges.map((e) => e.node.employeeId)).toEqual([target.employeeId]);
    const byCode = employeesOf(await page({ first: 10, filter: { code: target.code as string } }));
    expect(byCode.edges.map((e) => e.node.employeeId)).toEqual([target.employeeId]);
    const log = (await h.simRequests()).filter((r) => isEmployeeCall(r.path));
    expect(log[0]?.query).toMatchObject({ companyId: [NL], email: [target.email] });
    expect(log[1]?.query).toMatchObject({ companyId: [NL], code: [target.code] });

    await h.resetSim();
    expect(codes(await page({ first: 10, filter: { email: "", code: "" } }))).toEqual(["VALIDATION_FAILED"]);
    expect((await h.simRequests()).filter((r) => isEmployeeCall(r.path))).toEqual([]);
  });

  it("refuses a DE employee's global ID under NL (FOREIGN_ID) and via node(id:) with only NL's key", async () => {
    const de = employeesOf(await page({ id: DE, first: 1 }, deKey)).edges[0]?.node as EmployeeNode;
    expect(de.company).toEqual({ companyId: DE });
    await h.resetSim();

    const viaNode = await h.gql(`query($e: ID!) { node(id: $e) { id ... on Employee { name } } }`, {
      headers: nlKey,
      variables: { e: de.id },
    });
    expect(viaNode.body.data?.node).toBeNull();
    expect(codes(viaNode)).toEqual(["NO_CREDENTIAL_FOR_COMPANY"]);

    const underNl = await h.gql(
      `query($nl: ID!, $e: ID!) { company(id: $nl) { employee(id: $e) { name } } }`,
      {
        headers: nlKey,
        variables: { nl: NL, e: de.id },
      },
    );
    expect(underNl.body.data?.company).toEqual({ employee: null });
    expect(codes(underNl)).toEqual(["FOREIGN_ID"]);
    expect((await h.simRequests()).filter((r) => isEmployeeCall(r.path))).toEqual([]);

    // NL's own employee resolves through node(id:) with NL's key.
    const own = await h.gql<{ node: { employeeId: string } }>(
      `query($e: ID!) { node(id: $e) { ... on Employee { employeeId } } }`,
      { headers: nlKey, variables: { e: all[0]?.id } },
    );
    expect(own.body.data?.node).toEqual({ employeeId: all[0]?.employeeId });
    const log = await h.simRequests();
    expect(log.filter((r) => r.targetCompanyId === DE)).toEqual([]);
  });

  it("answers a raw DE employee UUID under NL as NOT_FOUND from NL's own list, never addressing DE's object", async () => {
    const de = employeesOf(await page({ id: DE, first: 1 }, deKey)).edges[0]?.node as EmployeeNode;
    await h.resetSim();
    const response = await h.gql(
      `query($nl: ID!, $e: ID!) { company(id: $nl) { employee(id: $e) { name } } }`,
      {
        headers: nlKey,
        variables: { nl: NL, e: de.employeeId },
      },
    );
    expect(response.body.data?.company).toEqual({ employee: null });
    expect(codes(response)).toEqual(["NOT_FOUND"]);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ companyId: NL });
    const calls = (await h.simRequests()).filter((r) => isEmployeeCall(r.path));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      path: "/v2/employees",
      credentialLabel: CREDENTIALS.nl.label,
      status: 200,
    });
    expect(calls[0]?.query).toMatchObject({ companyId: [NL] });
    expect(calls.filter((r) => r.targetCompanyId === DE)).toEqual([]);
  });

  it("refuses a cursor of another company's employee list before calling Pleo", async () => {
    const admin = (await h.persona("group-admin")).headers;
    const nlPage = employeesOf(await page({ first: 2 }, admin));
    await h.resetSim();
    const response = await page({ id: DE, first: 2, after: nlPage.pageInfo.endCursor }, admin);
    expect(response.body.data?.company.employees).toBeNull();
    expect(codes(response)).toEqual(["FOREIGN_CURSOR"]);
    expect((await h.simRequests()).filter((r) => isEmployeeCall(r.path))).toEqual([]);
  });

  it("maps an unknown employee to NOT_FOUND after one list read", async () => {
    const response = await h.gql(
      `query($nl: ID!, $e: ID!) { company(id: $nl) { employee(id: $e) { name } } }`,
      {
        headers: nlKey,
        variables: { nl: NL, e: "00000000-0000-4000-8000-000000000002" },
      },
    );
    expect(codes(response)).toEqual(["NOT_FOUND"]);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ companyId: NL });
    const calls = (await h.simRequests()).filter((r) => isEmployeeCall(r.path));
    expect(calls.map((r) => [r.path, r.status])).toEqual([["/v2/employees", 200]]);
  });

  it("batches employees by id: one company-scoped list read for one or many, never one call per item", async () => {
    // One employee: one list page (a company of up to 100 employees), no GET by id.
    const single = await h.gql(
      `query($nl: ID!, $e: ID!) { company(id: $nl) { employee(id: $e) { name } } }`,
      {
        headers: nlKey,
        variables: { nl: NL, e: all[3]?.employeeId },
      },
    );
    expect(single.body.data?.company).toEqual({ employee: { name: all[3]?.name } });
    let calls = (await h.simRequests()).filter((r) => isEmployeeCall(r.path));
    expect(calls.map((r) => r.path)).toEqual(["/v2/employees"]);

    // Twelve employees (raw and global ids mixed, one asked twice): one list page, no GET by id.
    await h.resetSim();
    const picked = all.slice(0, 12);
    const aliases = picked
      .map((e, i) => `e${i}: employee(id: "${i % 2 ? e.employeeId : e.id}") { employeeId name }`)
      .concat(`again: employee(id: "${picked[0]?.employeeId}") { employeeId }`)
      .join("\n");
    const many = await h.gql<{ company: Record<string, { employeeId: string }> }>(
      `query($nl: ID!) { company(id: $nl) { ${aliases} } }`,
      { headers: nlKey, variables: { nl: NL } },
    );
    expect(many.body.errors).toBeUndefined();
    expect(Object.values(many.body.data?.company ?? {}).map((e) => e.employeeId)).toEqual([
      ...picked.map((e) => e.employeeId),
      picked[0]?.employeeId,
    ]);
    calls = (await h.simRequests()).filter((r) => isEmployeeCall(r.path));
    expect(calls.filter((r) => isListCall(r.path))).toHaveLength(1);
    expect(calls.filter((r) => isGetCall(r.path))).toHaveLength(0);
    expect(calls[0]?.query).toMatchObject({ companyId: [NL], limit: ["100"] });

    // Through node(id:) across two companies: one list read per company, each with its own credential.
    await h.resetSim();
    const admin = (await h.persona("group-admin")).headers;
    const deAll = employeesOf(await page({ id: DE, first: 100 }, admin)).edges.map((e) => e.node);
    await h.resetSim();
    const nodes = [...all.slice(0, 5), ...deAll.slice(0, 5)]
      .map((e, i) => `n${i}: node(id: "${e.id}") { ... on Employee { employeeId company { companyId } } }`)
      .join("\n");
    const viaNode = await h.gql<Record<string, { employeeId: string; company: { companyId: string } }>>(
      `{ ${nodes} }`,
      { headers: admin },
    );
    expect(viaNode.body.errors).toBeUndefined();
    expect(Object.values(viaNode.body.data ?? {}).map((n) => n.company.companyId)).toEqual([
      ...Array(5).fill(NL),
      ...Array(5).fill(DE),
    ]);
    calls = (await h.simRequests()).filter((r) => isEmployeeCall(r.path));
    expect(calls).toHaveLength(2);
    expect(calls.every((r) => isListCall(r.path))).toBe(true);
    expect(new Set(calls.map((r) => r.targetCompanyId))).toEqual(new Set([NL, DE]));
    for (const call of calls)
      expect(call.credentialSubject).toEqual({ type: "company", id: call.targetCompanyId });
  });
});
