import type { Money } from "./money.ts";

/**
 * Wire shapes of Pleo's Accounting Entries API, plus the receipts and merchants the simulator keeps per
 * entry. Optional vs nullable fields: see money.ts.
 */

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
