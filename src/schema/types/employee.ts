import { z } from "zod";
import { companyById } from "../../loaders/companies.ts";
import { employeeById, employeePages } from "../../loaders/employees.ts";
import type { Employee as EmployeeModel, EmployeeSearch } from "../../pleo/models/employee.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { companyConnection, companyGated, companyObjectById, loadOwned } from "../company-fields.ts";
import { ownedLocalId, parseOwnedLocalId } from "../global-id.ts";
import { Company } from "./company.ts";

export const Employee = builder.objectRef<EmployeeModel>("Employee");

builder.node(Employee, {
  description: "A person in one company's Pleo (Pleo's employee directory has no roles).",
  id: {
    resolve: (e) => ownedLocalId(e.companyId, e.id),
    parse: (id) => parseOwnedLocalId("Employee", id),
  },
  loadOne: ({ companyId, id }, ctx) => loadOwned(ctx, companyId, Scope.usersRead, employeeById, id),
  fields: (t) => ({
    employeeId: t.field({ type: "UUID", description: "Pleo's employee id.", resolve: (e) => e.id }),
    email: t.exposeString("email"),
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
    name: t.string({
      description: "First and last name.",
      resolve: (e) => [e.firstName, e.lastName].filter((part) => part.trim() !== "").join(" "),
    }),
    code: t.string({
      nullable: true,
      description: "The employee's external (HR) id.",
      resolve: (e) => e.code ?? null,
    }),
    jobTitle: t.string({ nullable: true, resolve: (e) => e.jobTitle ?? null }),
    phone: t.string({ nullable: true, resolve: (e) => e.phone ?? null }),
    company: t.field({
      type: Company,
      nullable: true,
      resolve: (e, _args, ctx) => ctx.loaders.get(companyById).load(e.companyId),
    }),
  }),
});

const EmployeeFilter = builder.inputType("EmployeeFilter", {
  description: "Filters Pleo's employee list supports (exact matches).",
  fields: (t) => ({
    email: t.string({ required: false, validate: z.string().min(3).max(320) }),
    code: t.string({
      required: false,
      description: "The employee's external (HR) id.",
      validate: z.string().min(1).max(255),
    }),
  }),
});

function toSearch(filter: typeof EmployeeFilter.$inferInput | null | undefined): EmployeeSearch {
  return { email: filter?.email ?? undefined, code: filter?.code ?? undefined };
}

builder.objectFields(Company, (t) => ({
  employees: t.connection({
    type: Employee,
    nullable: true,
    description: `The company's employees. Needs \`${Scope.usersRead}\`.`,
    ...companyGated(
      Scope.usersRead,
      { filter: t.arg({ type: EmployeeFilter, required: false }) },
      (company, args, ctx, bound) =>
        companyConnection(ctx, bound, {
          companyId: company.id,
          resource: "employees",
          loader: employeePages,
          filter: toSearch(args.filter),
          args,
        }),
    ),
  }),
  employee: t.field({
    type: Employee,
    nullable: true,
    description: "One employee of this company, by Pleo id or global ID.",
    ...companyObjectById(t, Employee, Scope.usersRead, employeeById),
  }),
}));
