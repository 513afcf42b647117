import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { type Account, type AccountSearch, account } from "../models/account.ts";
import { type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";

const page = paginatedResponse(account);

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
  });
  return {
    items: assertOwnedBy(companyId, body.data, "chart of accounts search"),
    pageInfo: body.pagination,
  };
}
