import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { allTaxCodes, taxCodeById, taxCodePages } from "../../loaders/tax-codes.ts";
import { createTaxCode, deleteTaxCode, searchTaxCodes, updateTaxCode } from "../../pleo/apis/tax-codes.ts";
import type { PleoCredential } from "../../pleo/credential.ts";
import type { TaxCode as TaxCodeModel, TaxCodeWrite } from "../../pleo/models/tax-code.ts";
import { Scope } from "../../pleo/scopes.ts";
import { TaxCode } from "../types/tax-code.ts";
import { type Conflict, existingAs, type MutationFailure } from "./failures.ts";
import { taxRate, text } from "./inputs.ts";
import { changes, patched } from "./patch.ts";
import { bestEffort, writeThrough } from "./upstream-calls.ts";

/*
 * Every tax code write (Tax codes API v0), for the single mutations and syncTaxCodes alike: the requests,
 * their patch semantics, how to check an unknown outcome, and a clash on `code` (its id in the accounting
 * system, unique in a company) as a Conflict carrying the tax code holding it.
 */

export const TAX_CODE_LOADERS = [taxCodePages, taxCodeById, allTaxCodes];

/** A tax code's fields as a caller gives them (a field left out keeps its value on update). */
export interface TaxCodeFields {
  readonly name?: string | null;
  readonly rate?: number | null;
  readonly type?: TaxCodeWrite["type"] | null;
  readonly code?: string | null;
  readonly ingoingTaxAccount?: string | null;
  readonly outgoingTaxAccount?: string | null;
  readonly archived?: boolean | null;
}

/** What Pleo accepts for a tax code: a create as is, a sync item with `code` required, an update with name and rate optional. */
export const taxCodeFields = {
  name: text(),
  rate: taxRate,
  code: text().nullish(),
  ingoingTaxAccount: text().nullish(),
  outgoingTaxAccount: text().nullish(),
  archived: z.boolean().nullish(),
};

export function taxCodeCreateRequest(
  companyId: string,
  fields: TaxCodeFields & Pick<TaxCodeWrite, "name" | "rate" | "type">,
): TaxCodeWrite {
  return {
    companyId,
    name: fields.name,
    rate: fields.rate,
    type: fields.type,
    archived: fields.archived ?? false,
    code: fields.code ?? null,
    ingoingTaxAccount: fields.ingoingTaxAccount ?? null,
    outgoingTaxAccount: fields.outgoingTaxAccount ?? null,
  };
}

/** Pleo's PUT replaces the tax code: `fields` over `current`. */
export function taxCodeUpdateRequest(
  companyId: string,
  current: TaxCodeModel,
  fields: TaxCodeFields,
): TaxCodeWrite {
  return {
    companyId,
    name: fields.name ?? current.name,
    rate: fields.rate ?? current.rate,
    type: fields.type ?? current.type,
    archived: fields.archived ?? current.archived,
    code: patched(fields.code, current.code),
    ingoingTaxAccount: patched(fields.ingoingTaxAccount, current.ingoingTaxAccount),
    outgoingTaxAccount: patched(fields.outgoingTaxAccount, current.outgoingTaxAccount),
  };
}

/** Whether an update request would change the tax code. */
export function taxCodeChanges(request: TaxCodeWrite, current: TaxCodeModel): boolean {
  return changes(request, current, [
    "name",
    "rate",
    "type",
    "archived",
    "code",
    "ingoingTaxAccount",
    "outgoingTaxAccount",
  ]);
}

/** A clash on `code`: find the tax code holding it (a read) for the Conflict. */
async function taxCodeConflict(
  ctx: GatewayContext,
  companyId: string,
  code: string | null | undefined,
  exceptId: string | null,
  conflict: Conflict,
): Promise<MutationFailure> {
  const except = exceptId?.toLowerCase() ?? null;
  const existing = code
    ? await bestEffort(async () => {
        const bound = await ctx.access.credentialFor(companyId, Scope.taxCodesRead);
        const page = await searchTaxCodes(ctx.pleo, bound.credential, companyId, { code }, { limit: 10 });
        return page.items.find((c) => c.id.toLowerCase() !== except) ?? null;
      })
    : null;
  return conflict.withExisting(
    existing ? existingAs(TaxCode, existing) : null,
    existing ? "A tax code with the same code already exists in this company (see `existing`)." : undefined,
  );
}

export async function sendTaxCodeCreate(
  ctx: GatewayContext,
  credential: PleoCredential,
  request: TaxCodeWrite,
): Promise<TaxCodeModel> {
  const { companyId } = request;
  return writeThrough(
    ctx,
    TAX_CODE_LOADERS,
    {
      companyId,
      operation: "tax code create",
      check:
        "Search the company's tax codes by the code you sent (Company.taxCodes(filter: {code: …})) before creating it again.",
      onConflict: (conflict) => taxCodeConflict(ctx, companyId, request.code, null, conflict),
    },
    () => createTaxCode(ctx.pleo, credential, request),
  );
}

export async function sendTaxCodeUpdate(
  ctx: GatewayContext,
  credential: PleoCredential,
  taxCodeId: string,
  request: TaxCodeWrite,
  operation = "tax code update",
): Promise<TaxCodeModel> {
  const { companyId } = request;
  return writeThrough(
    ctx,
    TAX_CODE_LOADERS,
    {
      companyId,
      operation,
      check: "Read the tax code (node(id:) or Company.taxCode(id:)) to see whether the change was applied.",
      onConflict: (conflict) => taxCodeConflict(ctx, companyId, request.code, taxCodeId, conflict),
    },
    () => updateTaxCode(ctx.pleo, credential, taxCodeId, request),
  );
}

export async function sendTaxCodeDelete(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  taxCodeId: string,
): Promise<void> {
  await writeThrough(
    ctx,
    TAX_CODE_LOADERS,
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
    () => deleteTaxCode(ctx.pleo, credential, companyId, taxCodeId),
  );
}
