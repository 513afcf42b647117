import { z } from "zod";
import { allTaxCodes } from "../../../loaders/tax-codes.ts";
import type { TaxCode as TaxCodeModel, TaxCodeWrite } from "../../../pleo/models/tax-code.ts";
import { Scope } from "../../../pleo/scopes.ts";
import { builder } from "../../builder.ts";
import { TaxCode, TaxCodeType } from "../../types/tax-code.ts";
import { ValidationFailed } from "../failures.ts";
import { duplicates, listOf, text } from "../inputs.ts";
import { zodIssues } from "../prepare.ts";
import { defineMutation } from "../results.ts";
import {
  sendTaxCodeCreate,
  sendTaxCodeUpdate,
  TAX_CODE_LOADERS,
  taxCodeChanges,
  taxCodeCreateRequest,
  taxCodeFields,
  taxCodeUpdateRequest,
} from "../tax-code-writes.ts";
import { MAX_COMPANIES } from "./company-outcomes.ts";
import { runSync, type SyncSpec, syncTypes } from "./sync.ts";

const TaxCodeSyncInput = builder.inputType("TaxCodeSyncInput", {
  description:
    "A tax code as the accounting system has it, matched by `code`. Left-out optional fields keep their value in Pleo; null clears them.",
  fields: (t) => ({
    code: t.string({ required: true, description: "The tax code's id in the accounting system." }),
    name: t.string({ required: true }),
    rate: t.float({ required: true, description: "Decimal fraction: 0.21 is 21 %." }),
    type: t.field({ type: TaxCodeType, required: true }),
    archived: t.boolean({ defaultValue: false }),
    ingoingTaxAccount: t.string(),
    outgoingTaxAccount: t.string(),
  }),
});
type TaxCodeSyncItem = typeof TaxCodeSyncInput.$inferInput;

const SyncTaxCodesInput = builder.inputType("SyncTaxCodesInput", {
  fields: (t) => ({
    taxCodes: t.field({ type: [TaxCodeSyncInput], required: true, description: "1 to 500 tax codes." }),
    companyIds: t.idList({
      description: `The companies (UUIDs or Company global IDs, at most ${MAX_COMPANIES}). Left out: every company this request holds a company credential for.`,
    }),
  }),
});

const syncTaxCodesSchema = z.object({
  taxCodes: listOf(z.object({ ...taxCodeFields, code: text() }), 1, 500),
});

/** An item over the tax code it matches: `archived` left out (or null) means not archived. */
const asChanges = (item: TaxCodeSyncItem) => ({ ...item, archived: item.archived ?? false });

const taxCodeSync: SyncSpec<TaxCodeSyncItem, TaxCodeModel, TaxCodeWrite> = {
  scopes: { write: Scope.taxCodesWrite, read: Scope.taxCodesRead },
  keyOf: (item) => item.code,
  // Pleo filters tax codes by one code at a time: the request's whole list of the company's (few) tax
  // codes serves every item.
  existing: async (ctx, bound, companyId) => {
    const taxCodes = await ctx.loaders.get(allTaxCodes).load({ companyId, bound });
    const byCode = new Map<string, TaxCodeModel>();
    for (const taxCode of taxCodes) if (taxCode.code) byCode.set(taxCode.code, taxCode);
    return byCode;
  },
  create: (ctx, credential, companyId, item) =>
    sendTaxCodeCreate(ctx, credential, taxCodeCreateRequest(companyId, asChanges(item))),
  updateRequest: (companyId, current, item) => taxCodeUpdateRequest(companyId, current, asChanges(item)),
  changes: taxCodeChanges,
  update: (ctx, credential, current, request) => sendTaxCodeUpdate(ctx, credential, current.id, request),
  loaders: TAX_CODE_LOADERS,
};

defineMutation("syncTaxCodes", {
  description: `Makes each company's tax codes match the given ones (by code): creates the missing, updates the different, leaves the rest. One outcome per company, each done with that company's own credential (\`${Scope.taxCodesWrite}\` and \`${Scope.taxCodesRead}\`); a company that fails never affects the others.`,
  input: SyncTaxCodesInput,
  payload: syncTypes<TaxCodeModel>("TaxCode", "code", "taxCode", TaxCode),
  errors: [ValidationFailed],
  resolve: async (input, ctx) => {
    const issues = [
      ...zodIssues(syncTaxCodesSchema, input, "input"),
      ...duplicates(
        input.taxCodes,
        (t) => t.code,
        (i) => `input.taxCodes.${i}.code`,
        "code",
      ),
    ];
    if (issues.length > 0) throw new ValidationFailed(issues, null);
    return runSync(ctx, taxCodeSync, input.companyIds, input.taxCodes);
  },
});
