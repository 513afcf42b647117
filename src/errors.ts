import { GraphQLError } from "graphql";

/**
 * Stable error codes. Clients branch on `extensions.code`, never on messages, so a code once published is
 * never renamed or reused (the same discipline as jose's `ERR_*` codes).
 */
export const ErrorCode = {
  // Caller authentication: the whole request is refused with HTTP 401.
  AUTH_TOKEN_MALFORMED: "AUTH_TOKEN_MALFORMED",
  AUTH_TOKEN_EXPIRED: "AUTH_TOKEN_EXPIRED",
  AUTH_TOKEN_NOT_YET_VALID: "AUTH_TOKEN_NOT_YET_VALID",
  AUTH_TOKEN_INVALID_SIGNATURE: "AUTH_TOKEN_INVALID_SIGNATURE",
  AUTH_TOKEN_CLAIM_INVALID: "AUTH_TOKEN_CLAIM_INVALID",
  AUTH_TOKEN_UNKNOWN_KEY: "AUTH_TOKEN_UNKNOWN_KEY",
  AUTH_TOKEN_ALGORITHM_NOT_ALLOWED: "AUTH_TOKEN_ALGORITHM_NOT_ALLOWED",
  AUTH_NOT_CONFIGURED: "AUTH_NOT_CONFIGURED",
  AUTH_KEYS_UNAVAILABLE: "AUTH_KEYS_UNAVAILABLE",
  CREDENTIAL_HEADER_MALFORMED: "CREDENTIAL_HEADER_MALFORMED",
  CREDENTIAL_REJECTED: "CREDENTIAL_REJECTED",
  // Per-company access: the field is null, the rest of the response resolves.
  NO_CREDENTIAL_FOR_COMPANY: "NO_CREDENTIAL_FOR_COMPANY",
  MISSING_SCOPE: "MISSING_SCOPE",
  CREDENTIAL_BINDING_MISMATCH: "CREDENTIAL_BINDING_MISMATCH",
  ORGANISATION_NOT_ACCESSIBLE: "ORGANISATION_NOT_ACCESSIBLE",
  // Inputs.
  INVALID_ID: "INVALID_ID",
  FOREIGN_ID: "FOREIGN_ID",
  INVALID_CURSOR: "INVALID_CURSOR",
  FOREIGN_CURSOR: "FOREIGN_CURSOR",
  PAGE_SIZE_TOO_LARGE: "PAGE_SIZE_TOO_LARGE",
  INVALID_PAGINATION: "INVALID_PAGINATION",
  VALIDATION_FAILED: "VALIDATION_FAILED",
  // Upstream (Pleo).
  NOT_FOUND: "NOT_FOUND",
  UPSTREAM_FORBIDDEN: "UPSTREAM_FORBIDDEN",
  UPSTREAM_REJECTED: "UPSTREAM_REJECTED",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "RATE_LIMITED",
  UPSTREAM_UNAVAILABLE: "UPSTREAM_UNAVAILABLE",
  UPSTREAM_TIMEOUT: "UPSTREAM_TIMEOUT",
  UPSTREAM_CONTRACT_VIOLATION: "UPSTREAM_CONTRACT_VIOLATION",
  UPSTREAM_ISOLATION_VIOLATION: "UPSTREAM_ISOLATION_VIOLATION",
  // Request hardening (before execution; no upstream call).
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  QUERY_TOO_LARGE: "QUERY_TOO_LARGE",
  REQUEST_TOO_LARGE: "REQUEST_TOO_LARGE",
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  PERSISTED_QUERY_REQUIRED: "PERSISTED_QUERY_REQUIRED",
  CSRF_CHECK_FAILED: "CSRF_CHECK_FAILED",
  CALLER_RATE_LIMITED: "CALLER_RATE_LIMITED",
  // Verification of caller-sent credentials (the whole request is refused, before any upstream call).
  INTROSPECTION_RATE_LIMITED: "INTROSPECTION_RATE_LIMITED",
  INTROSPECTION_QUEUE_FULL: "INTROSPECTION_QUEUE_FULL",
  // Mutations: codes of the typed error results (src/schema/mutations/results.ts).
  WRITE_OUTCOME_UNKNOWN: "WRITE_OUTCOME_UNKNOWN",
  ACCOUNT_IN_USE: "ACCOUNT_IN_USE",
  EXPORT_ALREADY_IN_PROGRESS: "EXPORT_ALREADY_IN_PROGRESS",
  INVALID_EXPORT_JOB_STATUS_CHANGE: "INVALID_EXPORT_JOB_STATUS_CHANGE",
  EXPORT_JOB_STATUS_UNPROCESSABLE: "EXPORT_JOB_STATUS_UNPROCESSABLE",
  // Upstream resilience (per field, with extensions.companyId).
  DEADLINE_EXCEEDED: "DEADLINE_EXCEEDED",
  CIRCUIT_OPEN: "CIRCUIT_OPEN",
  CREDENTIAL_UNUSABLE: "CREDENTIAL_UNUSABLE",
  UPSTREAM_QUEUE_FULL: "UPSTREAM_QUEUE_FULL",
  /** The request has made its MAX_UPSTREAM_CALLS_PER_REQUEST reads of Pleo (with extensions.limit). */
  UPSTREAM_CALL_LIMIT: "UPSTREAM_CALL_LIMIT",
  // Company connections (src/connections): the stored credential of one company, per field.
  REAUTHORIZATION_REQUIRED: "REAUTHORIZATION_REQUIRED",
  VAULT_RECORD_UNREADABLE: "VAULT_RECORD_UNREADABLE",
  CONNECTION_STORE_UNAVAILABLE: "CONNECTION_STORE_UNAVAILABLE",
  // Managing connections: the caller's JWT manage claim does not cover the subject.
  CONNECTION_MANAGE_DENIED: "CONNECTION_MANAGE_DENIED",
  // Pleo webhooks (src/webhooks): managing a company's subscriptions.
  WEBHOOKS_NOT_CONFIGURED: "WEBHOOKS_NOT_CONFIGURED",
  WEBHOOK_SECRET_STORE_UNAVAILABLE: "WEBHOOK_SECRET_STORE_UNAVAILABLE",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

interface GatewayErrorDetails {
  /** The company the failed operation concerned, so partial results can be attributed. */
  companyId?: string;
  organisationId?: string;
  scope?: string;
  upstreamStatus?: number;
  upstreamType?: string;
  retryAfterSeconds?: number;
  field?: string;
  limit?: number;
  /** Every input problem at once, for VALIDATION_FAILED. */
  issues?: readonly { readonly path: string; readonly message: string }[];
}

interface GatewayErrorOptions {
  /** The HTTP status of the whole response, for errors that refuse the request (e.g. 401). */
  readonly httpStatus?: number;
  /**
   * What went wrong underneath (the ES2022 error cause): the network, abort or validation error this
   * one reports. For debugging only: it is never part of a GraphQL response (see the class comment).
   */
  readonly cause?: unknown;
  /** The failed Pleo call provably never reached Pleo (see `GatewayError.notSent`). */
  readonly notSent?: boolean;
}

/**
 * The one error type the gateway raises on purpose. It is a GraphQLError, so Yoga's masking lets it
 * through with its code while masking everything else as "Unexpected error.".
 * Messages are written for the caller and must never contain a credential.
 *
 * A cause is kept as the standard, non-enumerable `cause`, never as GraphQL's `originalError` (Yoga
 * masks a GraphQLError whose originalError is not one) nor in `extensions`: a GraphQL error serialises
 * only message, locations, path and extensions, so the cause stays on the server.
 */
export class GatewayError extends GraphQLError {
  readonly code: ErrorCode;
  readonly details: GatewayErrorDetails;
  /**
   * True when this error ends a Pleo call before the request could have reached Pleo (connection
   * refused, open breaker, spent rate budget, full queue, deadline passed before sending). Only then was
   * a write certainly not applied, and only then may it be sent again.
   */
  readonly notSent: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    details: GatewayErrorDetails = {},
    options: GatewayErrorOptions = {},
  ) {
    const { httpStatus, cause, notSent = false } = options;
    const extensions: Record<string, unknown> = { code, ...definedOnly(details) };
    if (httpStatus !== undefined) {
      extensions.http = {
        status: httpStatus,
        ...(httpStatus === 401 ? { headers: { "WWW-Authenticate": 'Bearer realm="pleo-gateway"' } } : {}),
      };
    }
    super(message, { extensions });
    this.name = "GatewayError";
    this.code = code;
    this.details = details;
    this.notSent = notSent;
    if (cause !== undefined) {
      Object.defineProperty(this, "cause", { value: cause, writable: true, configurable: true });
    }
  }
}

function definedOnly(details: GatewayErrorDetails): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
}
