import { searchTaxCodes } from "../pleo/apis/tax-codes.ts";
import { pleoSearchByIdLoader } from "./by-id.ts";
import { companyListLoader, pleoPageLoader, readWholeList } from "./kit.ts";
import { defineLoader } from "./registry.ts";

export const taxCodePages = defineLoader("taxCodePages", pleoPageLoader(searchTaxCodes));

/** Tax codes by id, batched into searches filtered by `taxCodeIds`. */
export const taxCodeById = defineLoader(
  "taxCodeById",
  pleoSearchByIdLoader("tax code", searchTaxCodes, (taxCodeIds) => ({ taxCodeIds })),
);

/**
 * Every tax code of a company (archived included), once per request: accounts refer to their tax code
 * by external code, which Pleo's search cannot match for many codes at once.
 */
export const allTaxCodes = defineLoader(
  "allTaxCodes",
  companyListLoader(async (deps, key) => (await readWholeList(deps, key, searchTaxCodes, {})).items),
);
