import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import { type Vendor, type VendorSearch, vendor } from "../models/vendor.ts";

const page = paginatedResponse(vendor);

/** POST /v1/vendors:search?company_id= (company_id is required by Pleo). */
export async function searchVendors(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  filter: VendorSearch,
  paging: PageRequest,
): Promise<Page<Vendor>> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v1/vendors:search",
    query: { company_id: companyId, ...pageQuery(paging) },
    body: filter,
    schema: page,
    companyId,
    operation: "vendor search",
  });
  return { items: assertOwnedBy(companyId, body.data, "vendor search"), pageInfo: body.pagination };
}
