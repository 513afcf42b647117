import { z } from "zod";
import { companyFromQuery, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound } from "../errors.ts";
import { data, ok } from "../http-types.ts";
import type { VendorModel } from "../models.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { uuidPathParam } from "../query.ts";
import { filterList, optionalString, uuidSchema } from "../request-schemas.ts";
import type { RouteDefinition } from "../router.ts";

/** `VendorSearchRequestV1`: lists of at most 100 (states: 4); `name` matches case-insensitively as a substring. */
const vendorSearch = z.strictObject({
  accountingSystems: filterList(z.string()),
  codes: filterList(z.string()),
  countries: filterList(z.string().regex(/^([A-Z]{2}|UNDEFINED)$/, "must be an ISO 3166 alpha-2 code")),
  externalIds: filterList(z.string()),
  ids: filterList(uuidSchema),
  name: optionalString,
  states: filterList(z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]), 4),
  taxRegistrationNumbers: filterList(z.string()),
});

const vendorPages: PageSpec<VendorModel> = {
  keys: {
    name: (v) => v.name,
    code: (v) => v.code ?? null,
    externalId: (v) => v.externalId ?? null,
    createdAt: (v) => v.createdAt ?? null,
    updatedAt: (v) => v.updatedAt ?? null,
    id: (v) => v.id,
  },
  defaultSort: ["name"],
  id: (v) => v.id,
};

const inList = <T>(list: readonly T[] | null | undefined, value: T | undefined): boolean =>
  list == null || (value !== undefined && list.includes(value));

/** External vendors API (v1): search within one company (`company_id` is mandatory) and get by id. */
export const vendorRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/v1/vendors:search",
    scope: "vendors:read",
    handle: (ctx) => {
      const companyId = companyFromQuery(ctx, { param: "company_id", required: true });
      const search = parseBody(ctx, vendorSearch, { required: false });
      const page = parsePageRequest(ctx.request.query, vendorPages);
      const name = search.name?.toLowerCase();
      const vendors = ctx.store.vendors
        .forCompany(companyId)
        .filter(
          (vendor) =>
            inList(search.ids, vendor.id) &&
            inList(search.codes, vendor.code) &&
            inList(search.externalIds, vendor.externalId) &&
            inList(search.countries, vendor.country) &&
            inList(search.states, vendor.state) &&
            inList(search.taxRegistrationNumbers, vendor.taxRegistrationNumber) &&
            inList(search.accountingSystems, vendor.accountingSystem) &&
            (name === undefined || vendor.name.toLowerCase().includes(name)),
        );
      return ok(paginate(vendors, page, vendorPages));
    },
  },
  {
    method: "GET",
    path: "/v1/vendors/{id}",
    scope: "vendors:read",
    pathOwner: (store, params) => store.vendors.companyOf(params.id?.toLowerCase() ?? ""),
    handle: (ctx) => {
      const id = uuidPathParam(ctx.params, "id");
      return data(ownedObject(ctx, ctx.store.vendors, id, () => notFound(`Vendor ${id} not found.`)));
    },
  },
];
