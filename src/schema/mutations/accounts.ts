import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { accountById, accountPages } from "../../loaders/accounts.ts";
import {
  createAccount,
  createAccounts,
  deleteAccount,
  getAccount,
  searchAccounts,
  updateAccount,
} from "../../pleo/apis/accounts.ts";
import type { AccountCreate, Account as AccountModel, AccountWrite } from "../../pleo/models/account.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { Account } from "../types/account.ts";
import { anyText, duplicates, listOf, text } from "./inputs.ts";
import { bestEffort, idOf, invalidate, mutation, patched, prepare, read, write, zodIssues } from "./kit.ts";
import { AccountInUse, COMMON_ERRORS, type Conflict, existingAs, type MutationFailure } from "./results.ts";

/*
 * Chart of accounts (Accounts API v1): create, batch create (1..1000, Pleo answers per item), update
 * (patch semantics over Pleo's PUT), archive (an update with archived: true) and delete, which Pleo refuses
 * for accounts that accounting entries use: that is AccountInUse, pointing at archiveAccount.
 */

export const ACCOUNT_LOADERS = [accountPages, accountById];

const MAX_BATCH = 1000;

const AccountPayload = builder.objectRef<{ account: AccountModel }>("AccountPayload").implement({
  description: "The account as Pleo stored it.",
  fields: (t) => ({ account: t.field({ type: Account, resolve: (p) => p.account }) }),
});

const BATCH_FAILURE_REASONS = [
  "EXTERNAL_ID_ALREADY_EXISTS",
  "EXTERNAL_ID_TOO_LONG",
  "EXTERNAL_ID_EMPTY",
  "NAME_TOO_LONG",
  "NAME_EMPTY",
  "CODE_TOO_LONG",
  "OTHER",
] as const;
type BatchFailureReason = (typeof BATCH_FAILURE_REASONS)[number];

const AccountBatchFailureReason = builder.enumType("AccountBatchFailureReason", {
  description: "Why Pleo did not create an account of a batch (a reason it adds later is reported as OTHER).",
  values: BATCH_FAILURE_REASONS,
});

interface BatchFailure {
  readonly index: number;
  readonly externalId: string;
  readonly reasons: readonly BatchFailureReason[];
}

const AccountBatchFailure = builder.objectRef<BatchFailure>("AccountBatchFailure").implement({
  fields: (t) => ({
    index: t.exposeInt("index", { description: "Position of the account in `input.accounts`." }),
    externalId: t.exposeString("externalId"),
    reasons: t.field({ type: [AccountBatchFailureReason], resolve: (f) => [...f.reasons] }),
  }),
});

const CreateAccountsPayload = builder
  .objectRef<{ created: readonly AccountModel[]; failed: readonly BatchFailure[] }>("CreateAccountsPayload")
  .implement({
    description: "What Pleo created and what it refused, per account.",
    fields: (t) => ({
      created: t.field({ type: [Account], resolve: (p) => [...p.created] }),
      failed: t.field({ type: [AccountBatchFailure], resolve: (p) => [...p.failed] }),
      createdCount: t.int({ resolve: (p) => p.created.length }),
      failedCount: t.int({ resolve: (p) => p.failed.length }),
    }),
  });

const DeleteAccountPayload = builder.objectRef<{ accountId: string }>("DeleteAccountPayload").implement({
  fields: (t) => ({ deletedAccountId: t.field({ type: "UUID", resolve: (p) => p.accountId }) }),
});

const docs = {
  externalId: "The account's id in the accounting system (unique in the company, 1..255 characters).",
  code: "The account number, e.g. 4000 (at most 255 characters).",
  taxCodeExternalId:
    "The code (in the accounting system) of the account's default tax code; it must exist in Pleo.",
  metadata: "Free-form data: a JSON object whose values are JSON objects (or null), as Pleo stores it.",
} as const;

const CreateAccountInput = builder.inputType("CreateAccountInput", {
  fields: (t) => ({
    companyId: t.id({ required: true, description: "The company: Pleo's UUID or a Company global ID." }),
    externalId: t.string({ required: true, description: docs.externalId }),
    name: t.string({ required: true }),
    code: t.string({ description: docs.code }),
    taxCodeExternalId: t.string({ description: docs.taxCodeExternalId }),
    archived: t.boolean({ defaultValue: false }),
    metadata: t.field({ type: "JSONObject", description: docs.metadata }),
  }),
});

const AccountBatchItemInput = builder.inputType("AccountBatchItemInput", {
  fields: (t) => ({
    externalId: t.string({ required: true, description: docs.externalId }),
    name: t.string({ required: true }),
    code: t.string({ description: docs.code }),
    taxCodeExternalId: t.string({ description: docs.taxCodeExternalId }),
    archived: t.boolean({ defaultValue: false }),
    metadata: t.field({ type: "JSONObject", description: docs.metadata }),
  }),
});

const CreateAccountsInput = builder.inputType("CreateAccountsInput", {
  fields: (t) => ({
    companyId: t.id({ required: true }),
    accounts: t.field({
      type: [AccountBatchItemInput],
      required: true,
      description: `1 to ${MAX_BATCH} accounts, sent to Pleo in one batch.`,
    }),
  }),
});

const UpdateAccountInput = builder.inputType("UpdateAccountInput", {
  description: "Changes to an account. A field left out keeps its value; null clears an optional field.",
  fields: (t) => ({
    id: t.id({
      required: true,
      description: "An Account global ID, or Pleo's UUID together with companyId.",
    }),
    companyId: t.id({ description: "Needed with a raw UUID id; must match a global ID's company." }),
    name: t.string(),
    code: t.string({ description: docs.code }),
    taxCodeExternalId: t.string({ description: docs.taxCodeExternalId }),
    archived: t.boolean(),
    metadata: t.field({ type: "JSONObject", description: docs.metadata }),
  }),
});

const ArchiveAccountInput = builder.inputType("ArchiveAccountInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    companyId: t.id(),
    archived: t.boolean({ defaultValue: true, description: "false restores an archived account." }),
  }),
});

const AccountIdInput = builder.inputType("DeleteAccountInput", {
  fields: (t) => ({ id: t.id({ required: true }), companyId: t.id() }),
});

const metadata = z
  .record(z.string(), z.union([z.record(z.string(), z.unknown()), z.null()]), {
    error: "each metadata value must be a JSON object or null",
  })
  .refine((value) => JSON.stringify(value).length <= 10_000, "at most 10 000 characters as JSON")
  .nullish();

const accountFields = {
  name: anyText(),
  code: anyText().nullish(),
  taxCodeExternalId: text().nullish(),
  archived: z.boolean().nullish(),
  metadata,
};
const createSchema = z.object({ externalId: text(), ...accountFields });
const updateSchema = z.object({ ...accountFields, name: anyText().optional() });

const batchSchema = z.object({
  accounts: listOf(z.object({ externalId: text(), ...accountFields }), 1, MAX_BATCH),
});

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

function writableOf(fields: {
  name: string;
  archived?: boolean | null;
  code?: string | null;
  taxCodeExternalId?: string | null;
  metadata?: Record<string, unknown> | null;
}): AccountWrite {
  return {
    name: fields.name,
    archived: fields.archived ?? false,
    code: fields.code ?? null,
    taxCodeExternalId: fields.taxCodeExternalId ?? null,
    metadata: fields.metadata ?? null,
  };
}

builder.mutationField("createAccount", (t) =>
  t.field({
    type: AccountPayload,
    nullable: true,
    description: `Creates an account (\`POST /v1/chart-of-accounts\`, needs \`${Scope.accountsWrite}\`). Sending an account identical to an existing one returns it; a different one with the same externalId is a Conflict carrying the existing account.`,
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "CreateAccountResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        scopes: { write: Scope.accountsWrite },
        validate: () => zodIssues(createSchema, input, "input"),
      });
      const { companyId } = target;
      const request: AccountCreate = { companyId, externalId: input.externalId, ...writableOf(input) };
      const account = await write(
        {
          companyId,
          operation: "account create",
          check:
            "Search the chart of accounts by the externalId you sent (Company.accounts(filter: {externalId: …})); sending the identical account again is answered with the existing one.",
          onConflict: (conflict) => accountConflict(ctx, companyId, request.externalId, conflict),
        },
        () => createAccount(ctx.pleo, target.credentials.write.credential, request),
      );
      invalidate(ctx, ACCOUNT_LOADERS);
      return { account };
    }),
  }),
);

builder.mutationField("createAccounts", (t) =>
  t.field({
    type: CreateAccountsPayload,
    nullable: true,
    description: `Creates up to ${MAX_BATCH} accounts in one Pleo batch (\`POST /v1/chart-of-accounts/batch\`, needs \`${Scope.accountsWrite}\`). Pleo creates what it can; each refused account is listed with its reasons.`,
    args: { input: t.arg({ type: CreateAccountsInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "CreateAccountsResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        scopes: { write: Scope.accountsWrite },
        validate: () => [
          ...zodIssues(batchSchema, input, "input"),
          ...duplicates(
            input.accounts,
            (a) => a.externalId,
            (i) => `input.accounts.${i}.externalId`,
            "externalId",
          ),
        ],
      });
      const { companyId } = target;
      const items = input.accounts.map((a) => ({ externalId: a.externalId, ...writableOf(a) }));
      const result = await write(
        {
          companyId,
          operation: "account batch create",
          check:
            "Search the chart of accounts for the externalIds you sent; sending the batch again is safe in that Pleo refuses existing externalIds per item (EXTERNAL_ID_ALREADY_EXISTS).",
        },
        () => createAccounts(ctx.pleo, target.credentials.write.credential, companyId, items),
      );
      invalidate(ctx, ACCOUNT_LOADERS);
      // Pleo echoes each refused item: match it back to its position (the first unmatched one with that
      // externalId, as externalIds are unique in a valid batch).
      const used = new Set<number>();
      const failed: BatchFailure[] = result.failed.map((f) => {
        const index = items.findIndex((item, i) => !used.has(i) && item.externalId === f.request.externalId);
        if (index >= 0) used.add(index);
        return {
          index,
          externalId: f.request.externalId,
          reasons: f.reasons.map((r) =>
            (BATCH_FAILURE_REASONS as readonly string[]).includes(r) ? (r as BatchFailureReason) : "OTHER",
          ),
        };
      });
      return { created: result.created, failed };
    }),
  }),
);

/** Reads the account, applies the patch and PUTs the whole of it back. */
async function patchAccount(
  ctx: GatewayContext,
  input: {
    id: string;
    companyId?: string | null;
    name?: string | null;
    code?: string | null;
    taxCodeExternalId?: string | null;
    archived?: boolean | null;
    metadata?: Record<string, unknown> | null;
  },
  operation: string,
): Promise<AccountModel> {
  const target = await prepare(ctx, {
    companyId: input.companyId,
    ids: [{ path: "input.id", typename: "Account", value: input.id }],
    scopes: { write: Scope.accountsWrite, read: Scope.accountsRead },
    validate: () => zodIssues(updateSchema, input, "input"),
  });
  const { companyId } = target;
  const accountId = idOf(target, "input.id");
  const current = await read(companyId, () =>
    getAccount(ctx.pleo, target.credentials.read.credential, companyId, accountId),
  );
  const fields: AccountWrite = {
    name: input.name ?? current.name,
    archived: input.archived ?? current.archived,
    code: patched(input.code, current.code) ?? null,
    taxCodeExternalId: patched(input.taxCodeExternalId, current.taxCodeExternalId) ?? null,
    metadata: patched(input.metadata, current.metadata as Record<string, unknown> | null | undefined) ?? null,
  };
  const account = await write(
    {
      companyId,
      operation,
      check: "Read the account (node(id:) or Company.account(id:)) to see whether the change was applied.",
    },
    () => updateAccount(ctx.pleo, target.credentials.write.credential, companyId, accountId, fields),
  );
  invalidate(ctx, ACCOUNT_LOADERS);
  return account;
}

builder.mutationField("updateAccount", (t) =>
  t.field({
    type: AccountPayload,
    nullable: true,
    description: `Changes an account (reads it, then \`PUT /v1/chart-of-accounts/{id}\`; needs \`${Scope.accountsWrite}\` and \`${Scope.accountsRead}\`).`,
    args: { input: t.arg({ type: UpdateAccountInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "UpdateAccountResult" } },
    resolve: mutation(async ({ input }, ctx) => ({
      account: await patchAccount(ctx, input, "account update"),
    })),
  }),
);

builder.mutationField("archiveAccount", (t) =>
  t.field({
    type: AccountPayload,
    nullable: true,
    description: `Archives (or, with archived: false, restores) an account: an update with \`archived\`. The way to retire an account that accounting entries use. Needs \`${Scope.accountsWrite}\` and \`${Scope.accountsRead}\`.`,
    args: { input: t.arg({ type: ArchiveAccountInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "ArchiveAccountResult" } },
    resolve: mutation(async ({ input }, ctx) => ({
      account: await patchAccount(
        ctx,
        { id: input.id, companyId: input.companyId, archived: input.archived ?? true },
        "account archive",
      ),
    })),
  }),
);

builder.mutationField("deleteAccount", (t) =>
  t.field({
    type: DeleteAccountPayload,
    nullable: true,
    description: `Deletes an account (\`DELETE /v1/chart-of-accounts/{id}\`, needs \`${Scope.accountsWrite}\`). Pleo refuses for an account that accounting entries use: AccountInUse (archive it instead).`,
    args: { input: t.arg({ type: AccountIdInput, required: true }) },
    errors: {
      types: [...COMMON_ERRORS, AccountInUse],
      directResult: true,
      union: { name: "DeleteAccountResult" },
    },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        ids: [{ path: "input.id", typename: "Account", value: input.id }],
        scopes: { write: Scope.accountsWrite },
      });
      const { companyId } = target;
      const accountId = idOf(target, "input.id");
      await write(
        {
          companyId,
          operation: "account delete",
          check: "Look the account up by id: NOT_FOUND means it was deleted.",
          onConflict: async () => new AccountInUse(accountId, companyId),
        },
        () => deleteAccount(ctx.pleo, target.credentials.write.credential, companyId, accountId),
      );
      invalidate(ctx, ACCOUNT_LOADERS);
      return { accountId };
    }),
  }),
);
