import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode, GatewayError } from "../../errors.ts";
import { accountingEntryById, accountingEntryPages } from "../../loaders/accounting-entries.ts";
import { companyById } from "../../loaders/companies.ts";
import { employeeById } from "../../loaders/employees.ts";
import { vendorByExternalId } from "../../loaders/vendors.ts";
import type {
  AccountingEntry as EntryModel,
  AccountingEntrySplitItem as SplitItemShape,
} from "../../pleo/models/accounting-entry.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import {
  companyConnection,
  companyGated,
  companyObjectById,
  loadBound,
  loadOwned,
  ownedReference,
  ownerGated,
} from "../company-fields.ts";
import { ownedLocalId, parseOwnedLocalId } from "../global-id.ts";
import {
  AccountingEntryExportStatus,
  AccountingEntryFamily,
  AccountingEntryReviewStatus,
  AccountingEntryStatus,
  AccountingEntrySubFamily,
} from "./accounting-entry-enums.ts";
import {
  AccountingEntryFilter,
  AccountingEntrySort,
  toSearch,
  toSorting,
} from "./accounting-entry-search.ts";
import { BookedLine } from "./booked-line.ts";
import { Company } from "./company.ts";
import { Employee } from "./employee.ts";
import { ExportItem } from "./export-item.ts";
import { ExportJobItem } from "./export-job.ts";
import { Money } from "./money.ts";
import { Vendor } from "./vendor.ts";

/** The scope entries need is configurable (Pleo has not confirmed its name). */
function entriesScope(ctx: GatewayContext): string {
  return ctx.settings.accountingEntriesScope;
}

const AccountingEntry = builder.objectRef<EntryModel>("AccountingEntry");

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

type SplitItemModel = SplitItemShape & { readonly companyId: string };

const AccountingEntrySplitItem = builder.objectRef<SplitItemModel>("AccountingEntrySplitItem").implement({
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
      ...ownedReference(Scope.usersRead, employeeById, (e: EntryModel) => e.employeeId),
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
      ...ownerGated(Scope.vendorsRead, {}, async (e: EntryModel, _args, ctx, bound) => {
        const externalId = e.supplier?.externalSupplierId;
        if (!externalId) return null;
        try {
          return await loadBound(ctx, e.companyId, bound, vendorByExternalId, externalId);
        } catch (error) {
          // A supplier that is not (yet) in the vendor register is not an error of this entry.
          if (error instanceof GatewayError && error.code === ErrorCode.NOT_FOUND) return null;
          throw error;
        }
      }),
    }),
  }),
});

builder.objectFields(Company, (t) => ({
  accountingEntries: t.connection({
    type: AccountingEntry,
    nullable: true,
    description:
      "The company's accounting entries, newest first unless sorted otherwise. Needs the accounting-entries scope (configurable: PLEO_ACCOUNTING_ENTRIES_SCOPE).",
    ...companyGated(
      entriesScope,
      {
        filter: t.arg({ type: AccountingEntryFilter, required: false }),
        sort: t.arg({ type: [AccountingEntrySort], required: false, validate: z.array(z.unknown()).max(4) }),
      },
      (company, args, ctx, bound) => {
        const { resource, sorting } = toSorting(args.sort);
        return companyConnection(ctx, bound, {
          companyId: company.id,
          resource,
          loader: accountingEntryPages,
          filter: toSearch(args.filter),
          args,
          sorting,
        });
      },
    ),
  }),
  accountingEntry: t.field({
    type: AccountingEntry,
    nullable: true,
    description: "One accounting entry of this company, by Pleo id or global ID.",
    ...companyObjectById(t, AccountingEntry, entriesScope, accountingEntryById),
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
  ...ownedReference(entriesScope, accountingEntryById, (item: EntryReference) => item.accountingEntryId),
} as const;

builder.objectField(ExportJobItem, "entry", (t) => t.field(entryOfItem));
builder.objectField(ExportItem, "entry", (t) => t.field(entryOfItem));
