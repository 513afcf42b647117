import { searchVendors } from "../pleo/apis/vendors.ts";
import type { VendorSearch } from "../pleo/models/vendor.ts";
import { companyObjectLoader, companyPageLoader, PLEO_MAX_PAGE_SIZE } from "./kit.ts";
import { defineLoader } from "./registry.ts";

export const vendorPages = defineLoader(
  "vendorPages",
  companyPageLoader<VendorSearch, Awaited<ReturnType<typeof searchVendors>>["items"][number]>((deps, key) =>
    searchVendors(deps.pleo, key.bound.credential, key.companyId, key.filter, key.page),
  ),
);

/** Vendors by id, batched into `vendors:search` calls filtered by `ids`. */
export const vendorById = defineLoader(
  "vendorById",
  companyObjectLoader("vendor", async (deps, companyId, bound, ids) => {
    const page = await searchVendors(
      deps.pleo,
      bound.credential,
      companyId,
      { ids },
      { limit: PLEO_MAX_PAGE_SIZE },
    );
    return page.items;
  }),
);

/**
 * Vendors by their external id (the accounting system's supplier id), batched into `vendors:search`
 * filtered by `externalIds`: how an accounting entry's `supplier.externalSupplierId` becomes a vendor.
 */
export const vendorByExternalId = defineLoader(
  "vendorByExternalId",
  companyObjectLoader(
    "vendor",
    async (deps, companyId, bound, externalIds) => {
      const page = await searchVendors(
        deps.pleo,
        bound.credential,
        companyId,
        { externalIds },
        { limit: PLEO_MAX_PAGE_SIZE },
      );
      return page.items;
    },
    (vendor) => vendor.externalId,
  ),
);
