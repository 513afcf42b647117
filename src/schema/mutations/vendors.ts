import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { vendorByExternalId, vendorById, vendorPages } from "../../loaders/vendors.ts";
import {
  archiveVendor,
  createVendor,
  getVendor,
  searchVendors,
  updateVendor,
} from "../../pleo/apis/vendors.ts";
import type {
  VendorCreate,
  Vendor as VendorModel,
  VendorSearch,
  VendorUpdate,
} from "../../pleo/models/vendor.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { loadOwned } from "../company-fields.ts";
import { Vendor, VendorState } from "../types/vendor.ts";
import { country, currency, text } from "./inputs.ts";
import {
  bestEffort,
  compact,
  idOf,
  invalid,
  invalidate,
  mutation,
  patched,
  prepare,
  read,
  write,
  zodIssues,
} from "./kit.ts";
import { COMMON_ERRORS, type Conflict, existingAs, type MutationFailure } from "./results.ts";

/*
 * Vendors (External vendors API v1): create, update (patch semantics over Pleo's PUT), archive. Pleo's
 * 409 for a vendor that already exists (same externalId or code in the company) becomes a Conflict
 * result carrying the existing vendor.
 */

/** Loaders a vendor write makes stale within the request. */
export const VENDOR_LOADERS = [vendorPages, vendorById, vendorByExternalId];

export const VendorPayload = builder.objectRef<{ vendor: VendorModel }>("VendorPayload").implement({
  description: "The vendor as Pleo stored it.",
  fields: (t) => ({ vendor: t.field({ type: Vendor, resolve: (p) => p.vendor }) }),
});

const ArchiveVendorPayload = builder
  .objectRef<{ companyId: string; vendorId: string }>("ArchiveVendorPayload")
  .implement({
    fields: (t) => ({
      vendorId: t.field({ type: "UUID", resolve: (p) => p.vendorId }),
      vendor: t.field({
        type: Vendor,
        nullable: true,
        description: `The vendor read back after archiving (needs \`${Scope.vendorsRead}\`).`,
        resolve: (p, _args, ctx) => loadOwned(ctx, p.companyId, Scope.vendorsRead, vendorById, p.vendorId),
      }),
    }),
  });

const fieldDocs = {
  defaultCurrency: "ISO 4217, e.g. EUR.",
  externalId:
    "The vendor's id in the accounting system. A vendor created with one is ACTIVE, without one DRAFT.",
  code: "The vendor's account code in the accounting system.",
  country: "ISO 3166-1 alpha-2, e.g. NL.",
  taxRegistrationNumber: "VAT/GST/tax id.",
} as const;

const CreateVendorInput = builder.inputType("CreateVendorInput", {
  fields: (t) => ({
    companyId: t.id({ required: true, description: "The company: Pleo's UUID or a Company global ID." }),
    name: t.string({ required: true }),
    defaultCurrency: t.string({ required: true, description: fieldDocs.defaultCurrency }),
    externalId: t.string({ description: fieldDocs.externalId }),
    code: t.string({ description: fieldDocs.code }),
    country: t.string({ description: fieldDocs.country }),
    registrationNumber: t.string(),
    taxRegistrationNumber: t.string({ description: fieldDocs.taxRegistrationNumber }),
  }),
});

const UpdateVendorInput = builder.inputType("UpdateVendorInput", {
  description:
    "Changes to a vendor. A field left out keeps its value; null clears an optional field. `externalId` is required by Pleo on update: a DRAFT vendor needs one here.",
  fields: (t) => ({
    id: t.id({ required: true, description: "A Vendor global ID, or Pleo's UUID together with companyId." }),
    companyId: t.id({ description: "Needed with a raw UUID id; must match a global ID's company." }),
    name: t.string(),
    defaultCurrency: t.string({ description: fieldDocs.defaultCurrency }),
    externalId: t.string({ description: fieldDocs.externalId }),
    code: t.string({ description: fieldDocs.code }),
    country: t.string({ description: fieldDocs.country }),
    registrationNumber: t.string(),
    taxRegistrationNumber: t.string({ description: fieldDocs.taxRegistrationNumber }),
    state: t.field({ type: VendorState }),
  }),
});

const ArchiveVendorInput = builder.inputType("ArchiveVendorInput", {
  fields: (t) => ({
    id: t.id({ required: true, description: "A Vendor global ID, or Pleo's UUID together with companyId." }),
    companyId: t.id(),
  }),
});

const optionalText = text().nullish();

const createSchema = z.object({
  name: text(),
  defaultCurrency: currency,
  externalId: optionalText,
  code: optionalText,
  country: country.nullish(),
  registrationNumber: optionalText,
  taxRegistrationNumber: optionalText,
});

const updateSchema = z.object({
  name: text().optional(),
  defaultCurrency: currency.optional(),
  externalId: optionalText,
  code: optionalText,
  country: country.nullish(),
  registrationNumber: optionalText,
  taxRegistrationNumber: optionalText,
  state: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]).optional(),
});

const CHECK_CREATE =
  "Search the company's vendors by the externalId or code you sent (Company.vendors(filter: {externalIds: […]})) before creating it again.";

/**
 * Pleo's 409 says a vendor with the same externalId or code exists; find it (a read, with the company's
 * vendors:read credential if the request holds one) and return it in the Conflict.
 */
export async function vendorConflict(
  ctx: GatewayContext,
  companyId: string,
  keys: { readonly externalId?: string | undefined; readonly code?: string | undefined },
  exceptId: string | null,
  conflict: Conflict,
): Promise<MutationFailure> {
  const existing = await bestEffort(async () => {
    const bound = await ctx.access.credentialFor(companyId, Scope.vendorsRead);
    const filters: VendorSearch[] = [];
    if (keys.externalId) filters.push({ externalIds: [keys.externalId] });
    if (keys.code) filters.push({ codes: [keys.code] });
    for (const filter of filters) {
      const page = await searchVendors(ctx.pleo, bound.credential, companyId, filter, { limit: 10 });
      const found = page.items.find((v) => v.id.toLowerCase() !== exceptId);
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

builder.mutationField("createVendor", (t) =>
  t.field({
    type: VendorPayload,
    nullable: true,
    description: `Creates a vendor in one company (\`POST /v1/vendors\`, needs \`${Scope.vendorsWrite}\`). A vendor with the same externalId or code already in the company is a Conflict carrying it.`,
    args: { input: t.arg({ type: CreateVendorInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "CreateVendorResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        scopes: { write: Scope.vendorsWrite },
        validate: () => zodIssues(createSchema, input, "input"),
      });
      const { companyId } = target;
      const request: VendorCreate = {
        companyId,
        name: input.name,
        defaultCurrency: input.defaultCurrency,
        ...compact({
          externalId: input.externalId,
          code: input.code,
          country: input.country,
          registrationNumber: input.registrationNumber,
          taxRegistrationNumber: input.taxRegistrationNumber,
        }),
      };
      const vendor = await write(
        {
          companyId,
          operation: "vendor create",
          check: CHECK_CREATE,
          onConflict: (conflict) => vendorConflict(ctx, companyId, request, null, conflict),
        },
        () => createVendor(ctx.pleo, target.credentials.write.credential, request),
      );
      invalidate(ctx, VENDOR_LOADERS);
      return { vendor };
    }),
  }),
);

builder.mutationField("updateVendor", (t) =>
  t.field({
    type: VendorPayload,
    nullable: true,
    description: `Changes a vendor (reads it, then \`PUT /v1/vendors/{id}\`; needs \`${Scope.vendorsWrite}\` and \`${Scope.vendorsRead}\`). Setting state ARCHIVED archives it, ACTIVE restores it.`,
    args: { input: t.arg({ type: UpdateVendorInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "UpdateVendorResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        ids: [{ path: "input.id", typename: "Vendor", value: input.id }],
        scopes: { write: Scope.vendorsWrite, read: Scope.vendorsRead },
        validate: () => zodIssues(updateSchema, input, "input"),
      });
      const { companyId } = target;
      const vendorId = idOf(target, "input.id");
      const current = await read(companyId, () =>
        getVendor(ctx.pleo, target.credentials.read.credential, companyId, vendorId),
      );
      const externalId = patched(input.externalId, current.externalId);
      if (externalId === undefined) {
        invalid(companyId, "input.externalId", "required: Pleo needs an externalId to update a vendor");
      }
      const request: VendorUpdate = {
        companyId,
        name: input.name ?? current.name,
        defaultCurrency: input.defaultCurrency ?? current.defaultCurrency,
        externalId,
        state: input.state ?? current.state,
        ...compact({
          code: patched(input.code, current.code),
          country: patched(input.country, current.country),
          registrationNumber: patched(input.registrationNumber, current.registrationNumber),
          taxRegistrationNumber: patched(input.taxRegistrationNumber, current.taxRegistrationNumber),
        }),
      };
      const vendor = await write(
        {
          companyId,
          operation: "vendor update",
          check: "Read the vendor (node(id:) or Company.vendor(id:)) to see whether the change was applied.",
          onConflict: (conflict) => vendorConflict(ctx, companyId, request, vendorId, conflict),
        },
        () => updateVendor(ctx.pleo, target.credentials.write.credential, vendorId, request),
      );
      invalidate(ctx, VENDOR_LOADERS);
      return { vendor };
    }),
  }),
);

builder.mutationField("archiveVendor", (t) =>
  t.field({
    type: ArchiveVendorPayload,
    nullable: true,
    description: `Archives a vendor (\`POST /v1/vendors/{id}:archive\`, needs \`${Scope.vendorsWrite}\`). Archiving twice is harmless. To restore one, updateVendor with state ACTIVE.`,
    args: { input: t.arg({ type: ArchiveVendorInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "ArchiveVendorResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        ids: [{ path: "input.id", typename: "Vendor", value: input.id }],
        scopes: { write: Scope.vendorsWrite },
      });
      const { companyId } = target;
      const vendorId = idOf(target, "input.id");
      await write(
        {
          companyId,
          operation: "vendor archive",
          check: "Read the vendor's state; archiving again is harmless.",
        },
        () => archiveVendor(ctx.pleo, target.credentials.write.credential, companyId, vendorId),
      );
      invalidate(ctx, VENDOR_LOADERS);
      return { companyId, vendorId };
    }),
  }),
);
