import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import { type TaxCode, type TaxCodeSearch, taxCode } from "../models/tax-code.ts";

const page = paginatedResponse(taxCode);

/** POST /v0/tax-codes:search?company_id=. */
export async function searchTaxCodes(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  filter: TaxCodeSearch,
  paging: PageRequest,
): Promise<Page<TaxCode>> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v0/tax-codes:search",
    query: { company_id: companyId, ...pageQuery(paging) },
    body: filter,
    schema: page,
    companyId,
    operation: "tax code search",
  });
  return { items: assertOwnedBy(companyId, body.data, "tax code search"), pageInfo: body.pagination };
}
