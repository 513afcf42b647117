import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { vendorByExternalId, vendorById, vendorPages } from "../../loaders/vendors.ts";
import { archiveVendor, createVendor, searchVendors, updateVendor } from "../../pleo/apis/vendors.ts";
import type { PleoCredential } from "../../pleo/credential.ts";
import type {
  VendorCreate,
  Vendor as VendorModel,
  VendorSearch,
  VendorUpdate,
} from "../../pleo/models/vendor.ts";
import { Scope } from "../../pleo/scopes.ts";
import { Vendor } from "../types/vendor.ts";
import { type Conflict, existingAs, type MutationFailure } from "./failures.ts";
import { country, currency, text } from "./inputs.ts";
import { changes, compact, patched } from "./patch.ts";
import { invalid } from "./prepare.ts";
import { bestEffort, writeThrough } from "./upstream-calls.ts";

/*
 * Every vendor write (External vendors API v1), for the single mutations and syncVendors alike: the
 * requests, their patch semantics, how to check an unknown outcome, and Pleo's 409 for a vendor that
 * already exists (same externalId or code in the company) as a Conflict carrying that vendor.
 */

/** Loaders a vendor write makes stale within the request. */
export const VENDOR_LOADERS = [vendorPages, vendorById, vendorByExternalId];

/** A vendor's fields as a caller gives them (a field left out keeps its value on update). */
export interface VendorFields {
  readonly name?: string | null;
  readonly defaultCurrency?: string | null;
  readonly externalId?: string | null;
  readonly code?: string | null;
  readonly country?: string | null;
  readonly registrationNumber?: string | null;
  readonly taxRegistrationNumber?: string | null;
  readonly state?: VendorModel["state"] | null;
}

const optionalText = text().nullish();

/** What Pleo accepts for a new vendor. */
export const vendorSchema = z.object({
  name: text(),
  defaultCurrency: currency,
  externalId: optionalText,
  code: optionalText,
  country: country.nullish(),
  registrationNumber: optionalText,
  taxRegistrationNumber: optionalText,
});

export function vendorCreateRequest(
  companyId: string,
  fields: VendorFields & { readonly name: string; readonly defaultCurrency: string },
): VendorCreate {
  return {
    companyId,
    name: fields.name,
    defaultCurrency: fields.defaultCurrency,
    ...compact({
      externalId: fields.externalId,
      code: fields.code,
      country: fields.country,
      registrationNumber: fields.registrationNumber,
      taxRegistrationNumber: fields.taxRegistrationNumber,
    }),
  };
}

/** Pleo's PUT replaces the vendor: `changes` over `current`. Pleo needs an externalId to update one. */
export function vendorUpdateRequest(
  companyId: string,
  current: VendorModel,
  fields: VendorFields,
): VendorUpdate {
  const externalId = patched(fields.externalId, current.externalId);
  if (externalId === null) {
    invalid(companyId, "input.externalId", "required: Pleo needs an externalId to update a vendor");
  }
  return {
    companyId,
    name: fields.name ?? current.name,
    defaultCurrency: fields.defaultCurrency ?? current.defaultCurrency,
    externalId,
    state: fields.state ?? current.state,
    ...compact({
      code: patched(fields.code, current.code),
      country: patched(fields.country, current.country),
      registrationNumber: patched(fields.registrationNumber, current.registrationNumber),
      taxRegistrationNumber: patched(fields.taxRegistrationNumber, current.taxRegistrationNumber),
    }),
  };
}

/** Whether an update request would change the vendor. */
export function vendorChanges(request: VendorUpdate, current: VendorModel): boolean {
  return changes(request, current, [
    "name",
    "defaultCurrency",
    "externalId",
    "state",
    "code",
    "country",
    "registrationNumber",
    "taxRegistrationNumber",
  ]);
}

/**
 * Pleo's 409 says a vendor with the same externalId or code exists; find it (a read, with the company's
 * vendors:read credential if the request holds one) and return it in the Conflict.
 */
async function vendorConflict(
  ctx: GatewayContext,
  companyId: string,
  keys: { readonly externalId?: string | undefined; readonly code?: string | undefined },
  exceptId: string | null,
  conflict: Conflict,
): Promise<MutationFailure> {
  const except = exceptId?.toLowerCase() ?? null;
  const existing = await bestEffort(async () => {
    const bound = await ctx.access.credentialFor(companyId, Scope.vendorsRead);
    const filters: VendorSearch[] = [];
    if (keys.externalId) filters.push({ externalIds: [keys.externalId] });
    if (keys.code) filters.push({ codes: [keys.code] });
    for (const filter of filters) {
      const page = await searchVendors(ctx.pleo, bound.credential, companyId, filter, { limit: 10 });
      const found = page.items.find((v) => v.id.toLowerCase() !== except);
      if (found) return found;
    }
    return null;
  });
  return conflict.withExisting(
    existing ? existingAs(Vendor, existing) : null,
    existing
      ? "A vendor with the same externalId or code already exists in this company (see `existing`)."
      : "Pleo reports a vendor with the same externalId or code already exists in this company.",
  );
}

export async function sendVendorCreate(
  ctx: GatewayContext,
  credential: PleoCredential,
  request: VendorCreate,
): Promise<VendorModel> {
  const { companyId } = request;
  return writeThrough(
    ctx,
    VENDOR_LOADERS,
    {
      companyId,
      operation: "vendor create",
      check:
        "Search the company's vendors by the externalId or code you sent (Company.vendors(filter: {externalIds: […]})) before creating it again.",
      onConflict: (conflict) => vendorConflict(ctx, companyId, request, null, conflict),
    },
    () => createVendor(ctx.pleo, credential, request),
  );
}

export async function sendVendorUpdate(
  ctx: GatewayContext,
  credential: PleoCredential,
  vendorId: string,
  request: VendorUpdate,
  operation = "vendor update",
): Promise<VendorModel> {
  const { companyId } = request;
  return writeThrough(
    ctx,
    VENDOR_LOADERS,
    {
      companyId,
      operation,
      check: "Read the vendor (node(id:) or Company.vendor(id:)) to see whether the change was applied.",
      onConflict: (conflict) => vendorConflict(ctx, companyId, request, vendorId, conflict),
    },
    () => updateVendor(ctx.pleo, credential, vendorId, request),
  );
}

export async function sendVendorArchive(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  vendorId: string,
): Promise<void> {
  await writeThrough(
    ctx,
    VENDOR_LOADERS,
    {
      companyId,
      operation: "vendor archive",
      check: "Read the vendor's state; archiving again is harmless.",
    },
    () => archiveVendor(ctx.pleo, credential, companyId, vendorId),
  );
}
