import { z } from "zod";
import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import {
  type Account,
  type AccountBatchResult,
  type AccountCreate,
  type AccountSearch,
  type AccountWrite,
  account,
  accountBatchResult,
} from "../models/account.ts";
import { dataResponse, type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";

const page = paginatedResponse(account);
const one = dataResponse(account);
const batch = dataResponse(accountBatchResult);
const noContent = z.unknown();

/** POST /v1/chart-of-accounts:search — the company goes in the body. */
export async function searchAccounts(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  filter: AccountSearch,
  paging: PageRequest,
): Promise<Page<Account>> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v1/chart-of-accounts:search",
    query: pageQuery(paging),
    body: {
      companyId,
      excludeIfAssignedToCategory: false,
      excludeIfAssignedToContraAccount: false,
      ...filter,
    },
    schema: page,
    companyId,
    operation: "chart of accounts search",
    cache: { resource: "accounts" },
  });
  return {
    items: assertOwnedBy(companyId, body.data, "chart of accounts search"),
    pageInfo: body.pagination,
  };
}

function owned(companyId: string, item: Account, operation: string): Account {
  return assertOwnedBy(companyId, [item], operation)[0] as Account;
}

/** GET /v1/chart-of-accounts/{accountId}; the account must belong to `companyId`. */
export async function getAccount(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  accountId: string,
): Promise<Account> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v1/chart-of-accounts/${encodeURIComponent(accountId)}`,
    schema: one,
    companyId,
    operation: "account lookup",
    cache: { resource: "accounts" },
  });
  return owned(companyId, body.data, "account lookup");
}

/**
 * POST /v1/chart-of-accounts: 201 created, 200 when an identical account with that `externalId` exists
 * (Pleo answers with it), 409 when a different one does.
 */
export async function createAccount(
  client: PleoClient,
  credential: PleoCredential,
  request: AccountCreate,
): Promise<Account> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v1/chart-of-accounts",
    body: request,
    schema: one,
    companyId: request.companyId,
    operation: "account create",
    invalidates: ["accounts"],
  });
  return owned(request.companyId, body.data, "account create");
}

/** POST /v1/chart-of-accounts/batch (1..1000 items): Pleo creates what it can and lists the rest. */
export async function createAccounts(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  items: readonly Omit<AccountCreate, "companyId">[],
): Promise<AccountBatchResult> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v1/chart-of-accounts/batch",
    body: { companyId, items },
    schema: batch,
    companyId,
    operation: "account batch create",
    invalidates: ["accounts"],
  });
  assertOwnedBy(companyId, body.data.created, "account batch create");
  return body.data;
}

/** PUT /v1/chart-of-accounts/{accountId}: replaces every mutable field (archiving is `archived: true`). */
export async function updateAccount(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  accountId: string,
  fields: AccountWrite,
): Promise<Account> {
  const body = await client.call(credential, {
    method: "PUT",
    path: `/v1/chart-of-accounts/${encodeURIComponent(accountId)}`,
    body: fields,
    schema: one,
    companyId,
    operation: "account update",
    invalidates: ["accounts"],
  });
  return owned(companyId, body.data, "account update");
}

/** DELETE /v1/chart-of-accounts/{accountId}: 409 when accounting entries use it (archive it instead). */
export async function deleteAccount(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  accountId: string,
): Promise<void> {
  await client.call(credential, {
    method: "DELETE",
    path: `/v1/chart-of-accounts/${encodeURIComponent(accountId)}`,
    schema: noContent,
    companyId,
    operation: "account delete",
    invalidates: ["accounts"],
  });
}
