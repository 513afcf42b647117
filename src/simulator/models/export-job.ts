/**
 * Wire shapes of Pleo's Export Jobs API (v3): jobs and their items. Optional vs nullable fields: see
 * money.ts.
 */

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
