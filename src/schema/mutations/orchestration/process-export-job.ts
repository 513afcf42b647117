import type { GatewayContext } from "../../../context/context.ts";
import { readAllPages } from "../../../pleo/all-pages.ts";
import { listExportJobItems, listExportJobs } from "../../../pleo/apis/export-jobs.ts";
import type {
  ExportJobItemResult,
  ExportJob as ExportJobModel,
  ExportJobItemUpdateError as ItemUpdateErrorModel,
} from "../../../pleo/models/export.ts";
import { Scope } from "../../../pleo/scopes.ts";
import { builder } from "../../builder.ts";
import { Company } from "../../types/company.ts";
import { ExportJob } from "../../types/export-job.ts";
import { asResult, MutationError } from "../error-members.ts";
import { ExportJobItemUpdateError } from "../export-job-items.ts";
import { EXPORT_LOADERS, jobAfterWrite, reportItems, sendEvent } from "../export-job-writes.ts";
import { failureFrom } from "../failure-classification.ts";
import { type MutationFailure, ValidationFailed } from "../failures.ts";
import { defineMutation } from "../results.ts";
import { invalidate, read } from "../upstream-calls.ts";
import { credentialsFor, forEachCompany, MAX_COMPANIES, outcomeCompany } from "./company-outcomes.ts";

/*
 * processOldestPendingExportJob: for each company, its oldest pending export job is started, every item
 * marked exported and the job completed, each step with the export job write module the lifecycle
 * mutations use.
 */

const STEPS = ["ACCESS", "FIND_JOB", "START", "READ_ITEMS", "REPORT_ITEMS", "COMPLETE"] as const;
type Step = (typeof STEPS)[number];

const ExportProcessingStep = builder.enumType("ExportProcessingStep", {
  description: "The step of processing a company's oldest pending export job that failed.",
  values: STEPS,
});

const ExportProcessingStatus = builder.enumType("ExportProcessingStatus", {
  values: {
    COMPLETED: { description: "Started, every item marked exported, completed." },
    COMPLETED_WITH_ERRORS: { description: "Completed, but Pleo refused some item results (see itemErrors)." },
    NO_PENDING_JOB: { description: "The company had no pending export job: nothing was done." },
    FAILED: { description: "A step failed (see failedStep and error); later steps were not attempted." },
  } as const,
});

/** A job holds at most 5,000 entries (50 pages): the bound only stops a list that never ends. */
const MAX_ITEM_PAGES = 100;

interface ExportOutcome {
  readonly companyId: string;
  readonly status: "COMPLETED" | "COMPLETED_WITH_ERRORS" | "NO_PENDING_JOB" | "FAILED";
  readonly job: ExportJobModel | null;
  readonly itemsReported: number;
  readonly itemErrors: readonly ItemUpdateErrorModel[];
  readonly failedStep: Step | null;
  readonly error: MutationFailure | null;
}

const CompanyExportOutcome = builder.objectRef<ExportOutcome>("CompanyExportOutcome").implement({
  fields: (t) => ({
    companyId: t.field({ type: "UUID", resolve: (o) => o.companyId }),
    company: t.field({ type: Company, nullable: true, resolve: outcomeCompany }),
    status: t.field({ type: ExportProcessingStatus, resolve: (o) => o.status }),
    job: t.field({
      type: ExportJob,
      nullable: true,
      description: "The job processed, as Pleo reports it now.",
      resolve: (o, _args, ctx) => (o.job ? jobAfterWrite(ctx, o.companyId, o.job.id) : null),
    }),
    itemsReported: t.int({ description: "Item results Pleo applied.", resolve: (o) => o.itemsReported }),
    itemErrors: t.field({ type: [ExportJobItemUpdateError], resolve: (o) => [...o.itemErrors] }),
    failedStep: t.field({ type: ExportProcessingStep, nullable: true, resolve: (o) => o.failedStep }),
    error: t.field({ type: MutationError, nullable: true, resolve: (o) => asResult(o.error) }),
  }),
});

const ProcessExportJobsPayload = builder
  .objectRef<{ outcomes: readonly ExportOutcome[] }>("ProcessExportJobsPayload")
  .implement({
    fields: (t) => ({
      outcomes: t.field({ type: [CompanyExportOutcome], resolve: (p) => [...p.outcomes] }),
    }),
  });

const ProcessExportJobsInput = builder.inputType("ProcessOldestPendingExportJobInput", {
  fields: (t) => ({
    companyIds: t.idList({
      description: `The companies (at most ${MAX_COMPANIES}). Left out: every company this request holds a company credential for.`,
    }),
  }),
});

async function processCompany(ctx: GatewayContext, companyId: string): Promise<ExportOutcome> {
  let step: Step = "ACCESS";
  let job: ExportJobModel | null = null;
  let itemsReported = 0;
  let itemErrors: readonly ItemUpdateErrorModel[] = [];
  const outcome = (status: ExportOutcome["status"], error: MutationFailure | null = null): ExportOutcome => ({
    companyId,
    status,
    job,
    itemsReported,
    itemErrors,
    failedStep: error ? step : null,
    error,
  });
  try {
    const credentials = await credentialsFor(ctx, companyId, {
      write: Scope.exportJobsWrite,
      read: Scope.exportJobsRead,
    });
    const readCredential = credentials.read.credential;
    const writeCredential = credentials.write.credential;
    step = "FIND_JOB";
    const pending = await read(companyId, () =>
      listExportJobs(
        ctx.pleo,
        readCredential,
        companyId,
        { statuses: ["pending"] },
        { limit: 1, sortingKeys: ["createdAt"], sortingOrder: ["ASC"] },
      ),
    );
    job = pending.items[0] ?? null;
    if (!job) return outcome("NO_PENDING_JOB");
    const jobId = job.id.toLowerCase();

    step = "START";
    await sendEvent(ctx, writeCredential, companyId, jobId, "started");

    step = "READ_ITEMS";
    const exportedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const { items } = await read(companyId, () =>
      readAllPages((page) => listExportJobItems(ctx.pleo, readCredential, companyId, { jobId }, page), {
        maxPages: MAX_ITEM_PAGES,
      }),
    );
    const results: ExportJobItemResult[] = items
      .filter((item) => item.status === "pending" || item.status === "in_progress")
      .map((item) => ({ accountingEntryId: item.accountingEntryId, status: "successful", exportedAt }));

    step = "REPORT_ITEMS";
    if (results.length > 0) {
      const report = await reportItems(ctx, writeCredential, companyId, jobId, results);
      itemsReported = report.items.length;
      itemErrors = report.itemErrors;
      if (report.failure) return outcome("FAILED", report.failure);
    }

    step = "COMPLETE";
    const withErrors = itemErrors.length > 0;
    await sendEvent(
      ctx,
      writeCredential,
      companyId,
      jobId,
      withErrors ? "completed_with_errors" : "completed",
    );
    return outcome(withErrors ? "COMPLETED_WITH_ERRORS" : "COMPLETED");
  } catch (error) {
    return outcome("FAILED", failureFrom(error, { companyId }));
  } finally {
    invalidate(ctx, EXPORT_LOADERS);
  }
}

defineMutation("processOldestPendingExportJob", {
  description: `For each company: takes its oldest PENDING export job, starts it, marks every item exported (successful, now) in batches of 100, and completes it (with errors if Pleo refused some item results). For entries booked by other means; an integration that books them itself uses the individual mutations. One outcome per company, each with that company's own credential (\`${Scope.exportJobsWrite}\` and \`${Scope.exportJobsRead}\`); a failed step stops that company only (a started job then stays IN_PROGRESS until failed, completed or expired).`,
  input: ProcessExportJobsInput,
  inputWhenLeftOut: {},
  payload: ProcessExportJobsPayload,
  errors: [ValidationFailed],
  resolve: (input, ctx) =>
    forEachCompany(ctx, input.companyIds, (companyId) => processCompany(ctx, companyId)),
});
