import { z } from "zod";
import { chunk } from "../../../loaders/kit.ts";
import { PLEO_MAX_PAGE_SIZE } from "../../../pleo/all-pages.ts";
import { searchVendors } from "../../../pleo/apis/vendors.ts";
import type { Vendor as VendorModel, VendorUpdate } from "../../../pleo/models/vendor.ts";
import { Scope } from "../../../pleo/scopes.ts";
import { builder } from "../../builder.ts";
import { Vendor } from "../../types/vendor.ts";
import { ValidationFailed } from "../failures.ts";
import { duplicates, listOf, text } from "../inputs.ts";
import { zodIssues } from "../prepare.ts";
import { defineMutation } from "../results.ts";
import {
  sendVendorCreate,
  sendVendorUpdate,
  VENDOR_LOADERS,
  vendorChanges,
  vendorCreateRequest,
  vendorSchema,
  vendorUpdateRequest,
} from "../vendor-writes.ts";
import { MAX_COMPANIES } from "./company-outcomes.ts";
import { runSync, type SyncSpec, syncTypes } from "./sync.ts";

const VendorSyncInput = builder.inputType("VendorSyncInput", {
  description:
    "A vendor as the accounting system has it, matched by `externalId`. Left-out optional fields keep their value in Pleo; null clears them.",
  fields: (t) => ({
    externalId: t.string({ required: true, description: "The vendor's id in the accounting system." }),
    name: t.string({ required: true }),
    defaultCurrency: t.string({ required: true, description: "ISO 4217, e.g. EUR." }),
    code: t.string(),
    country: t.string({ description: "ISO 3166-1 alpha-2." }),
    registrationNumber: t.string(),
    taxRegistrationNumber: t.string(),
  }),
});
type VendorSyncItem = typeof VendorSyncInput.$inferInput;

const SyncVendorsInput = builder.inputType("SyncVendorsInput", {
  fields: (t) => ({
    vendors: t.field({ type: [VendorSyncInput], required: true, description: "1 to 1000 vendors." }),
    companyIds: t.idList({
      description: `The companies (UUIDs or Company global IDs, at most ${MAX_COMPANIES}). Left out: every company this request holds a company credential for.`,
    }),
  }),
});

const syncVendorsSchema = z.object({
  vendors: listOf(vendorSchema.extend({ externalId: text() }), 1, 1000),
});

const vendorSync: SyncSpec<VendorSyncItem, VendorModel, VendorUpdate> = {
  scopes: { write: Scope.vendorsWrite, read: Scope.vendorsRead },
  keyOf: (item) => item.externalId,
  existing: async (ctx, bound, companyId, keys) => {
    const byExternalId = new Map<string, VendorModel>();
    for (const externalIds of chunk(keys, PLEO_MAX_PAGE_SIZE)) {
      const page = await searchVendors(
        ctx.pleo,
        bound.credential,
        companyId,
        { externalIds },
        { limit: PLEO_MAX_PAGE_SIZE },
      );
      for (const vendor of page.items) if (vendor.externalId) byExternalId.set(vendor.externalId, vendor);
    }
    return byExternalId;
  },
  create: (ctx, credential, companyId, item) =>
    sendVendorCreate(ctx, credential, vendorCreateRequest(companyId, item)),
  // The vendor's state is left as it is (the item has none).
  updateRequest: vendorUpdateRequest,
  changes: vendorChanges,
  update: (ctx, credential, current, request) => sendVendorUpdate(ctx, credential, current.id, request),
  loaders: VENDOR_LOADERS,
};

defineMutation("syncVendors", {
  description: `Makes each company's vendors match the given ones (by externalId): creates the missing, updates the different (their state is left as it is), leaves the rest. A vendor whose code is taken by another vendor is a Conflict carrying that vendor. One outcome per company, each done with that company's own credential (\`${Scope.vendorsWrite}\` and \`${Scope.vendorsRead}\`); a company that fails never affects the others.`,
  input: SyncVendorsInput,
  payload: syncTypes<VendorModel>("Vendor", "externalId", "vendor", Vendor),
  errors: [ValidationFailed],
  resolve: async (input, ctx) => {
    const issues = [
      ...zodIssues(syncVendorsSchema, input, "input"),
      ...duplicates(
        input.vendors,
        (v) => v.externalId,
        (i) => `input.vendors.${i}.externalId`,
        "externalId",
      ),
      ...duplicates(
        input.vendors,
        (v) => v.code,
        (i) => `input.vendors.${i}.code`,
        "code",
      ),
    ];
    if (issues.length > 0) throw new ValidationFailed(issues, null);
    return runSync(ctx, vendorSync, input.companyIds, input.vendors);
  },
});
