import { buildExportItem } from "./export-items.ts";
import type { ExportItemModel } from "./models/export-item.ts";
import { seedSnapshot } from "./seed/snapshot.ts";
import type { CompanySnapshot } from "./seed/snapshot-types.ts";
import { SimStore } from "./store.ts";

/** Everything seeded for one company, plus the export items each of its jobs would hand out. */
export interface SeededCompany extends CompanySnapshot {
  /** `ExportItemV3` of every item of every job, by job id (the API serves them for open jobs only). */
  readonly exportItemsByJob: Readonly<Record<string, readonly ExportItemModel[]>>;
}

export interface SeedData {
  /** In the order of `ALL_COMPANIES`. */
  readonly companies: readonly SeededCompany[];
}

let memo: SeedData | undefined;

/**
 * The data a freshly started (or reset) simulator serves, for tests to compare against. Deterministic across
 * runs and machines; frozen, so tests cannot corrupt it for each other.
 */
export function seedData(): SeedData {
  if (!memo) {
    const store = new SimStore();
    const companies = seedSnapshot().companies.map((company): SeededCompany => {
      const exportItemsByJob: Record<string, ExportItemModel[]> = {};
      for (const job of company.exportJobs) {
        exportItemsByJob[job.id] = company.exportJobItems
          .filter((item) => item.exportJobId === job.id)
          .flatMap((item) => {
            const entry = store.accountingEntries.get(item.accountingEntryId);
            return entry ? [buildExportItem(store, entry)] : [];
          });
      }
      return { ...company, exportItemsByJob: Object.freeze(exportItemsByJob) };
    });
    memo = Object.freeze({ companies: Object.freeze(companies) });
  }
  return memo;
}

/** One company's seed, by company id or slug (`"lcb-nl"`, `"lcb-de"`, `"lcb-be"`, `"alexey"`). */
export function seededCompany(idOrSlug: string): SeededCompany {
  const company = seedData().companies.find(
    (candidate) => candidate.identity.id === idOrSlug || candidate.identity.slug === idOrSlug,
  );
  if (!company) throw new Error(`No seeded company '${idOrSlug}'.`);
  return company;
}
