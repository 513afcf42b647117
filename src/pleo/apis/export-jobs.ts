import { z } from "zod";
import { ErrorCode, GatewayError } from "../../errors.ts";
import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { dataResponse, type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import {
  type ExportJob,
  type ExportJobCreate,
  type ExportJobEventRequest,
  type ExportJobItem,
  type ExportJobItemResult,
  type ExportJobItemSearch,
  type ExportJobItemUpdateError,
  type ExportJobSearch,
  exportJob,
  exportJobItem,
  exportJobItemUpdate,
} from "../models/export.ts";

const jobPage = paginatedResponse(exportJob);
const oneJob = dataResponse(exportJob);
const itemPage = paginatedResponse(exportJobItem);
const accepted = z.unknown();

/** Pleo's limit on item results per `PUT /v3/export-jobs/{jobId}/items`. */
export const EXPORT_ITEM_BATCH_SIZE = 100;

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
    cache: { resource: "export-jobs" },
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
    cache: { resource: "export-jobs" },
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
    cache: { resource: "export-jobs" },
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

/** POST /v3/export-jobs: 409 EXPORT_ALREADY_IN_PROGRESS while another job of the company runs. */
export async function createExportJob(
  client: PleoClient,
  credential: PleoCredential,
  request: ExportJobCreate,
): Promise<ExportJob> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v3/export-jobs",
    body: request,
    schema: oneJob,
    companyId: request.companyId,
    operation: "export job create",
    invalidates: ["export-jobs"],
  });
  const [job] = assertOwnedBy(request.companyId, [body.data], "export job create");
  return job as ExportJob;
}

/**
 * POST /v3/export-job-events (202, no body). Pleo names the job by id only: callers pass a job id already
 * checked to belong to `companyId`. An illegal transition is 422 INVALID_EXPORT_JOB_STATUS_CHANGE.
 */
export async function sendExportJobEvent(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  request: ExportJobEventRequest,
): Promise<void> {
  await client.call(credential, {
    method: "POST",
    path: "/v3/export-job-events",
    body: request,
    schema: accepted,
    companyId,
    operation: `export job event '${request.event}'`,
    invalidates: ["export-jobs"],
  });
}

/**
 * PUT /v3/export-jobs/{jobId}/items with at most 100 results (Pleo: 413 beyond, 422 on a finished job).
 * Every returned item must name the job; each comes back with the job's company attached.
 */
export async function updateExportJobItems(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  jobId: string,
  results: readonly ExportJobItemResult[],
): Promise<{ items: ExportJobItem[]; errors: ExportJobItemUpdateError[] }> {
  if (results.length > EXPORT_ITEM_BATCH_SIZE) {
    throw new Error(`At most ${EXPORT_ITEM_BATCH_SIZE} item results per request (got ${results.length}).`);
  }
  const body = await client.call(credential, {
    method: "PUT",
    path: `/v3/export-jobs/${encodeURIComponent(jobId)}/items`,
    body: results,
    schema: exportJobItemUpdate,
    companyId,
    operation: "export job item update",
    invalidates: ["export-jobs", "accounting-entries"],
  });
  const expected = jobId.toLowerCase();
  const items = body.data.map((item) => {
    if (item.exportJobId.toLowerCase() !== expected) {
      throw new GatewayError(
        ErrorCode.UPSTREAM_ISOLATION_VIOLATION,
        "Pleo export job item update returned an item of another job; the response was discarded.",
        { companyId },
      );
    }
    return { ...item, companyId: companyId.toLowerCase() };
  });
  return { items, errors: body.errors };
}
