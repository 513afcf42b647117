import { brandWithType } from "@pothos/core";
import { ErrorCode } from "../../errors.ts";
import type { ExportJob as ExportJobModel } from "../../pleo/models/export.ts";
import type { AccessCode, MutationErrorCode } from "./error-codes.ts";

/*
 * The typed failures of mutations. A mutation field lists the ones it can produce (`error-members.ts`
 * gives each its GraphQL object type); the Pothos errors plugin turns a thrown instance into that member
 * of the field's result union. Anything else (a bug) stays a masked GraphQL error on that field alone,
 * since every mutation field is nullable.
 */

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
type ExistingObject = object;

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
