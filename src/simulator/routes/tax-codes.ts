import { z } from "zod";
import { companyFromQuery, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound } from "../errors.ts";
import { data, ok } from "../http-types.ts";
import type { TaxCodeModel } from "../models.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { uuidPathParam } from "../query.ts";
import { optionalBoolean, optionalString, uuidSchema } from "../request-schemas.ts";
import type { RouteDefinition } from "../router.ts";

/** `TaxCodeSearchRequest`; every filter optional, archived and active codes both returned by default. */
const taxCodeSearch = z.strictObject({
  archived: optionalBoolean,
  code: optionalString,
  taxCodeIds: z.array(uuidSchema).nullish(),
  type: z.enum(["inclusive", "exclusive", "reverse"]).nullish(),
});

const taxCodePages: PageSpec<TaxCodeModel> = {
  keys: {
    code: (t) => t.code ?? null,
    name: (t) => t.name,
    rate: (t) => t.rate,
    createdAt: (t) => t.createdAt,
    updatedAt: (t) => t.updatedAt,
    id: (t) => t.id,
  },
  defaultSort: ["code"],
  id: (t) => t.id,
};

/** Tax codes API (v0). */
export const taxCodeRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/v0/tax-codes:search",
    scope: "tax-codes:read",
    handle: (ctx) => {
      const companyId = companyFromQuery(ctx, { param: "company_id", required: false });
      const search = parseBody(ctx, taxCodeSearch, { required: false });
      const page = parsePageRequest(ctx.request.query, taxCodePages);
      const taxCodes = ctx.store.taxCodes
        .forCompany(companyId)
        .filter(
          (taxCode) =>
            (search.archived == null || taxCode.archived === search.archived) &&
            (search.code == null || taxCode.code === search.code) &&
            (search.taxCodeIds == null || search.taxCodeIds.includes(taxCode.id)) &&
            (search.type == null || taxCode.type === search.type),
        );
      return ok(paginate(taxCodes, page, taxCodePages));
    },
  },
  {
    method: "GET",
    path: "/v0/tax-codes/{taxCodeId}",
    scope: "tax-codes:read",
    pathOwner: (store, params) => store.taxCodes.companyOf(params.taxCodeId?.toLowerCase() ?? ""),
    handle: (ctx) => {
      const id = uuidPathParam(ctx.params, "taxCodeId");
      return data(ownedObject(ctx, ctx.store.taxCodes, id, () => notFound(`Tax code ${id} not found.`)));
    },
  },
];
