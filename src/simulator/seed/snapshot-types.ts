import type {
  AccountingEntryModel,
  AccountModel,
  CompanyModel,
  EmployeeModel,
  ExportJobItemModel,
  ExportJobModel,
  MerchantRecord,
  ReceiptFile,
  TagGroupModel,
  TagModel,
  TaxCodeModel,
  TeamModel,
  VendorModel,
} from "../models.ts";
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
