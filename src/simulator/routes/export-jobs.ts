import { companyFromQuery, ownedObject } from "../access.ts";
import { notFound } from "../errors.ts";
import { data, ok, type RequestContext } from "../http-types.ts";
import {
  EXPORT_JOB_ITEM_STATUSES,
  EXPORT_JOB_STATUSES,
  type ExportJobItemModel,
  type ExportJobModel,
} from "../models.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { enumListParam, enumParam, uuidPathParam } from "../query.ts";
import type { RouteDefinition } from "../router.ts";

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

/** A job addressed by id; a missing one is Pleo's `EXPORT_NOT_FOUND`. */
export function exportJob(ctx: RequestContext, jobId: string): ExportJobModel {
  return ownedObject(ctx, ctx.store.exportJobs, jobId, () =>
    notFound(`Export job ${jobId} not found.`, "EXPORT_NOT_FOUND"),
  );
}

const jobOwner: RouteDefinition["pathOwner"] = (store, params) =>
  store.exportJobs.companyOf(params.jobId?.toLowerCase() ?? "");

/** Export API v3 (reads): jobs of a company, one job, and its items. */
export const exportJobRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/v3/export-jobs",
    scope: "export-jobs:read",
    handle: (ctx) => {
      const companyId = companyFromQuery(ctx, { param: "company_id", required: false });
      const statuses = enumListParam(ctx.request.query, "statuses", EXPORT_JOB_STATUSES);
      const page = parsePageRequest(ctx.request.query, jobPages);
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
];
