import { randomUUID } from "node:crypto";
import { isoAt, simulatorClock } from "./clock.ts";
import type { AccountModel } from "./models/account.ts";
import type { AccountingEntryModel, MerchantRecord, ReceiptFile } from "./models/accounting-entry.ts";
import type { CompanyModel } from "./models/company.ts";
import type { EmployeeModel } from "./models/employee.ts";
import type { ExportJobItemModel, ExportJobModel } from "./models/export-job.ts";
import type { TagGroupModel, TagModel } from "./models/tag.ts";
import type { TaxCodeModel } from "./models/tax-code.ts";
import type { TeamModel } from "./models/team.ts";
import type { VendorModel } from "./models/vendor.ts";
import { EXPORT_JOB_EXPIRY_SECONDS } from "./seed/export-jobs.ts";
import { seedSnapshot } from "./seed/snapshot.ts";
import type { SeedSnapshot } from "./seed/snapshot-types.ts";

/**
 * One kind of object, by id, remembering which company owns each. Insertion order is kept (it is the seed
 * order); listings sort explicitly anyway. `put`/`remove` exist so write endpoints can be added without
 * changing the store's shape.
 */
export class Collection<T extends { id: string }> {
  private readonly byId = new Map<string, T>();

  constructor(private readonly ownerOf: (item: T) => string | undefined) {}

  load(items: readonly T[]): void {
    this.byId.clear();
    for (const item of items) this.byId.set(item.id, item);
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  all(): T[] {
    return [...this.byId.values()];
  }

  forCompany(companyId: string): T[] {
    return this.all().filter((item) => this.ownerOf(item) === companyId);
  }

  /** The company owning the object with this id, if it exists. */
  companyOf(id: string): string | undefined {
    const item = this.byId.get(id);
    return item === undefined ? undefined : this.ownerOf(item);
  }

  put(item: T): void {
    this.byId.set(item.id, item);
  }

  remove(id: string): boolean {
    return this.byId.delete(id);
  }
}

export interface SimStoreOptions {
  /** The simulator's "now" in epoch ms (default: the process-wide `simulatorClock`, settable by tests). */
  readonly clock?: () => number;
}

/**
 * The simulator's in-memory Pleo: every object in its wire shape, loaded from a private copy of the seed.
 * `reset()` throws away all state and reloads the seed, which is how tests get a clean world. Writes change
 * the collections in place and live until the next reset (or the end of the process).
 */
export class SimStore {
  readonly companies = new Collection<CompanyModel>((company) => company.id);
  readonly employees = new Collection<EmployeeModel>((employee) => employee.companyId);
  readonly teams = new Collection<TeamModel>((team) => team.companyId);
  readonly accounts = new Collection<AccountModel>((account) => account.companyId);
  readonly taxCodes = new Collection<TaxCodeModel>((taxCode) => taxCode.companyId);
  readonly tagGroups = new Collection<TagGroupModel>((group) => group.companyId);
  /** Tags carry only their group id; the company is the group's. */
  readonly tags = new Collection<TagModel>((tag) => this.tagGroups.companyOf(tag.groupId));
  readonly vendors = new Collection<VendorModel>((vendor) => vendor.companyId);
  readonly accountingEntries = new Collection<AccountingEntryModel>((entry) => entry.companyId);
  readonly exportJobs = new Collection<ExportJobModel>((job) => job.companyId);
  /** Items of each export job, by job id. */
  readonly exportJobItems = new Map<string, ExportJobItemModel[]>();
  /** Receipt files of each accounting entry, by entry id. */
  readonly receipts = new Map<string, ReceiptFile[]>();
  /** Merchant of each accounting entry that has one, by entry id. */
  readonly merchants = new Map<string, MerchantRecord>();
  /** The Pleo wallet (contra) account of each company, by company id. */
  readonly contraAccounts = new Map<string, string>();
  /** Accounts an expense category points at. */
  readonly categoryAccountIds = new Set<string>();
  /**
   * When each open (pending or in-progress) export job expires, in epoch ms: one hour after its last
   * update. Seeded open jobs count as updated when the store was (re)loaded, as the seed's `expiresIn`
   * says; see export-lifecycle.ts.
   */
  readonly jobDeadlines = new Map<string, number>();
  readonly #clock: () => number;

  constructor(
    private readonly seed: () => SeedSnapshot = seedSnapshot,
    options: SimStoreOptions = {},
  ) {
    this.#clock = options.clock ?? (() => simulatorClock.now());
    this.reset();
  }

  /** The simulator's current time in epoch ms. */
  now(): number {
    return this.#clock();
  }

  /** The current time as Pleo writes timestamps (`2026-11-02T09:30:00Z`). */
  nowIso(): string {
    return isoAt(this.now());
  }

  /** A fresh id for a created object. */
  newId(): string {
    return randomUUID();
  }

  /** Labels of credentials revoked in this simulator (as when a key is deleted in Pleo's settings). */
  readonly revokedCredentials = new Set<string>();

  reset(): void {
    this.revokedCredentials.clear();
    const snapshot = structuredClone(this.seed());
    this.companies.load(snapshot.companies.map((company) => company.company));
    this.employees.load(snapshot.companies.flatMap((c) => c.employees));
    this.teams.load(snapshot.companies.flatMap((c) => c.teams));
    this.accounts.load(snapshot.companies.flatMap((c) => c.accounts));
    this.taxCodes.load(snapshot.companies.flatMap((c) => c.taxCodes));
    this.tagGroups.load(snapshot.companies.flatMap((c) => c.tagGroups));
    this.tags.load(snapshot.companies.flatMap((c) => c.tags));
    this.vendors.load(snapshot.companies.flatMap((c) => c.vendors));
    this.accountingEntries.load(snapshot.companies.flatMap((c) => c.accountingEntries));
    this.exportJobs.load(snapshot.companies.flatMap((c) => c.exportJobs));
    this.exportJobItems.clear();
    for (const item of snapshot.companies.flatMap((c) => c.exportJobItems)) {
      const items = this.exportJobItems.get(item.exportJobId) ?? [];
      items.push(item);
      this.exportJobItems.set(item.exportJobId, items);
    }
    this.receipts.clear();
    for (const receipt of snapshot.companies.flatMap((c) => c.receipts)) {
      const receipts = this.receipts.get(receipt.accountingEntryId) ?? [];
      receipts.push(receipt);
      this.receipts.set(receipt.accountingEntryId, receipts);
    }
    this.contraAccounts.clear();
    this.categoryAccountIds.clear();
    for (const company of snapshot.companies) {
      this.contraAccounts.set(company.company.id, company.contraAccountId);
      for (const id of company.categoryAccountIds) this.categoryAccountIds.add(id);
    }
    this.merchants.clear();
    for (const merchant of snapshot.companies.flatMap((c) => c.merchants)) {
      this.merchants.set(merchant.accountingEntryId, merchant);
    }
    this.jobDeadlines.clear();
    const loadedAt = this.now();
    for (const job of this.exportJobs.all()) {
      if (job.status === "pending" || job.status === "in_progress") {
        this.jobDeadlines.set(job.id, loadedAt + (job.expiresIn || EXPORT_JOB_EXPIRY_SECONDS) * 1000);
      }
    }
  }

  /** The organisation a company belongs to (undefined for an unknown company). */
  organisationOf(companyId: string): string | undefined {
    return this.companies.get(companyId)?.organizationId;
  }

  /** Companies of an organisation, in seed order. */
  companiesOf(organisationId: string): CompanyModel[] {
    return this.companies.all().filter((company) => company.organizationId === organisationId);
  }

  /** Accounting entries (deleted ones included) booked on an account, directly or in a split item. */
  entriesUsingAccount(accountId: string): AccountingEntryModel[] {
    return this.accountingEntries
      .all()
      .filter(
        (entry) =>
          entry.accountId === accountId || entry.splitItems.some((split) => split.accountId === accountId),
      );
  }

  /** Accounting entries (deleted ones included) carrying a tax code, directly or in a split item. */
  entriesUsingTaxCode(taxCodeId: string): AccountingEntryModel[] {
    return this.accountingEntries
      .all()
      .filter(
        (entry) =>
          entry.taxCodeId === taxCodeId || entry.splitItems.some((split) => split.taxCodeId === taxCodeId),
      );
  }

  /** The vendor an accounting entry's `supplier.externalSupplierId` points at, within the same company. */
  vendorByExternalId(companyId: string, externalId: string): VendorModel | undefined {
    return this.vendors.forCompany(companyId).find((vendor) => vendor.externalId === externalId);
  }
}
