import { generateAccountingEntries } from "./accounting-entries.ts";
import { generateExportJobs } from "./export-jobs.ts";
import { ALL_COMPANIES, type SimCountry } from "./identities.ts";
import { BE_LOCALE } from "./locales/be.ts";
import { DE_LOCALE } from "./locales/de.ts";
import { GB_LOCALE } from "./locales/gb.ts";
import { NL_LOCALE } from "./locales/nl.ts";
import type { CompanyLocale } from "./locales/types.ts";
import { generateMasterData } from "./master-data.ts";
import type { CompanySnapshot, SeedSnapshot } from "./snapshot-types.ts";

const LOCALES: Readonly<Record<SimCountry, CompanyLocale>> = {
  NL: NL_LOCALE,
  DE: DE_LOCALE,
  BE: BE_LOCALE,
  GB: GB_LOCALE,
};

/**
 * Builds the whole seeded world from scratch. Pure and deterministic: two calls return equal data. The
 * store copies from one memoised snapshot on every reset, so this runs once per process.
 */
export function buildSeedSnapshot(): SeedSnapshot {
  return {
    companies: ALL_COMPANIES.map((identity): CompanySnapshot => {
      const locale = LOCALES[identity.country];
      const master = generateMasterData(identity, locale);
      const { entries, receipts, merchants } = generateAccountingEntries(identity, locale, master);
      const exports = generateExportJobs(identity, locale, entries, master.employees);
      return {
        identity,
        company: master.company,
        teams: master.teams,
        employees: master.employees,
        accounts: master.accounts,
        contraAccountId: master.contraAccountId,
        categoryAccountIds: master.categoryAccountIds,
        taxCodes: master.taxCodes,
        tagGroups: master.tagGroups,
        tags: master.tags,
        vendors: master.vendors,
        accountingEntries: entries,
        receipts,
        merchants,
        exportJobs: exports.jobs,
        exportJobItems: exports.items,
      };
    }),
  };
}

let memo: SeedSnapshot | undefined;

/** The seed, built on first use and shared; callers must copy before mutating (the store does). */
export function seedSnapshot(): SeedSnapshot {
  memo ??= deepFreeze(buildSeedSnapshot());
  return memo;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
