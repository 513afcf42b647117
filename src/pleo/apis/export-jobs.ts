import { ErrorCode, GatewayError } from "../../errors.ts";
import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { dataResponse, type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import {
  type ExportJob,
  type ExportJobItem,
  type ExportJobItemSearch,
  type ExportJobSearch,
  exportJob,
  exportJobItem,
} from "../models/export.ts";

const jobPage = paginatedResponse(exportJob);
const oneJob = dataResponse(exportJob);
const itemPage = paginatedResponse(exportJobItem);

/** GET /v3/export-jobs?company_id=&statuses=… (repeated): a company's export jobs. */
export async function listExportJobs(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  filter: ExportJobSearch,
  paging: PageRequest,
): Promise<Page<ExportJob>> {
  const body = await client.call(credential, {
    method: "GET",
    path: "/v3/export-jobs",
    query: {
      company_id: companyId,
      ...(filter.statuses?.length ? { statuses: filter.statuses } : {}),
      ...pageQuery(paging),
    },
    schema: jobPage,
    companyId,
    operation: "export job list",
  });
  return { items: assertOwnedBy(companyId, body.data, "export job list"), pageInfo: body.pagination };
}

/**
 * GET /v3/export-jobs/{jobId}. Pleo addresses the job by id alone, so the answer is only served if the
 * job belongs to `companyId`, the company whose credential asked.
 */
export async function getExportJob(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  jobId: string,
): Promise<ExportJob> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v3/export-jobs/${encodeURIComponent(jobId)}`,
    schema: oneJob,
    companyId,
    operation: "export job lookup",
  });
  const [job] = assertOwnedBy(companyId, [body.data], "export job lookup");
  if (!job || job.id.toLowerCase() !== jobId.toLowerCase()) {
    throw new GatewayError(
      ErrorCode.UPSTREAM_ISOLATION_VIOLATION,
      "Pleo export job lookup returned another job than the one requested; the response was discarded.",
      { companyId },
    );
  }
  return job;
}

/**
 * GET /v3/export-jobs/{jobId}/items?status=. Pleo's items name their job but no company: callers pass a
 * job already checked to belong to `companyId` (loaded by id or listed for that company), every item must
 * name that job, and each is returned with the job's company attached.
 */
export async function listExportJobItems(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  filter: ExportJobItemSearch,
  paging: PageRequest,
): Promise<Page<ExportJobItem>> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v3/export-jobs/${encodeURIComponent(filter.jobId)}/items`,
    query: { ...(filter.status ? { status: filter.status } : {}), ...pageQuery(paging) },
    schema: itemPage,
    companyId,
    operation: "export job item list",
  });
  const jobId = filter.jobId.toLowerCase();
  const items = body.data.map((item) => {
    if (item.exportJobId.toLowerCase() !== jobId) {
      throw new GatewayError(
        ErrorCode.UPSTREAM_ISOLATION_VIOLATION,
        "Pleo export job item list returned an item of another job; the response was discarded.",
        { companyId },
      );
    }
    return { ...item, companyId: companyId.toLowerCase() };
  });
  return { items, pageInfo: body.pagination };
}
