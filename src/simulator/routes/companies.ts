import { assertCompanyAccess } from "../access.ts";
import { forbidden, notFound } from "../errors.ts";
import { data, ok } from "../http-types.ts";
import type { CompanyModel } from "../models/company.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { isUuid, uuidParam, uuidPathParam } from "../query.ts";
import type { RouteDefinition } from "../router.ts";

const companyPages: PageSpec<CompanyModel> = {
  keys: { name: (c) => c.name, id: (c) => c.id },
  defaultSort: ["name"],
  id: (c) => c.id,
};

/**
 * Companies API. Organisation credentials discover their organisation's companies here; a company
 * credential sees only its own company (and may name its own organisation).
 */
export const companyRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/v1/companies",
    scope: "companies:read",
    organisationAccess: true,
    handle: (ctx) => {
      const { store, credential, request } = ctx;
      const organisationId = uuidParam(request.query, "organization_id");
      const page = parsePageRequest(request.query, companyPages);
      let companies: CompanyModel[];
      if (credential.subject.type === "organisation") {
        if (organisationId !== undefined && organisationId !== credential.subject.id) {
          throw forbidden(`The credential is not authorised for organisation ${organisationId}.`);
        }
        companies = store.companiesOf(credential.subject.id);
      } else {
        const own = store.companies.get(credential.subject.id);
        if (organisationId !== undefined && own?.organizationId !== organisationId) {
          throw forbidden(`The credential is not authorised for organisation ${organisationId}.`);
        }
        companies = own ? [own] : [];
      }
      return ok(paginate(companies, page, companyPages));
    },
  },
  {
    method: "GET",
    path: "/v1/companies/{companyId}",
    scope: "companies:read",
    organisationAccess: true,
    pathOwner: (_store, params) =>
      isUuid(params.companyId ?? "") ? params.companyId?.toLowerCase() : undefined,
    handle: (ctx) => {
      const companyId = uuidPathParam(ctx.params, "companyId");
      const company = ctx.store.companies.get(companyId);
      if (!company) throw notFound(`Company ${companyId} not found.`);
      assertCompanyAccess(ctx, companyId);
      return data(company);
    },
  },
];
