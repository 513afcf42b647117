import { getExportJob, listExportJobItems, listExportJobs } from "../pleo/apis/export-jobs.ts";
import { fetchedByIdLoader } from "./by-id.ts";
import { pleoPageLoader } from "./kit.ts";
import { defineLoader } from "./registry.ts";

/** Pages of a company's export jobs (GET /v3/export-jobs?company_id=&statuses=). */
export const exportJobPages = defineLoader("exportJobPages", pleoPageLoader(listExportJobs));

/**
 * Export jobs by id. Pleo offers no multi-id filter for jobs, so this is one GET /v3/export-jobs/{id}
 * per distinct (company, credential, id) in the request — the same job asked for twice is fetched once —
 * and a job Pleo returns for another company is refused (UPSTREAM_ISOLATION_VIOLATION).
 */
export const exportJobById = defineLoader("exportJobById", fetchedByIdLoader("export job", getExportJob));

/**
 * Pages of one job's items (GET /v3/export-jobs/{jobId}/items?status=). The key's company must be the
 * job's, already checked when the job was loaded; each item comes back carrying that company.
 */
export const exportJobItemPages = defineLoader("exportJobItemPages", pleoPageLoader(listExportJobItems));
