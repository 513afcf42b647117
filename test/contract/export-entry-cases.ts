import { CREDENTIALS } from "../../src/simulator/index.ts";
import { type ContractCase, FILES, MISSING, perCompany } from "./contract-cases.ts";

/** Contract cases of the export (v3) and accounting-entry reads, and of the error bodies they declare. */
export const EXPORT_AND_ENTRY_CASES: ContractCase[] = [
  {
    name: "export jobs list",
    file: FILES.exportJobs,
    method: "GET",
    template: "/v3/export-jobs",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        { credential, path: "/v3/export-jobs", options: { query: { company_id: seed.identity.id } } },
        {
          credential,
          path: "/v3/export-jobs",
          options: { query: { company_id: seed.identity.id, statuses: ["pending", "failed"] } },
        },
      ]),
  },
  {
    name: "export job by id",
    file: FILES.exportJobs,
    method: "GET",
    template: "/v3/export-jobs/{jobId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.exportJobs.map((j) => ({ credential, path: `/v3/export-jobs/${j.id}` })),
      ),
  },
  {
    name: "export job items",
    file: FILES.exportJobs,
    method: "GET",
    template: "/v3/export-jobs/{jobId}/items",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.exportJobs.map((j) => ({
          credential,
          path: `/v3/export-jobs/${j.id}/items`,
          options: { query: { limit: 100 } },
        })),
      ),
  },
  {
    name: "export items of open jobs",
    file: FILES.exportItems,
    method: "GET",
    template: "/v3/export-items",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.exportJobs
          .filter((j) => j.status === "pending" || j.status === "in_progress")
          .map((j) => ({
            credential,
            path: "/v3/export-items",
            options: { query: { job_id: j.id, limit: 100 } },
          })),
      ),
  },
  {
    name: "accounting entries search (every page of every company)",
    file: FILES.entries,
    method: "POST",
    template: "/v1/accounting-entries:search",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v1/accounting-entries:search",
          options: { query: { company_id: seed.identity.id, limit: 100 }, body: { includeDeleted: true } },
        },
      ]),
  },
  {
    name: "accounting entry by id",
    file: FILES.entries,
    method: "GET",
    template: "/v1/accounting-entries/{accountingEntryId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.accountingEntries.map((e) => ({
          credential,
          path: `/v1/accounting-entries/${e.id}`,
          options: { query: { include_deleted: true } },
        })),
      ),
  },
  // Error bodies where the spec declares ExceptionInfo.
  {
    name: "unknown export job → 404 EXPORT_NOT_FOUND",
    file: FILES.exportJobs,
    method: "GET",
    template: "/v3/export-jobs/{jobId}",
    status: 404,
    requests: () => [{ credential: CREDENTIALS.nl, path: `/v3/export-jobs/${MISSING}` }],
  },
  {
    name: "items of an unknown export job → 404",
    file: FILES.exportJobs,
    method: "GET",
    template: "/v3/export-jobs/{jobId}/items",
    status: 404,
    requests: () => [{ credential: CREDENTIALS.nl, path: `/v3/export-jobs/${MISSING}/items` }],
  },
  {
    name: "export items of a finished job → 422 EXPORT_JOB_STATUS_UNPROCESSABLE",
    file: FILES.exportItems,
    method: "GET",
    template: "/v3/export-items",
    status: 422,
    requests: () =>
      perCompany((seed, credential) =>
        seed.exportJobs
          .filter((j) => j.status !== "pending" && j.status !== "in_progress")
          .map((j) => ({ credential, path: "/v3/export-items", options: { query: { job_id: j.id } } })),
      ),
  },
];
