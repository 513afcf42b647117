import { z } from "zod";
import { vendorById } from "../../loaders/vendors.ts";
import { getVendor } from "../../pleo/apis/vendors.ts";
import type { Vendor as VendorModel } from "../../pleo/models/vendor.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { loadOwned } from "../company-fields.ts";
import { Vendor, VendorState } from "../types/vendor.ts";
import { createInCompany, type PatchSpec, patchObject, writeObject } from "./object-writes.ts";
import { defineMutation, payloadOf } from "./results.ts";
import {
  sendVendorArchive,
  sendVendorCreate,
  sendVendorUpdate,
  type VendorFields,
  vendorCreateRequest,
  vendorSchema,
  vendorUpdateRequest,
} from "./vendor-writes.ts";

/*
 * Vendors (External vendors API v1): create, update (patch semantics over Pleo's PUT), archive. Pleo's
 * 409 for a vendor that already exists (same externalId or code in the company) becomes a Conflict
 * result carrying the existing vendor.
 */

const VendorPayload = payloadOf("VendorPayload", "vendor", Vendor, "The vendor as Pleo stored it.");

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

const vendorPatch: PatchSpec<VendorModel, VendorFields, VendorModel> = {
  typename: "Vendor",
  scopes: { write: Scope.vendorsWrite, read: Scope.vendorsRead },
  schema: vendorSchema.partial().extend({ state: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]).optional() }),
  get: (ctx, credential, companyId, id) => getVendor(ctx.pleo, credential, companyId, id),
  send: (ctx, credential, { companyId, id, operation }, current, changes) =>
    sendVendorUpdate(ctx, credential, id, vendorUpdateRequest(companyId, current, changes), operation),
};

defineMutation("createVendor", {
  description: `Creates a vendor in one company (\`POST /v1/vendors\`, needs \`${Scope.vendorsWrite}\`). A vendor with the same externalId or code already in the company is a Conflict carrying it.`,
  input: CreateVendorInput,
  payload: VendorPayload,
  resolve: async (input, ctx) => ({
    vendor: await createInCompany(
      ctx,
      input,
      { scope: Scope.vendorsWrite, schema: vendorSchema },
      (credential, companyId) => sendVendorCreate(ctx, credential, vendorCreateRequest(companyId, input)),
    ),
  }),
});

defineMutation("updateVendor", {
  description: `Changes a vendor (reads it, then \`PUT /v1/vendors/{id}\`; needs \`${Scope.vendorsWrite}\` and \`${Scope.vendorsRead}\`). Setting state ARCHIVED archives it, ACTIVE restores it.`,
  input: UpdateVendorInput,
  payload: VendorPayload,
  resolve: async (input, ctx) => ({
    vendor: await patchObject(ctx, vendorPatch, input, "vendor update"),
  }),
});

defineMutation("archiveVendor", {
  description: `Archives a vendor (\`POST /v1/vendors/{id}:archive\`, needs \`${Scope.vendorsWrite}\`). Archiving twice is harmless. To restore one, updateVendor with state ACTIVE.`,
  input: ArchiveVendorInput,
  payload: ArchiveVendorPayload,
  resolve: async (input, ctx) => {
    const { companyId, id } = await writeObject(
      ctx,
      input,
      { typename: "Vendor", scope: Scope.vendorsWrite },
      (credential, companyId, vendorId) => sendVendorArchive(ctx, credential, companyId, vendorId),
    );
    return { companyId, vendorId: id };
  },
});
