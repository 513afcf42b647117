import { z } from "zod";
import { taxCodeById, taxCodePages } from "../../loaders/tax-codes.ts";
import type { TaxCode as TaxCodeModel, TaxCodeSearch } from "../../pleo/models/tax-code.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { companyConnection, companyGated, companyObjectById, loadOwned } from "../company-fields.ts";
import { ownedLocalId, parseOwnedLocalId } from "../global-id.ts";
import { Company } from "./company.ts";

export const TaxCodeType = builder.enumType("TaxCodeType", {
  values: {
    INCLUSIVE: { value: "inclusive", description: "Tax is included in the amount." },
    EXCLUSIVE: { value: "exclusive", description: "Tax is added on top of the amount." },
    REVERSE: { value: "reverse", description: "Reverse charge: the buyer accounts for the tax." },
  } as const,
});

export const TaxCode = builder.objectRef<TaxCodeModel>("TaxCode");

builder.node(TaxCode, {
  description: "A tax code (VAT rate) of one company.",
  id: { resolve: (c) => ownedLocalId(c.companyId, c.id), parse: (id) => parseOwnedLocalId("TaxCode", id) },
  loadOne: ({ companyId, id }, ctx) => loadOwned(ctx, companyId, Scope.taxCodesRead, taxCodeById, id),
  fields: (t) => ({
    taxCodeId: t.field({ type: "UUID", description: "Pleo's tax code id.", resolve: (c) => c.id }),
    name: t.exposeString("name"),
    code: t.string({
      nullable: true,
      description: "The code in the accounting system.",
      resolve: (c) => c.code ?? null,
    }),
    rate: t.float({ description: "The rate as a decimal fraction: 0.21 is 21 %.", resolve: (c) => c.rate }),
    type: t.field({ type: TaxCodeType, resolve: (c) => c.type }),
    archived: t.exposeBoolean("archived"),
    ingoingTaxAccount: t.string({ nullable: true, resolve: (c) => c.ingoingTaxAccount ?? null }),
    outgoingTaxAccount: t.string({ nullable: true, resolve: (c) => c.outgoingTaxAccount ?? null }),
    accountingIntegrationSystem: t.string({
      nullable: true,
      resolve: (c) => c.accountingIntegrationSystem ?? null,
    }),
    createdAt: t.field({ type: "DateTime", resolve: (c) => c.createdAt }),
    updatedAt: t.field({ type: "DateTime", resolve: (c) => c.updatedAt }),
  }),
});

const TaxCodeFilter = builder.inputType("TaxCodeFilter", {
  description: "Filters Pleo's tax code search supports.",
  fields: (t) => ({
    ids: t.field({ type: ["UUID"], required: false, validate: z.array(z.string()).max(100) }),
    code: t.string({ required: false, validate: z.string().min(1).max(255) }),
    type: t.field({ type: TaxCodeType, required: false }),
    archived: t.boolean({ required: false }),
  }),
});

function toSearch(filter: typeof TaxCodeFilter.$inferInput | null | undefined): TaxCodeSearch {
  return {
    taxCodeIds: filter?.ids?.map((id) => id.toLowerCase()) ?? undefined,
    code: filter?.code ?? undefined,
    type: filter?.type ?? undefined,
    archived: filter?.archived ?? undefined,
  };
}

builder.objectFields(Company, (t) => ({
  taxCodes: t.connection({
    type: TaxCode,
    nullable: true,
    description: `The company's tax codes. Needs \`${Scope.taxCodesRead}\`.`,
    ...companyGated(
      Scope.taxCodesRead,
      { filter: t.arg({ type: TaxCodeFilter, required: false }) },
      (company, args, ctx, bound) =>
        companyConnection(ctx, bound, {
          companyId: company.id,
          resource: "taxCodes",
          loader: taxCodePages,
          filter: toSearch(args.filter),
          args,
        }),
    ),
  }),
  taxCode: t.field({
    type: TaxCode,
    nullable: true,
    description: "One tax code of this company, by Pleo id or global ID.",
    ...companyObjectById(t, TaxCode, Scope.taxCodesRead, taxCodeById),
  }),
}));
