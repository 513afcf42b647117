import type { AccountModel } from "../models/account.ts";
import type { AccountingEntryModel, MerchantRecord, ReceiptFile } from "../models/accounting-entry.ts";
import type { CompanyModel } from "../models/company.ts";
import type { EmployeeModel } from "../models/employee.ts";
import type { ExportJobItemModel, ExportJobModel } from "../models/export-job.ts";
import type { TagGroupModel, TagModel } from "../models/tag.ts";
import type { TaxCodeModel } from "../models/tax-code.ts";
import type { TeamModel } from "../models/team.ts";
import type { VendorModel } from "../models/vendor.ts";
import type { SimCompanyIdentity } from "./identities.ts";

/** Everything seeded for one company, in Pleo's wire shapes. */
export interface CompanySnapshot {
  readonly identity: SimCompanyIdentity;
  readonly company: CompanyModel;
  readonly teams: TeamModel[];
  readonly employees: EmployeeModel[];
  readonly accounts: AccountModel[];
  /** The account the Pleo wallet books against (`contraAccount` of export items). */
  readonly contraAccountId: string;
  /** Accounts that one of Pleo's expense categories points at (`excludeIfAssignedToCategory`). */
  readonly categoryAccountIds: string[];
  readonly taxCodes: TaxCodeModel[];
  readonly tagGroups: TagGroupModel[];
  readonly tags: TagModel[];
  readonly vendors: VendorModel[];
  readonly accountingEntries: AccountingEntryModel[];
  readonly receipts: ReceiptFile[];
  readonly merchants: MerchantRecord[];
  readonly exportJobs: ExportJobModel[];
  readonly exportJobItems: ExportJobItemModel[];
}

/** The whole seeded world: one snapshot per company in identities.ts, in that order. */
export interface SeedSnapshot {
  readonly companies: readonly CompanySnapshot[];
}
