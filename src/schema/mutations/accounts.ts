import { z } from "zod";
import { getAccount } from "../../pleo/apis/accounts.ts";
import type { Account as AccountModel } from "../../pleo/models/account.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { Account } from "../types/account.ts";
import {
  accountFields,
  accountUpdateRequest,
  accountWriteOf,
  sendAccountBatch,
  sendAccountCreate,
  sendAccountDelete,
  sendAccountUpdate,
} from "./account-writes.ts";
import { COMMON_ERRORS } from "./error-members.ts";
import { AccountInUse } from "./failures.ts";
import { duplicates, listOf, text } from "./inputs.ts";
import { archiving, createInCompany, type PatchSpec, patchObject, writeObject } from "./object-writes.ts";
import { prepare, zodIssues } from "./prepare.ts";
import { defineMutation, payloadOf } from "./results.ts";
import type { GatewayTypes } from "./schema-types.ts";

/*
 * Chart of accounts (Accounts API v1): create, batch create (1..1000, Pleo answers per item), update
 * (patch semantics over Pleo's PUT), archive (an update with archived: true) and delete, which Pleo refuses
 * for accounts that accounting entries use: that is AccountInUse, pointing at archiveAccount.
 */

const MAX_BATCH = 1000;

const AccountPayload = payloadOf("AccountPayload", "account", Account, "The account as Pleo stored it.");

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

/** The fields of a new account, alone or in a batch. */
const newAccountFields = (t: PothosSchemaTypes.InputFieldBuilder<GatewayTypes, "InputObject">) => ({
  externalId: t.string({ required: true, description: docs.externalId }),
  name: t.string({ required: true }),
  code: t.string({ description: docs.code }),
  taxCodeExternalId: t.string({ description: docs.taxCodeExternalId }),
  archived: t.boolean({ defaultValue: false }),
  metadata: t.field({ type: "JSONObject", description: docs.metadata }),
});

const CreateAccountInput = builder.inputType("CreateAccountInput", {
  fields: (t) => ({
    companyId: t.id({ required: true, description: "The company: Pleo's UUID or a Company global ID." }),
    ...newAccountFields(t),
  }),
});

const AccountBatchItemInput = builder.inputType("AccountBatchItemInput", { fields: newAccountFields });

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

const newAccountSchema = z.object({ externalId: text(), ...accountFields });
const batchSchema = z.object({ accounts: listOf(newAccountSchema, 1, MAX_BATCH) });

const accountPatch: PatchSpec<AccountModel, Parameters<typeof accountUpdateRequest>[1], AccountModel> = {
  typename: "Account",
  scopes: { write: Scope.accountsWrite, read: Scope.accountsRead },
  schema: z.object({ ...accountFields, name: accountFields.name.optional() }),
  get: (ctx, credential, companyId, id) => getAccount(ctx.pleo, credential, companyId, id),
  send: (ctx, credential, { companyId, id, operation }, current, changes) =>
    sendAccountUpdate(ctx, credential, companyId, id, accountUpdateRequest(current, changes), operation),
};

defineMutation("createAccount", {
  description: `Creates an account (\`POST /v1/chart-of-accounts\`, needs \`${Scope.accountsWrite}\`). Sending an account identical to an existing one returns it; a different one with the same externalId is a Conflict carrying the existing account.`,
  input: CreateAccountInput,
  payload: AccountPayload,
  resolve: async (input, ctx) => ({
    account: await createInCompany(
      ctx,
      input,
      { scope: Scope.accountsWrite, schema: newAccountSchema },
      (credential, companyId) =>
        sendAccountCreate(ctx, credential, {
          companyId,
          externalId: input.externalId,
          ...accountWriteOf(input),
        }),
    ),
  }),
});

defineMutation("createAccounts", {
  description: `Creates up to ${MAX_BATCH} accounts in one Pleo batch (\`POST /v1/chart-of-accounts/batch\`, needs \`${Scope.accountsWrite}\`). Pleo creates what it can; each refused account is listed with its reasons.`,
  input: CreateAccountsInput,
  payload: CreateAccountsPayload,
  resolve: async (input, ctx) => {
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
    const items = input.accounts.map((a) => ({ externalId: a.externalId, ...accountWriteOf(a) }));
    const result = await sendAccountBatch(ctx, target.credentials.write.credential, target.companyId, items);
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
  },
});

defineMutation("updateAccount", {
  description: `Changes an account (reads it, then \`PUT /v1/chart-of-accounts/{id}\`; needs \`${Scope.accountsWrite}\` and \`${Scope.accountsRead}\`).`,
  input: UpdateAccountInput,
  payload: AccountPayload,
  resolve: async (input, ctx) => ({
    account: await patchObject(ctx, accountPatch, input, "account update"),
  }),
});

defineMutation("archiveAccount", {
  description: `Archives (or, with archived: false, restores) an account: an update with \`archived\`. The way to retire an account that accounting entries use. Needs \`${Scope.accountsWrite}\` and \`${Scope.accountsRead}\`.`,
  input: ArchiveAccountInput,
  payload: AccountPayload,
  resolve: async (input, ctx) => ({
    account: await patchObject(ctx, accountPatch, archiving(input), "account archive"),
  }),
});

defineMutation("deleteAccount", {
  description: `Deletes an account (\`DELETE /v1/chart-of-accounts/{id}\`, needs \`${Scope.accountsWrite}\`). Pleo refuses for an account that accounting entries use: AccountInUse (archive it instead).`,
  input: AccountIdInput,
  payload: DeleteAccountPayload,
  errors: [...COMMON_ERRORS, AccountInUse],
  resolve: async (input, ctx) => {
    const { id } = await writeObject(
      ctx,
      input,
      { typename: "Account", scope: Scope.accountsWrite },
      (credential, companyId, accountId) => sendAccountDelete(ctx, credential, companyId, accountId),
    );
    return { accountId: id };
  },
});
