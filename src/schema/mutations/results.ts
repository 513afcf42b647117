import { brandWithType } from "@pothos/core";
import { wrapErrorIfMatches } from "@pothos/plugin-errors";
import { ErrorCode, GatewayError } from "../../errors.ts";
import { wasNotSent } from "../../pleo/errors.ts";
import type { ExportJob as ExportJobModel } from "../../pleo/models/export.ts";
import { builder } from "../builder.ts";
import { ExportJob } from "../types/export-job.ts";

/*
 * The typed results every mutation shares: a `MutationError` interface (`code`, `message`, `companyId`)
 * and a small set of error object types implementing it. A mutation field lists the ones it can produce
 * in `errors: { types }`; the Pothos errors plugin turns a thrown instance into that member of the
 * field's result union. Anything else (a bug) stays a masked GraphQL error on that field alone, since
 * every mutation field is nullable.
 */

builder.mutationType({
  description:
    "Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown.",
});

/** Every code a MutationError can carry. Published codes are never renamed or reused. */
export const MUTATION_ERROR_CODES = [
  ErrorCode.NO_CREDENTIAL_FOR_COMPANY,
  ErrorCode.MISSING_SCOPE,
  ErrorCode.CREDENTIAL_BINDING_MISMATCH,
  ErrorCode.CREDENTIAL_REJECTED,
  ErrorCode.UPSTREAM_FORBIDDEN,
  ErrorCode.VALIDATION_FAILED,
  ErrorCode.INVALID_ID,
  ErrorCode.FOREIGN_ID,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.ACCOUNT_IN_USE,
  ErrorCode.EXPORT_ALREADY_IN_PROGRESS,
  ErrorCode.INVALID_EXPORT_JOB_STATUS_CHANGE,
  ErrorCode.EXPORT_JOB_STATUS_UNPROCESSABLE,
  ErrorCode.UPSTREAM_REJECTED,
  ErrorCode.RATE_LIMITED,
  ErrorCode.UPSTREAM_UNAVAILABLE,
  ErrorCode.UPSTREAM_TIMEOUT,
  ErrorCode.UPSTREAM_CONTRACT_VIOLATION,
  ErrorCode.UPSTREAM_ISOLATION_VIOLATION,
  ErrorCode.WRITE_OUTCOME_UNKNOWN,
] as const;
export type MutationErrorCode = (typeof MUTATION_ERROR_CODES)[number];

const ACCESS_CODES = [
  ErrorCode.NO_CREDENTIAL_FOR_COMPANY,
  ErrorCode.MISSING_SCOPE,
  ErrorCode.CREDENTIAL_BINDING_MISMATCH,
  ErrorCode.CREDENTIAL_REJECTED,
  ErrorCode.UPSTREAM_FORBIDDEN,
] as const;
type AccessCode = (typeof ACCESS_CODES)[number];

export const MutationErrorCodeEnum = builder.enumType("MutationErrorCode", {
  description: "Stable codes of MutationError results (the same vocabulary as `extensions.code`).",
  values: Object.fromEntries(MUTATION_ERROR_CODES.map((code) => [code, { value: code }])) as Record<
    MutationErrorCode,
    { value: MutationErrorCode }
  >,
});

// ------------------------------------------------------------------------------------ error classes

/** Base of every typed mutation error. Messages never quote credentials or what the caller sent. */
export abstract class MutationFailure extends Error {
  constructor(
    readonly code: MutationErrorCode,
    message: string,
    /** The company the mutation acted on, when it was known. */
    readonly companyId: string | null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** No credential bound to the company with the write scope (or Pleo refused the one used). */
export class AccessDenied extends MutationFailure {
  constructor(
    code: AccessCode,
    message: string,
    companyId: string | null,
    readonly scope: string | null,
  ) {
    super(code, message, companyId);
  }
}

export interface ValidationIssue {
  /** Where in the arguments, e.g. `input.items.3.externalId`. */
  readonly path: string;
  readonly message: string;
  readonly code:
    | typeof ErrorCode.VALIDATION_FAILED
    | typeof ErrorCode.INVALID_ID
    | typeof ErrorCode.FOREIGN_ID;
}

/**
 * Input refused before any upstream call, with every problem at once. The code is the gravest issue's:
 * FOREIGN_ID (an id of another company), else INVALID_ID, else VALIDATION_FAILED.
 */
export class ValidationFailed extends MutationFailure {
  constructor(
    readonly issues: readonly ValidationIssue[],
    companyId: string | null,
  ) {
    const code = issues.some((i) => i.code === ErrorCode.FOREIGN_ID)
      ? ErrorCode.FOREIGN_ID
      : issues.some((i) => i.code === ErrorCode.INVALID_ID)
        ? ErrorCode.INVALID_ID
        : ErrorCode.VALIDATION_FAILED;
    super(code, `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, companyId);
  }
}

export class NotFound extends MutationFailure {
  constructor(message: string, companyId: string | null) {
    super(ErrorCode.NOT_FOUND, message, companyId);
  }
}

/** A Node branded with its GraphQL type, so `Conflict.existing` resolves to the right object type. */
export type ExistingObject = object;

/** Pleo refused the write as conflicting (409); `existing` is the object it clashed with, when known. */
export class Conflict extends MutationFailure {
  constructor(
    message: string,
    companyId: string | null,
    readonly upstreamType: string | null,
    readonly existing: ExistingObject | null = null,
  ) {
    super(ErrorCode.CONFLICT, message, companyId);
  }

  withExisting(existing: ExistingObject | null, message?: string): Conflict {
    return new Conflict(message ?? this.message, this.companyId, this.upstreamType, existing);
  }
}

/** Brands a company-owned object for `Conflict.existing` (a Node). */
export function existingAs<T extends object>(ref: Parameters<typeof brandWithType>[1], value: T): T {
  const copy = { ...value };
  brandWithType(copy, ref);
  return copy;
}

/** Pleo refuses to delete an account that accounting entries use: archive it instead. */
export class AccountInUse extends MutationFailure {
  constructor(
    readonly accountId: string,
    companyId: string,
  ) {
    super(
      ErrorCode.ACCOUNT_IN_USE,
      `Account ${accountId} is linked to accounting entries and cannot be deleted. Archive it instead (archiveAccount).`,
      companyId,
    );
  }
}

/** One running export job per company: Pleo refused a second one. */
export class ExportAlreadyInProgress extends MutationFailure {
  constructor(
    companyId: string,
    readonly runningJobs: readonly ExportJobModel[],
  ) {
    super(
      ErrorCode.EXPORT_ALREADY_IN_PROGRESS,
      `Company ${companyId} already has a running export job; finish (or fail) it before creating another.`,
      companyId,
    );
  }
}

/** An export job event or item update its current state does not allow (Pleo: 422). */
export class InvalidExportJobTransition extends MutationFailure {
  constructor(
    code:
      | typeof ErrorCode.INVALID_EXPORT_JOB_STATUS_CHANGE
      | typeof ErrorCode.EXPORT_JOB_STATUS_UNPROCESSABLE,
    message: string,
    companyId: string,
    readonly exportJobId: string,
    readonly attempted: string,
    readonly job: ExportJobModel | null,
  ) {
    super(code, message, companyId);
  }
}

/** Pleo refused the request (4xx other than the above), with its `ExceptionInfo.type`. */
export class UpstreamRejected extends MutationFailure {
  constructor(
    message: string,
    companyId: string | null,
    readonly upstreamStatus: number | null,
    readonly upstreamType: string | null,
  ) {
    super(ErrorCode.UPSTREAM_REJECTED, message, companyId);
  }
}

export class RateLimited extends MutationFailure {
  constructor(
    message: string,
    companyId: string | null,
    readonly retryAfterSeconds: number | null,
  ) {
    super(ErrorCode.RATE_LIMITED, message, companyId);
  }
}

/**
 * Pleo could not be reached or did not answer properly, for a request known not to have changed anything
 * (a read, or a write Pleo answered 503): safe to try again later when `retryable`.
 */
export class UpstreamUnavailable extends MutationFailure {
  constructor(
    code:
      | typeof ErrorCode.UPSTREAM_UNAVAILABLE
      | typeof ErrorCode.UPSTREAM_TIMEOUT
      | typeof ErrorCode.UPSTREAM_CONTRACT_VIOLATION
      | typeof ErrorCode.UPSTREAM_ISOLATION_VIOLATION,
    message: string,
    companyId: string | null,
    readonly upstreamStatus: number | null,
    readonly retryable: boolean,
  ) {
    super(code, message, companyId);
  }
}

/**
 * A write that may or may not have been applied: it was sent, and the connection dropped, timed out or
 * Pleo failed in a way that does not say (5xx other than 503, or a response that broke the contract).
 * Pleo has no idempotency keys, so the gateway never replays it; `check` says how to find out.
 */
export class WriteOutcomeUnknown extends MutationFailure {
  constructor(
    readonly operation: string,
    readonly check: string,
    companyId: string,
    /** What happened to the request (UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE, …). */
    readonly failure: MutationErrorCode,
  ) {
    super(
      ErrorCode.WRITE_OUTCOME_UNKNOWN,
      `Pleo ${operation} may or may not have been applied (${failure}); it was not retried. ${check}`,
      companyId,
    );
  }
}

// ------------------------------------------------------------------------------------- GraphQL types

export const MutationError = builder.interfaceRef<MutationFailure>("MutationError").implement({
  description: "A typed failure of a mutation (or of one company's part of an orchestration).",
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

const interfaces = [MutationError];

builder.objectType(AccessDenied, {
  name: "AccessDenied",
  description:
    "The request holds no credential bound to this company with the scope the mutation needs (NO_CREDENTIAL_FOR_COMPANY, MISSING_SCOPE, CREDENTIAL_BINDING_MISMATCH), or Pleo refused the credential (CREDENTIAL_REJECTED, UPSTREAM_FORBIDDEN). Nothing was written.",
  interfaces,
  isTypeOf: (value) => value instanceof AccessDenied,
  fields: (t) => ({
    scope: t.string({ nullable: true, description: "The Pleo scope required.", resolve: (e) => e.scope }),
  }),
});

const ValidationIssueRef = builder.objectRef<ValidationIssue>("ValidationIssue").implement({
  fields: (t) => ({
    path: t.exposeString("path", { description: "Argument path, e.g. `input.items.3.externalId`." }),
    message: t.exposeString("message"),
    code: t.field({ type: MutationErrorCodeEnum, resolve: (i) => i.code }),
  }),
});

builder.objectType(ValidationFailed, {
  name: "ValidationFailed",
  description:
    "The input was refused before anything was sent to Pleo. `issues` lists every problem at once; the code is FOREIGN_ID when an id belongs to another company, INVALID_ID for a malformed id, else VALIDATION_FAILED.",
  interfaces,
  isTypeOf: (value) => value instanceof ValidationFailed,
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueRef], resolve: (e) => [...e.issues] }),
  }),
});

builder.objectType(NotFound, {
  name: "NotFound",
  description: "Pleo has no such object in this company.",
  interfaces,
  isTypeOf: (value) => value instanceof NotFound,
  fields: () => ({}),
});

builder.objectType(Conflict, {
  name: "Conflict",
  description:
    "Pleo refused the write as conflicting (HTTP 409): typically an object with the same identifier (externalId or code) already exists; it is in `existing` when the gateway could find it.",
  interfaces,
  isTypeOf: (value) => value instanceof Conflict,
  fields: (t) => ({
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
});

builder.objectType(AccountInUse, {
  name: "AccountInUse",
  description:
    "Pleo refuses to delete an account that accounting entries use. Archive it instead with archiveAccount.",
  interfaces,
  isTypeOf: (value) => value instanceof AccountInUse,
  fields: (t) => ({
    accountId: t.field({ type: "UUID", resolve: (e) => e.accountId }),
    suggestedMutation: t.string({
      description: "What to do instead.",
      resolve: () => "archiveAccount",
    }),
  }),
});

builder.objectType(ExportAlreadyInProgress, {
  name: "ExportAlreadyInProgress",
  description:
    "Pleo allows one running (PENDING or IN_PROGRESS) export job per company. Finish or fail the running one first (Pleo expires a job one hour after its last update).",
  interfaces,
  isTypeOf: (value) => value instanceof ExportAlreadyInProgress,
  fields: (t) => ({
    runningJobs: t.field({
      type: [ExportJob],
      description: "The company's running jobs, oldest first (empty if they could not be read).",
      resolve: (e) => [...e.runningJobs],
    }),
  }),
});

builder.objectType(InvalidExportJobTransition, {
  name: "InvalidExportJobTransition",
  description:
    "The export job's current state does not allow this: INVALID_EXPORT_JOB_STATUS_CHANGE for an event (e.g. completing a job that was never started, or one that expired), EXPORT_JOB_STATUS_UNPROCESSABLE for item results of a finished job.",
  interfaces,
  isTypeOf: (value) => value instanceof InvalidExportJobTransition,
  fields: (t) => ({
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
});

builder.objectType(UpstreamRejected, {
  name: "UpstreamRejected",
  description: "Pleo refused the request; `upstreamType` is its ExceptionInfo type when it sent one.",
  interfaces,
  isTypeOf: (value) => value instanceof UpstreamRejected,
  fields: (t) => ({
    upstreamStatus: t.int({ nullable: true, resolve: (e) => e.upstreamStatus }),
    upstreamType: t.string({ nullable: true, resolve: (e) => e.upstreamType }),
  }),
});

builder.objectType(RateLimited, {
  name: "RateLimited",
  description: "Pleo rate-limited the request (HTTP 429); nothing was written.",
  interfaces,
  isTypeOf: (value) => value instanceof RateLimited,
  fields: (t) => ({
    retryAfterSeconds: t.int({ nullable: true, resolve: (e) => e.retryAfterSeconds }),
  }),
});

builder.objectType(UpstreamUnavailable, {
  name: "UpstreamUnavailable",
  description:
    "Pleo could not be reached or answered badly, for a request that changed nothing (a read, or a write Pleo answered with 503).",
  interfaces,
  isTypeOf: (value) => value instanceof UpstreamUnavailable,
  fields: (t) => ({
    upstreamStatus: t.int({ nullable: true, resolve: (e) => e.upstreamStatus }),
    retryable: t.boolean({
      description: "Whether trying again later is expected to help.",
      resolve: (e) => e.retryable,
    }),
  }),
});

builder.objectType(WriteOutcomeUnknown, {
  name: "WriteOutcomeUnknown",
  description:
    "A write was sent but its outcome is unknown (timeout, dropped connection, an ambiguous 5xx). Pleo has no idempotency keys, so it was not retried: check Pleo's state as `check` says before trying again.",
  interfaces,
  isTypeOf: (value) => value instanceof WriteOutcomeUnknown,
  fields: (t) => ({
    operation: t.string({ description: "The write, e.g. `vendor create`.", resolve: (e) => e.operation }),
    check: t.string({ description: "How to find out whether it was applied.", resolve: (e) => e.check }),
    cause: t.field({
      type: MutationErrorCodeEnum,
      description: "What happened to the request: UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE, …",
      resolve: (e) => e.failure,
    }),
  }),
});

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

// ------------------------------------------------------------------------------------ classification

/** What the gateway knows about the failed upstream call, to classify its error. */
export interface CallKind {
  readonly companyId: string | null;
  /** Present for a write: what it was, and how a caller can find out whether it was applied. */
  readonly write?: { readonly operation: string; readonly check: string };
}

/**
 * Turns what a credential lookup or a Pleo call threw into a typed MutationFailure.
 *
 * A write that timed out, lost its connection, got an ambiguous 5xx (anything but 503) or an answer that
 * broke the contract may have been applied: WriteOutcomeUnknown, never a retry. A write the client proves
 * it never sent (connection refused, open circuit, spent rate budget, full queue: `wasNotSent`) changed
 * nothing and is reported as such. Anything that is not a GatewayError is rethrown (and masked).
 */
export function failureFrom(error: unknown, kind: CallKind): MutationFailure {
  if (error instanceof MutationFailure) return error;
  if (!(error instanceof GatewayError)) throw error;
  const companyId = error.details.companyId?.toLowerCase() ?? kind.companyId;
  const status = error.details.upstreamStatus ?? null;
  const type = error.details.upstreamType ?? null;
  const notSent = wasNotSent(error);
  const outcomeUnknown = (cause: MutationErrorCode): WriteOutcomeUnknown | null =>
    kind.write && companyId && !notSent
      ? new WriteOutcomeUnknown(kind.write.operation, kind.write.check, companyId, cause)
      : null;
  // Codes of the client's resilience layer (deadline, breaker, queue, quarantine), matched by value.
  const code: string = error.code;
  switch (code) {
    case ErrorCode.NO_CREDENTIAL_FOR_COMPANY:
    case ErrorCode.MISSING_SCOPE:
    case ErrorCode.CREDENTIAL_BINDING_MISMATCH:
    case ErrorCode.CREDENTIAL_REJECTED:
    case ErrorCode.UPSTREAM_FORBIDDEN:
      return new AccessDenied(code, error.message, companyId, error.details.scope ?? null);
    case "CREDENTIAL_UNUSABLE":
      return new AccessDenied(ErrorCode.UPSTREAM_FORBIDDEN, error.message, companyId, null);
    case ErrorCode.INVALID_ID:
    case ErrorCode.FOREIGN_ID:
    case ErrorCode.VALIDATION_FAILED:
      return new ValidationFailed(
        error.details.issues?.map((i) => ({ ...i, code: ErrorCode.VALIDATION_FAILED })) ?? [
          { path: error.details.field ?? "input", message: error.message, code },
        ],
        companyId,
      );
    case ErrorCode.NOT_FOUND:
      return new NotFound(error.message, companyId);
    case ErrorCode.CONFLICT:
      return new Conflict(error.message, companyId, type);
    case ErrorCode.RATE_LIMITED:
      return new RateLimited(error.message, companyId, error.details.retryAfterSeconds ?? null);
    case ErrorCode.UPSTREAM_REJECTED:
      return new UpstreamRejected(error.message, companyId, status, type);
    case ErrorCode.UPSTREAM_UNAVAILABLE:
    case ErrorCode.UPSTREAM_TIMEOUT:
      return (
        (status === 503 ? null : outcomeUnknown(code)) ??
        new UpstreamUnavailable(code, error.message, companyId, status, true)
      );
    case ErrorCode.UPSTREAM_CONTRACT_VIOLATION:
    case ErrorCode.UPSTREAM_ISOLATION_VIOLATION:
      return outcomeUnknown(code) ?? new UpstreamUnavailable(code, error.message, companyId, status, false);
    case "DEADLINE_EXCEEDED":
      return (
        outcomeUnknown(ErrorCode.UPSTREAM_TIMEOUT) ??
        new UpstreamUnavailable(ErrorCode.UPSTREAM_TIMEOUT, error.message, companyId, status, true)
      );
    case "CIRCUIT_OPEN":
    case "UPSTREAM_QUEUE_FULL":
      return (
        outcomeUnknown(ErrorCode.UPSTREAM_UNAVAILABLE) ??
        new UpstreamUnavailable(ErrorCode.UPSTREAM_UNAVAILABLE, error.message, companyId, status, true)
      );
    default:
      throw error;
  }
}
