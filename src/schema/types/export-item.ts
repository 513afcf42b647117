import type {
  ExportItemFile as ExportItemFileModel,
  ExportItemLinks as ExportItemLinksModel,
  ExportItem as ExportItemModel,
} from "../../pleo/models/export.ts";
import { builder } from "../builder.ts";
import { ExportItemAdditionalInfo } from "./export-item-information.ts";
import { ExportItemAccount, ExportItemAmount, ExportItemLine } from "./export-item-line.ts";

/*
 * An export item (Pleo's export items v3): an accounting entry as an export job hands it to an
 * integration. `ExportItem.entry` is added by `accounting-entry.ts`; the item carries its job's company,
 * so the entry is loaded with that company's credential only.
 */

const ExportItemBookkeepingMethod = builder.enumType("ExportItemBookkeepingMethod", {
  values: {
    NONE: { value: "none" },
    JOURNAL: { value: "journal" },
    ACCOUNTS_PAYABLE: { value: "accounts_payable" },
  } as const,
});

const ExportItemFile = builder.objectRef<ExportItemFileModel>("ExportItemFile").implement({
  description:
    "A file (receipt, invoice) attached to the entry. Its URL expires 24 hours after the export item was fetched: download it promptly, and query the export items again for a fresh URL.",
  fields: (t) => ({
    url: t.string({
      description: "Temporary download URL, valid for 24 hours from this response. Do not store it.",
      resolve: (f) => f.url,
    }),
    mimeType: t.string({ description: "e.g. application/pdf.", resolve: (f) => f.type }),
    sizeInBytes: t.int({ resolve: (f) => f.size }),
  }),
});

const ExportItemLink = builder.objectRef<{ name: string; url: string }>("ExportItemLink").implement({
  fields: (t) => ({
    name: t.string({ description: "e.g. exportItem.", resolve: (l) => l.name }),
    url: t.exposeString("url"),
  }),
});

const linkList = (map: Record<string, string> | null | undefined) =>
  Object.entries(map ?? {}).map(([name, url]) => ({ name, url }));

const ExportItemLinks = builder.objectRef<ExportItemLinksModel>("ExportItemLinks").implement({
  description: "Links to the entry in Pleo's web app, mobile app and API.",
  fields: (t) => ({
    web: t.field({ type: [ExportItemLink], resolve: (l) => linkList(l.web) }),
    mobile: t.field({ type: [ExportItemLink], resolve: (l) => linkList(l.mobile) }),
    api: t.field({ type: [ExportItemLink], resolve: (l) => linkList(l.api) }),
  }),
});

type ServicePeriod = NonNullable<ExportItemModel["servicePeriod"]>;
const ExportItemServicePeriod = builder.objectRef<ServicePeriod>("ExportItemServicePeriod").implement({
  description: "When the service was provided, the goods delivered or the expense incurred.",
  fields: (t) => ({
    from: t.field({ type: "DateTime", resolve: (p) => p.from }),
    to: t.field({ type: "DateTime", resolve: (p) => p.to }),
  }),
});

type Supplier = NonNullable<ExportItemModel["supplier"]>;
const ExportItemSupplier = builder.objectRef<Supplier>("ExportItemSupplier").implement({
  description: "The merchant or supplier as reported for the entry.",
  fields: (t) => ({
    name: t.string({ nullable: true, resolve: (s) => s.name ?? null }),
    code: t.string({
      nullable: true,
      description: "The supplier's id in the accounting system.",
      resolve: (s) => s.code ?? null,
    }),
    account: t.string({
      nullable: true,
      description: "The supplier account code in the accounting system.",
      resolve: (s) => s.account ?? null,
    }),
    categoryCode: t.string({
      nullable: true,
      description: "The merchant category code (MCC), e.g. 5999.",
      resolve: (s) => s.categoryCode ?? null,
    }),
    country: t.string({
      nullable: true,
      description: "ISO 3166 alpha-2.",
      resolve: (s) => s.country ?? null,
    }),
    taxIdentifier: t.string({ nullable: true, resolve: (s) => s.taxIdentifier ?? null }),
  }),
});

type Team = NonNullable<ExportItemModel["team"]>;
const ExportItemTeam = builder.objectRef<Team>("ExportItemTeam").implement({
  fields: (t) => ({
    teamId: t.field({ type: "UUID", resolve: (x) => x.id }),
    name: t.exposeString("name"),
    code: t.string({ nullable: true, resolve: (x) => x.code ?? null }),
  }),
});

type User = NonNullable<ExportItemModel["user"]>;
const ExportItemUser = builder.objectRef<User>("ExportItemUser").implement({
  description: "The person who made the spend, usually an employee.",
  fields: (t) => ({
    userId: t.field({ type: "UUID", resolve: (x) => x.id }),
    name: t.exposeString("name"),
    code: t.string({
      nullable: true,
      description: "Usually the employee code.",
      resolve: (x) => x.code ?? null,
    }),
  }),
});

type ExportVendor = NonNullable<ExportItemModel["vendor"]>;
const ExportItemVendor = builder.objectRef<ExportVendor>("ExportItemVendor").implement({
  description: "The vendor of the entry, as exported (vendor-based bookkeeping).",
  fields: (t) => ({
    vendorId: t.field({ type: "UUID", description: "Pleo's vendor id.", resolve: (v) => v.id }),
    name: t.exposeString("name"),
    defaultCurrency: t.string({ description: "ISO 4217.", resolve: (v) => v.defaultCurrency }),
    code: t.string({ nullable: true, resolve: (v) => v.code ?? null }),
    externalId: t.string({ nullable: true, resolve: (v) => v.externalId ?? null }),
    country: t.string({ nullable: true, resolve: (v) => v.country ?? null }),
    registrationNumber: t.string({ nullable: true, resolve: (v) => v.registrationNumber ?? null }),
    taxRegistrationNumber: t.string({ nullable: true, resolve: (v) => v.taxRegistrationNumber ?? null }),
  }),
});

type Bookkeeping = NonNullable<ExportItemModel["bookkeeping"]>;
const ExportItemBookkeeping = builder.objectRef<Bookkeeping>("ExportItemBookkeeping").implement({
  fields: (t) => ({ method: t.field({ type: ExportItemBookkeepingMethod, resolve: (b) => b.method }) }),
});

/** An accounting entry as an export job hands it to an integration. Carries `companyId` and its job. */
export const ExportItem = builder.objectRef<ExportItemModel>("ExportItem").implement({
  description:
    "An accounting entry transformed for export: amounts, lines with account, tax and tags, and the related supplier, vendor, user, team and files.",
  fields: (t) => ({
    accountingEntryId: t.field({ type: "UUID", resolve: (i) => i.accountingEntryId.toLowerCase() }),
    exportJobId: t.field({
      type: "UUID",
      description: "The job this item was read from.",
      resolve: (i) => i.exportJobId,
    }),
    date: t.field({ type: "DateTime", description: "The bookkeeping date.", resolve: (i) => i.date }),
    type: t.string({
      description:
        "Pleo's export item type, e.g. card_purchase, out_of_pocket, mileage, per_diem, invoice, invoice_payment, refund, fee.",
      resolve: (i) => i.type,
    }),
    subType: t.string({ nullable: true, resolve: (i) => i.subType ?? null }),
    note: t.string({ nullable: true, resolve: (i) => i.note ?? null }),
    amount: t.field({ type: ExportItemAmount, resolve: (i) => i.amount }),
    lines: t.field({ type: [ExportItemLine], resolve: (i) => i.accountingEntryLines }),
    contraAccount: t.field({
      type: ExportItemAccount,
      nullable: true,
      description: "The accounting-system account matching the Pleo account the money moved from.",
      resolve: (i) => i.contraAccount ?? null,
    }),
    bookkeeping: t.field({
      type: ExportItemBookkeeping,
      nullable: true,
      resolve: (i) => i.bookkeeping ?? null,
    }),
    servicePeriod: t.field({
      type: ExportItemServicePeriod,
      nullable: true,
      resolve: (i) => i.servicePeriod ?? null,
    }),
    supplier: t.field({ type: ExportItemSupplier, nullable: true, resolve: (i) => i.supplier ?? null }),
    vendor: t.field({ type: ExportItemVendor, nullable: true, resolve: (i) => i.vendor ?? null }),
    user: t.field({ type: ExportItemUser, nullable: true, resolve: (i) => i.user ?? null }),
    team: t.field({ type: ExportItemTeam, nullable: true, resolve: (i) => i.team ?? null }),
    files: t.field({
      type: [ExportItemFile],
      description: "Attached files. Their URLs expire 24 hours after this response.",
      resolve: (i) => i.files ?? [],
    }),
    links: t.field({ type: ExportItemLinks, resolve: (i) => i._links }),
    additionalInformation: t.field({
      type: ExportItemAdditionalInfo,
      resolve: (i) => i.additionalInformation,
    }),
  }),
});
