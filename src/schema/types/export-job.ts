import { companyById } from "../../loaders/companies.ts";
import { exportItemPages } from "../../loaders/export-items.ts";
import { exportJobById, exportJobItemPages, exportJobPages } from "../../loaders/export-jobs.ts";
import {
  type ExportJobItem as ExportJobItemModel,
  type ExportJob as ExportJobModel,
  type ExportJobStatus as ExportJobStatusValue,
  exportJobFailureReasonType,
  exportJobItemFailureReasonType,
} from "../../pleo/models/export.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import {
  companyConnection,
  companyGated,
  companyObjectById,
  loadOwned,
  ownerGated,
} from "../company-fields.ts";
import { ownedLocalId, parseOwnedLocalId } from "../global-id.ts";
import { Company } from "./company.ts";
import { ExportItem } from "./export-item.ts";

/*
 * Pleo's export API v3 as the gateway serves it: export jobs, and the progress of each accounting entry
 * in a job (ExportJobItem). The entries as exported are `ExportItem` (export-item.ts).
 *
 * Accounting-entry references: `ExportJobItem.entry` and `ExportItem.entry` are added by
 * `accounting-entry.ts`. Both backing models carry `companyId` (an export job item gets its job's,
 * checked when the job was loaded), so the entry is loaded with that company's credential only.
 */

/** Pleo's snake_case values as GraphQL's UPPER_CASE names, with the Pleo value kept as the internal value. */
function upperCaseValues<const T extends string>(
  values: readonly T[],
  descriptions: Partial<Record<T, string>> = {},
): Record<Uppercase<T>, { value: T; description?: string }> {
  return Object.fromEntries(
    values.map((value) => [value.toUpperCase(), { value, description: descriptions[value] }]),
  ) as Record<Uppercase<T>, { value: T; description?: string }>;
}

const ExportJobStatus = builder.enumType("ExportJobStatus", {
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

export const ExportJob = builder.objectRef<ExportJobModel>("ExportJob");

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

/**
 * The list name cursors of a job's lists carry: they name the job, so a cursor of one job's list is
 * refused on another's (FOREIGN_CURSOR) and never sent.
 */
function jobList(job: ExportJobModel, list: string): string {
  return `exportJobs/${job.id.toLowerCase()}/${list}`;
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
      ...ownerGated(
        Scope.exportJobsRead,
        { status: t.arg({ type: ExportJobItemStatus, required: false }) },
        (job: ExportJobModel, args, ctx, bound) =>
          companyConnection(ctx, bound, {
            companyId: job.companyId,
            resource: jobList(job, "items"),
            loader: exportJobItemPages,
            filter: { jobId: job.id.toLowerCase(), ...(args.status ? { status: args.status } : {}) },
            args,
          }),
      ),
    }),
    exportItems: t.connection({
      type: ExportItem,
      nullable: true,
      description: `The job's accounting entries as export items. Needs \`${Scope.exportItemsRead}\`. Pleo serves them only while the job is PENDING or IN_PROGRESS; for a finished job this field is null with UPSTREAM_REJECTED (upstreamType EXPORT_JOB_STATUS_UNPROCESSABLE). File URLs in the items expire after 24 hours.`,
      ...ownerGated(Scope.exportItemsRead, {}, (job: ExportJobModel, args, ctx, bound) =>
        companyConnection(ctx, bound, {
          companyId: job.companyId,
          resource: jobList(job, "exportItems"),
          loader: exportItemPages,
          filter: { jobId: job.id.toLowerCase() },
          args,
        }),
      ),
    }),
  }),
});

builder.objectFields(Company, (t) => ({
  exportJobs: t.connection({
    type: ExportJob,
    nullable: true,
    description: `The company's export jobs, optionally only those in the given states. Needs \`${Scope.exportJobsRead}\`.`,
    ...companyGated(
      Scope.exportJobsRead,
      { status: t.arg({ type: [ExportJobStatus], required: false }) },
      (company, args, ctx, bound) => {
        const statuses: ExportJobStatusValue[] = [...new Set(args.status ?? [])].sort();
        return companyConnection(ctx, bound, {
          companyId: company.id,
          resource: "exportJobs",
          loader: exportJobPages,
          filter: statuses.length ? { statuses } : {},
          args,
        });
      },
    ),
  }),
  exportJob: t.field({
    type: ExportJob,
    nullable: true,
    description:
      "One export job of this company, by Pleo id or global ID (which must belong to this company).",
    ...companyObjectById(t, ExportJob, Scope.exportJobsRead, exportJobById),
  }),
}));
