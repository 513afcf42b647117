import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { allTaxCodes, taxCodeById, taxCodePages } from "../../loaders/tax-codes.ts";
import {
  createTaxCode,
  deleteTaxCode,
  getTaxCode,
  searchTaxCodes,
  updateTaxCode,
} from "../../pleo/apis/tax-codes.ts";
import type { TaxCode as TaxCodeModel, TaxCodeWrite } from "../../pleo/models/tax-code.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { TaxCode, TaxCodeType } from "../types/tax-code.ts";
import { taxRate, text } from "./inputs.ts";
import { bestEffort, idOf, invalidate, mutation, patched, prepare, read, write, zodIssues } from "./kit.ts";
import { COMMON_ERRORS, type Conflict, existingAs, type MutationFailure } from "./results.ts";

/*
 * Tax codes (Tax codes API v0): create, update (patch semantics over Pleo's PUT), archive, delete. A tax
 * code's `code` (its id in the accounting system) is unique in a company: a clash is a Conflict carrying
 * the existing tax code.
 */

export const TAX_CODE_LOADERS = [taxCodePages, taxCodeById, allTaxCodes];

export const TaxCodePayload = builder.objectRef<{ taxCode: TaxCodeModel }>("TaxCodePayload").implement({
  description: "The tax code as Pleo stored it.",
  fields: (t) => ({ taxCode: t.field({ type: TaxCode, resolve: (p) => p.taxCode }) }),
});

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

/** The fields of a tax code, for create, update and sync alike. */
export const taxCodeFields = {
  name: text(),
  rate: taxRate,
  code: text().nullish(),
  ingoingTaxAccount: text().nullish(),
  outgoingTaxAccount: text().nullish(),
  archived: z.boolean().nullish(),
};
const createSchema = z.object(taxCodeFields);
const updateSchema = z.object({
  ...taxCodeFields,
  name: text().optional(),
  rate: taxRate.optional(),
});

/** A clash on `code`: find the tax code holding it (a read) for the Conflict. */
export async function taxCodeConflict(
  ctx: GatewayContext,
  companyId: string,
  code: string | null | undefined,
  exceptId: string | null,
  conflict: Conflict,
): Promise<MutationFailure> {
  const existing = code
    ? await bestEffort(async () => {
        const bound = await ctx.access.credentialFor(companyId, Scope.taxCodesRead);
        const page = await searchTaxCodes(ctx.pleo, bound.credential, companyId, { code }, { limit: 10 });
        return page.items.find((c) => c.id.toLowerCase() !== exceptId) ?? null;
      })
    : null;
  return conflict.withExisting(
    existing ? existingAs(TaxCode, existing) : null,
    existing ? "A tax code with the same code already exists in this company (see `existing`)." : undefined,
  );
}

export const CHECK_TAX_CODE_CREATE =
  "Search the company's tax codes by the code you sent (Company.taxCodes(filter: {code: …})) before creating it again.";

builder.mutationField("createTaxCode", (t) =>
  t.field({
    type: TaxCodePayload,
    nullable: true,
    description: `Creates a tax code (\`POST /v0/tax-codes\`, needs \`${Scope.taxCodesWrite}\`). A tax code with the same code in the company is a Conflict carrying it.`,
    args: { input: t.arg({ type: CreateTaxCodeInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "CreateTaxCodeResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        scopes: { write: Scope.taxCodesWrite },
        validate: () => zodIssues(createSchema, input, "input"),
      });
      const { companyId } = target;
      const request: TaxCodeWrite = {
        companyId,
        name: input.name,
        rate: input.rate,
        type: input.type,
        archived: input.archived ?? false,
        code: input.code ?? null,
        ingoingTaxAccount: input.ingoingTaxAccount ?? null,
        outgoingTaxAccount: input.outgoingTaxAccount ?? null,
      };
      const taxCode = await write(
        {
          companyId,
          operation: "tax code create",
          check: CHECK_TAX_CODE_CREATE,
          onConflict: (conflict) => taxCodeConflict(ctx, companyId, request.code, null, conflict),
        },
        () => createTaxCode(ctx.pleo, target.credentials.write.credential, request),
      );
      invalidate(ctx, TAX_CODE_LOADERS);
      return { taxCode };
    }),
  }),
);

/** Reads the tax code, applies the patch and PUTs the whole of it back. */
async function patchTaxCode(
  ctx: GatewayContext,
  input: {
    id: string;
    companyId?: string | null;
    name?: string | null;
    rate?: number | null;
    type?: TaxCodeWrite["type"] | null;
    code?: string | null;
    ingoingTaxAccount?: string | null;
    outgoingTaxAccount?: string | null;
    archived?: boolean | null;
  },
  operation: string,
): Promise<TaxCodeModel> {
  const target = await prepare(ctx, {
    companyId: input.companyId,
    ids: [{ path: "input.id", typename: "TaxCode", value: input.id }],
    scopes: { write: Scope.taxCodesWrite, read: Scope.taxCodesRead },
    validate: () => zodIssues(updateSchema, input, "input"),
  });
  const { companyId } = target;
  const taxCodeId = idOf(target, "input.id");
  const current = await read(companyId, () =>
    getTaxCode(ctx.pleo, target.credentials.read.credential, companyId, taxCodeId),
  );
  const request: TaxCodeWrite = {
    companyId,
    name: input.name ?? current.name,
    rate: input.rate ?? current.rate,
    type: input.type ?? current.type,
    archived: input.archived ?? current.archived,
    code: patched(input.code, current.code) ?? null,
    ingoingTaxAccount: patched(input.ingoingTaxAccount, current.ingoingTaxAccount) ?? null,
    outgoingTaxAccount: patched(input.outgoingTaxAccount, current.outgoingTaxAccount) ?? null,
  };
  const taxCode = await write(
    {
      companyId,
      operation,
      check: "Read the tax code (node(id:) or Company.taxCode(id:)) to see whether the change was applied.",
      onConflict: (conflict) => taxCodeConflict(ctx, companyId, request.code, taxCodeId, conflict),
    },
    () => updateTaxCode(ctx.pleo, target.credentials.write.credential, taxCodeId, request),
  );
  invalidate(ctx, TAX_CODE_LOADERS);
  return taxCode;
}

builder.mutationField("updateTaxCode", (t) =>
  t.field({
    type: TaxCodePayload,
    nullable: true,
    description: `Changes a tax code (reads it, then \`PUT /v0/tax-codes/{id}\`; needs \`${Scope.taxCodesWrite}\` and \`${Scope.taxCodesRead}\`).`,
    args: { input: t.arg({ type: UpdateTaxCodeInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "UpdateTaxCodeResult" } },
    resolve: mutation(async ({ input }, ctx) => ({
      taxCode: await patchTaxCode(ctx, input, "tax code update"),
    })),
  }),
);

builder.mutationField("archiveTaxCode", (t) =>
  t.field({
    type: TaxCodePayload,
    nullable: true,
    description: `Archives (or, with archived: false, restores) a tax code: an update with \`archived\`. Needs \`${Scope.taxCodesWrite}\` and \`${Scope.taxCodesRead}\`.`,
    args: { input: t.arg({ type: ArchiveTaxCodeInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "ArchiveTaxCodeResult" } },
    resolve: mutation(async ({ input }, ctx) => ({
      taxCode: await patchTaxCode(
        ctx,
        { id: input.id, companyId: input.companyId, archived: input.archived ?? true },
        "tax code archive",
      ),
    })),
  }),
);

builder.mutationField("deleteTaxCode", (t) =>
  t.field({
    type: DeleteTaxCodePayload,
    nullable: true,
    description: `Deletes a tax code (\`DELETE /v0/tax-codes/{id}\`, needs \`${Scope.taxCodesWrite}\`). Pleo may refuse one that accounting entries use (Conflict): archive it instead.`,
    args: { input: t.arg({ type: DeleteTaxCodeInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "DeleteTaxCodeResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        ids: [{ path: "input.id", typename: "TaxCode", value: input.id }],
        scopes: { write: Scope.taxCodesWrite },
      });
      const { companyId } = target;
      const taxCodeId = idOf(target, "input.id");
      await write(
        {
          companyId,
          operation: "tax code delete",
          check: "Look the tax code up by id: NOT_FOUND means it was deleted.",
          onConflict: async (conflict) =>
            conflict.withExisting(
              null,
              "Pleo refused to delete this tax code (it is in use); archive it instead (archiveTaxCode).",
            ),
        },
        () => deleteTaxCode(ctx.pleo, target.credentials.write.credential, companyId, taxCodeId),
      );
      invalidate(ctx, TAX_CODE_LOADERS);
      return { taxCodeId };
    }),
  }),
);
