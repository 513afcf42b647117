import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { simulatorClock } from "../../src/simulator/clock.ts";
import { COMPANIES, CREDENTIALS, type SimCredential, seededCompany } from "../../src/simulator/index.ts";
import { declaredResponse, describeErrors, specsAvailable, validatorFor } from "../contract/openapi.ts";
import { type CallResult, call, collectAll, type Json, useSimulator } from "./helpers.ts";

/**
 * The export lifecycle (v3) as the simulator enforces it: one running job per company, the event state
 * machine, item updates only while a job runs and at most 100 at a time, and expiry one hour after a
 * job's last update (driven by the simulator clock instead of waiting).
 */
const sim = useSimulator();
const nl = seededCompany("lcb-nl");
const FILE = "pleo-export-api-v3-api-openapi.yml";
const MINUTE = 60_000;

beforeEach(() => {
  simulatorClock.reset();
  sim().reset();
});
afterEach(() => simulatorClock.reset());

const liveEntries = nl.accountingEntries.filter((e) => !e.deletedAt).map((e) => e.id);

function checked(res: CallResult, method: string, template: string): CallResult {
  if (specsAvailable) {
    const declared = declaredResponse(FILE, method, template, res.status);
    if (declared && res.body !== undefined) {
      const validate = validatorFor(FILE, declared.schema);
      expect(validate(res.body), describeErrors(validate)).toBe(true);
    }
  }
  return res;
}

const createJob = async (
  ids: readonly string[],
  as: SimCredential = CREDENTIALS.nl,
  companyId: string = COMPANIES.nl.id,
) =>
  checked(
    await call(sim(), as, "POST", "/v3/export-jobs", { body: { companyId, accountingEntryIds: ids } }),
    "POST",
    "/v3/export-jobs",
  );
const event = async (jobId: string, body: Json) =>
  checked(
    await call(sim(), CREDENTIALS.nl, "POST", "/v3/export-job-events", { body: { jobId, ...body } }),
    "POST",
    "/v3/export-job-events",
  );
const putItems = async (jobId: string, items: Json[]) =>
  checked(
    await call(sim(), CREDENTIALS.nl, "PUT", `/v3/export-jobs/${jobId}/items`, { body: items }),
    "PUT",
    "/v3/export-jobs/{jobId}/items",
  );
const getJob = async (jobId: string) =>
  (await call(sim(), CREDENTIALS.nl, "GET", `/v3/export-jobs/${jobId}`)).body.data;

/** Lets the seeded running jobs expire, so a new job may be created. */
function expireSeededJobs() {
  simulatorClock.advance(61 * MINUTE);
}

describe("creating export jobs", () => {
  it("refuses a second running job per company with 409 EXPORT_ALREADY_IN_PROGRESS", async () => {
    const res = await createJob(liveEntries.slice(0, 3));
    expect([res.status, res.body.type]).toEqual([409, "EXPORT_ALREADY_IN_PROGRESS"]);
  });

  it("expires running jobs one hour after their last update, then accepts a new job", async () => {
    const running = nl.exportJobs.filter((j) => j.status === "pending" || j.status === "in_progress");
    simulatorClock.advance(59 * MINUTE);
    expect((await getJob(running[0]?.id ?? "")).status).toBe(running[0]?.status);
    simulatorClock.advance(2 * MINUTE);
    for (const job of running) {
      const now = await getJob(job.id);
      expect(now).toMatchObject({ status: "failed", failureReasonType: "job_expired", expiresIn: 0 });
      expect(now.expiredAt).toMatch(/Z$/);
      const items = await collectAll<{ status: string }>(
        sim(),
        CREDENTIALS.nl,
        "GET",
        `/v3/export-jobs/${job.id}/items`,
      );
      expect(items.every((i) => i.status !== "pending" && i.status !== "in_progress")).toBe(true);
      const exportItems = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-items", {
        query: { job_id: job.id },
      });
      expect(exportItems.status).toBe(422);
    }
    const created = await createJob(liveEntries.slice(0, 3));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      companyId: COMPANIES.nl.id,
      status: "pending",
      numberOfItems: 3,
      isInteractive: true,
      vendorBasedBookkeeping: false,
      expiresIn: 3600,
    });
    const entry = await call(sim(), CREDENTIALS.nl, "GET", `/v1/accounting-entries/${liveEntries[0]}`);
    expect(entry.body.data.exportStatus).toBe("QUEUED");
  });

  it("refuses unknown or foreign entries (400), another company (403) and organisation keys (403)", async () => {
    expireSeededJobs();
    const deEntry = seededCompany("lcb-de").accountingEntries[0]?.id ?? "";
    const bad = await createJob([liveEntries[0] ?? "", deEntry]);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain(deEntry);
    expect((await createJob(liveEntries.slice(0, 1), CREDENTIALS.de)).status).toBe(403);
    expect((await createJob(liveEntries.slice(0, 1), CREDENTIALS.lcbOrg)).status).toBe(403);
    expect((await createJob([])).status).toBe(400);
  });
});

describe("the event state machine", () => {
  it("pending → started → completed; every other transition is 422 INVALID_EXPORT_JOB_STATUS_CHANGE", async () => {
    expireSeededJobs();
    const job = (await createJob(liveEntries.slice(0, 2))).body.data;
    for (const bad of ["completed", "completed_with_errors"]) {
      const res = await event(job.id, { event: bad });
      expect([res.status, res.body.type]).toEqual([422, "INVALID_EXPORT_JOB_STATUS_CHANGE"]);
    }
    const started = await event(job.id, { event: "started" });
    expect([started.status, started.body]).toEqual([202, undefined]);
    expect(await getJob(job.id)).toMatchObject({ status: "in_progress", startedAt: expect.any(String) });
    expect((await event(job.id, { event: "started" })).status).toBe(422);
    expect((await event(job.id, { event: "completed", failureReason: "nope" })).status).toBe(400);
    expect((await event(job.id, { event: "completed" })).status).toBe(202);
    const done = await getJob(job.id);
    expect(done).toMatchObject({ status: "completed", expiresIn: 0, completedAt: expect.any(String) });
    for (const again of ["started", "completed", "failed"]) {
      expect((await event(job.id, { event: again })).status).toBe(422);
    }
    const unknown = await event("00000000-0000-4000-8000-000000000099", { event: "started" });
    expect([unknown.status, unknown.body.type]).toEqual([404, "EXPORT_NOT_FOUND"]);
  });

  it("fails a pending job with a reason (cancel) and abandons its items", async () => {
    expireSeededJobs();
    const job = (await createJob(liveEntries.slice(0, 2))).body.data;
    const failed = await event(job.id, {
      event: "failed",
      failureReason: "Cancelled by the bookkeeper",
      failureReasonType: "canceled_by_user",
    });
    expect(failed.status).toBe(202);
    expect(await getJob(job.id)).toMatchObject({
      status: "failed",
      failureReason: "Cancelled by the bookkeeper",
      failureReasonType: "canceled_by_user",
    });
    const items = await collectAll<{ status: string }>(
      sim(),
      CREDENTIALS.nl,
      "GET",
      `/v3/export-jobs/${job.id}/items`,
    );
    expect(items.map((i) => i.status)).toEqual(["abandoned", "abandoned"]);
  });

  it("an expired job refuses events with 422, saying it expired", async () => {
    expireSeededJobs();
    const job = (await createJob(liveEntries.slice(0, 2))).body.data;
    expect((await event(job.id, { event: "started" })).status).toBe(202);
    simulatorClock.advance(45 * MINUTE);
    // An item update is an update: the hour starts again.
    expect(
      (await putItems(job.id, [{ accountingEntryId: liveEntries[0], status: "in_progress" }])).status,
    ).toBe(200);
    simulatorClock.advance(45 * MINUTE);
    expect((await getJob(job.id)).status).toBe("in_progress");
    simulatorClock.advance(16 * MINUTE);
    const late = await event(job.id, { event: "completed" });
    expect([late.status, late.body.type]).toEqual([422, "INVALID_EXPORT_JOB_STATUS_CHANGE"]);
    expect(late.body.message).toMatch(/expired/);
    expect(await getJob(job.id)).toMatchObject({ status: "failed", failureReasonType: "job_expired" });
  });
});

describe("item results", () => {
  it("takes at most 100 per request (413), lists per-item errors and marks entries exported", async () => {
    expireSeededJobs();
    const ids = liveEntries.slice(0, 120);
    const job = (await createJob(ids)).body.data;
    expect((await event(job.id, { event: "started" })).status).toBe(202);
    const results = ids.map((id, n) => ({
      accountingEntryId: id,
      status: n % 10 === 9 ? "failed" : "successful",
      ...(n % 10 === 9
        ? { failureReason: "Unknown ledger", failureReasonType: "account_unknown" }
        : {
            externalId: `MEM-${n}`,
            externalUrl: `https://erp.example/${n}`,
            exportedAt: "2026-11-24T10:00:00Z",
          }),
    }));
    const tooMany = await putItems(job.id, results.slice(0, 101));
    expect([tooMany.status, tooMany.body.type]).toEqual([413, "EXPORT_JOB_ITEMS_UPDATE_LIMIT"]);

    const first = await putItems(job.id, results.slice(0, 100));
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(100);
    expect(first.body.errors).toEqual([]);
    const stranger = "00000000-0000-4000-8000-0000000000aa";
    const second = await putItems(job.id, [
      ...results.slice(100),
      { accountingEntryId: stranger, status: "successful" },
    ]);
    expect(second.body.data).toHaveLength(20);
    expect(second.body.errors).toEqual([
      expect.objectContaining({ accountingEntryId: stranger, type: "ACCOUNTING_ENTRY_DOES_NOT_EXIST" }),
    ]);
    const entry = await call(sim(), CREDENTIALS.nl, "GET", `/v1/accounting-entries/${ids[0]}`);
    expect(entry.body.data.exportStatus).toBe("EXPORTED");
    const failedEntry = await call(sim(), CREDENTIALS.nl, "GET", `/v1/accounting-entries/${ids[9]}`);
    expect(failedEntry.body.data.exportStatus).toBe("NOT_EXPORTED");

    expect((await event(job.id, { event: "completed_with_errors" })).status).toBe(202);
    const finished = await putItems(job.id, results.slice(0, 1));
    expect([finished.status, finished.body.type]).toEqual([422, "EXPORT_JOB_STATUS_UNPROCESSABLE"]);
    const items = await collectAll<{ status: string; externalId?: string }>(
      sim(),
      CREDENTIALS.nl,
      "GET",
      `/v3/export-jobs/${job.id}/items`,
    );
    expect(items.filter((i) => i.status === "successful")).toHaveLength(108);
    expect(items.filter((i) => i.status === "failed")).toHaveLength(12);
  });

  it("accepts item results while the job is still pending", async () => {
    expireSeededJobs();
    const job = (await createJob(liveEntries.slice(0, 1))).body.data;
    const res = await putItems(job.id, [{ accountingEntryId: liveEntries[0], status: "in_progress" }]);
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ status: "in_progress", exportJobId: job.id });
  });
});
