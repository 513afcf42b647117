import { searchVendors } from "../pleo/apis/vendors.ts";
import { pleoSearchByIdLoader } from "./by-id.ts";
import { pleoPageLoader } from "./kit.ts";
import { defineLoader } from "./registry.ts";

export const vendorPages = defineLoader("vendorPages", pleoPageLoader(searchVendors));

/** Vendors by id, batched into `vendors:search` calls filtered by `ids`. */
export const vendorById = defineLoader(
  "vendorById",
  pleoSearchByIdLoader("vendor", searchVendors, (ids) => ({ ids })),
);

/**
 * Vendors by their external id (the accounting system's supplier id), batched into `vendors:search`
 * filtered by `externalIds`: how an accounting entry's `supplier.externalSupplierId` becomes a vendor.
 */
export const vendorByExternalId = defineLoader(
  "vendorByExternalId",
  pleoSearchByIdLoader(
    "vendor",
    searchVendors,
    (externalIds) => ({ externalIds }),
    (vendor) => vendor.externalId,
  ),
);
