import { SimHttpError } from "./errors.ts";
import { setItemStatus } from "./export-item-status.ts";
import { assertItemsAvailable, touch } from "./export-lifecycle.ts";
import type { ExportJobItemModel, ExportJobItemStatus, ExportJobModel } from "./models/export-job.ts";
import type { SimStore } from "./store.ts";

/** Pleo's documented per-update limit. */
const MAX_ITEMS_PER_UPDATE = 100;

export interface ItemUpdate {
  readonly accountingEntryId: string;
  readonly status: ExportJobItemStatus;
  readonly exportedAt?: string | null;
  readonly externalId?: string | null;
  readonly externalUrl?: string | null;
  readonly failureReason?: string | null;
  readonly failureReasonType?: string | null;
}

export interface ItemUpdateError {
  accountingEntryId: string;
  message: string;
  type:
    | "ACCOUNTING_ENTRY_DOES_NOT_EXIST"
    | "EXPORT_ENTRY_STATUS_UPDATE_FAILED"
    | "ACCOUNTING_ENTRY_UPDATE_FAILED";
}

/** More than 100 item updates in one request: 413 `EXPORT_JOB_ITEMS_UPDATE_LIMIT`. */
export function assertUpdateSize(count: number): void {
  if (count > MAX_ITEMS_PER_UPDATE) {
    throw new SimHttpError(
      413,
      "EXPORT_JOB_ITEMS_UPDATE_LIMIT",
      `Number of items to update is more than ${MAX_ITEMS_PER_UPDATE}.`,
    );
  }
}

/**
 * `PUT /v3/export-jobs/{jobId}/items`: applies each update on its own; what cannot be applied is listed in
 * `errors` (an entry that is not part of the job, an abandoned item, an entry listed twice).
 */
export function updateItems(
  store: SimStore,
  job: ExportJobModel,
  updates: readonly ItemUpdate[],
): { data: ExportJobItemModel[]; errors: ItemUpdateError[] } {
  assertUpdateSize(updates.length);
  assertItemsAvailable(store, job);
  const items = new Map(
    (store.exportJobItems.get(job.id) ?? []).map((item) => [item.accountingEntryId, item]),
  );
  const data: ExportJobItemModel[] = [];
  const errors: ItemUpdateError[] = [];
  const seen = new Set<string>();
  for (const update of updates) {
    const id = update.accountingEntryId;
    const item = items.get(id);
    if (seen.has(id)) {
      errors.push({
        accountingEntryId: id,
        type: "EXPORT_ENTRY_STATUS_UPDATE_FAILED",
        message: `Accounting entry ${id} is listed more than once in this update.`,
      });
      continue;
    }
    seen.add(id);
    if (!item || !store.accountingEntries.get(id)) {
      errors.push({
        accountingEntryId: id,
        type: "ACCOUNTING_ENTRY_DOES_NOT_EXIST",
        message: `Accounting entry ${id} is not part of export job ${job.id}.`,
      });
      continue;
    }
    if (item.status === "abandoned") {
      errors.push({
        accountingEntryId: id,
        type: "EXPORT_ENTRY_STATUS_UPDATE_FAILED",
        message: `The export of accounting entry ${id} was abandoned and cannot change.`,
      });
      continue;
    }
    setItemStatus(store, item, update.status);
    if (update.status === "successful") {
      item.exportedAt = update.exportedAt ?? store.nowIso();
      item.externalId = update.externalId ?? null;
      item.externalUrl = update.externalUrl ?? null;
      item.failureReason = null;
      delete item.failureReasonType;
    } else if (update.status === "failed") {
      item.exportedAt = null;
      item.failureReason = update.failureReason ?? null;
      if (update.failureReasonType != null) item.failureReasonType = update.failureReasonType;
      else delete item.failureReasonType;
    } else {
      if (update.exportedAt !== undefined) item.exportedAt = update.exportedAt;
      if (update.externalId !== undefined) item.externalId = update.externalId;
      if (update.externalUrl !== undefined) item.externalUrl = update.externalUrl;
    }
    data.push({ ...item });
  }
  touch(store, job);
  return { data, errors };
}
