import { z } from "zod";
import { assertCompanyAccess, companyFromQuery, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound, SimHttpError, validationFailed } from "../errors.ts";
import { data, ok, type RequestContext } from "../http-types.ts";
import type { TaxCodeModel } from "../models/tax-code.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { uuidPathParam } from "../query.ts";
import { nullableString, optionalBoolean, optionalString, uuidSchema } from "../request-schemas.ts";
import type { RouteDefinition } from "../router.ts";
import type { SimStore } from "../store.ts";

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

/**
 * `TaxCodeCreateUpdateModel` (create and update alike). `rate` is a decimal fraction: 0.21 is 21 %.
 * `code` identifies the tax code in the accounting system, so it is unique within a company.
 */
const taxCodeWrite = z.strictObject({
  companyId: uuidSchema,
  name: z.string().min(1).max(255),
  rate: z.number().min(0).max(1),
  type: z.enum(["inclusive", "exclusive", "reverse"]),
  archived: z.boolean(),
  code: nullableString(255),
  ingoingTaxAccount: nullableString(255),
  outgoingTaxAccount: nullableString(255),
});
type TaxCodeWrite = z.output<typeof taxCodeWrite>;

function assertCodeFree(store: SimStore, body: TaxCodeWrite, exceptId?: string): void {
  if (body.code == null) return;
  const clash = store.taxCodes
    .forCompany(body.companyId)
    .find((taxCode) => taxCode.code === body.code && taxCode.id !== exceptId);
  if (clash) {
    throw new SimHttpError(
      409,
      "TAX_CODE_ALREADY_EXISTS",
      `A tax code with code '${body.code}' already exists in company ${body.companyId}.`,
    );
  }
}

function writable(body: TaxCodeWrite) {
  return {
    name: body.name,
    rate: body.rate,
    type: body.type,
    archived: body.archived,
    code: body.code ?? null,
    ingoingTaxAccount: body.ingoingTaxAccount ?? null,
    outgoingTaxAccount: body.outgoingTaxAccount ?? null,
  };
}

const taxCodeOwner: RouteDefinition["pathOwner"] = (store, params) =>
  store.taxCodes.companyOf(params.taxCodeId?.toLowerCase() ?? "");

function taxCode(ctx: RequestContext): TaxCodeModel {
  const id = uuidPathParam(ctx.params, "taxCodeId");
  return ownedObject(ctx, ctx.store.taxCodes, id, () => notFound(`Tax code ${id} not found.`));
}

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
    pathOwner: taxCodeOwner,
    handle: (ctx) => data(taxCode(ctx)),
  },
  {
    method: "POST",
    path: "/v0/tax-codes",
    scope: "tax-codes:write",
    handle: (ctx) => {
      const body = parseBody(ctx, taxCodeWrite, { required: true });
      assertCompanyAccess(ctx, body.companyId);
      assertCodeFree(ctx.store, body);
      const now = ctx.store.nowIso();
      const created: TaxCodeModel = {
        id: ctx.store.newId(),
        companyId: body.companyId,
        ...writable(body),
        createdAt: now,
        updatedAt: now,
        accountingIntegrationSystem: null,
      };
      ctx.store.taxCodes.put(created);
      return { status: 201, body: { data: created } };
    },
  },
  {
    method: "PUT",
    path: "/v0/tax-codes/{taxCodeId}",
    scope: "tax-codes:write",
    pathOwner: taxCodeOwner,
    handle: (ctx) => {
      const existing = taxCode(ctx);
      const body = parseBody(ctx, taxCodeWrite, { required: true });
      if (body.companyId !== existing.companyId) {
        throw validationFailed(`Tax code ${existing.id} belongs to another company than ${body.companyId}.`);
      }
      assertCodeFree(ctx.store, body, existing.id);
      Object.assign(existing, writable(body), { updatedAt: ctx.store.nowIso() });
      return data(existing);
    },
  },
  {
    method: "DELETE",
    path: "/v0/tax-codes/{taxCodeId}",
    scope: "tax-codes:write",
    pathOwner: taxCodeOwner,
    handle: (ctx) => {
      const existing = taxCode(ctx);
      // Not in the spec (it documents only a default response); like accounts, a tax code that entries
      // use cannot be deleted, only archived.
      const used = ctx.store.entriesUsingTaxCode(existing.id).length;
      if (used > 0) {
        throw new SimHttpError(
          409,
          "TAX_CODE_IN_USE",
          `Tax code ${existing.id} is used by ${used} accounting entries and cannot be deleted; archive it instead.`,
        );
      }
      ctx.store.taxCodes.remove(existing.id);
      return { status: 204 };
    },
  },
];
