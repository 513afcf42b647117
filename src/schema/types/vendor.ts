import { z } from "zod";
import { companyById } from "../../loaders/companies.ts";
import { vendorById, vendorPages } from "../../loaders/vendors.ts";
import type { Vendor as VendorModel, VendorSearch } from "../../pleo/models/vendor.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { companyConnection, companyGated, companyObjectById, loadOwned } from "../company-fields.ts";
import { ownedLocalId, parseOwnedLocalId } from "../global-id.ts";
import { Company } from "./company.ts";

export const VendorState = builder.enumType("VendorState", {
  values: ["DRAFT", "ACTIVE", "ARCHIVED"] as const,
});

export const Vendor = builder.objectRef<VendorModel>("Vendor");

builder.node(Vendor, {
  description: "A supplier in one company's vendor register.",
  id: {
    resolve: (v) => ownedLocalId(v.companyId, v.id),
    parse: (id) => parseOwnedLocalId("Vendor", id),
  },
  // node(id:) takes the company from the id itself and needs that company's credential.
  loadOne: ({ companyId, id }, ctx) => loadOwned(ctx, companyId, Scope.vendorsRead, vendorById, id),
  fields: (t) => ({
    vendorId: t.field({ type: "UUID", description: "Pleo's vendor id.", resolve: (v) => v.id }),
    company: t.field({
      type: Company,
      nullable: true,
      resolve: (v, _args, ctx) => ctx.loaders.get(companyById).load(v.companyId),
    }),
    name: t.exposeString("name"),
    state: t.field({ type: VendorState, resolve: (v) => v.state }),
    defaultCurrency: t.string({ description: "ISO 4217.", resolve: (v) => v.defaultCurrency }),
    code: t.string({ nullable: true, resolve: (v) => v.code ?? null }),
    externalId: t.string({ nullable: true, resolve: (v) => v.externalId ?? null }),
    country: t.string({
      nullable: true,
      description: "ISO 3166 alpha-2.",
      resolve: (v) => v.country ?? null,
    }),
    registrationNumber: t.string({ nullable: true, resolve: (v) => v.registrationNumber ?? null }),
    taxRegistrationNumber: t.string({ nullable: true, resolve: (v) => v.taxRegistrationNumber ?? null }),
    accountingSystem: t.string({ nullable: true, resolve: (v) => v.accountingSystem ?? null }),
    createdAt: t.field({ type: "DateTime", nullable: true, resolve: (v) => v.createdAt ?? null }),
    updatedAt: t.field({ type: "DateTime", nullable: true, resolve: (v) => v.updatedAt ?? null }),
  }),
});

const list = z.array(z.string().min(1).max(255)).max(100, "Pleo accepts at most 100 values per filter");

const VendorFilter = builder.inputType("VendorFilter", {
  description: "Filters Pleo's vendor search supports; values within a list are alternatives.",
  fields: (t) => ({
    ids: t.field({ type: ["UUID"], required: false, validate: list }),
    codes: t.stringList({ required: false, validate: list }),
    externalIds: t.stringList({ required: false, validate: list }),
    countries: t.stringList({
      required: false,
      validate: z.array(z.string().regex(/^[A-Z]{2}$/, "ISO 3166 alpha-2 code")).max(100),
    }),
    states: t.field({ type: [VendorState], required: false }),
    name: t.string({ required: false, validate: z.string().min(1).max(255) }),
    taxRegistrationNumbers: t.stringList({ required: false, validate: list }),
  }),
});

function toSearch(filter: typeof VendorFilter.$inferInput | null | undefined): VendorSearch {
  if (!filter) return {};
  return {
    ids: filter.ids?.map((id) => id.toLowerCase()) ?? undefined,
    codes: filter.codes ?? undefined,
    externalIds: filter.externalIds ?? undefined,
    countries: filter.countries ?? undefined,
    states: filter.states ?? undefined,
    name: filter.name ?? undefined,
    taxRegistrationNumbers: filter.taxRegistrationNumbers ?? undefined,
  };
}

builder.objectFields(Company, (t) => ({
  vendors: t.connection({
    type: Vendor,
    nullable: true,
    description: `The company's vendors. Needs a credential bound to this company with \`${Scope.vendorsRead}\`.`,
    ...companyGated(
      Scope.vendorsRead,
      { filter: t.arg({ type: VendorFilter, required: false }) },
      (company, args, ctx, bound) =>
        companyConnection(ctx, bound, {
          companyId: company.id,
          resource: "vendors",
          loader: vendorPages,
          filter: toSearch(args.filter),
          args,
        }),
    ),
  }),
  vendor: t.field({
    type: Vendor,
    nullable: true,
    description: "One vendor of this company, by Pleo id or global ID (which must belong to this company).",
    ...companyObjectById(t, Vendor, Scope.vendorsRead, vendorById),
  }),
}));
