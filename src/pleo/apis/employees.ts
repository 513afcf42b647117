import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { dataResponse, type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import { type Employee, type EmployeeSearch, employee } from "../models/employee.ts";

const one = dataResponse(employee);
const page = paginatedResponse(employee);

/**
 * GET /v2/employees?companyId= — note the camelCase `companyId` (every other API says `company_id`).
 * Without it Pleo lists every employee the credential can see, so it is always sent.
 */
export async function listEmployees(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  filter: EmployeeSearch,
  paging: PageRequest,
): Promise<Page<Employee>> {
  const body = await client.call(credential, {
    method: "GET",
    path: "/v2/employees",
    query: { companyId, email: filter.email, code: filter.code, ...pageQuery(paging) },
    schema: page,
    companyId,
    operation: "employee list",
    cache: { resource: "employees" },
  });
  return { items: assertOwnedBy(companyId, body.data, "employee list"), pageInfo: body.pagination };
}

/** GET /v2/employees/{employeeId}; the employee must belong to `companyId`. */
export async function getEmployee(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  employeeId: string,
): Promise<Employee> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v2/employees/${encodeURIComponent(employeeId)}`,
    schema: one,
    companyId,
    operation: "employee lookup",
    cache: { resource: "employees" },
  });
  assertOwnedBy(companyId, [body.data], "employee lookup");
  return body.data;
}
