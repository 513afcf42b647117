import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import type {
  ExportJobEventType,
  ExportJobFailureReasonType as FailureReasonTypeValue,
} from "../../pleo/models/export.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { ExportJob, ExportJobFailureReasonType } from "../types/export-job.ts";
import { COMMON_ERRORS } from "./error-members.ts";
// Item reporting, the step between start and complete, is declared there (with the `jobId` doc).
import { JOB_ID_DOC } from "./export-job-items.ts";
import { type EventResult, jobAfterWrite, sendEvent, sendExportJobCreate } from "./export-job-writes.ts";
import { ExportAlreadyInProgress, InvalidExportJobTransition } from "./failures.ts";
import { duplicates, listOf, text } from "./inputs.ts";
import { compact } from "./patch.ts";
import { idOf, prepare, zodIssues } from "./prepare.ts";
import { defineMutation, payloadOf } from "./results.ts";

/*
 * The export lifecycle (Export API v3): create a job, start it, report item results
 * (`export-job-items.ts`), then complete it, complete it with errors or fail it.
 */

const MAX_ENTRIES_PER_JOB = 5_000;

const ExportJobPayload = payloadOf("ExportJobPayload", "job", ExportJob);

const ExportJobEvent = builder.enumType("ExportJobEvent", {
  description: "Pleo's export job events.",
  values: {
    STARTED: { value: "started" },
    COMPLETED: { value: "completed" },
    COMPLETED_WITH_ERRORS: { value: "completed_with_errors" },
    FAILED: { value: "failed" },
  } as const,
});

const ExportJobEventPayload = builder.objectRef<EventResult>("ExportJobEventPayload").implement({
  description: "Pleo accepted the event (it answers without a body): `job` reads the job back.",
  fields: (t) => ({
    exportJobId: t.field({ type: "UUID", resolve: (p) => p.exportJobId }),
    event: t.field({ type: ExportJobEvent, resolve: (p) => p.event }),
    job: t.field({
      type: ExportJob,
      nullable: true,
      description: `The job as Pleo reports it now (needs \`${Scope.exportJobsRead}\`).`,
      resolve: (p, _args, ctx) => jobAfterWrite(ctx, p.companyId, p.exportJobId),
    }),
  }),
});

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
    jobId: t.id({ required: true, description: JOB_ID_DOC }),
    companyId: t.id({ description: "Needed with a raw UUID jobId; must match a global ID's company." }),
  }),
});

const CompleteExportJobInput = builder.inputType("CompleteExportJobInput", {
  fields: (t) => ({
    jobId: t.id({ required: true, description: JOB_ID_DOC }),
    companyId: t.id(),
    withErrors: t.boolean({
      defaultValue: false,
      description: "true: `completed_with_errors` (some items failed to export).",
    }),
  }),
});

const FailExportJobInput = builder.inputType("FailExportJobInput", {
  fields: (t) => ({
    jobId: t.id({ required: true, description: JOB_ID_DOC }),
    companyId: t.id(),
    reason: t.string({ required: true, description: "Why it failed, for people (at most 1000 characters)." }),
    reasonType: t.field({ type: ExportJobFailureReasonType, required: true }),
  }),
});

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

defineMutation("createExportJob", {
  description: `Creates a PENDING export job for accounting entries of one company (\`POST /v3/export-jobs\`, needs \`${Scope.exportJobsWrite}\`). Pleo allows one running job per company: ExportAlreadyInProgress lists the running ones.`,
  input: CreateExportJobInput,
  payload: ExportJobPayload,
  errors: [...COMMON_ERRORS, ExportAlreadyInProgress],
  resolve: async (input, ctx) => {
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
    const job = await sendExportJobCreate(ctx, target.credentials.write.credential, {
      companyId: target.companyId,
      accountingEntryIds: entryPaths.map((path) => idOf(target, path)),
      isInteractive: input.isInteractive ?? true,
      options: { vendorBasedBookkeeping: input.vendorBasedBookkeeping ?? false },
      ...compact({ employeeId: target.ids["input.employeeId"] }),
    });
    return { job };
  },
});

defineMutation("startExportJob", {
  description: `Starts a PENDING export job: the \`started\` event makes it IN_PROGRESS (\`POST /v3/export-job-events\`, needs \`${Scope.exportJobsWrite}\`). Read its items with \`job { exportItems }\` while it runs.`,
  input: ExportJobRefInput,
  payload: ExportJobEventPayload,
  errors: EVENT_ERRORS,
  resolve: (input, ctx) => eventMutation(ctx, input, "started"),
});

defineMutation("completeExportJob", {
  description: `Completes an IN_PROGRESS export job (\`completed\`, or \`completed_with_errors\` with withErrors: true). Needs \`${Scope.exportJobsWrite}\`.`,
  input: CompleteExportJobInput,
  payload: ExportJobEventPayload,
  errors: EVENT_ERRORS,
  resolve: (input, ctx) =>
    eventMutation(ctx, input, input.withErrors ? "completed_with_errors" : "completed"),
});

defineMutation("failExportJob", {
  description: `Fails a PENDING or IN_PROGRESS export job with a reason (\`failed\`; e.g. reasonType CANCELED_BY_USER to cancel). Needs \`${Scope.exportJobsWrite}\`.`,
  input: FailExportJobInput,
  payload: ExportJobEventPayload,
  errors: EVENT_ERRORS,
  resolve: (input, ctx) =>
    eventMutation(ctx, input, "failed", { reason: input.reason, reasonType: input.reasonType }),
});
