import { getAccountingEntry, searchAccountingEntries } from "../pleo/apis/accounting-entries.ts";
import { fetchedByIdLoader } from "./by-id.ts";
import { pleoPageLoader } from "./kit.ts";
import { defineLoader } from "./registry.ts";

export const accountingEntryPages = defineLoader(
  "accountingEntryPages",
  pleoPageLoader(searchAccountingEntries),
);

/** How many single-entry lookups one request runs at once (Pleo offers no multi-id entry lookup). */
const ENTRY_LOOKUP_CONCURRENCY = 8;

/**
 * Entries by id. Pleo's entry search has no id filter, so each distinct entry costs one GET; the loader
 * dedupes them per request and runs at most ENTRY_LOOKUP_CONCURRENCY at a time.
 */
export const accountingEntryById = defineLoader(
  "accountingEntryById",
  fetchedByIdLoader("accounting entry", getAccountingEntry, ENTRY_LOOKUP_CONCURRENCY),
);
