import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { apiKeys, DE_KEY, NL_KEY } from "../support/auth-headers.ts";
import { type Connection, pageBackward, pageForward } from "../support/connection.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { UNKNOWN_UUID } from "../support/ids.ts";
import { useHarness } from "../support/use-harness.ts";

const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;

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
type EmployeeConnection = Connection<EmployeeNode>;
interface EmployeesArgs {
  id: string;
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
  filter?: { email?: string; code?: string };
}

const EMPLOYEES = typedDocument<{ company: { employees: EmployeeConnection | null } }, EmployeesArgs>(`
  query Employees($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: EmployeeFilter) {
    company(id: $id) {
      employees(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id employeeId email firstName lastName name code jobTitle phone company { companyId } } }
      }
    }
  }
`);

/** One employee of a company, by raw or global id. */
const EMPLOYEE = typedDocument<
  { company: { employee: { name: string } | null } },
  { nl: string; e?: string }
>(`query($nl: ID!, $e: ID!) { company(id: $nl) { employee(id: $e) { name } } }`);

const isEmployeeCall = (path: string) => path.startsWith("/v2/employees");
const isListCall = (path: string) => path === "/v2/employees";
const isGetCall = (path: string) => /^\/v2\/employees\/[^/]+$/.test(path);

describe("employees", () => {
  const h = useHarness();
  const execute = executor(h);
  let all: EmployeeNode[] = [];

  const page = (
    variables: Omit<EmployeesArgs, "id"> & { id?: string },
    headers: Record<string, string> = NL_KEY,
  ) => execute(EMPLOYEES, { id: NL, ...variables }, { headers });
  const employeesOf = (response: Awaited<ReturnType<typeof page>>): EmployeeConnection => {
    const employees = response.expectData().company.employees;
    if (!employees) throw new Error(`employees is null in a data answer\n${response.describe()}`);
    return employees;
  };
  const employees = async (
    variables: Omit<EmployeesArgs, "id"> & { id?: string },
    headers: Record<string, string> = NL_KEY,
  ) => employeesOf(await page(variables, headers));

  beforeAll(async () => {
    const full = employeesOf(await page({ first: 100 }));
    all = full.edges.map((e) => e.node);
    expect(full.totalCount).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(10);
  });
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
    const response = await execute(
      typedDocument<{
        nl: { employees: EmployeeConnection };
        de: { name: string; employees: unknown; employee: unknown };
      }>(`query($nl: ID!, $de: ID!, $e: ID!) {
        nl: company(id: $nl) { employees(first: 3) { totalCount edges { node { name } } } }
        de: company(id: $de) { name employees(first: 3) { totalCount } employee(id: $e) { name } }
      }`),
      { nl: NL, de: DE, e: all[0]?.employeeId },
      { headers },
    );
    expect(response.data?.nl.employees.edges).toHaveLength(3);
    // The organisation key holds users:read, but organisation keys never act for a company's data.
    expect(response.data?.de).toEqual({ name: COMPANIES.de.name, employees: null, employee: null });
    response.expectErrors("NO_CREDENTIAL_FOR_COMPANY", "NO_CREDENTIAL_FOR_COMPANY");

    const log = await h.simRequests();
    expect(log.filter((r) => r.targetCompanyId === DE && !r.path.startsWith("/v1/companies"))).toEqual([]);
    const calls = log.filter((r) => isEmployeeCall(r.path));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ targetCompanyId: NL, credentialLabel: CREDENTIALS.nl.label });
  });

  it("needs users:read: MISSING_SCOPE and no upstream call otherwise", async () => {
    const nl = await execute(
      typedDocument(
        `query($nl: ID!, $e: ID!) { company(id: $nl) { name employees(first: 2) { totalCount } employee(id: $e) { name } } }`,
      ),
      { nl: NL, e: all[0]?.id },
      { headers: apiKeys(CREDENTIALS.nlReadOnlyAccounts) },
    );
    expect(nl.data?.company).toEqual({ name: COMPANIES.nl.name, employees: null, employee: null });
    nl.expectErrors("MISSING_SCOPE", "MISSING_SCOPE");
    expect(nl.errors[0]?.extensions).toMatchObject({ companyId: NL, scope: "users:read" });

    const be = await execute(
      typedDocument(`query($be: ID!) { company(id: $be) { employees(first: 2) { totalCount } } }`),
      { be: COMPANIES.be.id },
      { headers: apiKeys(CREDENTIALS.beVendorsOnly) },
    );
    be.expectErrors("MISSING_SCOPE");
    expect((await h.simRequests()).filter((r) => isEmployeeCall(r.path))).toEqual([]);
  });

  it("pages forwards and backwards with no gaps or repeats", async () => {
    const ids = all.map((e) => e.employeeId);
    const idsOf = (edges: readonly { node: EmployeeNode }[]) => edges.map((e) => e.node.employeeId);
    expect(idsOf(await pageForward((args) => employees(args), 4))).toEqual(ids);

    const full = await employees({ first: 100 });
    const before = full.edges.at(-1)?.cursor as string;
    expect(idsOf(await pageBackward((args) => employees(args), 3, before))).toEqual(ids.slice(0, -1));
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
    (await page({ first: 10, filter: { email: "", code: "" } })).expectErrors("VALIDATION_FAILED");
    expect((await h.simRequests()).filter((r) => isEmployeeCall(r.path))).toEqual([]);
  });

  it("refuses a DE employee's global ID under NL (FOREIGN_ID) and via node(id:) with only NL's key", async () => {
    const de = employeesOf(await page({ id: DE, first: 1 }, DE_KEY)).edges[0]?.node as EmployeeNode;
    expect(de.company).toEqual({ companyId: DE });
    await h.resetSim();

    const viaNode = await execute(
      typedDocument(`query($e: ID!) { node(id: $e) { id ... on Employee { name } } }`),
      { e: de.id },
      { headers: NL_KEY },
    );
    expect(viaNode.data?.node).toBeNull();
    viaNode.expectErrors("NO_CREDENTIAL_FOR_COMPANY");

    const underNl = await execute(EMPLOYEE, { nl: NL, e: de.id }, { headers: NL_KEY });
    expect(underNl.data?.company).toEqual({ employee: null });
    underNl.expectErrors("FOREIGN_ID");
    expect((await h.simRequests()).filter((r) => isEmployeeCall(r.path))).toEqual([]);

    // NL's own employee resolves through node(id:) with NL's key.
    const own = await execute(
      typedDocument<{ node: { employeeId: string } }>(
        `query($e: ID!) { node(id: $e) { ... on Employee { employeeId } } }`,
      ),
      { e: all[0]?.id },
      { headers: NL_KEY },
    );
    expect(own.data?.node).toEqual({ employeeId: all[0]?.employeeId });
    const log = await h.simRequests();
    expect(log.filter((r) => r.targetCompanyId === DE)).toEqual([]);
  });

  it("answers a raw DE employee UUID under NL as NOT_FOUND from NL's own list, never addressing DE's object", async () => {
    const de = employeesOf(await page({ id: DE, first: 1 }, DE_KEY)).edges[0]?.node as EmployeeNode;
    await h.resetSim();
    const response = await execute(EMPLOYEE, { nl: NL, e: de.employeeId }, { headers: NL_KEY });
    expect(response.data?.company).toEqual({ employee: null });
    response.expectErrors("NOT_FOUND");
    expect(response.errors[0]?.extensions).toMatchObject({ companyId: NL });
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
    expect(response.data?.company.employees).toBeNull();
    response.expectErrors("FOREIGN_CURSOR");
    expect((await h.simRequests()).filter((r) => isEmployeeCall(r.path))).toEqual([]);
  });

  it("maps an unknown employee to NOT_FOUND after one list read", async () => {
    const response = await execute(EMPLOYEE, { nl: NL, e: UNKNOWN_UUID }, { headers: NL_KEY });
    response.expectErrors("NOT_FOUND");
    expect(response.errors[0]?.extensions).toMatchObject({ companyId: NL });
    const calls = (await h.simRequests()).filter((r) => isEmployeeCall(r.path));
    expect(calls.map((r) => [r.path, r.status])).toEqual([["/v2/employees", 200]]);
  });

  it("batches employees by id: one company-scoped list read for one or many, never one call per item", async () => {
    // One employee: one list page (a company of up to 100 employees), no GET by id.
    const single = await execute(EMPLOYEE, { nl: NL, e: all[3]?.employeeId }, { headers: NL_KEY });
    expect(single.data?.company).toEqual({ employee: { name: all[3]?.name } });
    let calls = (await h.simRequests()).filter((r) => isEmployeeCall(r.path));
    expect(calls.map((r) => r.path)).toEqual(["/v2/employees"]);

    // Twelve employees (raw and global ids mixed, one asked twice): one list page, no GET by id.
    await h.resetSim();
    const picked = all.slice(0, 12);
    const aliases = picked
      .map((e, i) => `e${i}: employee(id: "${i % 2 ? e.employeeId : e.id}") { employeeId name }`)
      .concat(`again: employee(id: "${picked[0]?.employeeId}") { employeeId }`)
      .join("\n");
    const many = await execute(
      typedDocument<{ company: Record<string, { employeeId: string }> }>(
        `query($nl: ID!) { company(id: $nl) { ${aliases} } }`,
      ),
      { nl: NL },
      { headers: NL_KEY },
    );
    many.expectData();
    expect(Object.values(many.data?.company ?? {}).map((e) => e.employeeId)).toEqual([
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
    const viaNode = await execute(
      typedDocument<Record<string, { employeeId: string; company: { companyId: string } }>>(`{ ${nodes} }`),
      {},
      { headers: admin },
    );
    viaNode.expectData();
    expect(Object.values(viaNode.data ?? {}).map((n) => n.company.companyId)).toEqual([
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
