import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { dataResponse, type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import { type Company, company } from "../models/company.ts";

const one = dataResponse(company);
const page = paginatedResponse(company);

/** GET /v1/companies?organization_id=: discovery of an organisation's companies. */
export async function listCompanies(
  client: PleoClient,
  credential: PleoCredential,
  organisationId: string,
  paging: PageRequest,
): Promise<Page<Company>> {
  const body = await client.call(credential, {
    method: "GET",
    path: "/v1/companies",
    query: { organization_id: organisationId, ...pageQuery(paging) },
    schema: page,
    operation: "company list",
    // Discovery answers about the organisation: it is the subject of the cache key.
    cache: { resource: "companies", subject: organisationId },
  });
  return { items: body.data, pageInfo: body.pagination };
}

/** GET /v1/companies/{companyId}. */
export async function getCompany(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
): Promise<Company> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v1/companies/${encodeURIComponent(companyId)}`,
    schema: one,
    companyId,
    operation: "company lookup",
    cache: { resource: "companies" },
  });
  return body.data;
}
