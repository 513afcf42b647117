import { assertCompanyAccess, ownedObject } from "../access.ts";
import { notFound } from "../errors.ts";
import { data, ok } from "../http-types.ts";
import type { EmployeeModel } from "../models/employee.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { single, uuidParam, uuidPathParam } from "../query.ts";
import type { RouteDefinition } from "../router.ts";

const employeePages: PageSpec<EmployeeModel> = {
  keys: {
    lastName: (e) => e.lastName,
    firstName: (e) => e.firstName,
    email: (e) => e.email,
    code: (e) => e.code ?? null,
    id: (e) => e.id,
  },
  defaultSort: ["lastName", "firstName"],
  id: (e) => e.id,
};

/**
 * Employees API. The list takes `companyId` in camelCase (unlike every other API). Without it a company
 * credential gets its company's employees and an organisation credential those of all its companies.
 */
export const employeeRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/v2/employees",
    scope: "users:read",
    organisationAccess: true,
    handle: (ctx) => {
      const { store, credential, request } = ctx;
      const companyId = uuidParam(request.query, "companyId");
      const email = single(request.query, "email");
      const code = single(request.query, "code");
      const page = parsePageRequest(request.query, employeePages);
      let employees: EmployeeModel[];
      if (companyId !== undefined) {
        assertCompanyAccess(ctx, companyId);
        employees = store.employees.forCompany(companyId);
      } else if (credential.subject.type === "organisation") {
        const companies = new Set(store.companiesOf(credential.subject.id).map((company) => company.id));
        employees = store.employees.all().filter((employee) => companies.has(employee.companyId));
      } else {
        employees = store.employees.forCompany(credential.subject.id);
      }
      const filtered = employees.filter(
        (employee) =>
          (email === undefined || employee.email.toLowerCase() === email.toLowerCase()) &&
          (code === undefined || employee.code === code),
      );
      return ok(paginate(filtered, page, employeePages));
    },
  },
  {
    method: "GET",
    path: "/v2/employees/{employeeId}",
    scope: "users:read",
    pathOwner: (store, params) => store.employees.companyOf(params.employeeId?.toLowerCase() ?? ""),
    handle: (ctx) => {
      const id = uuidPathParam(ctx.params, "employeeId");
      return data(ownedObject(ctx, ctx.store.employees, id, () => notFound(`Employee ${id} not found.`)));
    },
  },
];
