/**
 * The simulator's objects, shaped exactly like Pleo's response schemas (see the API map, section 19).
 *
 * The store keeps these wire shapes as they are, so a handler answers with the stored object and nothing is
 * lost or invented in a translation layer. Optional fields that the spec does not declare `nullable` are left
 * `undefined` (and so absent from the JSON) rather than `null`, because Pleo's schema forbids `null` there.
 */

/** `Money`: minor units (£65.80 is 6580). Tax codes and accounting entries. */
export interface Money {
  currency: string;
  minors: number;
}

/** `MoneyModel`: export items; `value` is also in minor units despite being a number. */
export interface MoneyModel {
  currency: string;
  value: number;
}

/** `ExternalCompanyResponseModel`. */
export interface CompanyModel {
  id: string;
  name: string;
  address: {
    addressLine1?: string;
    addressLine2?: string;
    country?: string;
    locality?: string;
    postalCode?: string;
    region?: string;
  };
  organizationId?: string;
  registrationNumber?: string;
}

/** `ExternalEmployeeResponseModel`. */
export interface EmployeeModel {
  id: string;
  companyId: string;
  email: string;
  firstName: string;
  lastName: string;
  code?: string;
  jobTitle?: string;
  phone?: string;
}

/** `BookkeepingAccountRestModelV1`. */
export interface AccountModel {
  id: string;
  companyId: string;
  externalId: string;
  name: string;
  archived: boolean;
  code?: string | null;
  taxCodeExternalId?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** Why an item of `POST /v1/chart-of-accounts/batch` was not created (`BookkeepingAccountBatchFailedItemV1`). */
export const ACCOUNT_BATCH_FAILURE_REASONS = [
  "EXTERNAL_ID_ALREADY_EXISTS",
  "EXTERNAL_ID_TOO_LONG",
  "EXTERNAL_ID_EMPTY",
  "NAME_TOO_LONG",
  "NAME_EMPTY",
  "CODE_TOO_LONG",
  "OTHER",
] as const;
export type AccountBatchFailureReason = (typeof ACCOUNT_BATCH_FAILURE_REASONS)[number];

export type TaxCodeType = "inclusive" | "exclusive" | "reverse";

/** `TaxCodeModel`: `rate` is a fraction (0.21 = 21 %). */
export interface TaxCodeModel {
  id: string;
  companyId: string;
  name: string;
  rate: number;
  type: TaxCodeType;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  code?: string | null;
  ingoingTaxAccount?: string | null;
  outgoingTaxAccount?: string | null;
  accountingIntegrationSystem?: string | null;
}

/** `TagGroupModel` without `totalTagsCount`, which is computed per request (`include_tags_count`). */
export interface TagGroupModel {
  id: string;
  companyId: string;
  code: string;
  name: string;
  archived: boolean;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** `TagModel`: a tag knows its group, not its company. */
export interface TagModel {
  id: string;
  groupId: string;
  code: string;
  name?: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export type VendorState = "DRAFT" | "ACTIVE" | "ARCHIVED";

/** `VendorResponse`. */
export interface VendorModel {
  id: string;
  companyId: string;
  name: string;
  defaultCurrency: string;
  state: VendorState;
  code?: string;
  externalId?: string;
  country?: string;
  registrationNumber?: string;
  taxRegistrationNumber?: string;
  accountingSystem?: string;
  createdAt?: string;
  updatedAt?: string;
}

/**
 * A team of a company. Pleo exposes no teams API to integrations, but accounting entries carry `teamId` and
 * export items a `team {id, name, code}`, so the simulator keeps them alongside the other master data.
 */
export interface TeamModel {
  id: string;
  companyId: string;
  name: string;
  code: string;
}

export const ACCOUNTING_ENTRY_FAMILIES = [
  "BALANCE_AMENDMENT",
  "BILL_INVOICE",
  "CARD_PURCHASE",
  "CASHBACK",
  "CREDIT_NOTE",
  "MILEAGE",
  "OUT_OF_POCKET",
  "OVERDRAFT",
  "PER_DIEM",
  "PLEO_INVOICE",
  "REIMBURSEMENT",
  "WALLET",
  "BILL_INVOICE_PAYMENT",
] as const;
export type AccountingEntryFamily = (typeof ACCOUNTING_ENTRY_FAMILIES)[number];

export const ACCOUNTING_ENTRY_SUB_FAMILIES = [
  "ATM",
  "IN_STORE",
  "ONLINE",
  "PLEO_INVOICE",
  "PLEO_INVOICE_REFUND",
  "REIMBURSEMENT_TO_COMPANY",
  "REIMBURSEMENT_TO_EMPLOYEE",
  "REIMBURSEMENT_TO_EMPLOYEE_REFUND",
  "LOAD",
  "UNLOAD",
  "WITHDRAWAL",
  "FEE",
  "INTEREST",
  "BILL_INVOICE_PAYMENT_RETURNED",
  "BILL_INVOICE_PAYMENT_RECEIVED",
] as const;
export type AccountingEntrySubFamily = (typeof ACCOUNTING_ENTRY_SUB_FAMILIES)[number];

export const ACCOUNTING_ENTRY_STATUSES = [
  "DRAFT",
  "PENDING",
  "COMPLETED",
  "COMPLETED_EXTERNALLY",
  "CANCELLED",
  "REJECTED",
  "ERROR",
] as const;
export type AccountingEntryStatus = (typeof ACCOUNTING_ENTRY_STATUSES)[number];

export const EXPORT_STATUSES = [
  "CREATED",
  "EXPORTED",
  "EXPORTING",
  "NOT_CREATED",
  "NOT_EXPORTED",
  "QUEUED",
] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const REVIEW_STATUSES = [
  "NOT_OK",
  "NOT_REQUIRED",
  "NOT_SET",
  "OK",
  "WAITING_FOR_EXPENSE_OWNER",
  "WAITING_FOR_REVIEWER",
  "WAITING_FOR_COMPANY_REVIEWER",
  "WAITING_FOR_TEAM_REVIEWER",
  "WAITING_FOR_TAG_REVIEWER",
] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** `AccountingEntryTagV1`. */
export interface AccountingEntryTag {
  tagGroupId: string;
  tagId?: string;
}

/** `SplitItemV1`. */
export interface SplitItem {
  id: string;
  createdAt: string;
  updatedAt: string;
  tags: AccountingEntryTag[];
  accountId?: string;
  accountCode?: string;
  taxCodeId?: string;
  totalBillValue?: Money;
  transactionValue?: Money;
}

/** `AccountingEntryV1`. */
export interface AccountingEntryModel {
  id: string;
  companyId: string;
  createdAt: string;
  updatedAt: string;
  performedAt: string;
  status: AccountingEntryStatus;
  family: AccountingEntryFamily;
  subFamily?: AccountingEntrySubFamily;
  exportStatus: ExportStatus;
  reviewStatus: ReviewStatus;
  transactionValue: Money;
  totalBillValue?: Money;
  receiptIds: string[];
  attendees: { id: string; attendableId: string; attendableType: string }[];
  tags: AccountingEntryTag[];
  splitItems: SplitItem[];
  accountId?: string;
  accountCode?: string;
  taxCodeId?: string;
  teamId?: string;
  employeeId?: string;
  bookkeepingDate?: string;
  settledAt?: string;
  deletedAt?: string;
  note?: string;
  foreignExtensionId?: string;
  supplier?: {
    cif?: string;
    documentNumber?: string;
    documentType?: string;
    externalAccountNumber?: string;
    externalSupplierId?: string;
  };
}

export const EXPORT_JOB_STATUSES = [
  "pending",
  "in_progress",
  "failed",
  "completed",
  "completed_with_errors",
] as const;
export type ExportJobStatus = (typeof EXPORT_JOB_STATUSES)[number];

/** `ExportJobV3`. `failureReasonType` is not nullable in v3, so it is absent unless the job failed. */
export interface ExportJobModel {
  id: string;
  companyId: string;
  status: ExportJobStatus;
  isInteractive: boolean;
  numberOfItems: number;
  expiresIn: number;
  vendorBasedBookkeeping: boolean;
  createdAt: string;
  createdBy?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  expiredAt?: string | null;
  lastUpdatedAt?: string | null;
  failureReason?: string | null;
  failureReasonType?: string;
}

export const EXPORT_JOB_ITEM_STATUSES = [
  "pending",
  "in_progress",
  "failed",
  "successful",
  "abandoned",
] as const;
export type ExportJobItemStatus = (typeof EXPORT_JOB_ITEM_STATUSES)[number];

/** `ExportJobItemV3`. */
export interface ExportJobItemModel {
  accountingEntryId: string;
  exportJobId: string;
  status: ExportJobItemStatus;
  exportedAt?: string | null;
  externalId?: string | null;
  externalUrl?: string | null;
  failureReason?: string | null;
  failureReasonType?: string;
}

/** Amounts of an export item or line: in the supplier's currency and in the company wallet's currency. */
export interface ExportAmount {
  inSupplierCurrency: MoneyModel;
  inWalletCurrency: MoneyModel;
}

export interface ExportItemLine {
  accountingEntryLineId: string;
  lineAmount: ExportAmount;
  netAmount: ExportAmount;
  account?: { id: string; name: string; code?: string | null; identifier?: string | null } | null;
  tags?: { id: string; code: string; groupCode: string }[] | null;
  tax?: {
    id: string;
    rate: number;
    type: string;
    amount: ExportAmount;
    code?: string | null;
    ingoingTaxAccount?: string;
    outgoingTaxAccount?: string;
  } | null;
}

/** `ExportItemV3`: the denormalised view of an accounting entry that an export job hands to an integration. */
export interface ExportItemModel {
  accountingEntryId: string;
  companyId: string;
  date: string;
  type: string;
  subType?: string;
  note?: string | null;
  _links: { web?: Record<string, string>; mobile?: Record<string, string>; api?: Record<string, string> };
  amount: ExportAmount;
  accountingEntryLines: ExportItemLine[];
  additionalInformation: {
    reconciliationId: string;
    attendees?: string[] | null;
    reconciledEntries?: string[] | null;
    invoiceInformation?: {
      invoiceNumber: string;
      invoiceDate: string;
      status: string;
      dueDate?: string | null;
      paymentDate?: string | null;
    } | null;
  };
  bookkeeping?: { method: "none" | "journal" | "accounts_payable" } | null;
  contraAccount?: { id: string; name: string; code?: string | null; identifier?: string | null } | null;
  files?: { url: string; type: string; size: number }[] | null;
  servicePeriod?: { from: string; to: string } | null;
  supplier?: {
    name?: string | null;
    code?: string | null;
    account?: string | null;
    categoryCode?: string | null;
    country?: string | null;
    taxIdentifier?: string | null;
  } | null;
  team?: { id: string; name: string; code?: string | null } | null;
  user?: { id: string; name: string; code?: string | null } | null;
  vendor?: {
    id: string;
    name: string;
    defaultCurrency: string;
    code?: string;
    externalId?: string;
    country?: string;
    registrationNumber?: string;
    taxRegistrationNumber?: string;
  } | null;
}

/** A receipt file attached to an accounting entry; export items list them under `files`. */
export interface ReceiptFile {
  id: string;
  accountingEntryId: string;
  mimeType: string;
  sizeInBytes: number;
}

/** The merchant as the card network or invoice reported it; export items show it under `supplier`. */
export interface MerchantRecord {
  accountingEntryId: string;
  name: string;
  categoryCode: string;
  country: string;
}
