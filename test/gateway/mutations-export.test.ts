import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simulatorClock } from "../../src/simulator/clock.ts";
import { seededCompany } from "../../src/simulator/index.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { type Harness, startHarness } from "../support/harness.ts";

/**
 * The export lifecycle through the gateway: create → start → items → report results in batches →
 * complete, every illegal transition as a typed error, and job expiry (the simulator's clock is moved
 * instead of waiting an hour).
 */

const nlKey = { "x-pleo-api-key": CREDENTIALS.nl.secret };
const NL = COMPANIES.nl.id;
const nl = seededCompany("lcb-nl");
const MINUTE = 60_000;

// biome-ignore lint/suspicious/noExplicitAny: results are inspected field by field.
type Json = any;

const liveEntries = nl.accountingEntries.filter((e) => !e.deletedAt).map((e) => e.id);
const entryGlobalId = (id: string) => encodeGlobalID("AccountingEntry", `${NL}:${id}`);

const ERRORS = /* GraphQL */ `
  __typename
  ... on MutationError { code message companyId }
  ... on ValidationFailed { issues { path message code } }
  ... on InvalidExportJobTransition { exportJobId attempted job { status failureReasonType } }
`;

const JOB = "job { id exportJobId status numberOfItems failureReason failureReasonType }";

describe("export lifecycle mutations", () => {
  let h: Harness;

  async function mutate(field: string, inputType: string, selection: string, input: Json): Promise<Json> {
    const isExportJobField = ["startExportJob", "completeExportJob", "failExportJob", "reportExportJobItems"];
    const errors = isExportJobField.includes(field)
      ? ERRORS
      : ERRORS.replace(/\.\.\. on InvalidExportJobTransition[^\n]*\n/, "");
    const response = await h.gql<Record<string, Json>>(
      `mutation($input: ${inputType}!) { ${field}(input: $input) { ${errors} ${selection} } }`,
      { headers: nlKey, variables: { input } },
    );
    expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
    return response.body.data?.[field];
  }

  const exportWrites = async () =>
    (await h.simRequests()).filter((r) => r.method !== "GET" && r.path.startsWith("/v3/export"));

  const create = (ids: readonly string[], selection = `... on ExportJobPayload { ${JOB} }`) =>
    mutate("createExportJob", "CreateExportJobInput", selection, { companyId: NL, accountingEntryIds: ids });
  const start = (jobId: string, selection = `... on ExportJobEventPayload { event ${JOB} }`) =>
    mutate("startExportJob", "StartExportJobInput", selection, { jobId });
  const complete = (jobId: string, withErrors = false) =>
    mutate("completeExportJob", "CompleteExportJobInput", `... on ExportJobEventPayload { event ${JOB} }`, {
      jobId,
      withErrors,
    });

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    simulatorClock.reset();
    await h.resetSim();
  });
  afterEach(() => simulatorClock.reset());

  it("runs a job end to end: create, start, read items, report 150 results in 2 batches, complete", async () => {
    const seededRunning = await create(
      liveEntries.slice(0, 3).map(entryGlobalId),
      `
      ... on ExportAlreadyInProgress { runningJobs { exportJobId status } }
    `,
    );
    expect(seededRunning.__typename).toBe("ExportAlreadyInProgress");
    expect(seededRunning.code).toBe("EXPORT_ALREADY_IN_PROGRESS");
    expect(seededRunning.runningJobs.map((j: Json) => j.status).sort()).toEqual(["IN_PROGRESS", "PENDING"]);

    // The seeded running jobs expire one hour after their last update.
    simulatorClock.advance(61 * MINUTE);
    const ids = liveEntries.slice(0, 150);
    const created = await create([...ids.slice(0, 75).map(entryGlobalId), ...ids.slice(75)]);
    expect(created.__typename).toBe("ExportJobPayload");
    expect(created.job).toMatchObject({ status: "PENDING", numberOfItems: 150 });
    const jobId = created.job.id;

    const second = await create(
      liveEntries.slice(200, 201),
      `
      ... on ExportAlreadyInProgress { runningJobs { id } }
    `,
    );
    expect(second.runningJobs).toEqual([{ id: jobId }]);

    const started = await start(
      jobId,
      `... on ExportJobEventPayload {
      event exportJobId job { status startedAt exportItems(first: 5) { totalCount edges { node { accountingEntryId } } } }
    }`,
    );
    expect(started).toMatchObject({
      event: "STARTED",
      job: { status: "IN_PROGRESS", exportItems: { totalCount: 150 } },
    });

    const stranger = liveEntries[200] as string;
    const results = [
      ...ids.map((id, n) =>
        n % 15 === 14
          ? {
              accountingEntryId: id,
              status: "FAILED",
              failureReason: "Unknown ledger",
              failureReasonType: "ACCOUNT_UNKNOWN",
            }
          : {
              accountingEntryId: n % 2 ? id : entryGlobalId(id),
              status: "SUCCESSFUL",
              externalId: `MEM-${n}`,
              externalUrl: `https://erp.example/bookings/${n}`,
              exportedAt: "2026-11-24T10:00:00Z",
            },
      ),
      { accountingEntryId: stranger, status: "SUCCESSFUL" },
    ];
    const reported = await mutate(
      "reportExportJobItems",
      "ReportExportJobItemsInput",
      `... on ReportExportJobItemsPayload {
        appliedCount batches requestsSent complete
        itemErrors { accountingEntryId type }
        notSentAccountingEntryIds outcomeUnknownAccountingEntryIds
        job { status }
      }`,
      { jobId, items: results },
    );
    expect(reported).toMatchObject({
      __typename: "ReportExportJobItemsPayload",
      appliedCount: 150,
      batches: 2,
      requestsSent: 2,
      complete: true,
      itemErrors: [{ accountingEntryId: stranger, type: "ACCOUNTING_ENTRY_DOES_NOT_EXIST" }],
      notSentAccountingEntryIds: [],
      outcomeUnknownAccountingEntryIds: [],
      job: { status: "IN_PROGRESS" },
    });

    const completed = await complete(jobId, true);
    expect(completed).toMatchObject({
      event: "COMPLETED_WITH_ERRORS",
      job: { status: "COMPLETED_WITH_ERRORS" },
    });

    // Reads see the outcome: items and the entries' export status.
    const read = await h.gql<Json>(
      `query($id: ID!, $entry: ID!) {
        node(id: $id) { ... on ExportJob { status items(first: 100, status: FAILED) { totalCount } } }
        company(id: "${NL}") { accountingEntry(id: $entry) { exportStatus } }
      }`,
      { headers: nlKey, variables: { id: jobId, entry: ids[0] } },
    );
    expect(read.body.data).toEqual({
      node: { status: "COMPLETED_WITH_ERRORS", items: { totalCount: 10 } },
      company: { accountingEntry: { exportStatus: "EXPORTED" } },
    });

    // Each write went to Pleo exactly once (two creates: one refused with 409, one created).
    const writes = await exportWrites();
    expect(writes.map((w) => `${w.method} ${w.path.replace(/[0-9a-f-]{36}/, "{id}")} ${w.status}`)).toEqual([
      "POST /v3/export-jobs 409",
      "POST /v3/export-jobs 201",
      "POST /v3/export-jobs 409",
      "POST /v3/export-job-events 202",
      "PUT /v3/export-jobs/{id}/items 200",
      "PUT /v3/export-jobs/{id}/items 200",
      "POST /v3/export-job-events 202",
    ]);
  });

  it("refuses every illegal transition with InvalidExportJobTransition and the job's state", async () => {
    simulatorClock.advance(61 * MINUTE);
    const job = (await create(liveEntries.slice(0, 2))).job;
    const early = await complete(job.id);
    expect(early).toMatchObject({
      __typename: "InvalidExportJobTransition",
      code: "INVALID_EXPORT_JOB_STATUS_CHANGE",
      exportJobId: job.exportJobId,
      attempted: "completed",
      job: { status: "PENDING" },
    });
    const cancelled = await mutate(
      "failExportJob",
      "FailExportJobInput",
      `... on ExportJobEventPayload { event ${JOB} }`,
      { jobId: job.id, reason: "Cancelled by the bookkeeper", reasonType: "CANCELED_BY_USER" },
    );
    expect(cancelled).toMatchObject({
      event: "FAILED",
      job: {
        status: "FAILED",
        failureReason: "Cancelled by the bookkeeper",
        failureReasonType: "CANCELED_BY_USER",
      },
    });
    for (const again of [() => start(job.id), () => complete(job.id, true)]) {
      expect(await again()).toMatchObject({
        __typename: "InvalidExportJobTransition",
        job: { status: "FAILED" },
      });
    }
    const items = await mutate("reportExportJobItems", "ReportExportJobItemsInput", "", {
      jobId: job.id,
      items: [{ accountingEntryId: liveEntries[0], status: "SUCCESSFUL" }],
    });
    expect(items).toMatchObject({
      __typename: "InvalidExportJobTransition",
      code: "EXPORT_JOB_STATUS_UNPROCESSABLE",
      attempted: "items",
    });
  });

  it("every update keeps a running job alive for another hour", async () => {
    simulatorClock.advance(61 * MINUTE);
    const job = (await create(liveEntries.slice(0, 2))).job;
    await start(job.id);
    simulatorClock.advance(50 * MINUTE);
    const kept = await mutate(
      "reportExportJobItems",
      "ReportExportJobItemsInput",
      "... on ReportExportJobItemsPayload { appliedCount }",
      {
        jobId: job.id,
        items: [{ accountingEntryId: liveEntries[0], status: "SUCCESSFUL" }],
      },
    );
    expect(kept.appliedCount).toBe(1);
    simulatorClock.advance(50 * MINUTE);
    // 100 minutes after it started, 50 after its last update: still running.
    expect(await complete(job.id)).toMatchObject({ event: "COMPLETED", job: { status: "COMPLETED" } });
  });

  it("an expired job refuses completion, reporting that it expired", async () => {
    simulatorClock.advance(61 * MINUTE);
    const job = (await create(liveEntries.slice(0, 2))).job;
    await start(job.id);
    simulatorClock.advance(61 * MINUTE);
    const late = await complete(job.id);
    expect(late).toMatchObject({
      __typename: "InvalidExportJobTransition",
      code: "INVALID_EXPORT_JOB_STATUS_CHANGE",
      job: { status: "FAILED", failureReasonType: "JOB_EXPIRED" },
    });
    expect(late.message).toMatch(/expired/);
  });

  it("validates inputs at once and sends nothing", async () => {
    const badCreate = await create([
      liveEntries[0] as string,
      entryGlobalId(liveEntries[0] as string),
      "nope",
    ]);
    expect(badCreate.__typename).toBe("ValidationFailed");
    expect(badCreate.code).toBe("INVALID_ID");
    expect(badCreate.issues.map((i: Json) => [i.path, i.code])).toEqual([
      ["input.accountingEntryIds.2", "INVALID_ID"],
      ["input.accountingEntryIds.1", "VALIDATION_FAILED"],
    ]);
    const empty = await create([]);
    expect(empty.issues).toEqual([
      {
        path: "input.accountingEntryIds",
        message: "at least one entry is required",
        code: "VALIDATION_FAILED",
      },
    ]);
    const job = encodeGlobalID("ExportJob", `${NL}:${nl.exportJobs[0]?.id}`);
    const badItems = await mutate("reportExportJobItems", "ReportExportJobItemsInput", "", {
      jobId: job,
      items: [
        {
          accountingEntryId: liveEntries[0],
          status: "SUCCESSFUL",
          failureReason: "?",
          externalUrl: "ftp://x",
        },
        { accountingEntryId: liveEntries[0], status: "FAILED", externalId: "" },
      ],
    });
    expect(badItems.issues.map((i: Json) => i.path).sort()).toEqual([
      "input.items.0.externalUrl",
      "input.items.0.failureReason",
      "input.items.1.accountingEntryId",
      "input.items.1.externalId",
    ]);
    const noReason = await mutate("failExportJob", "FailExportJobInput", "", {
      jobId: job,
      reason: " ",
      reasonType: "VALIDATION_FAILURE",
    });
    expect(noReason.issues.map((i: Json) => i.path)).toEqual(["input.reason"]);
    expect(await exportWrites()).toEqual([]);
  });
});
