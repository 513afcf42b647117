import { z } from "zod";
import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { dataResponse, type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import { type TaxCode, type TaxCodeSearch, type TaxCodeWrite, taxCode } from "../models/tax-code.ts";

const page = paginatedResponse(taxCode);
const one = dataResponse(taxCode);
const noContent = z.unknown();

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
    cache: { resource: "tax-codes" },
  });
  return { items: assertOwnedBy(companyId, body.data, "tax code search"), pageInfo: body.pagination };
}

function owned(companyId: string, item: TaxCode, operation: string): TaxCode {
  return assertOwnedBy(companyId, [item], operation)[0] as TaxCode;
}

/** GET /v0/tax-codes/{taxCodeId}; the tax code must belong to `companyId`. */
export async function getTaxCode(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  taxCodeId: string,
): Promise<TaxCode> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v0/tax-codes/${encodeURIComponent(taxCodeId)}`,
    schema: one,
    companyId,
    operation: "tax code lookup",
    cache: { resource: "tax-codes" },
  });
  return owned(companyId, body.data, "tax code lookup");
}

/** POST /v0/tax-codes. */
export async function createTaxCode(
  client: PleoClient,
  credential: PleoCredential,
  request: TaxCodeWrite,
): Promise<TaxCode> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v0/tax-codes",
    body: request,
    schema: one,
    companyId: request.companyId,
    operation: "tax code create",
    invalidates: ["tax-codes"],
  });
  return owned(request.companyId, body.data, "tax code create");
}

/** PUT /v0/tax-codes/{taxCodeId}: a full replacement (archiving is `archived: true`). */
export async function updateTaxCode(
  client: PleoClient,
  credential: PleoCredential,
  taxCodeId: string,
  request: TaxCodeWrite,
): Promise<TaxCode> {
  const body = await client.call(credential, {
    method: "PUT",
    path: `/v0/tax-codes/${encodeURIComponent(taxCodeId)}`,
    body: request,
    schema: one,
    companyId: request.companyId,
    operation: "tax code update",
    invalidates: ["tax-codes"],
  });
  return owned(request.companyId, body.data, "tax code update");
}

/** DELETE /v0/tax-codes/{taxCodeId}. */
export async function deleteTaxCode(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  taxCodeId: string,
): Promise<void> {
  await client.call(credential, {
    method: "DELETE",
    path: `/v0/tax-codes/${encodeURIComponent(taxCodeId)}`,
    schema: noContent,
    companyId,
    operation: "tax code delete",
    invalidates: ["tax-codes"],
  });
}
