import {
  entryExportStatus,
  entryFamily,
  entryReviewStatus,
  entryStatus,
  entrySubFamily,
} from "../../pleo/models/accounting-entry.ts";
import { builder } from "../builder.ts";

/** Pleo's accounting-entry enumerations, shared by the entry type and its search filter. */

export const AccountingEntryStatus = builder.enumType("AccountingEntryStatus", {
  values: entryStatus.options,
});
export const AccountingEntryFamily = builder.enumType("AccountingEntryFamily", {
  values: entryFamily.options,
});
export const AccountingEntrySubFamily = builder.enumType("AccountingEntrySubFamily", {
  values: entrySubFamily.options,
});
export const AccountingEntryExportStatus = builder.enumType("AccountingEntryExportStatus", {
  values: entryExportStatus.options,
});
export const AccountingEntryReviewStatus = builder.enumType("AccountingEntryReviewStatus", {
  values: entryReviewStatus.options,
});
