import { z } from "zod";
import type { AccountingEntrySearch } from "../../pleo/models/accounting-entry.ts";
import { isUuid, type PageRequest, pageOrder } from "../../pleo/models/common.ts";
import { builder } from "../builder.ts";
import {
  AccountingEntryExportStatus,
  AccountingEntryFamily,
  AccountingEntryReviewStatus,
  AccountingEntryStatus,
  AccountingEntrySubFamily,
} from "./accounting-entry-enums.ts";

/** The filter and sort arguments of `Company.accountingEntries`, and how they become Pleo's search. */

const uuids = z
  .array(z.string().refine(isUuid, "expected a UUID"))
  .max(100, "Pleo accepts at most 100 values");

const AccountingEntryDateField = builder.enumType("AccountingEntryDateField", {
  values: {
    BOOKKEEPING_DATE: { value: "bookkeepingDate" },
    PERFORMED_AT: { value: "performedAt" },
    SETTLED_AT: { value: "settledAt" },
  } as const,
});

const AccountingEntryDateRange = builder.inputType("AccountingEntryDateRange", {
  description: "Pleo filters on one date range at a time.",
  fields: (t) => ({
    field: t.field({ type: AccountingEntryDateField, required: true }),
    start: t.field({ type: "DateTime", required: false }),
    end: t.field({ type: "DateTime", required: false }),
  }),
});

export const AccountingEntryFilter = builder.inputType("AccountingEntryFilter", {
  description: "The filters of Pleo's accounting entry search.",
  fields: (t) => ({
    accountIds: t.field({ type: ["UUID"], required: false, validate: uuids }),
    employeeIds: t.field({ type: ["UUID"], required: false, validate: uuids }),
    taxCodeIds: t.field({ type: ["UUID"], required: false, validate: uuids }),
    teamIds: t.field({ type: ["UUID"], required: false, validate: uuids }),
    tagIds: t.field({
      type: ["UUID"],
      required: false,
      validate: uuids,
      description: "Entries tagged with these tags.",
    }),
    currencies: t.stringList({
      required: false,
      description: "Transaction currencies (ISO 4217).",
      validate: z.array(z.string().regex(/^[A-Z]{3}$/, "ISO 4217 code")).max(100),
    }),
    statuses: t.field({ type: [AccountingEntryStatus], required: false }),
    families: t.field({ type: [AccountingEntryFamily], required: false }),
    subFamilies: t.field({ type: [AccountingEntrySubFamily], required: false }),
    exportStatuses: t.field({ type: [AccountingEntryExportStatus], required: false }),
    reviewStatuses: t.field({ type: [AccountingEntryReviewStatus], required: false }),
    hasAccount: t.boolean({ required: false }),
    hasBookkeepingDate: t.boolean({ required: false }),
    hasNote: t.boolean({ required: false }),
    settled: t.boolean({ required: false }),
    includeDeleted: t.boolean({ required: false, defaultValue: false }),
    dateRange: t.field({ type: AccountingEntryDateRange, required: false }),
  }),
});

const SortOrder = builder.enumType("SortOrder", { values: pageOrder.options });
const AccountingEntrySortKey = builder.enumType("AccountingEntrySortKey", {
  values: {
    SETTLED_AT: { value: "settledAt" },
    PERFORMED_AT: { value: "performedAt" },
    BOOKKEEPING_DATE: { value: "bookkeepingDate" },
    ID: { value: "id" },
  } as const,
});

export const AccountingEntrySort = builder.inputType("AccountingEntrySort", {
  fields: (t) => ({
    key: t.field({ type: AccountingEntrySortKey, required: true }),
    order: t.field({ type: SortOrder, required: false, defaultValue: "ASC" }),
  }),
});

export function toSearch(
  filter: typeof AccountingEntryFilter.$inferInput | null | undefined,
): AccountingEntrySearch {
  const f = filter ?? {};
  const range = f.dateRange;
  return {
    includeDeleted: f.includeDeleted ?? false,
    accountIds: f.accountIds ?? undefined,
    employeeIds: f.employeeIds ?? undefined,
    taxCodeIds: f.taxCodeIds ?? undefined,
    teamIds: f.teamIds ?? undefined,
    tagRowIds: f.tagIds ?? undefined,
    transactionValueCurrencies: f.currencies ?? undefined,
    status: f.statuses ?? undefined,
    families: f.families ?? undefined,
    subFamilies: f.subFamilies ?? undefined,
    exportStatus: f.exportStatuses ?? undefined,
    reviewStatus: f.reviewStatuses ?? undefined,
    hasAccount: f.hasAccount ?? undefined,
    hasBookkeepingDate: f.hasBookkeepingDate ?? undefined,
    hasNote: f.hasNote ?? undefined,
    settled: f.settled ?? undefined,
    ...(range?.start ? { [`${range.field}Start`]: range.start } : {}),
    ...(range?.end ? { [`${range.field}End`]: range.end } : {}),
  };
}

/**
 * Pleo's sorting for the requested order, and the list name cursors carry: a cursor is only valid for
 * the ordering it was made in.
 */
export function toSorting(sort: readonly (typeof AccountingEntrySort.$inferInput)[] | null | undefined): {
  readonly resource: string;
  readonly sorting: Pick<PageRequest, "sortingKeys" | "sortingOrder"> | undefined;
} {
  if (!sort?.length) return { resource: "accountingEntries", sorting: undefined };
  const sortingKeys = sort.map((s) => s.key);
  const sortingOrder = sort.map((s) => s.order ?? "ASC");
  return {
    resource: `accountingEntries:${sortingKeys.map((k, i) => `${k}.${sortingOrder[i]}`).join(",")}`,
    sorting: { sortingKeys, sortingOrder },
  };
}
