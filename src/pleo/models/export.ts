import { z } from "zod";
import { dateTime, uuid } from "./common.ts";
import { taxCodeType } from "./tax-code.ts";

/**
 * Export API v3 (`/v3/export-jobs…`) and Export Items v3 (`/v3/export-items`). v3 declares its enum
 * fields as plain strings; the gateway parses the documented values strictly (as it does for vendor
 * states and tax code types), so a value it cannot represent is a contract violation, not a guess.
 */

/** `ExportJobStatus`: pending → in_progress → completed | completed_with_errors | failed. */
export const exportJobStatus = z.enum([
  "pending",
  "in_progress",
  "failed",
  "completed",
  "completed_with_errors",
]);
export type ExportJobStatus = z.infer<typeof exportJobStatus>;

/** `ExportJobFailureReasonType`. */
export const exportJobFailureReasonType = z.enum([
  "invalid_configuration",
  "missing_configuration",
  "authentication_failure",
  "accounting_system_authentication_failure",
  "pleo_rate_limit",
  "accounting_system_rate_limit",
  "service_unreachable",
  "accounting_system_unreachable",
  "validation_failure",
  "authorization_failure",
  "integration_unusable",
  "job_expired",
  "service_timeout",
  "accounting_system_timeout",
  "canceled_by_user",
]);
export type ExportJobFailureReasonType = z.infer<typeof exportJobFailureReasonType>;

/** `ExportJobItemStatus`. */
export const exportJobItemStatus = z.enum(["pending", "in_progress", "failed", "successful", "abandoned"]);
export type ExportJobItemStatus = z.infer<typeof exportJobItemStatus>;

/** `ExportJobItemFailureReasonType` (v3 adds the four `*_unknown` reasons to v1/v2's list). */
export const exportJobItemFailureReasonType = z.enum([
  "receipt_upload_failure",
  "receipt_download_failure",
  "receipt_file_size_limit_exceeded",
  "receipt_conversion_failure",
  "unexpected_failure",
  "invalid_configuration",
  "missing_configuration",
  "accounting_system_authentication_failure",
  "accounting_system_rate_limit",
  "accounting_system_unreachable",
  "validation_failure",
  "accounting_system_validation_failure",
  "authorization_failure",
  "accounting_system_timeout",
  "vendor_unknown",
  "account_unknown",
  "tax_code_unknown",
  "tag_unknown",
]);
export type ExportJobItemFailureReasonType = z.infer<typeof exportJobItemFailureReasonType>;

/** `ExportJobV3`. `expiresIn` is seconds until expiry, counted from `lastUpdatedAt`. */
export const exportJob = z.object({
  id: uuid,
  companyId: uuid,
  status: exportJobStatus,
  isInteractive: z.boolean(),
  numberOfItems: z.number().int(),
  expiresIn: z.number().int(),
  vendorBasedBookkeeping: z.boolean(),
  createdAt: dateTime,
  createdBy: uuid.nullish(),
  startedAt: dateTime.nullish(),
  completedAt: dateTime.nullish(),
  expiredAt: dateTime.nullish(),
  lastUpdatedAt: dateTime.nullish(),
  failureReason: z.string().nullish(),
  failureReasonType: exportJobFailureReasonType.nullish(),
});
export type ExportJob = z.infer<typeof exportJob>;

/** The filter of GET /v3/export-jobs: jobs in any of these states (all when absent). */
export interface ExportJobSearch {
  readonly statuses?: readonly ExportJobStatus[];
}

/** `ExportJobItemV3`: the export progress of one accounting entry in one job. It names no company. */
export const exportJobItem = z.object({
  accountingEntryId: uuid,
  exportJobId: uuid,
  status: exportJobItemStatus,
  exportedAt: dateTime.nullish(),
  externalId: z.string().nullish(),
  externalUrl: z.string().nullish(),
  failureReason: z.string().nullish(),
  failureReasonType: exportJobItemFailureReasonType.nullish(),
});
export type ExportJobItemV3 = z.infer<typeof exportJobItem>;

/**
 * An export job item as the gateway holds it: Pleo's item plus the company of the job it was read
 * through (checked when the job was loaded), so references from it (its accounting entry) are loaded
 * with that company's credential only.
 */
export type ExportJobItem = ExportJobItemV3 & { readonly companyId: string };

/** The filters of GET /v3/export-jobs/{jobId}/items: the job, and optionally one item status. */
export interface ExportJobItemSearch {
  readonly jobId: string;
  readonly status?: ExportJobItemStatus;
}

/**
 * `MoneyModel`: `value` is in minor units despite being declared a number (896.96 SEK is 89696), so
 * it must be an integer. `currency` is ISO 4217 or "UNDEFINED".
 */
export const moneyModel = z.object({
  currency: z.string().min(1),
  value: z.number().int("MoneyModel.value is in minor units and must be an integer"),
});
export type MoneyModel = z.infer<typeof moneyModel>;

/** `ExportItemAmountV3` / `ExportItemLineAmountV3` / `ExportItemNetAmountV3` / `TaxAmountV3`. */
export const exportAmount = z.object({ inSupplierCurrency: moneyModel, inWalletCurrency: moneyModel });
export type ExportAmount = z.infer<typeof exportAmount>;

/** `AccountV3` and `ContraAccount` share this shape. */
const exportAccount = z.object({
  id: uuid,
  name: z.string(),
  code: z.string().nullish(),
  identifier: z.string().nullish(),
});
export type ExportAccount = z.infer<typeof exportAccount>;

/** `TagV3`. */
const exportTag = z.object({ id: uuid, code: z.string(), groupCode: z.string() });

/** `TaxV3`: `rate` is a decimal fraction (0.2 is 20 %). */
const exportTax = z.object({
  id: uuid,
  rate: z.number(),
  type: taxCodeType,
  amount: exportAmount,
  code: z.string().nullish(),
  ingoingTaxAccount: z.string().nullish(),
  outgoingTaxAccount: z.string().nullish(),
});

/** `ExportItemLineV3`. */
const exportItemLine = z.object({
  accountingEntryLineId: uuid,
  lineAmount: exportAmount,
  netAmount: exportAmount,
  account: exportAccount.nullish(),
  tags: z.array(exportTag).nullish(),
  tax: exportTax.nullish(),
});
export type ExportItemLine = z.infer<typeof exportItemLine>;

/** `SupplierBankAccount`. */
const supplierBankAccount = z.object({
  bankName: z.string(),
  country: z.string(),
  accountNumber: z.string().nullish(),
  bankCode: z.string().nullish(),
  bic: z.string().nullish(),
  iban: z.string().nullish(),
});

/** `InvoiceInformationV3`. The dates are declared date-time with a `YYYY-MM-DD` pattern: kept as sent. */
const invoiceInformation = z.object({
  invoiceNumber: z.string(),
  invoiceDate: z.string(),
  status: z.string(),
  dueDate: z.string().nullish(),
  paymentDate: z.string().nullish(),
  supplierBankAccount: supplierBankAccount.nullish(),
});
export type InvoiceInformation = z.infer<typeof invoiceInformation>;

/** `ExportItemAdditionalInformationV3`. */
const additionalInformation = z.object({
  reconciliationId: z.string(),
  attendees: z.array(z.string().nullable()).nullish(),
  reconciledEntries: z.array(z.string().nullable()).nullish(),
  invoiceInformation: invoiceInformation.nullish(),
});
export type ExportItemAdditionalInformation = z.infer<typeof additionalInformation>;

/** `LinksResponse`: per channel, a map of link name to URL (e.g. `web.exportItem`). */
const linkMap = z.record(z.string(), z.string());
const links = z.object({ web: linkMap.nullish(), mobile: linkMap.nullish(), api: linkMap.nullish() });
export type ExportItemLinks = z.infer<typeof links>;

/** `BookkeepingMethodV3`. */
export const bookkeepingMethod = z.enum(["none", "journal", "accounts_payable"]);

/** `ExportItemFile`: `url` is valid for 24 hours from when the export item was fetched. */
const exportItemFile = z.object({ url: z.string(), type: z.string(), size: z.number().int() });
export type ExportItemFile = z.infer<typeof exportItemFile>;

/** `ExportItemV3`: an accounting entry as an export job hands it to an integration. */
export const exportItem = z.object({
  accountingEntryId: uuid,
  companyId: uuid,
  date: dateTime,
  type: z.string(),
  subType: z.string().nullish(),
  note: z.string().nullish(),
  _links: links,
  amount: exportAmount,
  accountingEntryLines: z.array(exportItemLine),
  additionalInformation,
  bookkeeping: z.object({ method: bookkeepingMethod }).nullish(),
  contraAccount: exportAccount.nullish(),
  files: z.array(exportItemFile).nullish(),
  servicePeriod: z.object({ from: dateTime, to: dateTime }).nullish(),
  supplier: z
    .object({
      name: z.string().nullish(),
      code: z.string().nullish(),
      account: z.string().nullish(),
      categoryCode: z.string().nullish(),
      country: z.string().nullish(),
      taxIdentifier: z.string().nullish(),
    })
    .nullish(),
  team: z.object({ id: uuid, name: z.string(), code: z.string().nullish() }).nullish(),
  user: z.object({ id: uuid, name: z.string(), code: z.string().nullish() }).nullish(),
  vendor: z
    .object({
      id: uuid,
      name: z.string(),
      defaultCurrency: z.string(),
      code: z.string().nullish(),
      externalId: z.string().nullish(),
      country: z.string().nullish(),
      registrationNumber: z.string().nullish(),
      taxRegistrationNumber: z.string().nullish(),
    })
    .nullish(),
});
export type ExportItemV3 = z.infer<typeof exportItem>;

/** An export item as the gateway holds it: Pleo's (which carries `companyId`) plus the job it was read from. */
export type ExportItem = ExportItemV3 & { readonly exportJobId: string };

/** The filter of GET /v3/export-items: the job whose items to read. */
export interface ExportItemSearch {
  readonly jobId: string;
}

/** `CreateExportJob`. */
export interface ExportJobCreate {
  readonly companyId: string;
  readonly accountingEntryIds: readonly string[];
  readonly employeeId?: string | null;
  readonly isInteractive?: boolean;
  readonly options?: { readonly vendorBasedBookkeeping?: boolean };
}

/** `ExportJobEventType`. */
export type ExportJobEventType = "started" | "failed" | "completed" | "completed_with_errors";

/** `CreateExportJobEvent`: `failureReason(Type)` only with `failed`. */
export interface ExportJobEventRequest {
  readonly jobId: string;
  readonly event: ExportJobEventType;
  readonly failureReason?: string;
  readonly failureReasonType?: ExportJobFailureReasonType;
}

/** `UpdateExportJobItemV3`: one item's result, at most 100 per request. */
export interface ExportJobItemResult {
  readonly accountingEntryId: string;
  readonly status: ExportJobItemStatus;
  readonly exportedAt?: string;
  readonly externalId?: string;
  readonly externalUrl?: string;
  readonly failureReason?: string;
  readonly failureReasonType?: ExportJobItemFailureReasonType;
}

/** `ExportJobItemUpdateErrorV3`: why one item's result was not applied. */
export const exportJobItemUpdateError = z.object({
  accountingEntryId: uuid,
  message: z.string(),
  type: z.string(),
});
export type ExportJobItemUpdateError = z.infer<typeof exportJobItemUpdateError>;

/** `ExportJobItemUpdateV3`: the items as updated, and the ones that could not be. */
export const exportJobItemUpdate = z.object({
  data: z.array(exportJobItem),
  errors: z.array(exportJobItemUpdateError),
});
