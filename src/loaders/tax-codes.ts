import { searchTaxCodes } from "../pleo/apis/tax-codes.ts";
import type { TaxCode, TaxCodeSearch } from "../pleo/models/tax-code.ts";
import { companyListLoader, companyObjectLoader, companyPageLoader, PLEO_MAX_PAGE_SIZE } from "./kit.ts";
import { defineLoader } from "./registry.ts";

export const taxCodePages = defineLoader(
  "taxCodePages",
  companyPageLoader<TaxCodeSearch, TaxCode>((deps, key) =>
    searchTaxCodes(deps.pleo, key.bound.credential, key.companyId, key.filter, key.page),
  ),
);

/** Tax codes by id, batched into searches filtered by `taxCodeIds`. */
export const taxCodeById = defineLoader(
  "taxCodeById",
  companyObjectLoader<TaxCode>("tax code", async (deps, companyId, bound, ids) => {
    const page = await searchTaxCodes(
      deps.pleo,
      bound.credential,
      companyId,
      { taxCodeIds: ids },
      { limit: PLEO_MAX_PAGE_SIZE },
    );
    return page.items;
  }),
);

/**
 * Every tax code of a company (archived included), once per request: accounts refer to their tax code
 * by external code, which Pleo's search cannot match for many codes at once.
 */
export const allTaxCodes = defineLoader(
  "allTaxCodes",
  companyListLoader<TaxCode>((deps, key, page) =>
    searchTaxCodes(deps.pleo, key.bound.credential, key.companyId, {}, page),
  ),
);
