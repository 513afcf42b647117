import { companyById } from "../../loaders/companies.ts";
import type { Company as CompanyModel } from "../../pleo/models/company.ts";
import { builder } from "../builder.ts";
import { uuidOrGlobalId } from "../global-id.ts";
import { type CompanyParent, companyRecord, provenCompany } from "./company-parent.ts";

/**
 * A legal entity. Its discovery fields resolve for any credential that can see it (its own, or its
 * organisation's); its accounting fields are added by each resource's file and are gated per company,
 * and its `organisation` link by organisation.ts (which needs Company for the organisation's companies).
 */
export const Company = builder.objectRef<CompanyParent>("Company");

const Address = builder.objectRef<CompanyModel["address"]>("Address").implement({
  fields: (t) => ({
    addressLine1: t.string({ nullable: true, resolve: (a) => a.addressLine1 ?? null }),
    addressLine2: t.string({ nullable: true, resolve: (a) => a.addressLine2 ?? null }),
    locality: t.string({ nullable: true, resolve: (a) => a.locality ?? null }),
    postalCode: t.string({ nullable: true, resolve: (a) => a.postalCode ?? null }),
    region: t.string({ nullable: true, resolve: (a) => a.region ?? null }),
    country: t.string({
      nullable: true,
      description: "ISO 3166 alpha-2.",
      resolve: (a) => a.country ?? null,
    }),
  }),
});

const CompanyAccessInfo = builder.objectRef<{ companyId: string }>("CompanyAccessInfo").implement({
  description: "What this request may do in the company: decided by credentials Pleo bound to it.",
  fields: (t) => ({
    hasCredential: t.boolean({
      description: "Whether the request holds a credential bound to this company.",
      resolve: async ({ companyId }, _args, ctx) =>
        (await ctx.access.companyCredentials(companyId)).length > 0,
    }),
    scopes: t.stringList({
      description: "The Pleo scopes of the company's credentials held by this request.",
      resolve: async ({ companyId }, _args, ctx) => {
        const bound = await ctx.access.companyCredentials(companyId);
        return [...new Set(bound.flatMap((b) => [...b.binding.scopes]))].sort();
      },
    }),
  }),
});

builder.node(Company, {
  id: {
    resolve: (company) => company.id.toLowerCase(),
    parse: (id) => uuidOrGlobalId("Company", id),
  },
  loadOne: (id, ctx) => ctx.loaders.get(companyById).load(id),
  fields: (t) => ({
    companyId: t.field({
      type: "UUID",
      description: "Pleo's company_id.",
      resolve: (c) => c.id.toLowerCase(),
    }),
    name: t.string({ resolve: async (c, _args, ctx) => (await companyRecord(c, ctx)).name }),
    registrationNumber: t.string({
      nullable: true,
      resolve: async (c, _args, ctx) => (await companyRecord(c, ctx)).registrationNumber ?? null,
    }),
    address: t.field({
      type: Address,
      resolve: async (c, _args, ctx) => (await companyRecord(c, ctx)).address,
    }),
    access: t.field({ type: CompanyAccessInfo, resolve: (c) => ({ companyId: c.id.toLowerCase() }) }),
  }),
});

builder.queryField("company", (t) =>
  t.field({
    type: Company,
    nullable: true,
    description: "A company by Pleo company_id or global ID, if a credential of this request can see it.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const companyId = uuidOrGlobalId("Company", id).toLowerCase();
      // A credential bound to the company proves it: no need to wait for its record (see CompanyParent).
      if ((await ctx.access.companyCredentials(companyId)).length > 0) return provenCompany(companyId);
      return ctx.loaders.get(companyById).load(companyId);
    },
  }),
);
