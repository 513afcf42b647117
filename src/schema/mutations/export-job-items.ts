import { z } from "zod";
import { EXPORT_ITEM_BATCH_SIZE } from "../../pleo/apis/export-jobs.ts";
import type {
  ExportJobItemResult,
  ExportJobItemUpdateError as ItemUpdateErrorModel,
} from "../../pleo/models/export.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import {
  ExportJob,
  ExportJobItem,
  ExportJobItemFailureReasonType,
  ExportJobItemStatus,
} from "../types/export-job.ts";
import { asResult, COMMON_ERRORS, MutationError } from "./error-members.ts";
import { type ItemReport, jobAfterWrite, reportItems } from "./export-job-writes.ts";
import { InvalidExportJobTransition } from "./failures.ts";
import { duplicates, httpUrl, listOf, text } from "./inputs.ts";
import { compact } from "./patch.ts";
import { idOf, prepare, zodIssues } from "./prepare.ts";
import { defineMutation } from "./results.ts";

/*
 * Reporting item results, the step of the export lifecycle between start and complete: any number of
 * results, sent in Pleo's batches of at most 100 and reported with what was and was not applied.
 */

/** The description of every export job mutation's `jobId`. */
export const JOB_ID_DOC = "An ExportJob global ID, or Pleo's UUID together with companyId.";

/** The most item results one reportExportJobItems call takes (100 PUTs). */
const MAX_ITEM_RESULTS = 10_000;

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

const ReportExportJobItemsPayload = builder.objectRef<ItemReport>("ReportExportJobItemsPayload").implement({
  description:
    "Item results sent in Pleo's batches of at most 100, one after the other. If a batch fails after others were applied, `complete` is false, `failure` says why, and the entries not applied are listed (none was sent twice).",
  fields: (t) => ({
    exportJobId: t.field({ type: "UUID", resolve: (r) => r.exportJobId }),
    job: t.field({
      type: ExportJob,
      nullable: true,
      description: `The job as Pleo reports it now (needs \`${Scope.exportJobsRead}\`).`,
      resolve: (r, _args, ctx) => jobAfterWrite(ctx, r.companyId, r.exportJobId),
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
    jobId: t.id({ required: true, description: JOB_ID_DOC }),
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

defineMutation("reportExportJobItems", {
  description: `Reports the export result of each item (\`PUT /v3/export-jobs/{id}/items\`, needs \`${Scope.exportJobsWrite}\`), split into Pleo's batches of ${EXPORT_ITEM_BATCH_SIZE}, with Pleo's per-item errors merged. Each result is sent at most once; every update keeps the job from expiring for another hour.`,
  input: ReportExportJobItemsInput,
  payload: ReportExportJobItemsPayload,
  errors: [...COMMON_ERRORS, InvalidExportJobTransition],
  resolve: async (input, ctx) => {
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
  },
});
