import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode } from "../../errors.ts";
import { accountingEntryById, accountingEntryPages } from "../../loaders/accounting-entries.ts";
import { exportItemPages } from "../../loaders/export-items.ts";
import { exportJobById, exportJobItemPages, exportJobPages } from "../../loaders/export-jobs.ts";
import { chunk } from "../../loaders/kit.ts";
import {
  createExportJob,
  EXPORT_ITEM_BATCH_SIZE,
  getExportJob,
  listExportJobs,
  sendExportJobEvent,
  updateExportJobItems,
} from "../../pleo/apis/export-jobs.ts";
import type { PleoCredential } from "../../pleo/credential.ts";
import type {
  ExportJobCreate,
  ExportJobEventType,
  ExportJobItem as ExportJobItemModel,
  ExportJobItemResult,
  ExportJob as ExportJobModel,
  ExportJobFailureReasonType as FailureReasonTypeValue,
  ExportJobItemUpdateError as ItemUpdateErrorModel,
} from "../../pleo/models/export.ts";
import { Scope } from "../../pleo/scopes.ts";
import { loadOwned } from "../company-fields.ts";
import {
  ExportAlreadyInProgress,
  InvalidExportJobTransition,
  type MutationFailure,
  UpstreamRejected,
  WriteOutcomeUnknown,
} from "./failures.ts";
import { bestEffort, invalidate, write, writeThrough } from "./upstream-calls.ts";

/*
 * Every export job write (Export API v3), for the lifecycle mutations and processOldestPendingExportJob
 * alike: create (Pleo's 409 is ExportAlreadyInProgress with the running jobs), events, and item results
 * in Pleo's batches of at most 100 (one PUT after the other, never re-sent, per-item errors merged).
 * Pleo's 422s become InvalidExportJobTransition with the job's current state.
 */

export const EXPORT_LOADERS = [
  exportJobPages,
  exportJobById,
  exportJobItemPages,
  exportItemPages,
  accountingEntryPages,
  accountingEntryById,
];

/** The job after a write, read fresh (null with an error if it cannot be read). */
export function jobAfterWrite(ctx: GatewayContext, companyId: string, exportJobId: string) {
  return loadOwned(ctx, companyId, Scope.exportJobsRead, exportJobById, exportJobId);
}

/** Pleo's 422 on a job: report it with the job's current state (read back best-effort). */
async function transitionFailure(
  ctx: GatewayContext,
  companyId: string,
  exportJobId: string,
  attempted: string,
  failure: MutationFailure,
): Promise<MutationFailure> {
  if (!(failure instanceof UpstreamRejected) || failure.upstreamStatus !== 422) return failure;
  const job = await bestEffort(async () => {
    const bound = await ctx.access.credentialFor(companyId, Scope.exportJobsRead);
    return getExportJob(ctx.pleo, bound.credential, companyId, exportJobId);
  });
  // Pleo's ExceptionInfo type for item results of a job that no longer takes them.
  const unprocessable = failure.upstreamType === "EXPORT_JOB_STATUS_UNPROCESSABLE";
  const state = job
    ? ` It is ${job.status.toUpperCase()}${job.failureReasonType === "job_expired" ? " (it expired one hour after its last update)" : ""}.`
    : "";
  return new InvalidExportJobTransition(
    unprocessable ? ErrorCode.EXPORT_JOB_STATUS_UNPROCESSABLE : ErrorCode.INVALID_EXPORT_JOB_STATUS_CHANGE,
    unprocessable
      ? `Pleo accepts item results only while the export job is PENDING or IN_PROGRESS.${state}`
      : `Pleo refused the '${attempted}' event for this export job.${state}`,
    companyId,
    exportJobId,
    attempted,
    job,
  );
}

/** Creates a job; a running one already in the company makes it ExportAlreadyInProgress. */
export async function sendExportJobCreate(
  ctx: GatewayContext,
  credential: PleoCredential,
  request: ExportJobCreate,
): Promise<ExportJobModel> {
  const { companyId } = request;
  return writeThrough(
    ctx,
    EXPORT_LOADERS,
    {
      companyId,
      operation: "export job create",
      check:
        "List the company's PENDING export jobs (Company.exportJobs(status: [PENDING])) before creating another.",
      onConflict: async () => {
        const running = await bestEffort(async () => {
          const bound = await ctx.access.credentialFor(companyId, Scope.exportJobsRead);
          const page = await listExportJobs(
            ctx.pleo,
            bound.credential,
            companyId,
            { statuses: ["pending", "in_progress"] },
            { limit: 10 },
          );
          return page.items;
        });
        return new ExportAlreadyInProgress(companyId, running ?? []);
      },
    },
    () => createExportJob(ctx.pleo, credential, request),
  );
}

export interface EventResult {
  readonly companyId: string;
  readonly exportJobId: string;
  readonly event: ExportJobEventType;
}

/** Sends one event for a job (started, completed, completed_with_errors, failed). */
export async function sendEvent(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  exportJobId: string,
  event: ExportJobEventType,
  failure?: { reason: string; reasonType: FailureReasonTypeValue },
): Promise<EventResult> {
  await writeThrough(
    ctx,
    EXPORT_LOADERS,
    {
      companyId,
      operation: `export job event '${event}'`,
      check: "Read the job's status (Company.exportJob(id:)) to see whether the event was applied.",
      refine: (f) => transitionFailure(ctx, companyId, exportJobId, event, f),
    },
    () =>
      sendExportJobEvent(ctx.pleo, credential, companyId, {
        jobId: exportJobId,
        event,
        ...(failure ? { failureReason: failure.reason, failureReasonType: failure.reasonType } : {}),
      }),
  );
  return { companyId, exportJobId, event };
}

/** What reporting item results in batches achieved, including how far it got when a batch failed. */
export interface ItemReport {
  readonly companyId: string;
  readonly exportJobId: string;
  readonly items: readonly ExportJobItemModel[];
  readonly itemErrors: readonly ItemUpdateErrorModel[];
  readonly requestsSent: number;
  readonly batches: number;
  readonly failure: MutationFailure | null;
  readonly outcomeUnknown: readonly string[];
  readonly notSent: readonly string[];
}

/**
 * Sends item results in batches of at most 100, sequentially, each exactly once. The first batch's
 * failure is thrown (nothing was applied); a later one stops the run and is reported with what was and
 * was not applied.
 */
export async function reportItems(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  exportJobId: string,
  results: readonly ExportJobItemResult[],
): Promise<ItemReport> {
  const batches = chunk(results, EXPORT_ITEM_BATCH_SIZE);
  const items: ExportJobItemModel[] = [];
  const itemErrors: ItemUpdateErrorModel[] = [];
  let requestsSent = 0;
  const report = (failure: MutationFailure | null, outcomeUnknown: string[], notSent: string[]) => ({
    companyId,
    exportJobId,
    items,
    itemErrors,
    requestsSent,
    batches: batches.length,
    failure,
    outcomeUnknown,
    notSent,
  });
  try {
    for (const [index, batch] of batches.entries()) {
      requestsSent++;
      try {
        const answer = await write(
          {
            companyId,
            operation: "export job item update",
            check:
              "Read the job's items (Company.exportJob(id:).items) to see which results were applied; report only the missing ones again.",
            refine: (failure) => transitionFailure(ctx, companyId, exportJobId, "items", failure),
          },
          () => updateExportJobItems(ctx.pleo, credential, companyId, exportJobId, batch),
        );
        items.push(...answer.items);
        itemErrors.push(...answer.errors);
      } catch (error) {
        if (index === 0) throw error;
        const failure = error as MutationFailure;
        const unknown = failure instanceof WriteOutcomeUnknown;
        const ids = (list: readonly ExportJobItemResult[]) => list.map((r) => r.accountingEntryId);
        const rest = ids(batches.slice(index + 1).flat());
        return report(failure, unknown ? ids(batch) : [], unknown ? rest : [...ids(batch), ...rest]);
      }
    }
  } finally {
    if (requestsSent > 0) invalidate(ctx, EXPORT_LOADERS);
  }
  return report(null, [], []);
}
