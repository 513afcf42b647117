import { z } from "zod";
import { assertCompanyAccess, companyFromQuery, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound } from "../errors.ts";
import { assertUpdateSize, updateItems } from "../export-item-updates.ts";
import { applyEvent, createJob, EXPORT_JOB_EVENTS, expireStaleJobs } from "../export-lifecycle.ts";
import { data, ok, type RequestContext } from "../http-types.ts";
import {
  EXPORT_JOB_ITEM_STATUSES,
  EXPORT_JOB_STATUSES,
  type ExportJobItemModel,
  type ExportJobModel,
} from "../models/export-job.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { enumListParam, enumParam, uuidPathParam } from "../query.ts";
import { dateTimeSchema, uuidSchema } from "../request-schemas.ts";
import type { RouteDefinition } from "../router.ts";
import type { WebhookEventSink } from "../subscriptions/events.ts";

const JOB_FAILURE_REASON_TYPES = [
  "invalid_configuration",
  "missing_configuration",
  "authentication_failure",
  "accounting_system_authentication_failure",
  "pleo_rate_limit",
  "accounting_system_rate_limit",
  "service_unreachable",
  "accounting_system_unreachable",
  "validation_failure",
  "authorization_failure",
  "integration_unusable",
  "job_expired",
  "service_timeout",
  "accounting_system_timeout",
  "canceled_by_user",
] as const;

const ITEM_FAILURE_REASON_TYPES = [
  "receipt_upload_failure",
  "receipt_download_failure",
  "receipt_file_size_limit_exceeded",
  "receipt_conversion_failure",
  "unexpected_failure",
  "invalid_configuration",
  "missing_configuration",
  "accounting_system_authentication_failure",
  "accounting_system_rate_limit",
  "accounting_system_unreachable",
  "validation_failure",
  "accounting_system_validation_failure",
  "authorization_failure",
  "accounting_system_timeout",
  "vendor_unknown",
  "account_unknown",
  "tax_code_unknown",
  "tag_unknown",
] as const;

/** `CreateExportJob`. */
const createExportJob = z.strictObject({
  companyId: uuidSchema,
  accountingEntryIds: z.array(uuidSchema).min(1, "at least one accounting entry is required"),
  employeeId: uuidSchema.nullish(),
  isInteractive: z.boolean().nullish(),
  options: z.strictObject({ vendorBasedBookkeeping: z.boolean().nullish() }).nullish(),
});

/** `CreateExportJobEvent`. */
const exportJobEvent = z.strictObject({
  jobId: uuidSchema,
  event: z.enum(EXPORT_JOB_EVENTS),
  failureReason: z.string().max(2000).nullish(),
  failureReasonType: z.enum(JOB_FAILURE_REASON_TYPES).nullish(),
});

/** `UpdateExportJobItemV3`. The array length is checked first (413), then the items. */
const itemUpdate = z.strictObject({
  accountingEntryId: uuidSchema,
  status: z.enum(EXPORT_JOB_ITEM_STATUSES),
  exportedAt: dateTimeSchema.nullish(),
  externalId: z.string().max(255).nullish(),
  externalUrl: z.string().max(2000).nullish(),
  failureReason: z.string().max(2000).nullish(),
  failureReasonType: z.enum(ITEM_FAILURE_REASON_TYPES).nullish(),
});

const jobPages: PageSpec<ExportJobModel> = {
  keys: {
    createdAt: (j) => j.createdAt,
    lastUpdatedAt: (j) => j.lastUpdatedAt ?? null,
    status: (j) => j.status,
    id: (j) => j.id,
  },
  defaultSort: ["createdAt"],
  id: (j) => j.id,
};

const jobItemPages: PageSpec<ExportJobItemModel> = {
  keys: {
    accountingEntryId: (i) => i.accountingEntryId,
    status: (i) => i.status,
    exportedAt: (i) => i.exportedAt ?? null,
  },
  defaultSort: ["accountingEntryId"],
  id: (i) => i.accountingEntryId,
};

/**
 * A job addressed by id; a missing one is Pleo's `EXPORT_NOT_FOUND`. A running job whose hour has passed
 * is expired first, so every answer shows its current state.
 */
export function exportJob(ctx: RequestContext, jobId: string): ExportJobModel {
  const job = ownedObject(ctx, ctx.store.exportJobs, jobId, () =>
    notFound(`Export job ${jobId} not found.`, "EXPORT_NOT_FOUND"),
  );
  expireStaleJobs(ctx.store, job.companyId);
  return job;
}

const jobOwner: RouteDefinition["pathOwner"] = (store, params) =>
  store.exportJobs.companyOf(params.jobId?.toLowerCase() ?? "");

/**
 * Export API v3: jobs of a company, one job and its items; creating jobs (announced to the company's webhook
 * subscriptions), their events and item results.
 */
export const exportJobRoutes = (events: WebhookEventSink): RouteDefinition[] => [
  {
    method: "GET",
    path: "/v3/export-jobs",
    scope: "export-jobs:read",
    handle: (ctx) => {
      const companyId = companyFromQuery(ctx, { param: "company_id", required: false });
      const statuses = enumListParam(ctx.request.query, "statuses", EXPORT_JOB_STATUSES);
      const page = parsePageRequest(ctx.request.query, jobPages);
      expireStaleJobs(ctx.store, companyId);
      const jobs = ctx.store.exportJobs
        .forCompany(companyId)
        .filter((job) => statuses.length === 0 || statuses.includes(job.status));
      return ok(paginate(jobs, page, jobPages));
    },
  },
  {
    method: "GET",
    path: "/v3/export-jobs/{jobId}",
    scope: "export-jobs:read",
    pathOwner: jobOwner,
    handle: (ctx) => data(exportJob(ctx, uuidPathParam(ctx.params, "jobId"))),
  },
  {
    method: "GET",
    path: "/v3/export-jobs/{jobId}/items",
    scope: "export-jobs:read",
    pathOwner: jobOwner,
    handle: (ctx) => {
      const job = exportJob(ctx, uuidPathParam(ctx.params, "jobId"));
      const status = enumParam(ctx.request.query, "status", EXPORT_JOB_ITEM_STATUSES);
      const page = parsePageRequest(ctx.request.query, jobItemPages);
      const items = (ctx.store.exportJobItems.get(job.id) ?? []).filter(
        (item) => status === undefined || item.status === status,
      );
      return ok(paginate(items, page, jobItemPages));
    },
  },
  {
    method: "POST",
    path: "/v3/export-jobs",
    scope: "export-jobs:write",
    handle: (ctx) => {
      const body = parseBody(ctx, createExportJob, { required: true });
      assertCompanyAccess(ctx, body.companyId);
      const job = createJob(ctx.store, {
        companyId: body.companyId,
        accountingEntryIds: body.accountingEntryIds,
        employeeId: body.employeeId ?? null,
        isInteractive: body.isInteractive ?? true,
        vendorBasedBookkeeping: body.options?.vendorBasedBookkeeping ?? false,
      });
      events.emit("v1.export-job.created", job);
      return { status: 201, body: { data: job } };
    },
  },
  {
    method: "POST",
    path: "/v3/export-job-events",
    scope: "export-jobs:write",
    handle: (ctx) => {
      const body = parseBody(ctx, exportJobEvent, { required: true });
      applyEvent(ctx.store, exportJob(ctx, body.jobId), body);
      return { status: 202 };
    },
  },
  {
    method: "PUT",
    path: "/v3/export-jobs/{jobId}/items",
    scope: "export-jobs:write",
    pathOwner: jobOwner,
    handle: (ctx) => {
      const job = exportJob(ctx, uuidPathParam(ctx.params, "jobId"));
      assertUpdateSize(parseBody(ctx, z.array(z.unknown()), { required: true }).length);
      const updates = parseBody(ctx, z.array(itemUpdate), { required: true });
      return ok(updateItems(ctx.store, job, updates));
    },
  },
];
