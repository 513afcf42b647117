import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import { type ExportItem, type ExportItemSearch, exportItem } from "../models/export.ts";

const page = paginatedResponse(exportItem);

/**
 * GET /v3/export-items?job_id=: the export items of one job of `companyId`. Pleo serves them only while
 * the job is pending or in progress (422 `EXPORT_JOB_STATUS_UNPROCESSABLE` otherwise, which becomes an
 * UPSTREAM_REJECTED error); file URLs in the items expire 24 hours after this call.
 */
export async function listExportItems(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  filter: ExportItemSearch,
  paging: PageRequest,
): Promise<Page<ExportItem>> {
  const body = await client.call(credential, {
    method: "GET",
    path: "/v3/export-items",
    query: { job_id: filter.jobId, ...pageQuery(paging) },
    schema: page,
    companyId,
    operation: "export item list",
    cache: { resource: "export-jobs" },
  });
  const exportJobId = filter.jobId.toLowerCase();
  return {
    items: assertOwnedBy(companyId, body.data, "export item list").map((item) => ({ ...item, exportJobId })),
    pageInfo: body.pagination,
  };
}
