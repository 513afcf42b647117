import { z } from "zod";
import { companyFromQuery, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound, validationFailed } from "../errors.ts";
import { data, ok } from "../http-types.ts";
import {
  ACCOUNTING_ENTRY_FAMILIES,
  ACCOUNTING_ENTRY_STATUSES,
  ACCOUNTING_ENTRY_SUB_FAMILIES,
  type AccountingEntryModel,
  EXPORT_STATUSES,
  REVIEW_STATUSES,
} from "../models/accounting-entry.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { booleanParam, uuidPathParam } from "../query.ts";
import { dateTimeSchema, filterList, optionalBoolean, uuidSchema } from "../request-schemas.ts";
import type { RouteDefinition } from "../router.ts";
import { NIL_UUID } from "../seed/ids.ts";

/** `AccountingEntryBaseSearchRequest`. */
const entrySearch = z.strictObject({
  includeDeleted: z.boolean().default(false),
  accountIds: filterList(uuidSchema),
  employeeIds: filterList(uuidSchema),
  foreignExtensionIds: filterList(z.string()),
  tagGroupIdsUnset: filterList(uuidSchema),
  tagRowIds: filterList(uuidSchema),
  taxCodeIds: filterList(uuidSchema),
  teamIds: filterList(uuidSchema),
  transactionValueCurrencies: filterList(z.string()),
  exportStatus: z.array(z.enum(EXPORT_STATUSES)).nullish(),
  families: z.array(z.enum(ACCOUNTING_ENTRY_FAMILIES)).nullish(),
  reviewStatus: z.array(z.enum(REVIEW_STATUSES)).nullish(),
  status: z.array(z.enum(ACCOUNTING_ENTRY_STATUSES)).nullish(),
  subFamilies: z.array(z.enum(ACCOUNTING_ENTRY_SUB_FAMILIES)).nullish(),
  hasAccount: optionalBoolean,
  hasBookkeepingDate: optionalBoolean,
  hasNote: optionalBoolean,
  settled: optionalBoolean,
  bookkeepingDateStart: dateTimeSchema.nullish(),
  bookkeepingDateEnd: dateTimeSchema.nullish(),
  performedAtStart: dateTimeSchema.nullish(),
  performedAtEnd: dateTimeSchema.nullish(),
  settledAtStart: dateTimeSchema.nullish(),
  settledAtEnd: dateTimeSchema.nullish(),
});
type EntrySearch = z.output<typeof entrySearch>;

/** The spec's `AccountingEntriesSortingKeys`; paging is by cursor only (no offset), 20 items by default. */
const entryPages: PageSpec<AccountingEntryModel> = {
  keys: {
    performedAt: (e) => e.performedAt,
    settledAt: (e) => e.settledAt ?? null,
    bookkeepingDate: (e) => e.bookkeepingDate ?? null,
    id: (e) => e.id,
  },
  defaultSort: ["performedAt"],
  id: (e) => e.id,
  allowOffset: false,
};

const DATE_RANGES = [
  ["bookkeepingDate", "bookkeepingDateStart", "bookkeepingDateEnd"],
  ["performedAt", "performedAtStart", "performedAtEnd"],
  ["settledAt", "settledAtStart", "settledAtEnd"],
] as const;

/** The single date range of a search (the spec allows only one per request); bounds are inclusive. */
function dateRange(search: EntrySearch): ((entry: AccountingEntryModel) => boolean) | undefined {
  const used = DATE_RANGES.filter(([, start, end]) => search[start] != null || search[end] != null);
  if (used.length > 1) {
    throw validationFailed(
      "Only one date range (bookkeepingDate, performedAt or settledAt) may be used per search.",
    );
  }
  const range = used[0];
  if (!range) return undefined;
  const [field, startKey, endKey] = range;
  const start = search[startKey] == null ? undefined : Date.parse(search[startKey]);
  const end = search[endKey] == null ? undefined : Date.parse(search[endKey]);
  return (entry) => {
    const value = entry[field];
    if (value === undefined) return false;
    const at = Date.parse(value);
    return (start === undefined || at >= start) && (end === undefined || at <= end);
  };
}

const overlaps = (
  list: readonly string[] | null | undefined,
  values: readonly (string | undefined)[],
): boolean => list == null || values.some((value) => value !== undefined && list.includes(value));

function matches(entry: AccountingEntryModel, search: EntrySearch): boolean {
  const accountIds = [entry.accountId, ...entry.splitItems.map((split) => split.accountId)];
  const taxCodeIds = [entry.taxCodeId, ...entry.splitItems.map((split) => split.taxCodeId)];
  const allTags = [...entry.tags, ...entry.splitItems.flatMap((split) => split.tags)];
  const hasAccount = entry.accountId !== undefined && entry.accountId !== NIL_UUID;
  return (
    (search.includeDeleted || entry.deletedAt === undefined) &&
    overlaps(search.accountIds, accountIds) &&
    overlaps(search.employeeIds, [entry.employeeId]) &&
    overlaps(search.foreignExtensionIds, [entry.foreignExtensionId]) &&
    overlaps(search.taxCodeIds, taxCodeIds) &&
    overlaps(search.teamIds, [entry.teamId]) &&
    overlaps(search.transactionValueCurrencies, [entry.transactionValue.currency]) &&
    overlaps(
      search.tagRowIds,
      allTags.map((tag) => tag.tagId),
    ) &&
    (search.tagGroupIdsUnset == null ||
      search.tagGroupIdsUnset.every(
        (groupId) =>
          !allTags.some((tag) => tag.tagGroupId === groupId && tag.tagId && tag.tagId !== NIL_UUID),
      )) &&
    overlaps(search.exportStatus, [entry.exportStatus]) &&
    overlaps(search.families, [entry.family]) &&
    overlaps(search.reviewStatus, [entry.reviewStatus]) &&
    overlaps(search.status, [entry.status]) &&
    overlaps(search.subFamilies, [entry.subFamily]) &&
    (search.hasAccount == null || hasAccount === search.hasAccount) &&
    (search.hasBookkeepingDate == null ||
      (entry.bookkeepingDate !== undefined) === search.hasBookkeepingDate) &&
    (search.hasNote == null || Boolean(entry.note) === search.hasNote) &&
    (search.settled == null || (entry.settledAt !== undefined) === search.settled)
  );
}

/**
 * Accounting entries API (v1). Search is company-scoped in this simulator: `company_id`, or the caller's own
 * organisation as `organization_id` for a company credential; organisation credentials get 403 before this.
 */
export const accountingEntryRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/v1/accounting-entries:search",
    scope: "accounting-entries:read",
    handle: (ctx) => {
      const companyId = companyFromQuery(ctx, {
        param: "company_id",
        organisationParam: true,
        required: true,
      });
      const page = parsePageRequest(ctx.request.query, entryPages);
      const search = parseBody(ctx, entrySearch, { required: false });
      const inRange = dateRange(search);
      const entries = ctx.store.accountingEntries
        .forCompany(companyId)
        .filter((entry) => matches(entry, search) && (inRange === undefined || inRange(entry)));
      return ok(paginate(entries, page, entryPages));
    },
  },
  {
    method: "GET",
    path: "/v1/accounting-entries/{accountingEntryId}",
    scope: "accounting-entries:read",
    pathOwner: (store, params) =>
      store.accountingEntries.companyOf(params.accountingEntryId?.toLowerCase() ?? ""),
    handle: (ctx) => {
      const id = uuidPathParam(ctx.params, "accountingEntryId");
      const includeDeleted = booleanParam(ctx.request.query, "include_deleted") ?? false;
      const missing = () => notFound(`Accounting entry ${id} not found.`);
      const entry = ownedObject(ctx, ctx.store.accountingEntries, id, missing);
      if (entry.deletedAt !== undefined && !includeDeleted) throw missing();
      return data(entry);
    },
  },
];
