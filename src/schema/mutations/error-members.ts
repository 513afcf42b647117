import type { ObjectFieldsShape } from "@pothos/core";
import { errorTypeMap, wrapErrorIfMatches } from "@pothos/plugin-errors";
import { builder } from "../builder.ts";
import { ExportJob } from "../types/export-job.ts";
import { MutationErrorCodeEnum } from "./error-codes.ts";
import {
  AccessDenied,
  AccountInUse,
  Conflict,
  ExportAlreadyInProgress,
  InvalidExportJobTransition,
  type MutationFailure,
  NotFound,
  RateLimited,
  UpstreamRejected,
  UpstreamUnavailable,
  ValidationFailed,
  type ValidationIssue,
  WriteOutcomeUnknown,
} from "./failures.ts";
import type { GatewayTypes } from "./schema-types.ts";

/*
 * The GraphQL side of the typed failures: the `MutationError` interface (`code`, `message`, `companyId`)
 * and one object type per failure class, each declared by `errorMember`. A mutation's result union is
 * its payload and the members it lists (`results.ts`).
 */

export const MutationError = builder.interfaceRef<MutationFailure>("MutationError").implement({
  description: "A typed failure of a mutation (or of one company's part of an orchestration).",
  // The member is the class `asResult` wrapped the failure as. Resolving it here, rather than by each
  // member's isTypeOf (which unwraps the error), keeps the value a non-Error for the executor: the
  // compiled executor checks `instanceof Error` again after resolving an abstract type.
  resolveType: (failure) => errorTypeMap.get(failure as object) as never,
  fields: (t) => ({
    code: t.field({ type: MutationErrorCodeEnum, resolve: (e) => e.code }),
    message: t.string({
      description: "For people; branch on `code` and the type.",
      resolve: (e) => e.message,
    }),
    companyId: t.field({
      type: "UUID",
      nullable: true,
      description: "The company the mutation acted on, when it was known.",
      resolve: (e) => e.companyId,
    }),
  }),
});

/**
 * A failure returned as a field value (an orchestration outcome's `error`, a payload's `failure`).
 * GraphQL treats a returned Error as a field error, so it is wrapped the way the errors plugin wraps the
 * errors it catches: resolved as its own object type, not thrown.
 */
export function asResult(failure: MutationFailure | null): MutationFailure | null {
  if (!failure) return null;
  return wrapErrorIfMatches(failure, [
    failure.constructor as new (...args: never[]) => unknown,
  ]) as MutationFailure;
}

/**
 * Declares the object type of a failure class: a MutationError, recognised by its class. (Pothos cannot
 * relate a generic class to its interface and fields, hence the casts; callers' fields are typed.)
 */
function errorMember<T extends MutationFailure>(
  failureClass: new (...args: never[]) => T,
  name: string,
  description: string,
  fields: ObjectFieldsShape<GatewayTypes, T> = () => ({}),
): void {
  builder.objectType(failureClass, {
    name,
    description,
    interfaces: [MutationError] as never,
    isTypeOf: (value) => value instanceof failureClass,
    fields: fields as never,
  });
}

errorMember(
  AccessDenied,
  "AccessDenied",
  "The request holds no credential bound to this company with the scope the mutation needs (NO_CREDENTIAL_FOR_COMPANY, MISSING_SCOPE, CREDENTIAL_BINDING_MISMATCH), or Pleo refused the credential (CREDENTIAL_REJECTED, UPSTREAM_FORBIDDEN). Nothing was written.",
  (t) => ({
    scope: t.string({ nullable: true, description: "The Pleo scope required.", resolve: (e) => e.scope }),
  }),
);

const ValidationIssueRef = builder.objectRef<ValidationIssue>("ValidationIssue").implement({
  fields: (t) => ({
    path: t.exposeString("path", { description: "Argument path, e.g. `input.items.3.externalId`." }),
    message: t.exposeString("message"),
    code: t.field({ type: MutationErrorCodeEnum, resolve: (i) => i.code }),
  }),
});

errorMember(
  ValidationFailed,
  "ValidationFailed",
  "The input was refused before anything was sent to Pleo. `issues` lists every problem at once; the code is FOREIGN_ID when an id belongs to another company, INVALID_ID for a malformed id, else VALIDATION_FAILED.",
  (t) => ({
    issues: t.field({ type: [ValidationIssueRef], resolve: (e) => [...e.issues] }),
  }),
);

errorMember(NotFound, "NotFound", "Pleo has no such object in this company.");

errorMember(
  Conflict,
  "Conflict",
  "Pleo refused the write as conflicting (HTTP 409): typically an object with the same identifier (externalId or code) already exists; it is in `existing` when the gateway could find it.",
  (t) => ({
    upstreamType: t.string({
      nullable: true,
      description: "Pleo's ExceptionInfo type.",
      resolve: (e) => e.upstreamType,
    }),
    existing: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description:
        "The existing object the write clashed with (a Vendor, Account, TaxCode, TagGroup or Tag).",
      resolve: (e) => e.existing as never,
    }),
  }),
);

errorMember(
  AccountInUse,
  "AccountInUse",
  "Pleo refuses to delete an account that accounting entries use. Archive it instead with archiveAccount.",
  (t) => ({
    accountId: t.field({ type: "UUID", resolve: (e) => e.accountId }),
    suggestedMutation: t.string({
      description: "What to do instead.",
      resolve: () => "archiveAccount",
    }),
  }),
);

errorMember(
  ExportAlreadyInProgress,
  "ExportAlreadyInProgress",
  "Pleo allows one running (PENDING or IN_PROGRESS) export job per company. Finish or fail the running one first (Pleo expires a job one hour after its last update).",
  (t) => ({
    runningJobs: t.field({
      type: [ExportJob],
      description: "The company's running jobs, oldest first (empty if they could not be read).",
      resolve: (e) => [...e.runningJobs],
    }),
  }),
);

errorMember(
  InvalidExportJobTransition,
  "InvalidExportJobTransition",
  "The export job's current state does not allow this: INVALID_EXPORT_JOB_STATUS_CHANGE for an event (e.g. completing a job that was never started, or one that expired), EXPORT_JOB_STATUS_UNPROCESSABLE for item results of a finished job.",
  (t) => ({
    exportJobId: t.field({ type: "UUID", resolve: (e) => e.exportJobId }),
    attempted: t.string({
      description: "The refused event (`started`, `completed`, …) or `items`.",
      resolve: (e) => e.attempted,
    }),
    job: t.field({
      type: ExportJob,
      nullable: true,
      description: "The job as Pleo reports it now (null if it could not be read).",
      resolve: (e) => e.job,
    }),
  }),
);

errorMember(
  UpstreamRejected,
  "UpstreamRejected",
  "Pleo refused the request; `upstreamType` is its ExceptionInfo type when it sent one.",
  (t) => ({
    upstreamStatus: t.int({ nullable: true, resolve: (e) => e.upstreamStatus }),
    upstreamType: t.string({ nullable: true, resolve: (e) => e.upstreamType }),
  }),
);

errorMember(
  RateLimited,
  "RateLimited",
  "Pleo rate-limited the request (HTTP 429); nothing was written.",
  (t) => ({
    retryAfterSeconds: t.int({ nullable: true, resolve: (e) => e.retryAfterSeconds }),
  }),
);

errorMember(
  UpstreamUnavailable,
  "UpstreamUnavailable",
  "Pleo could not be reached or answered badly, for a request that changed nothing (a read, or a write Pleo answered with 503).",
  (t) => ({
    upstreamStatus: t.int({ nullable: true, resolve: (e) => e.upstreamStatus }),
    retryable: t.boolean({
      description: "Whether trying again later is expected to help.",
      resolve: (e) => e.retryable,
    }),
  }),
);

errorMember(
  WriteOutcomeUnknown,
  "WriteOutcomeUnknown",
  "A write was sent but its outcome is unknown (timeout, dropped connection, an ambiguous 5xx). Pleo has no idempotency keys, so it was not retried: check Pleo's state as `check` says before trying again.",
  (t) => ({
    operation: t.string({ description: "The write, e.g. `vendor create`.", resolve: (e) => e.operation }),
    check: t.string({ description: "How to find out whether it was applied.", resolve: (e) => e.check }),
    cause: t.field({
      type: MutationErrorCodeEnum,
      description: "What happened to the request: UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE, …",
      resolve: (e) => e.failure,
    }),
  }),
);

/** The errors every mutation can produce. */
export const COMMON_ERRORS = [
  AccessDenied,
  ValidationFailed,
  NotFound,
  Conflict,
  UpstreamRejected,
  RateLimited,
  UpstreamUnavailable,
  WriteOutcomeUnknown,
];
