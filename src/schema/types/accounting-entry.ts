import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode, GatewayError } from "../../errors.ts";
import { accountingEntryById, accountingEntryPages } from "../../loaders/accounting-entries.ts";
import { accountById } from "../../loaders/accounts.ts";
import { companyById } from "../../loaders/companies.ts";
import { employeeById } from "../../loaders/employees.ts";
import { tagGroupById } from "../../loaders/tag-groups.ts";
import { tagById } from "../../loaders/tags.ts";
import { taxCodeById } from "../../loaders/tax-codes.ts";
import { vendorByExternalId } from "../../loaders/vendors.ts";
import {
  type AccountingEntrySearch,
  type AccountingEntry as EntryModel,
  entryExportStatus,
  entryFamily,
  entryReviewStatus,
  entryStatus,
  entrySubFamily,
  type AccountingEntrySplitItem as SplitItemShape,
  UNKNOWN_ID,
} from "../../pleo/models/accounting-entry.ts";
import { isUuid, pageOrder } from "../../pleo/models/common.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { companyConnection, companyObject, loadOwned, requiresOwnerScope } from "../company-fields.ts";
import { ownedLocalId, parseOwnedLocalId } from "../global-id.ts";
import { Account } from "./account.ts";
import { Company } from "./company.ts";
import { Employee } from "./employee.ts";
import { ExportItem, ExportJobItem } from "./export-job.ts";
import { Money } from "./money.ts";
import { Tag, TagGroup } from "./tag-group.ts";
import { TaxCode } from "./tax-code.ts";
import { Vendor } from "./vendor.ts";

const AccountingEntryStatus = builder.enumType("AccountingEntryStatus", { values: entryStatus.options });
const AccountingEntryFamily = builder.enumType("AccountingEntryFamily", { values: entryFamily.options });
const AccountingEntrySubFamily = builder.enumType("AccountingEntrySubFamily", {
  values: entrySubFamily.options,
});
const AccountingEntryExportStatus = builder.enumType("AccountingEntryExportStatus", {
  values: entryExportStatus.options,
});
const AccountingEntryReviewStatus = builder.enumType("AccountingEntryReviewStatus", {
  values: entryReviewStatus.options,
});

/** The scope entries need is configurable (Pleo has not confirmed its name). */
function entriesScope(ctx: GatewayContext): string {
  return ctx.settings.accountingEntriesScope;
}

/** An account id Pleo actually set (the all-zero UUID means "unknown"). */
function knownId(id: string | null | undefined): string | null {
  return id && id !== UNKNOWN_ID ? id.toLowerCase() : null;
}

/** A cross-reference from an entry (or split item) to an object of the same company, batched. */
interface Referencing {
  readonly companyId: string;
}

export const AccountingEntry = builder.objectRef<EntryModel>("AccountingEntry");

const Supplier = builder.objectRef<NonNullable<EntryModel["supplier"]>>("AccountingEntrySupplier").implement({
  description: "The supplier as the accounting system knows it (Spanish SII fields included).",
  fields: (t) => ({
    externalSupplierId: t.string({ nullable: true, resolve: (s) => s.externalSupplierId ?? null }),
    documentNumber: t.string({ nullable: true, resolve: (s) => s.documentNumber ?? null }),
    documentType: t.string({ nullable: true, resolve: (s) => s.documentType ?? null }),
    externalAccountNumber: t.string({ nullable: true, resolve: (s) => s.externalAccountNumber ?? null }),
    cif: t.string({ nullable: true, resolve: (s) => s.cif ?? null }),
  }),
});

const Attendee = builder.objectRef<EntryModel["attendees"][number]>("AccountingEntryAttendee").implement({
  fields: (t) => ({
    id: t.exposeString("id"),
    attendableId: t.exposeString("attendableId"),
    attendableType: t.string({ description: "e.g. CONTACT.", resolve: (a) => a.attendableType }),
  }),
});

type EntryTagModel = Referencing & { readonly tagGroupId: string; readonly tagId?: string | null };

const AccountingEntryTag = builder.objectRef<EntryTagModel>("AccountingEntryTag").implement({
  description: "A tag dimension set on an entry: the group, and the tag chosen in it (if any).",
  fields: (t) => ({
    tagGroupId: t.field({ type: "UUID", resolve: (tag) => tag.tagGroupId.toLowerCase() }),
    tagId: t.field({ type: "UUID", nullable: true, resolve: (tag) => tag.tagId?.toLowerCase() ?? null }),
    tagGroup: t.field({
      type: TagGroup,
      nullable: true,
      description: `Batched per company (one tag-group list). Needs \`${Scope.tagGroupsRead}\`.`,
      authScopes: requiresOwnerScope(Scope.tagGroupsRead),
      resolve: (tag, _args, ctx) =>
        loadOwned(ctx, tag.companyId, Scope.tagGroupsRead, tagGroupById, tag.tagGroupId.toLowerCase()),
    }),
    tag: t.field({
      type: Tag,
      nullable: true,
      description: `Batched per company into one tag search. Needs \`${Scope.tagGroupsRead}\`.`,
      authScopes: requiresOwnerScope(Scope.tagGroupsRead),
      resolve: (tag, _args, ctx) =>
        tag.tagId
          ? loadOwned(ctx, tag.companyId, Scope.tagGroupsRead, tagById, tag.tagId.toLowerCase())
          : null,
    }),
  }),
});

type BookedLineModel = Referencing & {
  readonly accountId?: string | null;
  readonly taxCodeId?: string | null;
  readonly tags: readonly { readonly tagGroupId: string; readonly tagId?: string | null }[];
};

/** What an entry and each of its split items share: the account and tax code they are booked on. */
export const BookedLine = builder.interfaceRef<BookedLineModel>("BookedLine").implement({
  description:
    "Something booked on an account with a tax code: an accounting entry or one of its split items.",
  resolveType: (line) => ("splitItems" in line ? "AccountingEntry" : "AccountingEntrySplitItem"),
  fields: (t) => ({
    accountId: t.field({ type: "UUID", nullable: true, resolve: (e) => knownId(e.accountId) }),
    account: t.field({
      type: Account,
      nullable: true,
      description: `The account booked on, batched per company. Needs \`${Scope.accountsRead}\`.`,
      authScopes: requiresOwnerScope(Scope.accountsRead),
      resolve: (e, _args, ctx) => {
        const id = knownId(e.accountId);
        return id ? loadOwned(ctx, e.companyId, Scope.accountsRead, accountById, id) : null;
      },
    }),
    taxCodeId: t.field({ type: "UUID", nullable: true, resolve: (e) => knownId(e.taxCodeId) }),
    tags: t.field({
      type: [AccountingEntryTag],
      resolve: (e) => e.tags.map((tag) => ({ ...tag, companyId: e.companyId })),
    }),
    taxCode: t.field({
      type: TaxCode,
      nullable: true,
      description: `The tax code applied, batched per company. Needs \`${Scope.taxCodesRead}\`.`,
      authScopes: requiresOwnerScope(Scope.taxCodesRead),
      resolve: (e, _args, ctx) => {
        const id = knownId(e.taxCodeId);
        return id ? loadOwned(ctx, e.companyId, Scope.taxCodesRead, taxCodeById, id) : null;
      },
    }),
  }),
});

type SplitItemModel = SplitItemShape & Referencing;

export const AccountingEntrySplitItem = builder.objectRef<SplitItemModel>("AccountingEntrySplitItem");
AccountingEntrySplitItem.implement({
  description: "One line of an entry split across accounts, tax codes or tags.",
  interfaces: [BookedLine],
  fields: (t) => ({
    splitItemId: t.field({ type: "UUID", resolve: (s) => s.id }),
    accountCode: t.string({ nullable: true, resolve: (s) => s.accountCode ?? null }),
    transactionValue: t.field({ type: Money, nullable: true, resolve: (s) => s.transactionValue ?? null }),
    totalBillValue: t.field({ type: Money, nullable: true, resolve: (s) => s.totalBillValue ?? null }),
    createdAt: t.field({ type: "DateTime", resolve: (s) => s.createdAt }),
    updatedAt: t.field({ type: "DateTime", resolve: (s) => s.updatedAt }),
  }),
});

builder.node(AccountingEntry, {
  description: "One booked expense, invoice, reimbursement or other money movement of a company.",
  interfaces: [BookedLine],
  id: {
    resolve: (e) => ownedLocalId(e.companyId, e.id),
    parse: (id) => parseOwnedLocalId("AccountingEntry", id),
  },
  loadOne: ({ companyId, id }, ctx) => loadOwned(ctx, companyId, entriesScope(ctx), accountingEntryById, id),
  fields: (t) => ({
    accountingEntryId: t.field({
      type: "UUID",
      description: "Pleo's accounting entry id.",
      resolve: (e) => e.id,
    }),
    company: t.field({
      type: Company,
      nullable: true,
      resolve: (e, _a, ctx) => ctx.loaders.get(companyById).load(e.companyId),
    }),
    status: t.field({ type: AccountingEntryStatus, resolve: (e) => e.status }),
    family: t.field({ type: AccountingEntryFamily, resolve: (e) => e.family }),
    subFamily: t.field({
      type: AccountingEntrySubFamily,
      nullable: true,
      resolve: (e) => e.subFamily ?? null,
    }),
    exportStatus: t.field({ type: AccountingEntryExportStatus, resolve: (e) => e.exportStatus }),
    reviewStatus: t.field({ type: AccountingEntryReviewStatus, resolve: (e) => e.reviewStatus }),
    transactionValue: t.field({
      type: Money,
      description: "In the card or wallet currency.",
      resolve: (e) => e.transactionValue,
    }),
    totalBillValue: t.field({
      type: Money,
      nullable: true,
      description: "In the supplier's currency.",
      resolve: (e) => e.totalBillValue ?? null,
    }),
    performedAt: t.field({ type: "DateTime", resolve: (e) => e.performedAt }),
    bookkeepingDate: t.field({ type: "DateTime", nullable: true, resolve: (e) => e.bookkeepingDate ?? null }),
    settledAt: t.field({ type: "DateTime", nullable: true, resolve: (e) => e.settledAt ?? null }),
    deletedAt: t.field({ type: "DateTime", nullable: true, resolve: (e) => e.deletedAt ?? null }),
    createdAt: t.field({ type: "DateTime", resolve: (e) => e.createdAt }),
    updatedAt: t.field({ type: "DateTime", resolve: (e) => e.updatedAt }),
    note: t.string({ nullable: true, resolve: (e) => e.note ?? null }),
    accountCode: t.string({ nullable: true, resolve: (e) => e.accountCode ?? null }),
    employeeId: t.field({ type: "UUID", nullable: true, resolve: (e) => e.employeeId ?? null }),
    employee: t.field({
      type: Employee,
      nullable: true,
      description: `The employee who spent, from the company's employee list. Needs \`${Scope.usersRead}\`.`,
      authScopes: requiresOwnerScope(Scope.usersRead),
      resolve: (e, _args, ctx) =>
        e.employeeId
          ? loadOwned(ctx, e.companyId, Scope.usersRead, employeeById, e.employeeId.toLowerCase())
          : null,
    }),
    teamId: t.field({ type: "UUID", nullable: true, resolve: (e) => e.teamId ?? null }),
    receiptIds: t.field({ type: ["UUID"], resolve: (e) => e.receiptIds }),
    foreignExtensionId: t.string({ nullable: true, resolve: (e) => e.foreignExtensionId ?? null }),
    supplier: t.field({ type: Supplier, nullable: true, resolve: (e) => e.supplier ?? null }),
    attendees: t.field({ type: [Attendee], resolve: (e) => e.attendees }),
    splitItems: t.field({
      type: [AccountingEntrySplitItem],
      resolve: (e) => e.splitItems.map((s) => ({ ...s, companyId: e.companyId })),
    }),
    vendor: t.field({
      type: Vendor,
      nullable: true,
      description: `The vendor whose external id is the entry's supplier id, batched per company. Needs \`${Scope.vendorsRead}\`.`,
      authScopes: requiresOwnerScope(Scope.vendorsRead),
      resolve: async (e, _args, ctx) => {
        const externalId = e.supplier?.externalSupplierId;
        if (!externalId) return null;
        try {
          return await loadOwned(ctx, e.companyId, Scope.vendorsRead, vendorByExternalId, externalId);
        } catch (error) {
          // A supplier that is not (yet) in the vendor register is not an error of this entry.
          if (error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND) return null;
          throw error;
        }
      },
    }),
  }),
});

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
const AccountingEntrySort = builder.inputType("AccountingEntrySort", {
  fields: (t) => ({
    key: t.field({ type: AccountingEntrySortKey, required: true }),
    order: t.field({ type: SortOrder, required: false, defaultValue: "ASC" }),
  }),
});

function toSearch(
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

builder.objectFields(Company, (t) => ({
  accountingEntries: t.connection({
    type: AccountingEntry,
    nullable: true,
    description:
      "The company's accounting entries, newest first unless sorted otherwise. Needs the accounting-entries scope (configurable: PLEO_ACCOUNTING_ENTRIES_SCOPE).",
    authScopes: (company, _args, ctx) => ({
      company: { companyId: company.id.toLowerCase(), scope: entriesScope(ctx) },
    }),
    args: {
      filter: t.arg({ type: AccountingEntryFilter, required: false }),
      sort: t.arg({ type: [AccountingEntrySort], required: false, validate: z.array(z.unknown()).max(4) }),
    },
    resolve: (company, args, ctx) => {
      const sort = args.sort ?? [];
      const sortingKeys = sort.map((s) => s.key);
      const sortingOrder = sort.map((s) => s.order ?? "ASC");
      return companyConnection(ctx, company, {
        // A cursor is only valid for the ordering it was made in.
        resource: sort.length
          ? `accountingEntries:${sortingKeys.map((k, i) => `${k}.${sortingOrder[i]}`).join(",")}`
          : "accountingEntries",
        scope: entriesScope(ctx),
        loader: accountingEntryPages,
        filter: toSearch(args.filter),
        args,
        sorting: sort.length ? { sortingKeys, sortingOrder } : undefined,
      });
    },
  }),
  accountingEntry: t.field({
    type: AccountingEntry,
    nullable: true,
    description: "One accounting entry of this company, by Pleo id or global ID.",
    authScopes: (company, _args, ctx) => ({
      company: { companyId: company.id.toLowerCase(), scope: entriesScope(ctx) },
    }),
    args: { id: t.arg.id({ required: true }) },
    resolve: (company, args, ctx) =>
      companyObject(ctx, company.id.toLowerCase(), {
        typename: "AccountingEntry",
        scope: entriesScope(ctx),
        loader: accountingEntryById,
        id: args.id,
      }),
  }),
}));

/** What an export job's items carry to find the entry they export (companyId comes from their job). */
interface EntryReference {
  readonly companyId: string;
  readonly accountingEntryId: string;
}

const entryOfItem = {
  type: AccountingEntry,
  nullable: true,
  description:
    "The accounting entry this item exports. Pleo has no multi-id entry lookup, so each distinct entry is one GET (deduplicated, bounded concurrency).",
  authScopes: (item: EntryReference, _args: unknown, ctx: GatewayContext) => ({
    company: { companyId: item.companyId.toLowerCase(), scope: entriesScope(ctx) },
  }),
  resolve: (item: EntryReference, _args: unknown, ctx: GatewayContext) =>
    loadOwned(
      ctx,
      item.companyId,
      entriesScope(ctx),
      accountingEntryById,
      item.accountingEntryId.toLowerCase(),
    ),
} as const;

builder.objectField(ExportJobItem, "entry", (t) => t.field(entryOfItem));
builder.objectField(ExportItem, "entry", (t) => t.field(entryOfItem));
