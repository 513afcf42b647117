import { ErrorCode, GatewayError } from "../errors.ts";
import { getEmployee, listEmployees } from "../pleo/apis/employees.ts";
import { listBackedByIdLoader } from "./by-id.ts";
import { companyListLoader, perRequest, pleoPageLoader, readWholeList } from "./kit.ts";
import { defineLoader } from "./registry.ts";

export const employeePages = defineLoader("employeePages", pleoPageLoader(listEmployees));

/** The company's whole employee list, read once per request, company and credential (see `employeeById`). */
const employeeDirectory = perRequest(
  companyListLoader((deps, key) => readWholeList(deps, key, listEmployees, {})),
);

/**
 * Employees by id. Pleo's employee API has no multi-id filter (only `email` and `code`), so ids are
 * resolved from the company's own employee list (`companyId`-scoped), read at 100 per page: N employees
 * cost ceil(headcount / 100) calls however large N is. Only when a company has more employees than the
 * bounded list read holds are the ids absent from it looked up one by one (`GET /v2/employees/{id}`).
 */
export const employeeById = defineLoader(
  "employeeById",
  listBackedByIdLoader(
    "employee",
    (deps, scope) => employeeDirectory(deps).load(scope),
    (deps, scope, id) =>
      getEmployee(deps.pleo, scope.bound.credential, scope.companyId, id).catch((error: unknown) => {
        throw notThisCompanys(error, scope.companyId, id);
      }),
  ),
);

/**
 * The lookup used the company's own credential, already checked for `users:read`, so Pleo's 403 for an
 * employee id means the employee is another company's: reported like an unknown id (as for every other
 * resource, whose by-id searches are company-scoped), without confirming the id exists elsewhere.
 */
function notThisCompanys(reason: unknown, companyId: string, id: string): unknown {
  if (reason instanceof GatewayError && reason.code === ErrorCode.UPSTREAM_FORBIDDEN) {
    return new GatewayError(ErrorCode.NOT_FOUND, `No employee ${id} in company ${companyId}.`, {
      companyId,
      upstreamStatus: reason.details.upstreamStatus,
    });
  }
  return reason;
}
