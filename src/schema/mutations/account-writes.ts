import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { accountById, accountPages } from "../../loaders/accounts.ts";
import {
  createAccount,
  createAccounts,
  deleteAccount,
  searchAccounts,
  updateAccount,
} from "../../pleo/apis/accounts.ts";
import type { PleoCredential } from "../../pleo/credential.ts";
import type {
  AccountBatchResult,
  AccountCreate,
  Account as AccountModel,
  AccountWrite,
} from "../../pleo/models/account.ts";
import { Scope } from "../../pleo/scopes.ts";
import { Account } from "../types/account.ts";
import { AccountInUse, type Conflict, existingAs, type MutationFailure } from "./failures.ts";
import { anyText, text } from "./inputs.ts";
import { patched } from "./patch.ts";
import { bestEffort, writeThrough } from "./upstream-calls.ts";

/*
 * Every account write (Accounts API v1): the requests and their patch semantics, how to check an unknown
 * outcome, a create's 409 as a Conflict carrying the existing account, and a delete's 409 as AccountInUse
 * (Pleo refuses to delete an account that accounting entries use).
 */

const ACCOUNT_LOADERS = [accountPages, accountById];

/** An account's fields as a caller gives them (a field left out keeps its value on update). */
interface AccountFields {
  readonly name?: string | null;
  readonly code?: string | null;
  readonly taxCodeExternalId?: string | null;
  readonly archived?: boolean | null;
  readonly metadata?: Record<string, unknown> | null;
}

const metadata = z
  .record(z.string(), z.union([z.record(z.string(), z.unknown()), z.null()]), {
    error: "each metadata value must be a JSON object or null",
  })
  .refine((value) => JSON.stringify(value).length <= 10_000, "at most 10 000 characters as JSON")
  .nullish();

/** What Pleo accepts for an account (a new one also needs its externalId). */
export const accountFields = {
  name: anyText(),
  code: anyText().nullish(),
  taxCodeExternalId: text().nullish(),
  archived: z.boolean().nullish(),
  metadata,
};

/** The fields of a new account (a single create or a batch item). */
export function accountWriteOf(fields: AccountFields & { readonly name: string }): AccountWrite {
  return {
    name: fields.name,
    archived: fields.archived ?? false,
    code: fields.code ?? null,
    taxCodeExternalId: fields.taxCodeExternalId ?? null,
    metadata: fields.metadata ?? null,
  };
}

/** Pleo's PUT replaces the account: `fields` over `current`. */
export function accountUpdateRequest(current: AccountModel, fields: AccountFields): AccountWrite {
  return {
    name: fields.name ?? current.name,
    archived: fields.archived ?? current.archived,
    code: patched(fields.code, current.code),
    taxCodeExternalId: patched(fields.taxCodeExternalId, current.taxCodeExternalId),
    metadata: patched(fields.metadata, current.metadata),
  };
}

/** 409 on create: an account with that externalId exists (and differs); find it for the Conflict. */
async function accountConflict(
  ctx: GatewayContext,
  companyId: string,
  externalId: string,
  conflict: Conflict,
): Promise<MutationFailure> {
  const existing = await bestEffort(async () => {
    const bound = await ctx.access.credentialFor(companyId, Scope.accountsRead);
    const page = await searchAccounts(ctx.pleo, bound.credential, companyId, { externalId }, { limit: 10 });
    return page.items[0] ?? null;
  });
  return conflict.withExisting(
    existing ? existingAs(Account, existing) : null,
    "An account with the same externalId (and other fields) already exists in this company (see `existing`).",
  );
}

export async function sendAccountCreate(
  ctx: GatewayContext,
  credential: PleoCredential,
  request: AccountCreate,
): Promise<AccountModel> {
  const { companyId } = request;
  return writeThrough(
    ctx,
    ACCOUNT_LOADERS,
    {
      companyId,
      operation: "account create",
      check:
        "Search the chart of accounts by the externalId you sent (Company.accounts(filter: {externalId: …})); sending the identical account again is answered with the existing one.",
      onConflict: (conflict) => accountConflict(ctx, companyId, request.externalId, conflict),
    },
    () => createAccount(ctx.pleo, credential, request),
  );
}

export async function sendAccountBatch(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  items: readonly (AccountWrite & { readonly externalId: string })[],
): Promise<AccountBatchResult> {
  return writeThrough(
    ctx,
    ACCOUNT_LOADERS,
    {
      companyId,
      operation: "account batch create",
      check:
        "Search the chart of accounts for the externalIds you sent; sending the batch again is safe in that Pleo refuses existing externalIds per item (EXTERNAL_ID_ALREADY_EXISTS).",
    },
    () => createAccounts(ctx.pleo, credential, companyId, items),
  );
}

export async function sendAccountUpdate(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  accountId: string,
  request: AccountWrite,
  operation: string,
): Promise<AccountModel> {
  return writeThrough(
    ctx,
    ACCOUNT_LOADERS,
    {
      companyId,
      operation,
      check: "Read the account (node(id:) or Company.account(id:)) to see whether the change was applied.",
    },
    () => updateAccount(ctx.pleo, credential, companyId, accountId, request),
  );
}

export async function sendAccountDelete(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  accountId: string,
): Promise<void> {
  await writeThrough(
    ctx,
    ACCOUNT_LOADERS,
    {
      companyId,
      operation: "account delete",
      check: "Look the account up by id: NOT_FOUND means it was deleted.",
      onConflict: async () => new AccountInUse(accountId, companyId),
    },
    () => deleteAccount(ctx.pleo, credential, companyId, accountId),
  );
}
