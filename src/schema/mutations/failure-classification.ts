import { ErrorCode, GatewayError } from "../../errors.ts";
import { wasNotSent } from "../../pleo/errors.ts";
import type { MutationErrorCode } from "./error-codes.ts";
import {
  AccessDenied,
  Conflict,
  MutationFailure,
  NotFound,
  RateLimited,
  UpstreamRejected,
  UpstreamUnavailable,
  ValidationFailed,
  WriteOutcomeUnknown,
} from "./failures.ts";

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
  const code = error.code;
  switch (code) {
    case ErrorCode.NO_CREDENTIAL_FOR_COMPANY:
    case ErrorCode.MISSING_SCOPE:
    case ErrorCode.CREDENTIAL_BINDING_MISMATCH:
    case ErrorCode.CREDENTIAL_REJECTED:
    case ErrorCode.UPSTREAM_FORBIDDEN:
      return new AccessDenied(code, error.message, companyId, error.details.scope ?? null);
    case ErrorCode.CREDENTIAL_UNUSABLE:
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
    case ErrorCode.DEADLINE_EXCEEDED:
      return (
        outcomeUnknown(ErrorCode.UPSTREAM_TIMEOUT) ??
        new UpstreamUnavailable(ErrorCode.UPSTREAM_TIMEOUT, error.message, companyId, status, true)
      );
    case ErrorCode.CIRCUIT_OPEN:
    case ErrorCode.UPSTREAM_QUEUE_FULL:
      return (
        outcomeUnknown(ErrorCode.UPSTREAM_UNAVAILABLE) ??
        new UpstreamUnavailable(ErrorCode.UPSTREAM_UNAVAILABLE, error.message, companyId, status, true)
      );
    default:
      throw error;
  }
}
