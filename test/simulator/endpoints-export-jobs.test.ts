import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { call, collectAll, useSimulator } from "./helpers.ts";
import { must } from "./must.ts";

/** The simulator's read endpoints: export jobs (v3) and their items. */
const sim = useSimulator();
const nl = seededCompany("lcb-nl");
describe("Export jobs and items", () => {
  const jobIn = (status: string) =>
    must(
      nl.exportJobs.find((j) => j.status === status),
      `${status} job`,
    );

  it("lists a company's jobs in every state, oldest first", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-jobs", {
      query: { company_id: COMPANIES.nl.id },
    });
    expect(res.status).toBe(200);
    const statuses = new Set(res.body.data.map((j: { status: string }) => j.status));
    expect(statuses).toEqual(
      new Set(["pending", "in_progress", "completed", "completed_with_errors", "failed"]),
    );
    const created = res.body.data.map((j: { createdAt: string }) => j.createdAt);
    expect(created).toEqual([...created].sort());
  });

  it("filters jobs by repeated and comma-separated statuses", async () => {
    const repeated = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-jobs", {
      query: { statuses: ["pending", "in_progress"] },
    });
    expect(repeated.body.data.map((j: { status: string }) => j.status).sort()).toEqual([
      "in_progress",
      "pending",
    ]);
    const comma = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-jobs", {
      query: { statuses: "failed,completed" },
    });
    expect(comma.body.data.every((j: { status: string }) => ["failed", "completed"].includes(j.status))).toBe(
      true,
    );
    expect(
      (await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-jobs", { query: { statuses: "done" } })).status,
    ).toBe(400);
  });

  it("gets one job, and EXPORT_NOT_FOUND for an unknown one", async () => {
    const job = jobIn("failed");
    expect((await call(sim(), CREDENTIALS.nl, "GET", `/v3/export-jobs/${job.id}`)).body).toEqual({
      data: job,
    });
    expect(job.failureReasonType).toBe("job_expired");
    const missing = await call(
      sim(),
      CREDENTIALS.nl,
      "GET",
      "/v3/export-jobs/00000000-0000-4000-8000-000000000042",
    );
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe("EXPORT_NOT_FOUND");
  });

  it("lists a job's items, filtered by status", async () => {
    const job = jobIn("completed_with_errors");
    const all = await collectAll<{ status: string; exportJobId: string }>(
      sim(),
      CREDENTIALS.nl,
      "GET",
      `/v3/export-jobs/${job.id}/items`,
    );
    expect(all).toHaveLength(job.numberOfItems);
    expect(all.every((item) => item.exportJobId === job.id)).toBe(true);
    const failed = await call(sim(), CREDENTIALS.nl, "GET", `/v3/export-jobs/${job.id}/items`, {
      query: { status: "failed", limit: 100 },
    });
    expect(failed.body.data.length).toBeGreaterThan(0);
    expect(
      failed.body.data.every((i: { status: string; failureReasonType: string }) => i.status === "failed"),
    ).toBe(true);
    expect(failed.body.data[0].failureReasonType).toBe("account_unknown");
  });

  it("serves export items of pending and in-progress jobs, built from the company's own entries", async () => {
    for (const status of ["pending", "in_progress"]) {
      const job = jobIn(status);
      const items = await collectAll<{ accountingEntryId: string; companyId: string }>(
        sim(),
        CREDENTIALS.nl,
        "GET",
        "/v3/export-items",
        { query: { job_id: job.id } },
      );
      expect(items).toHaveLength(job.numberOfItems);
      const entryIds = new Set(nl.accountingEntries.map((e) => e.id));
      expect(
        items.every((item) => item.companyId === COMPANIES.nl.id && entryIds.has(item.accountingEntryId)),
      ).toBe(true);
      expect([...items].sort((a, b) => (a.accountingEntryId < b.accountingEntryId ? -1 : 1))).toEqual(
        [...(nl.exportItemsByJob[job.id] ?? [])].sort((a, b) =>
          a.accountingEntryId < b.accountingEntryId ? -1 : 1,
        ),
      );
    }
  });

  it("refuses export items of finished jobs with 422 EXPORT_JOB_STATUS_UNPROCESSABLE", async () => {
    for (const status of ["completed", "completed_with_errors", "failed"]) {
      const res = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-items", {
        query: { job_id: jobIn(status).id },
      });
      expect(res.status).toBe(422);
      expect(res.body.type).toBe("EXPORT_JOB_STATUS_UNPROCESSABLE");
    }
  });

  it("needs job_id and answers an unknown job with EXPORT_NOT_FOUND", async () => {
    expect((await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-items")).status).toBe(400);
    const missing = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-items", {
      query: { job_id: "00000000-0000-4000-8000-000000000042" },
    });
    expect(missing.body.type).toBe("EXPORT_NOT_FOUND");
  });
});
