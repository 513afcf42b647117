import { z } from "zod";
import { assertCompanyAccess, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound, SimHttpError, validationFailed } from "../errors.ts";
import { data, ok, type RequestContext } from "../http-types.ts";
import type { AccountBatchFailureReason, AccountModel } from "../models/account.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { uuidPathParam } from "../query.ts";
import {
  metadataObject,
  nullableString,
  optionalBoolean,
  optionalString,
  uuidSchema,
} from "../request-schemas.ts";
import { PLAIN_JSON, type RouteDefinition } from "../router.ts";
import type { SimStore } from "../store.ts";

/** `BookkeepingAccountSearchRequestV1`: companyId is required, the two exclude flags default to false. */
const accountSearch = z.strictObject({
  companyId: uuidSchema,
  excludeIfAssignedToCategory: z.boolean().default(false),
  excludeIfAssignedToContraAccount: z.boolean().default(false),
  archived: optionalBoolean,
  code: optionalString,
  codes: z.array(z.string().nullable()).nullish(),
  externalId: optionalString,
  ids: z.array(uuidSchema.nullable()).nullish(),
  name: optionalString,
});

const accountPages: PageSpec<AccountModel> = {
  keys: {
    code: (a) => a.code ?? null,
    name: (a) => a.name,
    externalId: (a) => a.externalId,
    id: (a) => a.id,
  },
  defaultSort: ["code"],
  id: (a) => a.id,
};

/** `BookkeepingAccountCreateRequestV1`. */
const accountCreate = z.strictObject({
  companyId: uuidSchema,
  externalId: z.string().min(1).max(255),
  name: z.string().max(255),
  archived: z.boolean(),
  code: nullableString(255),
  taxCodeExternalId: optionalString,
  metadata: metadataObject,
});

/** `BookkeepingAccountUpdateRequestV1`: a full replacement of the mutable fields (absent = cleared). */
const accountUpdate = z.strictObject({
  name: z.string().max(255),
  archived: z.boolean(),
  code: nullableString(255),
  taxCodeExternalId: optionalString,
  metadata: metadataObject,
});

/**
 * `BookkeepingAccountBatchRequestItemV1`. Only the JSON types are checked here: lengths and duplicates are
 * per-item failures in the response (`failed[].reasons`), not a 400 for the whole batch.
 */
const batchItem = z.strictObject({
  externalId: z.string(),
  name: z.string(),
  archived: z.boolean(),
  code: optionalString,
  taxCodeExternalId: optionalString,
  metadata: metadataObject,
});
const accountBatch = z.strictObject({
  companyId: uuidSchema,
  items: z.array(batchItem).min(1).max(1000),
});

type AccountFields = Pick<AccountModel, "name" | "archived" | "code" | "taxCodeExternalId" | "metadata">;

function fieldsOf(body: z.output<typeof accountUpdate>): AccountFields {
  return {
    name: body.name,
    archived: body.archived,
    code: body.code ?? null,
    taxCodeExternalId: body.taxCodeExternalId ?? null,
    metadata: body.metadata ?? null,
  };
}

function sameFields(account: AccountModel, fields: AccountFields): boolean {
  return (
    account.name === fields.name &&
    account.archived === fields.archived &&
    (account.code ?? null) === fields.code &&
    (account.taxCodeExternalId ?? null) === fields.taxCodeExternalId &&
    JSON.stringify(account.metadata ?? null) === JSON.stringify(fields.metadata)
  );
}

/** An account's tax code is named by its code in the accounting system; it must exist in the company. */
function taxCodeKnown(store: SimStore, companyId: string, code: string | null | undefined): boolean {
  return code == null || store.taxCodes.forCompany(companyId).some((taxCode) => taxCode.code === code);
}

function assertTaxCodeKnown(store: SimStore, companyId: string, code: string | null | undefined): void {
  if (!taxCodeKnown(store, companyId, code)) {
    throw validationFailed(`Tax code '${code}' does not exist in company ${companyId}.`);
  }
}

const accountOwner: RouteDefinition["pathOwner"] = (store, params) =>
  store.accounts.companyOf(params.accountId?.toLowerCase() ?? "");

function account(ctx: RequestContext): AccountModel {
  const id = uuidPathParam(ctx.params, "accountId");
  return ownedObject(ctx, ctx.store.accounts, id, () => notFound(`Account ${id} not found.`));
}

function batchFailures(
  store: SimStore,
  companyId: string,
  item: z.output<typeof batchItem>,
  taken: ReadonlySet<string>,
): AccountBatchFailureReason[] {
  const reasons: AccountBatchFailureReason[] = [];
  if (item.externalId.length === 0) reasons.push("EXTERNAL_ID_EMPTY");
  if (item.externalId.length > 255) reasons.push("EXTERNAL_ID_TOO_LONG");
  if (item.externalId.length > 0 && taken.has(item.externalId)) reasons.push("EXTERNAL_ID_ALREADY_EXISTS");
  if (item.name.length === 0) reasons.push("NAME_EMPTY");
  if (item.name.length > 255) reasons.push("NAME_TOO_LONG");
  if ((item.code?.length ?? 0) > 255) reasons.push("CODE_TOO_LONG");
  if (!taxCodeKnown(store, companyId, item.taxCodeExternalId)) reasons.push("OTHER");
  return reasons;
}

/** Chart of accounts (Accounts API v1). This API alone answers with plain `application/json`. */
export const accountRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/v1/chart-of-accounts:search",
    scope: "accounts:read",
    contentType: PLAIN_JSON,
    handle: (ctx) => {
      const search = parseBody(ctx, accountSearch, { required: true });
      assertCompanyAccess(ctx, search.companyId);
      const page = parsePageRequest(ctx.request.query, accountPages);
      const { store } = ctx;
      const contraId = store.contraAccounts.get(search.companyId);
      const ids = search.ids?.filter((id): id is string => id !== null);
      const codes = [...(search.codes ?? []), search.code].filter(
        (code): code is string => typeof code === "string",
      );
      const name = search.name?.toLowerCase();
      const accounts = store.accounts
        .forCompany(search.companyId)
        .filter(
          (account) =>
            (ids === undefined || ids.includes(account.id)) &&
            (codes.length === 0 || (account.code != null && codes.includes(account.code))) &&
            (search.externalId == null || account.externalId === search.externalId) &&
            (name === undefined || account.name.toLowerCase().includes(name)) &&
            (search.archived == null || account.archived === search.archived) &&
            !(search.excludeIfAssignedToContraAccount && account.id === contraId) &&
            !(search.excludeIfAssignedToCategory && store.categoryAccountIds.has(account.id)),
        );
      return ok(paginate(accounts, page, accountPages));
    },
  },
  {
    method: "GET",
    path: "/v1/chart-of-accounts/{accountId}",
    scope: "accounts:read",
    contentType: PLAIN_JSON,
    pathOwner: accountOwner,
    handle: (ctx) => data(account(ctx)),
  },
  {
    method: "POST",
    path: "/v1/chart-of-accounts",
    scope: "accounts:write",
    contentType: PLAIN_JSON,
    handle: (ctx) => {
      const body = parseBody(ctx, accountCreate, { required: true });
      assertCompanyAccess(ctx, body.companyId);
      const { store } = ctx;
      assertTaxCodeKnown(store, body.companyId, body.taxCodeExternalId);
      const fields = fieldsOf(body);
      const existing = store.accounts
        .forCompany(body.companyId)
        .find((candidate) => candidate.externalId === body.externalId);
      if (existing) {
        // The spec's 200: "request matched existing account"; anything else about it differs: 409.
        if (sameFields(existing, fields)) return { status: 200, body: { data: existing } };
        throw new SimHttpError(
          409,
          "ACCOUNT_ALREADY_EXISTS",
          `An account with externalId '${body.externalId}' already exists in company ${body.companyId}.`,
        );
      }
      const created: AccountModel = {
        id: store.newId(),
        companyId: body.companyId,
        externalId: body.externalId,
        ...fields,
      };
      store.accounts.put(created);
      return { status: 201, body: { data: created } };
    },
  },
  {
    method: "POST",
    path: "/v1/chart-of-accounts/batch",
    scope: "accounts:write",
    contentType: PLAIN_JSON,
    handle: (ctx) => {
      const body = parseBody(ctx, accountBatch, { required: true });
      assertCompanyAccess(ctx, body.companyId);
      const { store } = ctx;
      const taken = new Set(store.accounts.forCompany(body.companyId).map((a) => a.externalId));
      const created: AccountModel[] = [];
      const failed: { reasons: AccountBatchFailureReason[]; request: z.output<typeof batchItem> }[] = [];
      for (const item of body.items) {
        const reasons = batchFailures(store, body.companyId, item, taken);
        if (reasons.length > 0) {
          failed.push({ reasons, request: item });
          continue;
        }
        taken.add(item.externalId);
        const createdAccount: AccountModel = {
          id: store.newId(),
          companyId: body.companyId,
          externalId: item.externalId,
          ...fieldsOf(item),
        };
        store.accounts.put(createdAccount);
        created.push(createdAccount);
      }
      return { status: 201, body: { data: { created, failed } } };
    },
  },
  {
    method: "PUT",
    path: "/v1/chart-of-accounts/{accountId}",
    scope: "accounts:write",
    contentType: PLAIN_JSON,
    pathOwner: accountOwner,
    handle: (ctx) => {
      const existing = account(ctx);
      const body = parseBody(ctx, accountUpdate, { required: true });
      assertTaxCodeKnown(ctx.store, existing.companyId, body.taxCodeExternalId);
      Object.assign(existing, fieldsOf(body));
      return data(existing);
    },
  },
  {
    method: "DELETE",
    path: "/v1/chart-of-accounts/{accountId}",
    scope: "accounts:write",
    contentType: PLAIN_JSON,
    pathOwner: accountOwner,
    handle: (ctx) => {
      const existing = account(ctx);
      const { store } = ctx;
      const entries = store.entriesUsingAccount(existing.id).length;
      const isContra = store.contraAccounts.get(existing.companyId) === existing.id;
      if (entries > 0 || isContra) {
        throw new SimHttpError(
          409,
          "ACCOUNT_LINKED_TO_ACCOUNTING_ENTRIES",
          isContra
            ? `Account ${existing.id} is the company's contra account and cannot be deleted; archive it instead.`
            : `Account ${existing.id} is linked to ${entries} accounting entries and cannot be deleted; archive it instead.`,
        );
      }
      store.accounts.remove(existing.id);
      store.categoryAccountIds.delete(existing.id);
      return { status: 204 };
    },
  },
];
