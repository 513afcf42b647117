import { z } from "zod";
import { dateTime, money, uuid } from "./common.ts";

/** Enumerations of `AccountingEntryV1`, exactly as Pleo's spec lists them. */
export const entryStatus = z.enum([
  "DRAFT",
  "PENDING",
  "COMPLETED",
  "COMPLETED_EXTERNALLY",
  "CANCELLED",
  "REJECTED",
  "ERROR",
]);
export const entryFamily = z.enum([
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
]);
export const entrySubFamily = z.enum([
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
]);
export const entryExportStatus = z.enum([
  "CREATED",
  "EXPORTED",
  "EXPORTING",
  "NOT_CREATED",
  "NOT_EXPORTED",
  "QUEUED",
]);
export const entryReviewStatus = z.enum([
  "NOT_OK",
  "NOT_REQUIRED",
  "NOT_SET",
  "OK",
  "WAITING_FOR_EXPENSE_OWNER",
  "WAITING_FOR_REVIEWER",
  "WAITING_FOR_COMPANY_REVIEWER",
  "WAITING_FOR_TEAM_REVIEWER",
  "WAITING_FOR_TAG_REVIEWER",
]);

const entryTag = z.object({ tagGroupId: uuid, tagId: uuid.nullish() });

const splitItem = z.object({
  id: uuid,
  createdAt: dateTime,
  updatedAt: dateTime,
  tags: z.array(entryTag),
  accountId: uuid.nullish(),
  accountCode: z.string().nullish(),
  taxCodeId: uuid.nullish(),
  totalBillValue: money.nullish(),
  transactionValue: money.nullish(),
});

/** `AccountingEntryV1`: one expense, invoice, reimbursement… of a company, as booked. */
export const accountingEntry = z.object({
  id: uuid,
  companyId: uuid,
  createdAt: dateTime,
  updatedAt: dateTime,
  performedAt: dateTime,
  status: entryStatus,
  family: entryFamily,
  subFamily: entrySubFamily.nullish(),
  exportStatus: entryExportStatus,
  reviewStatus: entryReviewStatus,
  transactionValue: money,
  totalBillValue: money.nullish(),
  receiptIds: z.array(uuid),
  attendees: z.array(z.object({ id: z.string(), attendableId: z.string(), attendableType: z.string() })),
  tags: z.array(entryTag),
  splitItems: z.array(splitItem),
  accountId: uuid.nullish(),
  accountCode: z.string().nullish(),
  taxCodeId: uuid.nullish(),
  teamId: uuid.nullish(),
  employeeId: uuid.nullish(),
  bookkeepingDate: dateTime.nullish(),
  settledAt: dateTime.nullish(),
  deletedAt: dateTime.nullish(),
  note: z.string().nullish(),
  foreignExtensionId: z.string().nullish(),
  supplier: z
    .object({
      cif: z.string().nullish(),
      documentNumber: z.string().nullish(),
      documentType: z.string().nullish(),
      externalAccountNumber: z.string().nullish(),
      externalSupplierId: z.string().nullish(),
    })
    .nullish(),
});
export type AccountingEntry = z.infer<typeof accountingEntry>;
export type AccountingEntrySplitItem = z.infer<typeof splitItem>;
export type AccountingEntryTag = z.infer<typeof entryTag>;

/** `AccountingEntryBaseSearchRequest`. Pleo accepts at most one of the date ranges per request. */
export interface AccountingEntrySearch {
  readonly includeDeleted: boolean;
  readonly accountIds?: readonly string[];
  readonly employeeIds?: readonly string[];
  readonly taxCodeIds?: readonly string[];
  readonly teamIds?: readonly string[];
  readonly tagRowIds?: readonly string[];
  readonly tagGroupIdsUnset?: readonly string[];
  readonly transactionValueCurrencies?: readonly string[];
  readonly exportStatus?: readonly z.infer<typeof entryExportStatus>[];
  readonly families?: readonly z.infer<typeof entryFamily>[];
  readonly subFamilies?: readonly z.infer<typeof entrySubFamily>[];
  readonly reviewStatus?: readonly z.infer<typeof entryReviewStatus>[];
  readonly status?: readonly z.infer<typeof entryStatus>[];
  readonly hasAccount?: boolean;
  readonly hasBookkeepingDate?: boolean;
  readonly hasNote?: boolean;
  readonly settled?: boolean;
  readonly bookkeepingDateStart?: string;
  readonly bookkeepingDateEnd?: string;
  readonly performedAtStart?: string;
  readonly performedAtEnd?: string;
  readonly settledAtStart?: string;
  readonly settledAtEnd?: string;
}

/** The all-zero UUID Pleo uses for "account unknown". */
export const UNKNOWN_ID = "00000000-0000-0000-0000-000000000000";
