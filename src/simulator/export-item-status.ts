import type { ExportJobItemModel, ExportJobItemStatus } from "./models/export-job.ts";
import type { SimStore } from "./store.ts";

/** An item's status, and the matching `exportStatus` of its accounting entry. */
export function setItemStatus(store: SimStore, item: ExportJobItemModel, status: ExportJobItemStatus): void {
  item.status = status;
  const entry = store.accountingEntries.get(item.accountingEntryId);
  if (!entry) return;
  entry.exportStatus =
    status === "successful"
      ? "EXPORTED"
      : status === "in_progress"
        ? "EXPORTING"
        : status === "pending"
          ? "QUEUED"
          : "NOT_EXPORTED";
}
