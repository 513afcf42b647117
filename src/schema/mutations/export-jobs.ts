import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
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
  ExportJobEventType,
  ExportJobItem as ExportJobItemModel,
  ExportJobItemResult,
  ExportJob as ExportJobModel,
  ExportJobFailureReasonType as FailureReasonTypeValue,
  ExportJobItemUpdateError as ItemUpdateErrorModel,
} from "../../pleo/models/export.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { loadOwned } from "../company-fields.ts";
import {
  ExportJob,
  ExportJobFailureReasonType,
  ExportJobItem,
  ExportJobItemFailureReasonType,
  ExportJobItemStatus,
} from "../types/export-job.ts";
import { duplicates, httpUrl, listOf, text } from "./inputs.ts";
import { bestEffort, compact, idOf, invalidate, mutation, prepare, write, zodIssues } from "./kit.ts";
import {
  asResult,
  COMMON_ERRORS,
  ExportAlreadyInProgress,
  InvalidExportJobTransition,
  MutationError,
  type MutationFailure,
  UpstreamRejected,
  WriteOutcomeUnknown,
} from "./results.ts";

/*
 * The export lifecycle (Export API v3): create a job, start it, report item results, then complete it,
 * complete it with errors or fail it. Item results of any number are sent in Pleo's batches of at most 100
 * (one PUT after the other, never re-sent) and Pleo's per-item errors are merged. Pleo's 422s become
 * InvalidExportJobTransition with the job's current state; its 409 on create, ExportAlreadyInProgress
 * with the running jobs.
 */

export const EXPORT_LOADERS = [
  exportJobPages,
  exportJobById,
  exportJobItemPages,
  exportItemPages,
  accountingEntryPages,
  accountingEntryById,
];

/** The most item results one reportExportJobItems call takes (100 PUTs). */
export const MAX_ITEM_RESULTS = 10_000;
const MAX_ENTRIES_PER_JOB = 5_000;

const ExportJobPayload = builder.objectRef<{ job: ExportJobModel }>("ExportJobPayload").implement({
  fields: (t) => ({ job: t.field({ type: ExportJob, resolve: (p) => p.job }) }),
});

const ExportJobEvent = builder.enumType("ExportJobEvent", {
  description: "Pleo's export job events.",
  values: {
    STARTED: { value: "started" },
    COMPLETED: { value: "completed" },
    COMPLETED_WITH_ERRORS: { value: "completed_with_errors" },
    FAILED: { value: "failed" },
  } as const,
});

interface EventResult {
  readonly companyId: string;
  readonly exportJobId: string;
  readonly event: ExportJobEventType;
}

/** The job after an event or item results, read fresh (null with an error if it cannot be read). */
function freshJob(p: { companyId: string; exportJobId: string }, ctx: GatewayContext) {
  return loadOwned(ctx, p.companyId, Scope.exportJobsRead, exportJobById, p.exportJobId);
}

const ExportJobEventPayload = builder.objectRef<EventResult>("ExportJobEventPayload").implement({
  description: "Pleo accepted the event (it answers without a body): `job` reads the job back.",
  fields: (t) => ({
    exportJobId: t.field({ type: "UUID", resolve: (p) => p.exportJobId }),
    event: t.field({ type: ExportJobEvent, resolve: (p) => p.event }),
    job: t.field({
      type: ExportJob,
      nullable: true,
      description: `The job as Pleo reports it now (needs \`${Scope.exportJobsRead}\`).`,
      resolve: (p, _args, ctx) => freshJob(p, ctx),
    }),
  }),
});

export const ExportJobItemUpdateError = builder
  .objectRef<ItemUpdateErrorModel>("ExportJobItemUpdateError")
  .implement({
    description: "An item result Pleo did not apply.",
    fields: (t) => ({
      accountingEntryId: t.field({ type: "UUID", resolve: (e) => e.accountingEntryId.toLowerCase() }),
      type: t.string({
        description:
          "Pleo's type: ACCOUNTING_ENTRY_DOES_NOT_EXIST, EXPORT_ENTRY_STATUS_UPDATE_FAILED, ACCOUNTING_ENTRY_UPDATE_FAILED.",
        resolve: (e) => e.type,
      }),
      message: t.exposeString("message"),
    }),
  });

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

const ReportExportJobItemsPayload = builder.objectRef<ItemReport>("ReportExportJobItemsPayload").implement({
  description:
    "Item results sent in Pleo's batches of at most 100, one after the other. If a batch fails after others were applied, `complete` is false, `failure` says why, and the entries not applied are listed (none was sent twice).",
  fields: (t) => ({
    exportJobId: t.field({ type: "UUID", resolve: (r) => r.exportJobId }),
    job: t.field({
      type: ExportJob,
      nullable: true,
      description: `The job as Pleo reports it now (needs \`${Scope.exportJobsRead}\`).`,
      resolve: (r, _args, ctx) => freshJob(r, ctx),
    }),
    items: t.field({
      type: [ExportJobItem],
      description: "The items Pleo updated, as it returned them.",
      resolve: (r) => [...r.items],
    }),
    itemErrors: t.field({
      type: [ExportJobItemUpdateError],
      description: "Every item result Pleo refused, from all batches.",
      resolve: (r) => [...r.itemErrors],
    }),
    appliedCount: t.int({ resolve: (r) => r.items.length }),
    batches: t.int({
      description: "Batches of at most 100 the results were split into.",
      resolve: (r) => r.batches,
    }),
    requestsSent: t.int({ description: "PUT requests sent to Pleo.", resolve: (r) => r.requestsSent }),
    complete: t.boolean({
      description: "Whether every batch was sent and answered.",
      resolve: (r) => r.failure === null,
    }),
    failure: t.field({
      type: MutationError,
      nullable: true,
      description: "Why the remaining batches were not sent.",
      resolve: (r) => asResult(r.failure),
    }),
    outcomeUnknownAccountingEntryIds: t.field({
      type: ["UUID"],
      description:
        "Entries of the batch whose outcome is unknown (WriteOutcomeUnknown): check the job's items.",
      resolve: (r) => [...r.outcomeUnknown],
    }),
    notSentAccountingEntryIds: t.field({
      type: ["UUID"],
      description: "Entries never sent because an earlier batch failed: report them again.",
      resolve: (r) => [...r.notSent],
    }),
  }),
});

const jobIdDoc = "An ExportJob global ID, or Pleo's UUID together with companyId.";

const CreateExportJobInput = builder.inputType("CreateExportJobInput", {
  fields: (t) => ({
    companyId: t.id({ required: true, description: "The company: Pleo's UUID or a Company global ID." }),
    accountingEntryIds: t.idList({
      required: true,
      description: `The entries to export (1 to ${MAX_ENTRIES_PER_JOB}): AccountingEntry global IDs of this company, or Pleo's UUIDs.`,
    }),
    employeeId: t.id({ description: "The Pleo user starting the export (an Employee global ID or UUID)." }),
    isInteractive: t.boolean({ defaultValue: true, description: "Whether a user started it." }),
    vendorBasedBookkeeping: t.boolean({
      defaultValue: false,
      description: "Include vendor and bookkeeping data in the export items.",
    }),
  }),
});

const ExportJobRefInput = builder.inputType("StartExportJobInput", {
  fields: (t) => ({
    jobId: t.id({ required: true, description: jobIdDoc }),
    companyId: t.id({ description: "Needed with a raw UUID jobId; must match a global ID's company." }),
  }),
});

const CompleteExportJobInput = builder.inputType("CompleteExportJobInput", {
  fields: (t) => ({
    jobId: t.id({ required: true, description: jobIdDoc }),
    companyId: t.id(),
    withErrors: t.boolean({
      defaultValue: false,
      description: "true: `completed_with_errors` (some items failed to export).",
    }),
  }),
});

const FailExportJobInput = builder.inputType("FailExportJobInput", {
  fields: (t) => ({
    jobId: t.id({ required: true, description: jobIdDoc }),
    companyId: t.id(),
    reason: t.string({ required: true, description: "Why it failed, for people (at most 1000 characters)." }),
    reasonType: t.field({ type: ExportJobFailureReasonType, required: true }),
  }),
});

const ExportJobItemResultInput = builder.inputType("ExportJobItemResultInput", {
  fields: (t) => ({
    accountingEntryId: t.id({
      required: true,
      description: "An AccountingEntry global ID of the job's company, or Pleo's UUID.",
    }),
    status: t.field({ type: ExportJobItemStatus, required: true }),
    exportedAt: t.field({ type: "DateTime", description: "When it was booked (Pleo defaults to now)." }),
    externalId: t.string({ description: "The booking's id in the accounting system." }),
    externalUrl: t.string({ description: "Link to the booking in the accounting system." }),
    failureReason: t.string({ description: "Only with status FAILED." }),
    failureReasonType: t.field({
      type: ExportJobItemFailureReasonType,
      description: "Only with status FAILED.",
    }),
  }),
});

const ReportExportJobItemsInput = builder.inputType("ReportExportJobItemsInput", {
  fields: (t) => ({
    jobId: t.id({ required: true, description: jobIdDoc }),
    companyId: t.id(),
    items: t.field({
      type: [ExportJobItemResultInput],
      required: true,
      description: `1 to ${MAX_ITEM_RESULTS} item results; sent to Pleo in batches of ${EXPORT_ITEM_BATCH_SIZE}.`,
    }),
  }),
});

const itemSchema = z
  .object({
    status: z.string(),
    externalId: text().nullish(),
    externalUrl: httpUrl.nullish(),
    failureReason: text(1000).nullish(),
    failureReasonType: z.string().nullish(),
  })
  .superRefine((item, ctx) => {
    if (item.status !== "failed" && (item.failureReason != null || item.failureReasonType != null)) {
      ctx.addIssue({ code: "custom", path: ["failureReason"], message: "only with status FAILED" });
    }
  });

const reportSchema = z.object({ items: listOf(itemSchema, 1, MAX_ITEM_RESULTS) });

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
  const unprocessable = failure.upstreamType === "EXPORT_JOB_STATUS_UNPROCESSABLE";
  const state = job
    ? ` It is ${job.status.toUpperCase()}${job.failureReasonType === "job_expired" ? " (it expired one hour after its last update)" : ""}.`
    : "";
  return new InvalidExportJobTransition(
    unprocessable ? "EXPORT_JOB_STATUS_UNPROCESSABLE" : "INVALID_EXPORT_JOB_STATUS_CHANGE",
    unprocessable
      ? `Pleo accepts item results only while the export job is PENDING or IN_PROGRESS.${state}`
      : `Pleo refused the '${attempted}' event for this export job.${state}`,
    companyId,
    exportJobId,
    attempted,
    job,
  );
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
        const rest = batches.slice(index + 1).flat();
        return {
          companyId,
          exportJobId,
          items,
          itemErrors,
          requestsSent,
          batches: batches.length,
          failure,
          outcomeUnknown: failure instanceof WriteOutcomeUnknown ? batch.map((r) => r.accountingEntryId) : [],
          notSent: [
            ...(failure instanceof WriteOutcomeUnknown ? [] : batch.map((r) => r.accountingEntryId)),
            ...rest.map((r) => r.accountingEntryId),
          ],
        };
      }
    }
  } finally {
    if (requestsSent > 0) invalidate(ctx, EXPORT_LOADERS);
  }
  return {
    companyId,
    exportJobId,
    items,
    itemErrors,
    requestsSent,
    batches: batches.length,
    failure: null,
    outcomeUnknown: [],
    notSent: [],
  };
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
  await write(
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
  invalidate(ctx, EXPORT_LOADERS);
  return { companyId, exportJobId, event };
}

const EVENT_ERRORS = [...COMMON_ERRORS, InvalidExportJobTransition];

/** The common part of the event mutations: the job's company, access, then the event. */
async function eventMutation(
  ctx: GatewayContext,
  input: { jobId: string; companyId?: string | null },
  event: ExportJobEventType,
  failure?: { reason: string; reasonType: FailureReasonTypeValue },
): Promise<EventResult> {
  const target = await prepare(ctx, {
    companyId: input.companyId,
    ids: [{ path: "input.jobId", typename: "ExportJob", value: input.jobId }],
    scopes: { write: Scope.exportJobsWrite },
    validate: () => (failure ? zodIssues(z.object({ reason: text(1000) }), failure, "input") : []),
  });
  return sendEvent(
    ctx,
    target.credentials.write.credential,
    target.companyId,
    idOf(target, "input.jobId"),
    event,
    failure,
  );
}

builder.mutationField("createExportJob", (t) =>
  t.field({
    type: ExportJobPayload,
    nullable: true,
    description: `Creates a PENDING export job for accounting entries of one company (\`POST /v3/export-jobs\`, needs \`${Scope.exportJobsWrite}\`). Pleo allows one running job per company: ExportAlreadyInProgress lists the running ones.`,
    args: { input: t.arg({ type: CreateExportJobInput, required: true }) },
    errors: {
      types: [...COMMON_ERRORS, ExportAlreadyInProgress],
      directResult: true,
      union: { name: "CreateExportJobResult" },
    },
    resolve: mutation(async ({ input }, ctx) => {
      const entryPaths = input.accountingEntryIds.map((_, i) => `input.accountingEntryIds.${i}`);
      const ids = input.accountingEntryIds.map((value, i) => ({
        path: entryPaths[i] as string,
        typename: "AccountingEntry",
        value,
      }));
      if (input.employeeId != null) {
        ids.push({ path: "input.employeeId", typename: "Employee", value: input.employeeId });
      }
      const target = await prepare(ctx, {
        companyId: input.companyId,
        ids,
        scopes: { write: Scope.exportJobsWrite },
        validate: (resolved) => [
          ...zodIssues(
            z.object({ accountingEntryIds: listOf(z.string(), 1, MAX_ENTRIES_PER_JOB) }),
            input,
            "input",
          ),
          ...duplicates(
            entryPaths,
            (path) => resolved[path],
            (i) => `input.accountingEntryIds.${i}`,
            "entry",
          ),
        ],
      });
      const { companyId } = target;
      const job = await write(
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
        () =>
          createExportJob(ctx.pleo, target.credentials.write.credential, {
            companyId,
            accountingEntryIds: entryPaths.map((path) => idOf(target, path)),
            isInteractive: input.isInteractive ?? true,
            options: { vendorBasedBookkeeping: input.vendorBasedBookkeeping ?? false },
            ...compact({ employeeId: target.ids["input.employeeId"] }),
          }),
      );
      invalidate(ctx, EXPORT_LOADERS);
      return { job };
    }),
  }),
);

builder.mutationField("startExportJob", (t) =>
  t.field({
    type: ExportJobEventPayload,
    nullable: true,
    description: `Starts a PENDING export job: the \`started\` event makes it IN_PROGRESS (\`POST /v3/export-job-events\`, needs \`${Scope.exportJobsWrite}\`). Read its items with \`job { exportItems }\` while it runs.`,
    args: { input: t.arg({ type: ExportJobRefInput, required: true }) },
    errors: { types: EVENT_ERRORS, directResult: true, union: { name: "StartExportJobResult" } },
    resolve: mutation(({ input }, ctx) => eventMutation(ctx, input, "started")),
  }),
);

builder.mutationField("completeExportJob", (t) =>
  t.field({
    type: ExportJobEventPayload,
    nullable: true,
    description: `Completes an IN_PROGRESS export job (\`completed\`, or \`completed_with_errors\` with withErrors: true). Needs \`${Scope.exportJobsWrite}\`.`,
    args: { input: t.arg({ type: CompleteExportJobInput, required: true }) },
    errors: { types: EVENT_ERRORS, directResult: true, union: { name: "CompleteExportJobResult" } },
    resolve: mutation(({ input }, ctx) =>
      eventMutation(ctx, input, input.withErrors ? "completed_with_errors" : "completed"),
    ),
  }),
);

builder.mutationField("failExportJob", (t) =>
  t.field({
    type: ExportJobEventPayload,
    nullable: true,
    description: `Fails a PENDING or IN_PROGRESS export job with a reason (\`failed\`; e.g. reasonType CANCELED_BY_USER to cancel). Needs \`${Scope.exportJobsWrite}\`.`,
    args: { input: t.arg({ type: FailExportJobInput, required: true }) },
    errors: { types: EVENT_ERRORS, directResult: true, union: { name: "FailExportJobResult" } },
    resolve: mutation(({ input }, ctx) =>
      eventMutation(ctx, input, "failed", { reason: input.reason, reasonType: input.reasonType }),
    ),
  }),
);

builder.mutationField("reportExportJobItems", (t) =>
  t.field({
    type: ReportExportJobItemsPayload,
    nullable: true,
    description: `Reports the export result of each item (\`PUT /v3/export-jobs/{id}/items\`, needs \`${Scope.exportJobsWrite}\`), split into Pleo's batches of ${EXPORT_ITEM_BATCH_SIZE}, with Pleo's per-item errors merged. Each result is sent at most once; every update keeps the job from expiring for another hour.`,
    args: { input: t.arg({ type: ReportExportJobItemsInput, required: true }) },
    errors: { types: EVENT_ERRORS, directResult: true, union: { name: "ReportExportJobItemsResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const paths = input.items.map((_, i) => `input.items.${i}.accountingEntryId`);
      const target = await prepare(ctx, {
        companyId: input.companyId,
        ids: [
          { path: "input.jobId", typename: "ExportJob", value: input.jobId },
          ...input.items.map((item, i) => ({
            path: paths[i] as string,
            typename: "AccountingEntry",
            value: item.accountingEntryId,
          })),
        ],
        scopes: { write: Scope.exportJobsWrite },
        validate: (resolved) => [
          ...zodIssues(reportSchema, input, "input"),
          ...duplicates(
            paths,
            (path) => resolved[path],
            (i) => `input.items.${i}.accountingEntryId`,
            "entry",
          ),
        ],
      });
      const results: ExportJobItemResult[] = input.items.map((item, i) => ({
        accountingEntryId: idOf(target, paths[i] as string),
        status: item.status,
        ...compact({
          exportedAt: item.exportedAt,
          externalId: item.externalId,
          externalUrl: item.externalUrl,
          failureReason: item.failureReason,
          failureReasonType: item.failureReasonType,
        }),
      }));
      return reportItems(
        ctx,
        target.credentials.write.credential,
        target.companyId,
        idOf(target, "input.jobId"),
        results,
      );
    }),
  }),
);
