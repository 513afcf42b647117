import DataLoader from "dataloader";
import { getExportJob, listExportJobItems, listExportJobs } from "../pleo/apis/export-jobs.ts";
import type {
  ExportJob,
  ExportJobItem,
  ExportJobItemSearch,
  ExportJobSearch,
} from "../pleo/models/export.ts";
import { type CompanyObjectKey, companyPageLoader } from "./kit.ts";
import { defineLoader } from "./registry.ts";

/** Pages of a company's export jobs (GET /v3/export-jobs?company_id=&statuses=). */
export const exportJobPages = defineLoader(
  "exportJobPages",
  companyPageLoader<ExportJobSearch, ExportJob>((deps, key) =>
    listExportJobs(deps.pleo, key.bound.credential, key.companyId, key.filter, key.page),
  ),
);

/**
 * Export jobs by id. Pleo offers no multi-id filter for jobs, so this is one GET /v3/export-jobs/{id}
 * per distinct (company, credential, id) in the request — the same job asked for twice is fetched once —
 * and a job Pleo returns for another company is refused (UPSTREAM_ISOLATION_VIOLATION).
 */
export const exportJobById = defineLoader(
  "exportJobById",
  (deps) =>
    new DataLoader<CompanyObjectKey, ExportJob, string>(
      async (keys) =>
        Promise.all(
          keys.map((key) =>
            getExportJob(deps.pleo, key.bound.credential, key.companyId, key.id).catch((error: unknown) =>
              error instanceof Error ? error : new Error(String(error)),
            ),
          ),
        ),
      {
        cacheKeyFn: (key) =>
          `${key.companyId.toLowerCase()}|${key.bound.credential.id}|${key.id.toLowerCase()}`,
      },
    ),
);

/**
 * Pages of one job's items (GET /v3/export-jobs/{jobId}/items?status=). The key's company must be the
 * job's, already checked when the job was loaded; each item comes back carrying that company.
 */
export const exportJobItemPages = defineLoader(
  "exportJobItemPages",
  companyPageLoader<ExportJobItemSearch, ExportJobItem>((deps, key) =>
    listExportJobItems(deps.pleo, key.bound.credential, key.companyId, key.filter, key.page),
  ),
);
