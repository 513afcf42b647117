import { z } from "zod";
import { assertCompanyAccess, companyFromQuery, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound, SimHttpError, validationFailed } from "../errors.ts";
import { data, ok, type RequestContext } from "../http-types.ts";
import type { VendorModel } from "../models/vendor.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { uuidPathParam } from "../query.ts";
import { countryCode, currencyCode, filterList, optionalString, uuidSchema } from "../request-schemas.ts";
import type { RouteDefinition } from "../router.ts";
import type { SimStore } from "../store.ts";
import type { WebhookEventSink } from "../subscriptions/events.ts";

const text = z.string().min(1).max(255);

/** `VendorCreateRequest`. */
const vendorCreate = z.strictObject({
  companyId: uuidSchema,
  name: text,
  defaultCurrency: currencyCode,
  code: text.optional(),
  externalId: text.optional(),
  country: countryCode.optional(),
  registrationNumber: text.optional(),
  taxRegistrationNumber: text.optional(),
});

/** `VendorUpdateRequest`: a full replacement; `externalId` and `state` are required. */
const vendorUpdate = vendorCreate.extend({
  externalId: text,
  state: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]),
});

/** `ActivateVendorEventRequest`. */
const vendorActivate = z.strictObject({ externalId: text, code: text.optional() });

/**
 * A vendor "already exists" in a company when another vendor there has the same `externalId` or the same
 * `code` (the accounting system's identifiers): 409, as the spec documents for create and update.
 */
function assertNoDuplicate(
  store: SimStore,
  companyId: string,
  keys: { externalId?: string | undefined; code?: string | undefined },
  exceptId?: string,
): void {
  const clash = store.vendors
    .forCompany(companyId)
    .find(
      (vendor) =>
        vendor.id !== exceptId &&
        ((keys.externalId !== undefined && vendor.externalId === keys.externalId) ||
          (keys.code !== undefined && vendor.code === keys.code)),
    );
  if (clash) {
    const which =
      keys.externalId !== undefined && clash.externalId === keys.externalId ? "externalId" : "code";
    throw new SimHttpError(
      409,
      "VENDOR_ALREADY_EXISTS",
      `A vendor with the same ${which} already exists in company ${companyId}.`,
    );
  }
}

function vendor(ctx: RequestContext): VendorModel {
  const id = uuidPathParam(ctx.params, "id");
  return ownedObject(ctx, ctx.store.vendors, id, () => notFound(`Vendor ${id} not found.`));
}

const vendorOwner: RouteDefinition["pathOwner"] = (store, params) =>
  store.vendors.companyOf(params.id?.toLowerCase() ?? "");

/** The optional fields of a vendor body, without the absent ones (the spec does not make them nullable). */
function optionalFields(body: z.output<typeof vendorCreate>): Partial<VendorModel> {
  const fields: Partial<VendorModel> = {};
  if (body.code !== undefined) fields.code = body.code;
  if (body.externalId !== undefined) fields.externalId = body.externalId;
  if (body.country !== undefined) fields.country = body.country;
  if (body.registrationNumber !== undefined) fields.registrationNumber = body.registrationNumber;
  if (body.taxRegistrationNumber !== undefined) fields.taxRegistrationNumber = body.taxRegistrationNumber;
  return fields;
}

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

/**
 * External vendors API (v1): search within one company (`company_id` is mandatory) and get by id; creating
 * a vendor announces it to the company's webhook subscriptions.
 */
export const vendorRoutes = (events: WebhookEventSink): RouteDefinition[] => [
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
    pathOwner: vendorOwner,
    handle: (ctx) => data(vendor(ctx)),
  },
  {
    method: "POST",
    path: "/v1/vendors",
    scope: "vendors:write",
    handle: (ctx) => {
      const body = parseBody(ctx, vendorCreate, { required: true });
      assertCompanyAccess(ctx, body.companyId);
      const { store } = ctx;
      assertNoDuplicate(store, body.companyId, body);
      const now = store.nowIso();
      // A vendor that already exists in the accounting system (it has an external id) is active; one
      // created in Pleo first is a draft until the integration activates it.
      const created: VendorModel = {
        id: store.newId(),
        companyId: body.companyId,
        name: body.name,
        defaultCurrency: body.defaultCurrency,
        state: body.externalId === undefined ? "DRAFT" : "ACTIVE",
        ...optionalFields(body),
        createdAt: now,
        updatedAt: now,
      };
      store.vendors.put(created);
      events.emit("v1.vendor.created", created);
      return { status: 201, body: { data: created } };
    },
  },
  {
    method: "PUT",
    path: "/v1/vendors/{id}",
    scope: "vendors:write",
    pathOwner: vendorOwner,
    handle: (ctx) => {
      const existing = vendor(ctx);
      const body = parseBody(ctx, vendorUpdate, { required: true });
      if (body.companyId !== existing.companyId) {
        throw validationFailed(`Vendor ${existing.id} belongs to another company than ${body.companyId}.`);
      }
      assertNoDuplicate(ctx.store, existing.companyId, body, existing.id);
      const replaced: VendorModel = {
        id: existing.id,
        companyId: existing.companyId,
        name: body.name,
        defaultCurrency: body.defaultCurrency,
        state: body.state,
        ...optionalFields(body),
        ...(existing.accountingSystem === undefined ? {} : { accountingSystem: existing.accountingSystem }),
        ...(existing.createdAt === undefined ? {} : { createdAt: existing.createdAt }),
        updatedAt: ctx.store.nowIso(),
      };
      ctx.store.vendors.put(replaced);
      return data(replaced);
    },
  },
  {
    method: "POST",
    path: "/v1/vendors/{id}:archive",
    scope: "vendors:write",
    pathOwner: vendorOwner,
    handle: (ctx) => {
      const existing = vendor(ctx);
      existing.state = "ARCHIVED";
      existing.updatedAt = ctx.store.nowIso();
      return { status: 204 };
    },
  },
  {
    method: "POST",
    path: "/v1/vendors/{id}:activate",
    scope: "vendors:write",
    pathOwner: vendorOwner,
    handle: (ctx) => {
      const existing = vendor(ctx);
      const body = parseBody(ctx, vendorActivate, { required: true });
      assertNoDuplicate(ctx.store, existing.companyId, body, existing.id);
      existing.externalId = body.externalId;
      if (body.code !== undefined) existing.code = body.code;
      existing.state = "ACTIVE";
      existing.updatedAt = ctx.store.nowIso();
      return { status: 204 };
    },
  },
];
