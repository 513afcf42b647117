import type DataLoader from "dataloader";
import type { GatewayContext } from "../../context/context.ts";
import { companyById } from "../../loaders/companies.ts";
import { exportItemPages } from "../../loaders/export-items.ts";
import { exportJobById, exportJobItemPages, exportJobPages } from "../../loaders/export-jobs.ts";
import type { CompanyPageKey } from "../../loaders/kit.ts";
import type { LoaderDefinition } from "../../loaders/registry.ts";
import type { Page } from "../../pleo/models/common.ts";
import {
  type ExportAccount,
  type ExportAmount,
  type ExportItemAdditionalInformation,
  type ExportItemFile as ExportItemFileModel,
  type ExportItemLine as ExportItemLineModel,
  type ExportItemLinks as ExportItemLinksModel,
  type ExportItem as ExportItemModel,
  type ExportJobItem as ExportJobItemModel,
  type ExportJob as ExportJobModel,
  type ExportJobStatus as ExportJobStatusValue,
  exportJobFailureReasonType,
  exportJobItemFailureReasonType,
  type InvoiceInformation,
  type MoneyModel as PleoMoneyModel,
} from "../../pleo/models/export.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import {
  companyConnection,
  companyObject,
  loadOwned,
  requiresCompanyScope,
  requiresOwnerScope,
} from "../company-fields.ts";
import { type Connection, type ConnectionArgs, planPage, toConnection } from "../connection.ts";
import { ownedLocalId, parseOwnedLocalId } from "../global-id.ts";
import { Company } from "./company.ts";
import { Money, type MoneyModel } from "./money.ts";
import { TaxCodeType } from "./tax-code.ts";

/*
 * Pleo's export API v3 (jobs and their items) and export items v3, as the gateway serves them.
 *
 * Accounting-entry references: `ExportJobItem.entry` and `ExportItem.entry` are added by
 * `accounting-entry.ts` with `builder.objectFields(ExportJobItem | ExportItem, ...)`. Both backing
 * models carry `companyId` (an export job item gets its job's, checked when the job was loaded), so the
 * entry is loaded with that company's credential only.
 */

// ---------------------------------------------------------------------------------------------- enums

/** Pleo's snake_case values as GraphQL's UPPER_CASE names, with the Pleo value kept as the internal value. */
function upperCaseValues<const T extends string>(
  values: readonly T[],
  descriptions: Partial<Record<T, string>> = {},
): Record<Uppercase<T>, { value: T; description?: string }> {
  return Object.fromEntries(
    values.map((value) => [value.toUpperCase(), { value, description: descriptions[value] }]),
  ) as Record<Uppercase<T>, { value: T; description?: string }>;
}

export const ExportJobStatus = builder.enumType("ExportJobStatus", {
  description: "Where an export job is in its lifecycle: PENDING → IN_PROGRESS → a final state.",
  values: {
    PENDING: { value: "pending", description: "Created, waiting for the integration to start it." },
    IN_PROGRESS: { value: "in_progress", description: "Started: the integration is exporting its items." },
    COMPLETED: { value: "completed", description: "Finished; every item was exported." },
    COMPLETED_WITH_ERRORS: {
      value: "completed_with_errors",
      description: "Finished; some items failed to export.",
    },
    FAILED: { value: "failed", description: "Failed as a whole; see failureReason(Type)." },
  } as const,
});

export const ExportJobFailureReasonType = builder.enumType("ExportJobFailureReasonType", {
  description: "Why an export job failed, as the integration reported it to Pleo.",
  values: upperCaseValues(exportJobFailureReasonType.options, {
    invalid_configuration: "Invalid configuration for the job or the accounting system.",
    missing_configuration: "Incomplete configuration for the job or the accounting system.",
    authentication_failure: "Pleo could not authenticate with the integration service.",
    accounting_system_authentication_failure:
      "The integration could not authenticate with the accounting system.",
    pleo_rate_limit: "Irrecoverable rate limit with Pleo's API.",
    accounting_system_rate_limit: "Irrecoverable rate limit with the accounting system.",
    service_unreachable: "The integration service was unreachable.",
    accounting_system_unreachable: "The integration could not reach the accounting system.",
    validation_failure: "An irrecoverable validation error made the job unprocessable.",
    authorization_failure: "Authorisation revoked, or no longer access in the accounting system.",
    integration_unusable: "The integration service is blocked or unusable for the customer.",
    job_expired: "The job was not updated within its expiry time (one hour after its last update).",
    service_timeout: "Irrecoverable timeout talking to the integration service.",
    accounting_system_timeout: "Irrecoverable timeout talking to the accounting system.",
    canceled_by_user: "Cancelled by a user.",
  }),
});

export const ExportJobItemStatus = builder.enumType("ExportJobItemStatus", {
  description: "The export state of one accounting entry within an export job.",
  values: {
    PENDING: { value: "pending", description: "Selected for export, waiting to be exported." },
    IN_PROGRESS: { value: "in_progress", description: "Being exported to the accounting system." },
    FAILED: { value: "failed", description: "Could not be exported." },
    SUCCESSFUL: { value: "successful", description: "Exported." },
    ABANDONED: {
      value: "abandoned",
      description: "Not exported because the export job could not be completed.",
    },
  } as const,
});

export const ExportJobItemFailureReasonType = builder.enumType("ExportJobItemFailureReasonType", {
  description: "Why the export of one item failed.",
  values: upperCaseValues(exportJobItemFailureReasonType.options, {
    vendor_unknown: "The vendor's account number is unknown to the accounting system.",
    account_unknown: "The account number is unknown to the accounting system.",
    tax_code_unknown: "The tax code is unknown to the accounting system.",
    tag_unknown: "A tag is unknown to the accounting system.",
  }),
});

export const ExportItemBookkeepingMethod = builder.enumType("ExportItemBookkeepingMethod", {
  values: {
    NONE: { value: "none" },
    JOURNAL: { value: "journal" },
    ACCOUNTS_PAYABLE: { value: "accounts_payable" },
  } as const,
});

// ------------------------------------------------------------------------------------------ ExportJob

export const ExportJob = builder.objectRef<ExportJobModel>("ExportJob");

// ------------------------------------------------------------------------------------- ExportJobItem

/** One accounting entry's export progress in a job. Carries its job's company for entry references. */
export const ExportJobItem = builder.objectRef<ExportJobItemModel>("ExportJobItem").implement({
  description: "The export progress of one accounting entry in one export job.",
  fields: (t) => ({
    accountingEntryId: t.field({ type: "UUID", resolve: (i) => i.accountingEntryId.toLowerCase() }),
    exportJobId: t.field({ type: "UUID", resolve: (i) => i.exportJobId.toLowerCase() }),
    status: t.field({ type: ExportJobItemStatus, resolve: (i) => i.status }),
    exportedAt: t.field({ type: "DateTime", nullable: true, resolve: (i) => i.exportedAt ?? null }),
    externalId: t.string({
      nullable: true,
      description: "The entry's id in the accounting system after export.",
      resolve: (i) => i.externalId ?? null,
    }),
    externalUrl: t.string({
      nullable: true,
      description: "Where the exported entry can be seen in the accounting system.",
      resolve: (i) => i.externalUrl ?? null,
    }),
    failureReason: t.string({ nullable: true, resolve: (i) => i.failureReason ?? null }),
    failureReasonType: t.field({
      type: ExportJobItemFailureReasonType,
      nullable: true,
      resolve: (i) => i.failureReasonType ?? null,
    }),
  }),
});

// ---------------------------------------------------------------------------------------- ExportItem

/** Pleo's `MoneyModel {currency, value}` (value in minor units) as the gateway's Money. */
function toMoney(money: PleoMoneyModel): MoneyModel {
  return { currency: money.currency, minors: money.value };
}

const ExportItemAmount = builder.objectRef<ExportAmount>("ExportItemAmount").implement({
  description: "An amount in the supplier's currency and in the currency of the company's wallet.",
  fields: (t) => ({
    inSupplierCurrency: t.field({ type: Money, resolve: (a) => toMoney(a.inSupplierCurrency) }),
    inWalletCurrency: t.field({ type: Money, resolve: (a) => toMoney(a.inWalletCurrency) }),
  }),
});

const ExportItemAccount = builder.objectRef<ExportAccount>("ExportItemAccount").implement({
  description:
    "An account as an export item names it: Pleo's id plus the accounting system's code/identifier.",
  fields: (t) => ({
    accountId: t.field({ type: "UUID", description: "Pleo's account id.", resolve: (a) => a.id }),
    name: t.exposeString("name"),
    code: t.string({
      nullable: true,
      description: "Account code or number.",
      resolve: (a) => a.code ?? null,
    }),
    identifier: t.string({
      nullable: true,
      description: "The account's identifier in the accounting system.",
      resolve: (a) => a.identifier ?? null,
    }),
  }),
});

type ExportTag = NonNullable<ExportItemLineModel["tags"]>[number];
const ExportItemTag = builder.objectRef<ExportTag>("ExportItemTag").implement({
  description: "A tag (cost centre) allocated to an export item line.",
  fields: (t) => ({
    tagId: t.field({ type: "UUID", description: "Pleo's tag id.", resolve: (g) => g.id }),
    code: t.exposeString("code"),
    groupCode: t.string({ description: "The code of the tag's group.", resolve: (g) => g.groupCode }),
  }),
});

type ExportTax = NonNullable<ExportItemLineModel["tax"]>;
const ExportItemTax = builder.objectRef<ExportTax>("ExportItemTax").implement({
  description: "The tax applied to an export item line.",
  fields: (t) => ({
    taxCodeId: t.field({ type: "UUID", description: "Pleo's tax code id.", resolve: (x) => x.id }),
    code: t.string({ nullable: true, resolve: (x) => x.code ?? null }),
    rate: t.float({ description: "A decimal fraction: 0.2 is 20 %.", resolve: (x) => x.rate }),
    type: t.field({ type: TaxCodeType, resolve: (x) => x.type }),
    amount: t.field({ type: ExportItemAmount, resolve: (x) => x.amount }),
    ingoingTaxAccount: t.string({ nullable: true, resolve: (x) => x.ingoingTaxAccount ?? null }),
    outgoingTaxAccount: t.string({ nullable: true, resolve: (x) => x.outgoingTaxAccount ?? null }),
  }),
});

const ExportItemLine = builder.objectRef<ExportItemLineModel>("ExportItemLine").implement({
  description: "One line of an export item (an entry split over accounts has several).",
  fields: (t) => ({
    accountingEntryLineId: t.field({ type: "UUID", resolve: (l) => l.accountingEntryLineId }),
    lineAmount: t.field({ type: ExportItemAmount, resolve: (l) => l.lineAmount }),
    netAmount: t.field({
      type: ExportItemAmount,
      description: "The amount with or without tax, depending on the tax type.",
      resolve: (l) => l.netAmount,
    }),
    account: t.field({ type: ExportItemAccount, nullable: true, resolve: (l) => l.account ?? null }),
    tax: t.field({ type: ExportItemTax, nullable: true, resolve: (l) => l.tax ?? null }),
    tags: t.field({ type: [ExportItemTag], resolve: (l) => l.tags ?? [] }),
  }),
});

type SupplierBankAccount = NonNullable<InvoiceInformation["supplierBankAccount"]>;
const ExportItemSupplierBankAccount = builder
  .objectRef<SupplierBankAccount>("ExportItemSupplierBankAccount")
  .implement({
    fields: (t) => ({
      bankName: t.exposeString("bankName"),
      country: t.string({ description: "ISO 3166 alpha-2 (or UNDEFINED).", resolve: (b) => b.country }),
      accountNumber: t.string({ nullable: true, resolve: (b) => b.accountNumber ?? null }),
      bankCode: t.string({ nullable: true, resolve: (b) => b.bankCode ?? null }),
      bic: t.string({ nullable: true, resolve: (b) => b.bic ?? null }),
      iban: t.string({ nullable: true, resolve: (b) => b.iban ?? null }),
    }),
  });

const ExportItemInvoiceInformation = builder
  .objectRef<InvoiceInformation>("ExportItemInvoiceInformation")
  .implement({
    description: "Invoice details, for export items of invoices.",
    fields: (t) => ({
      invoiceNumber: t.exposeString("invoiceNumber"),
      invoiceDate: t.string({ description: "As Pleo sends it (a date).", resolve: (i) => i.invoiceDate }),
      dueDate: t.string({ nullable: true, resolve: (i) => i.dueDate ?? null }),
      paymentDate: t.string({ nullable: true, resolve: (i) => i.paymentDate ?? null }),
      status: t.string({
        description:
          "Pleo's invoice status, e.g. pending_approval, ready, scheduled, payment_in_progress, paid, voided_by_user.",
        resolve: (i) => i.status,
      }),
      supplierBankAccount: t.field({
        type: ExportItemSupplierBankAccount,
        nullable: true,
        resolve: (i) => i.supplierBankAccount ?? null,
      }),
    }),
  });

const ExportItemAdditionalInfo = builder
  .objectRef<ExportItemAdditionalInformation>("ExportItemAdditionalInformation")
  .implement({
    fields: (t) => ({
      reconciliationId: t.string({
        description: "The id to reconcile Pleo and the accounting system by (Pleo's book id).",
        resolve: (a) => a.reconciliationId,
      }),
      attendees: t.stringList({
        description: "Who attended (e.g. the guests of a business dinner).",
        resolve: (a) => (a.attendees ?? []).filter((x): x is string => x !== null),
      }),
      reconciledEntries: t.stringList({
        description: "For a reimbursement: the reconciliation ids of the expenses it settles.",
        resolve: (a) => (a.reconciledEntries ?? []).filter((x): x is string => x !== null),
      }),
      invoiceInformation: t.field({
        type: ExportItemInvoiceInformation,
        nullable: true,
        resolve: (a) => a.invoiceInformation ?? null,
      }),
    }),
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

// ------------------------------------------------------------------------------- connections on a job

/**
 * A Relay connection over one of a job's Pleo lists. Its cursors name the job's company and the job
 * itself, so a cursor of one job's list is refused on another's (FOREIGN_CURSOR) and never sent.
 */
async function jobConnection<F, T>(
  ctx: GatewayContext,
  job: ExportJobModel,
  options: {
    readonly list: string;
    readonly scope: string;
    readonly loader: LoaderDefinition<CompanyPageKey<F>, Page<T>, string>;
    readonly filter: F;
    readonly args: ConnectionArgs;
  },
): Promise<Connection<T>> {
  const companyId = job.companyId.toLowerCase();
  const scope = { ownerId: companyId, resource: `exportJobs/${job.id.toLowerCase()}/${options.list}` };
  const plan = planPage(scope, options.args);
  const bound = await ctx.access.credentialFor(companyId, options.scope);
  const loader = ctx.loaders.get(options.loader) as DataLoader<CompanyPageKey<F>, Page<T>, string>;
  const page = await loader.load({ companyId, bound, filter: options.filter, page: plan.request });
  return toConnection(scope, plan, page);
}

builder.node(ExportJob, {
  description: "An export job of one company: a batch of accounting entries an integration exports.",
  id: {
    resolve: (j) => ownedLocalId(j.companyId, j.id),
    parse: (id) => parseOwnedLocalId("ExportJob", id),
  },
  // node(id:) takes the company from the id and needs that company's credential with export-jobs:read.
  loadOne: ({ companyId, id }, ctx) => loadOwned(ctx, companyId, Scope.exportJobsRead, exportJobById, id),
  fields: (t) => ({
    exportJobId: t.field({ type: "UUID", description: "Pleo's export job id.", resolve: (j) => j.id }),
    company: t.field({
      type: Company,
      nullable: true,
      resolve: (j, _args, ctx) => ctx.loaders.get(companyById).load(j.companyId),
    }),
    status: t.field({ type: ExportJobStatus, resolve: (j) => j.status }),
    isInteractive: t.boolean({
      description: "Whether a user started the export (true) or the system did.",
      resolve: (j) => j.isInteractive,
    }),
    numberOfItems: t.int({
      description: "How many accounting entries were selected for the job.",
      resolve: (j) => j.numberOfItems,
    }),
    expiresInSeconds: t.int({
      description:
        "Seconds until the job expires, counted from lastUpdatedAt (a job expires one hour after its last update).",
      resolve: (j) => j.expiresIn,
    }),
    vendorBasedBookkeeping: t.boolean({
      description: "Whether the export items include vendor and bookkeeping data.",
      resolve: (j) => j.vendorBasedBookkeeping,
    }),
    createdAt: t.field({ type: "DateTime", resolve: (j) => j.createdAt }),
    createdBy: t.field({
      type: "UUID",
      nullable: true,
      description: "The Pleo user who started the export.",
      resolve: (j) => j.createdBy ?? null,
    }),
    startedAt: t.field({ type: "DateTime", nullable: true, resolve: (j) => j.startedAt ?? null }),
    completedAt: t.field({ type: "DateTime", nullable: true, resolve: (j) => j.completedAt ?? null }),
    expiredAt: t.field({ type: "DateTime", nullable: true, resolve: (j) => j.expiredAt ?? null }),
    lastUpdatedAt: t.field({ type: "DateTime", nullable: true, resolve: (j) => j.lastUpdatedAt ?? null }),
    failureReason: t.string({ nullable: true, resolve: (j) => j.failureReason ?? null }),
    failureReasonType: t.field({
      type: ExportJobFailureReasonType,
      nullable: true,
      resolve: (j) => j.failureReasonType ?? null,
    }),
    items: t.connection({
      type: ExportJobItem,
      nullable: true,
      description: `The job's items: each accounting entry's export progress. Needs \`${Scope.exportJobsRead}\`.`,
      authScopes: requiresOwnerScope(Scope.exportJobsRead),
      args: { status: t.arg({ type: ExportJobItemStatus, required: false }) },
      resolve: (job, args, ctx) =>
        jobConnection(ctx, job, {
          list: "items",
          scope: Scope.exportJobsRead,
          loader: exportJobItemPages,
          filter: { jobId: job.id.toLowerCase(), ...(args.status ? { status: args.status } : {}) },
          args,
        }),
    }),
    exportItems: t.connection({
      type: ExportItem,
      nullable: true,
      description: `The job's accounting entries as export items. Needs \`${Scope.exportItemsRead}\`. Pleo serves them only while the job is PENDING or IN_PROGRESS; for a finished job this field is null with UPSTREAM_REJECTED (upstreamType EXPORT_JOB_STATUS_UNPROCESSABLE). File URLs in the items expire after 24 hours.`,
      authScopes: requiresOwnerScope(Scope.exportItemsRead),
      resolve: (job, args, ctx) =>
        jobConnection(ctx, job, {
          list: "exportItems",
          scope: Scope.exportItemsRead,
          loader: exportItemPages,
          filter: { jobId: job.id.toLowerCase() },
          args,
        }),
    }),
  }),
});

// ------------------------------------------------------------------------------------ Company fields

builder.objectFields(Company, (t) => ({
  exportJobs: t.connection({
    type: ExportJob,
    nullable: true,
    description: `The company's export jobs, optionally only those in the given states. Needs \`${Scope.exportJobsRead}\`.`,
    authScopes: requiresCompanyScope(Scope.exportJobsRead),
    args: { status: t.arg({ type: [ExportJobStatus], required: false }) },
    resolve: (company, args, ctx) => {
      const statuses: ExportJobStatusValue[] = [...new Set(args.status ?? [])].sort();
      return companyConnection(ctx, company, {
        resource: "exportJobs",
        scope: Scope.exportJobsRead,
        loader: exportJobPages,
        filter: statuses.length ? { statuses } : {},
        args,
      });
    },
  }),
  exportJob: t.field({
    type: ExportJob,
    nullable: true,
    description:
      "One export job of this company, by Pleo id or global ID (which must belong to this company).",
    authScopes: requiresCompanyScope(Scope.exportJobsRead),
    args: { id: t.arg.id({ required: true }) },
    resolve: (company, args, ctx) =>
      companyObject(ctx, company.id.toLowerCase(), {
        typename: "ExportJob",
        scope: Scope.exportJobsRead,
        loader: exportJobById,
        id: args.id,
      }),
  }),
}));
