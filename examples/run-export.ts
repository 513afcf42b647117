/**
 * Runs a Pleo export job end to end, as an accounting integration does:
 *
 *   1. ask Pleo for a job for the entries waiting to be exported — if a job is already running
 *      (ExportAlreadyInProgress), take the oldest PENDING one instead;
 *   2. start it, read its export items page by page;
 *   3. "book" each item in a (pretend) ERP — items without an account fail with ACCOUNT_UNKNOWN;
 *   4. report every result in one mutation (the gateway sends Pleo's batches of 100);
 *   5. complete the job (with errors if any item failed) and read the result back.
 *
 *   npm start            # in another terminal
 *   npx tsx examples/run-export.ts [--fail-stale]
 *
 * EXAMPLE_PERSONA picks the caller (default de-oauth-app: the German company's OAuth token).
 * --fail-stale: when only an IN_PROGRESS job of another worker blocks the company, fail it (reason
 * SERVICE_TIMEOUT) and export anew; without it the script explains and stops.
 */
import {
  CompleteExportJobDocument,
  CreateExportJobDocument,
  ExampleCredentialsDocument,
  type ExampleExportJobFragment,
  ExportItemsPageDocument,
  type ExportItemsPageQuery,
  type ExportJobItemResultInput,
  ExportJobResultDocument,
  ExportQueueDocument,
  FailExportJobDocument,
  ReportExportItemsDocument,
  StartExportJobDocument,
} from "../test/generated/graphql.ts";
import { execute, GATEWAY_URL, persona } from "./gateway.ts";

const failStale = process.argv.includes("--fail-stale");

function describeJob(job: ExampleExportJobFragment): string {
  return `${job.exportJobId} ${job.status} (${job.numberOfItems} items, created ${job.createdAt})`;
}

async function main(): Promise<void> {
  const caller = await persona(process.env.EXAMPLE_PERSONA ?? "de-oauth-app");
  const headers = caller.headers;
  const { viewer } = await execute(ExampleCredentialsDocument, {}, headers);
  const companyId = viewer.credentials.find((c) => c.subjectType === "COMPANY")?.companyId;
  if (!companyId) throw new Error(`Persona ${caller.name} holds no company credential.`);

  const queue = await execute(ExportQueueDocument, { companyId }, headers);
  const company = queue.company;
  if (!company) throw new Error(`Company ${companyId} is not visible with these credentials.`);
  console.log(`Gateway: ${GATEWAY_URL} — ${caller.name} exporting for ${company.name}`);
  const waiting = (company.accountingEntries?.edges ?? []).map((e) => e.node.id);
  console.log(`Entries waiting for export: ${waiting.length}`);

  // 1. A job for the waiting entries, or the oldest pending one if Pleo says a job is running.
  let job: ExampleExportJobFragment | undefined;
  if (waiting.length > 0) {
    const created = (await execute(CreateExportJobDocument, { companyId, entryIds: waiting }, headers))
      .createExportJob;
    if (created?.__typename === "ExportJobPayload") {
      job = created.job;
      console.log(`Created export job ${describeJob(job)}`);
    } else if (created?.__typename === "ExportAlreadyInProgress") {
      console.log(`Pleo: ${created.message}`);
      for (const running of created.runningJobs) console.log(`  running: ${describeJob(running)}`);
      job = created.runningJobs.find((j) => j.status === "PENDING");
      if (job) console.log(`Taking the oldest pending job: ${job.exportJobId}`);
      const stale = created.runningJobs.filter((j) => j.status === "IN_PROGRESS");
      if (!job && failStale && stale.length > 0) {
        for (const s of stale) {
          const failed = (
            await execute(
              FailExportJobDocument,
              { jobId: s.id, reason: "Abandoned by a worker that stopped; re-exported by run-export." },
              headers,
            )
          ).failExportJob;
          console.log(`  failed stale job ${s.exportJobId}: ${failed?.__typename}`);
        }
        const retry = (await execute(CreateExportJobDocument, { companyId, entryIds: waiting }, headers))
          .createExportJob;
        if (retry?.__typename === "ExportJobPayload") {
          job = retry.job;
          console.log(`Created export job ${describeJob(job)}`);
        }
      }
    } else if (created) {
      throw new Error(
        `createExportJob: ${created.__typename} ${"message" in created ? created.message : ""}`,
      );
    }
  }
  if (!job) {
    job = (company.exportJobs?.edges ?? []).map((e) => e.node).find((j) => j.status === "PENDING");
  }
  if (!job) {
    const blocked = (company.exportJobs?.edges ?? []).some((e) => e.node.status === "IN_PROGRESS");
    if (blocked && waiting.length > 0) {
      console.log(
        "Blocked: another worker's job is IN_PROGRESS (Pleo expires it one hour after its last update). Run with --fail-stale to fail it and export anyway.",
      );
      process.exitCode = 2;
    } else {
      console.log("Nothing to export: no entries waiting and no pending job.");
    }
    return;
  }

  // 2. Start it and read its export items.
  const started = (await execute(StartExportJobDocument, { jobId: job.id }, headers)).startExportJob;
  if (started?.__typename !== "ExportJobEventPayload") {
    throw new Error(
      `startExportJob: ${started?.__typename} ${started && "message" in started ? started.message : ""}`,
    );
  }
  console.log(`Started: ${started.job ? describeJob(started.job) : job.exportJobId}`);
  const results: ExportJobItemResultInput[] = [];
  let after: string | null = null;
  let total = 0;
  let sequence = 1;
  do {
    const page: ExportItemsPageQuery = await execute(
      ExportItemsPageDocument,
      { jobId: job.id, after },
      headers,
    );
    const items = page.node && "exportItems" in page.node ? page.node.exportItems : null;
    if (!items) throw new Error("Could not read the job's export items.");
    total = items.totalCount ?? total;
    // 3. Book each item in the ERP (pretend): an item with a line without an account cannot be booked.
    for (const { node: item } of items.edges) {
      const unbookable = item.lines.some((line) => !line.account);
      if (unbookable) {
        results.push({
          accountingEntryId: item.accountingEntryId,
          status: "FAILED",
          failureReason: "A line has no account in the chart of accounts.",
          failureReasonType: "ACCOUNT_UNKNOWN",
        });
      } else {
        const externalId = `MEM-${String(sequence++).padStart(5, "0")}`;
        results.push({
          accountingEntryId: item.accountingEntryId,
          status: "SUCCESSFUL",
          externalId,
          externalUrl: `https://erp.example.invalid/bookings/${externalId}`,
          exportedAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
        });
      }
    }
    after = items.pageInfo.hasNextPage ? (items.pageInfo.endCursor ?? null) : null;
  } while (after);
  console.log(
    `Read ${results.length} of ${total} export items; booked ${results.filter((r) => r.status === "SUCCESSFUL").length}`,
  );

  // 4. Report every result in one mutation; the gateway sends batches of at most 100.
  const report = (await execute(ReportExportItemsDocument, { jobId: job.id, items: results }, headers))
    .reportExportJobItems;
  if (report?.__typename !== "ReportExportJobItemsPayload") {
    throw new Error(
      `reportExportJobItems: ${report?.__typename} ${report && "message" in report ? report.message : ""}`,
    );
  }
  console.log(
    `Reported: ${report.appliedCount} applied in ${report.requestsSent} request(s) (${report.batches} batch(es) of ≤100), ${report.itemErrors.length} refused by Pleo`,
  );
  if (!report.complete) {
    console.log(`Stopped early: ${report.failure?.code} ${report.failure?.message}`);
    console.log(
      `  outcome unknown: ${report.outcomeUnknownAccountingEntryIds.length}, not sent: ${report.notSentAccountingEntryIds.length}`,
    );
    process.exitCode = 1;
    return;
  }

  // 5. Complete, with errors if anything failed.
  const withErrors = report.itemErrors.length > 0 || results.some((r) => r.status === "FAILED");
  const completed = (await execute(CompleteExportJobDocument, { jobId: job.id, withErrors }, headers))
    .completeExportJob;
  console.log(
    `Completed: ${completed?.__typename === "ExportJobEventPayload" && completed.job ? completed.job.status : completed?.__typename}`,
  );

  const { node } = await execute(ExportJobResultDocument, { jobId: job.id }, headers);
  if (node && "exportJobId" in node) {
    console.log(`\nJob ${node.exportJobId}: ${node.status}, completed ${node.completedAt}`);
    console.log(
      `  successful items: ${node.successful?.totalCount}, failed items: ${node.failed?.totalCount}`,
    );
    for (const { node: item } of node.failed?.edges ?? []) {
      console.log(`  failed ${item.accountingEntryId}: ${item.failureReasonType} — ${item.failureReason}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
