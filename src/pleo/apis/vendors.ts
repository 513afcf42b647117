import { z } from "zod";
import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { dataResponse, type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import {
  type Vendor,
  type VendorCreate,
  type VendorSearch,
  type VendorUpdate,
  vendor,
} from "../models/vendor.ts";

const page = paginatedResponse(vendor);
const one = dataResponse(vendor);
const noContent = z.unknown();

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
    cache: { resource: "vendors" },
  });
  return { items: assertOwnedBy(companyId, body.data, "vendor search"), pageInfo: body.pagination };
}

function owned(companyId: string, item: Vendor, operation: string): Vendor {
  return assertOwnedBy(companyId, [item], operation)[0] as Vendor;
}

/** GET /v1/vendors/{id}; the vendor must belong to `companyId`. */
export async function getVendor(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  vendorId: string,
): Promise<Vendor> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v1/vendors/${encodeURIComponent(vendorId)}`,
    schema: one,
    companyId,
    operation: "vendor lookup",
    cache: { resource: "vendors" },
  });
  return owned(companyId, body.data, "vendor lookup");
}

/** POST /v1/vendors: 409 when the company already has a vendor with that externalId or code. */
export async function createVendor(
  client: PleoClient,
  credential: PleoCredential,
  request: VendorCreate,
): Promise<Vendor> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v1/vendors",
    body: request,
    schema: one,
    companyId: request.companyId,
    operation: "vendor create",
    invalidates: ["vendors"],
  });
  return owned(request.companyId, body.data, "vendor create");
}

/** PUT /v1/vendors/{id}: a full replacement; 409 when the identifiers clash with another vendor. */
export async function updateVendor(
  client: PleoClient,
  credential: PleoCredential,
  vendorId: string,
  request: VendorUpdate,
): Promise<Vendor> {
  const body = await client.call(credential, {
    method: "PUT",
    path: `/v1/vendors/${encodeURIComponent(vendorId)}`,
    body: request,
    schema: one,
    companyId: request.companyId,
    operation: "vendor update",
    invalidates: ["vendors"],
  });
  return owned(request.companyId, body.data, "vendor update");
}

/** POST /v1/vendors/{id}:archive (204). */
export async function archiveVendor(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  vendorId: string,
): Promise<void> {
  await client.call(credential, {
    method: "POST",
    path: `/v1/vendors/${encodeURIComponent(vendorId)}:archive`,
    schema: noContent,
    companyId,
    operation: "vendor archive",
    invalidates: ["vendors"],
  });
}
