import { z } from "zod";
import { accountById, accountPages } from "../../loaders/accounts.ts";
import { allTaxCodes } from "../../loaders/tax-codes.ts";
import type { Account as AccountModel, AccountSearch } from "../../pleo/models/account.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import {
  companyConnection,
  companyGated,
  companyObjectById,
  loadOwned,
  ownerGated,
} from "../company-fields.ts";
import { ownedLocalId, parseOwnedLocalId } from "../global-id.ts";
import { Company } from "./company.ts";
import { TaxCode } from "./tax-code.ts";

export const Account = builder.objectRef<AccountModel>("Account");

builder.node(Account, {
  description: "An account of one company's chart of accounts.",
  id: { resolve: (a) => ownedLocalId(a.companyId, a.id), parse: (id) => parseOwnedLocalId("Account", id) },
  loadOne: ({ companyId, id }, ctx) => loadOwned(ctx, companyId, Scope.accountsRead, accountById, id),
  fields: (t) => ({
    accountId: t.field({ type: "UUID", description: "Pleo's account id.", resolve: (a) => a.id }),
    externalId: t.string({
      description: "The account's id in the accounting system.",
      resolve: (a) => a.externalId,
    }),
    name: t.exposeString("name"),
    code: t.string({
      nullable: true,
      description: "The account number, e.g. 4000.",
      resolve: (a) => a.code ?? null,
    }),
    archived: t.exposeBoolean("archived"),
    taxCodeExternalId: t.string({ nullable: true, resolve: (a) => a.taxCodeExternalId ?? null }),
    metadata: t.field({
      type: "JSONObject",
      nullable: true,
      resolve: (a) => (a.metadata as Record<string, unknown> | null | undefined) ?? null,
    }),
    taxCode: t.field({
      type: TaxCode,
      nullable: true,
      description: `The account's default tax code (matched by code). Needs \`${Scope.taxCodesRead}\` too.`,
      ...ownerGated(Scope.taxCodesRead, {}, async (a: AccountModel, _args, ctx, bound) => {
        if (!a.taxCodeExternalId) return null;
        const codes = await ctx.loaders
          .get(allTaxCodes)
          .load({ companyId: a.companyId.toLowerCase(), bound });
        return codes.find((c) => c.code === a.taxCodeExternalId) ?? null;
      }),
    }),
  }),
});

const list = z.array(z.string().min(1).max(255)).max(100, "Pleo accepts at most 100 values per filter");

const AccountFilter = builder.inputType("AccountFilter", {
  description: "Filters Pleo's chart-of-accounts search supports.",
  fields: (t) => ({
    ids: t.field({ type: ["UUID"], required: false, validate: list }),
    codes: t.stringList({ required: false, validate: list }),
    externalId: t.string({ required: false, validate: z.string().min(1).max(255) }),
    name: t.string({ required: false, validate: z.string().min(1).max(255) }),
    archived: t.boolean({ required: false }),
  }),
});

function toSearch(filter: typeof AccountFilter.$inferInput | null | undefined): AccountSearch {
  return {
    ids: filter?.ids?.map((id) => id.toLowerCase()) ?? undefined,
    codes: filter?.codes ?? undefined,
    externalId: filter?.externalId ?? undefined,
    name: filter?.name ?? undefined,
    archived: filter?.archived ?? undefined,
  };
}

builder.objectFields(Company, (t) => ({
  accounts: t.connection({
    type: Account,
    nullable: true,
    description: `The company's chart of accounts. Needs \`${Scope.accountsRead}\`.`,
    ...companyGated(
      Scope.accountsRead,
      { filter: t.arg({ type: AccountFilter, required: false }) },
      (company, args, ctx, bound) =>
        companyConnection(ctx, bound, {
          companyId: company.id,
          resource: "accounts",
          loader: accountPages,
          filter: toSearch(args.filter),
          args,
        }),
    ),
  }),
  account: t.field({
    type: Account,
    nullable: true,
    description: "One account of this company, by Pleo id or global ID.",
    ...companyObjectById(t, Account, Scope.accountsRead, accountById),
  }),
}));
