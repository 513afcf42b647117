import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import {
  type AccountingEntry,
  type AccountingEntrySearch,
  accountingEntry,
} from "../models/accounting-entry.ts";
import { dataResponse, type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";

const page = paginatedResponse(accountingEntry);
const one = dataResponse(accountingEntry);

/** POST /v1/accounting-entries:search?company_id= — cursor paging only (no offset), default 20. */
export async function searchAccountingEntries(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  filter: AccountingEntrySearch,
  paging: PageRequest,
): Promise<Page<AccountingEntry>> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v1/accounting-entries:search",
    query: { company_id: companyId, ...pageQuery(paging) },
    body: filter,
    schema: page,
    companyId,
    operation: "accounting entry search",
    cache: { resource: "accounting-entries" },
  });
  return { items: assertOwnedBy(companyId, body.data, "accounting entry search"), pageInfo: body.pagination };
}

/** GET /v1/accounting-entries/{id}: Pleo has no multi-id lookup for entries. */
export async function getAccountingEntry(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  entryId: string,
): Promise<AccountingEntry> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v1/accounting-entries/${encodeURIComponent(entryId)}`,
    schema: one,
    companyId,
    operation: "accounting entry lookup",
    cache: { resource: "accounting-entries" },
  });
  const [entry] = assertOwnedBy(companyId, [body.data], "accounting entry lookup");
  return entry as AccountingEntry;
}
