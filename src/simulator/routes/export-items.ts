import { buildExportItem } from "../export-items.ts";
import { assertItemsAvailable } from "../export-lifecycle.ts";
import { ok } from "../http-types.ts";
import type { ExportItemModel } from "../models/export-item.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { isUuid, requiredUuidParam } from "../query.ts";
import type { RouteDefinition } from "../router.ts";
import { exportJob } from "./export-jobs.ts";

const exportItemPages: PageSpec<ExportItemModel> = {
  keys: { date: (i) => i.date, accountingEntryId: (i) => i.accountingEntryId },
  defaultSort: ["date"],
  id: (i) => i.accountingEntryId,
};

/**
 * Export items API v3: the denormalised entries of a job, available only while the job is pending or in
 * progress (422 `EXPORT_JOB_STATUS_UNPROCESSABLE` afterwards).
 */
export const exportItemRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/v3/export-items",
    scope: "export-items:read",
    pathOwner: (store, _params, query) => {
      const jobId = query.get("job_id")?.[0];
      return jobId !== undefined && isUuid(jobId)
        ? store.exportJobs.companyOf(jobId.toLowerCase())
        : undefined;
    },
    handle: (ctx) => {
      const job = exportJob(ctx, requiredUuidParam(ctx.request.query, "job_id"));
      assertItemsAvailable(ctx.store, job);
      const page = parsePageRequest(ctx.request.query, exportItemPages);
      const { store } = ctx;
      const items = (store.exportJobItems.get(job.id) ?? []).flatMap((item) => {
        const entry = store.accountingEntries.get(item.accountingEntryId);
        return entry ? [buildExportItem(store, entry)] : [];
      });
      return ok(paginate(items, page, exportItemPages));
    },
  },
];
