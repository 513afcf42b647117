import { z } from "zod";
import { getTaxCode } from "../../pleo/apis/tax-codes.ts";
import type { TaxCode as TaxCodeModel } from "../../pleo/models/tax-code.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { TaxCode, TaxCodeType } from "../types/tax-code.ts";
import { taxRate, text } from "./inputs.ts";
import { archiving, createInCompany, type PatchSpec, patchObject, writeObject } from "./object-writes.ts";
import { defineMutation, payloadOf } from "./results.ts";
import {
  sendTaxCodeCreate,
  sendTaxCodeDelete,
  sendTaxCodeUpdate,
  type TaxCodeFields,
  taxCodeCreateRequest,
  taxCodeFields,
  taxCodeUpdateRequest,
} from "./tax-code-writes.ts";

/*
 * Tax codes (Tax codes API v0): create, update (patch semantics over Pleo's PUT), archive, delete. A tax
 * code's `code` (its id in the accounting system) is unique in a company: a clash is a Conflict carrying
 * the existing tax code.
 */

const TaxCodePayload = payloadOf("TaxCodePayload", "taxCode", TaxCode, "The tax code as Pleo stored it.");

const DeleteTaxCodePayload = builder.objectRef<{ taxCodeId: string }>("DeleteTaxCodePayload").implement({
  fields: (t) => ({ deletedTaxCodeId: t.field({ type: "UUID", resolve: (p) => p.taxCodeId }) }),
});

const docs = {
  rate: "The rate as a decimal fraction: 0.21 is 21 %.",
  code: "The tax code's id in the accounting system (unique in the company).",
} as const;

const CreateTaxCodeInput = builder.inputType("CreateTaxCodeInput", {
  fields: (t) => ({
    companyId: t.id({ required: true, description: "The company: Pleo's UUID or a Company global ID." }),
    name: t.string({ required: true }),
    rate: t.float({ required: true, description: docs.rate }),
    type: t.field({ type: TaxCodeType, required: true }),
    code: t.string({ description: docs.code }),
    ingoingTaxAccount: t.string(),
    outgoingTaxAccount: t.string(),
    archived: t.boolean({ defaultValue: false }),
  }),
});

const UpdateTaxCodeInput = builder.inputType("UpdateTaxCodeInput", {
  description: "Changes to a tax code. A field left out keeps its value; null clears an optional field.",
  fields: (t) => ({
    id: t.id({ required: true, description: "A TaxCode global ID, or Pleo's UUID together with companyId." }),
    companyId: t.id({ description: "Needed with a raw UUID id; must match a global ID's company." }),
    name: t.string(),
    rate: t.float({ description: docs.rate }),
    type: t.field({ type: TaxCodeType }),
    code: t.string({ description: docs.code }),
    ingoingTaxAccount: t.string(),
    outgoingTaxAccount: t.string(),
    archived: t.boolean(),
  }),
});

const ArchiveTaxCodeInput = builder.inputType("ArchiveTaxCodeInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    companyId: t.id(),
    archived: t.boolean({ defaultValue: true, description: "false restores an archived tax code." }),
  }),
});

const DeleteTaxCodeInput = builder.inputType("DeleteTaxCodeInput", {
  fields: (t) => ({ id: t.id({ required: true }), companyId: t.id() }),
});

const taxCodePatch: PatchSpec<TaxCodeModel, TaxCodeFields, TaxCodeModel> = {
  typename: "TaxCode",
  scopes: { write: Scope.taxCodesWrite, read: Scope.taxCodesRead },
  schema: z.object({ ...taxCodeFields, name: text().optional(), rate: taxRate.optional() }),
  get: (ctx, credential, companyId, id) => getTaxCode(ctx.pleo, credential, companyId, id),
  send: (ctx, credential, { companyId, id, operation }, current, changes) =>
    sendTaxCodeUpdate(ctx, credential, id, taxCodeUpdateRequest(companyId, current, changes), operation),
};

defineMutation("createTaxCode", {
  description: `Creates a tax code (\`POST /v0/tax-codes\`, needs \`${Scope.taxCodesWrite}\`). A tax code with the same code in the company is a Conflict carrying it.`,
  input: CreateTaxCodeInput,
  payload: TaxCodePayload,
  resolve: async (input, ctx) => ({
    taxCode: await createInCompany(
      ctx,
      input,
      { scope: Scope.taxCodesWrite, schema: z.object(taxCodeFields) },
      (credential, companyId) => sendTaxCodeCreate(ctx, credential, taxCodeCreateRequest(companyId, input)),
    ),
  }),
});

defineMutation("updateTaxCode", {
  description: `Changes a tax code (reads it, then \`PUT /v0/tax-codes/{id}\`; needs \`${Scope.taxCodesWrite}\` and \`${Scope.taxCodesRead}\`).`,
  input: UpdateTaxCodeInput,
  payload: TaxCodePayload,
  resolve: async (input, ctx) => ({
    taxCode: await patchObject(ctx, taxCodePatch, input, "tax code update"),
  }),
});

defineMutation("archiveTaxCode", {
  description: `Archives (or, with archived: false, restores) a tax code: an update with \`archived\`. Needs \`${Scope.taxCodesWrite}\` and \`${Scope.taxCodesRead}\`.`,
  input: ArchiveTaxCodeInput,
  payload: TaxCodePayload,
  resolve: async (input, ctx) => ({
    taxCode: await patchObject(ctx, taxCodePatch, archiving(input), "tax code archive"),
  }),
});

defineMutation("deleteTaxCode", {
  description: `Deletes a tax code (\`DELETE /v0/tax-codes/{id}\`, needs \`${Scope.taxCodesWrite}\`). Pleo may refuse one that accounting entries use (Conflict): archive it instead.`,
  input: DeleteTaxCodeInput,
  payload: DeleteTaxCodePayload,
  resolve: async (input, ctx) => {
    const { id } = await writeObject(
      ctx,
      input,
      { typename: "TaxCode", scope: Scope.taxCodesWrite },
      (credential, companyId, taxCodeId) => sendTaxCodeDelete(ctx, credential, companyId, taxCodeId),
    );
    return { taxCodeId: id };
  },
});
