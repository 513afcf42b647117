import DataLoader from "dataloader";
import { getAccountingEntry, searchAccountingEntries } from "../pleo/apis/accounting-entries.ts";
import type { AccountingEntry, AccountingEntrySearch } from "../pleo/models/accounting-entry.ts";
import { type CompanyObjectKey, companyPageLoader } from "./kit.ts";
import { defineLoader } from "./registry.ts";

export const accountingEntryPages = defineLoader(
  "accountingEntryPages",
  companyPageLoader<AccountingEntrySearch, AccountingEntry>((deps, key) =>
    searchAccountingEntries(deps.pleo, key.bound.credential, key.companyId, key.filter, key.page),
  ),
);

/** How many single-entry lookups one request runs at once (Pleo offers no multi-id entry lookup). */
const ENTRY_LOOKUP_CONCURRENCY = 8;

/**
 * Entries by id. Pleo's entry search has no id filter, so each distinct entry costs one GET; the loader
 * dedupes them per request and runs at most ENTRY_LOOKUP_CONCURRENCY at a time.
 */
export const accountingEntryById = defineLoader(
  "accountingEntryById",
  (deps) =>
    new DataLoader<CompanyObjectKey, AccountingEntry, string>(
      async (keys) => {
        const results: (AccountingEntry | Error)[] = new Array(keys.length);
        let next = 0;
        const worker = async () => {
          while (next < keys.length) {
            const index = next++;
            const key = keys[index] as CompanyObjectKey;
            try {
              results[index] = await getAccountingEntry(
                deps.pleo,
                key.bound.credential,
                key.companyId,
                key.id,
              );
            } catch (error) {
              results[index] = error instanceof Error ? error : new Error(String(error));
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(ENTRY_LOOKUP_CONCURRENCY, keys.length) }, worker));
        return results;
      },
      { cacheKeyFn: (key) => `${key.companyId}|${key.bound.credential.id}|${key.id.toLowerCase()}` },
    ),
);
