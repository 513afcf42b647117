import { ErrorCode } from "../../errors.ts";
import { builder } from "../builder.ts";

/** Every code a MutationError can carry. Published codes are never renamed or reused. */
const MUTATION_ERROR_CODES = [
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

/** Codes of an AccessDenied result: no usable credential for the company, or Pleo refused it. */
export type AccessCode =
  | typeof ErrorCode.NO_CREDENTIAL_FOR_COMPANY
  | typeof ErrorCode.MISSING_SCOPE
  | typeof ErrorCode.CREDENTIAL_BINDING_MISMATCH
  | typeof ErrorCode.CREDENTIAL_REJECTED
  | typeof ErrorCode.UPSTREAM_FORBIDDEN;

export const MutationErrorCodeEnum = builder.enumType("MutationErrorCode", {
  description: "Stable codes of MutationError results (the same vocabulary as `extensions.code`).",
  values: Object.fromEntries(MUTATION_ERROR_CODES.map((code) => [code, { value: code }])) as Record<
    MutationErrorCode,
    { value: MutationErrorCode }
  >,
});
