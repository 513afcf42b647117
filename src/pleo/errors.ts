import { ErrorCode, GatewayError } from "../errors.ts";
import { exceptionInfo } from "./models/common.ts";

interface UpstreamErrorContext {
  readonly companyId: string | undefined;
  readonly operation: string;
}

/**
 * Maps a non-2xx Pleo response to a typed GatewayError. Pleo's `ExceptionInfo.type` is passed on as
 * `upstreamType`; its message is not echoed (it may quote request data), only summarised.
 */
export function upstreamStatusError(
  status: number,
  body: unknown,
  retryAfterHeader: string | undefined,
  ctx: UpstreamErrorContext,
): GatewayError {
  const info = exceptionInfo.safeParse(body);
  const upstreamType = info.success ? info.data.type : undefined;
  const details = { companyId: ctx.companyId, upstreamStatus: status, upstreamType };
  const what = `Pleo ${ctx.operation}`;
  if (status === 401) {
    return new GatewayError(
      ErrorCode.CREDENTIAL_REJECTED,
      `${what} refused the credential (revoked, expired or unknown to Pleo).`,
      details,
    );
  }
  if (status === 403) {
    return new GatewayError(
      ErrorCode.UPSTREAM_FORBIDDEN,
      `${what} was forbidden by Pleo for this credential.`,
      details,
    );
  }
  if (status === 404) return new GatewayError(ErrorCode.NOT_FOUND, `${what}: not found.`, details);
  if (status === 409) return new GatewayError(ErrorCode.CONFLICT, `${what}: conflict.`, details);
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(retryAfterHeader);
    return new GatewayError(ErrorCode.RATE_LIMITED, `${what} was rate limited by Pleo.`, {
      ...details,
      retryAfterSeconds,
    });
  }
  if (status >= 500) {
    return new GatewayError(
      ErrorCode.UPSTREAM_UNAVAILABLE,
      `${what} failed upstream (HTTP ${status}).`,
      details,
    );
  }
  return new GatewayError(
    ErrorCode.UPSTREAM_REJECTED,
    `${what} was rejected by Pleo${upstreamType ? ` (${upstreamType})` : ""}.`,
    details,
  );
}

/** `Retry-After` is either delta-seconds or an HTTP date. Absent or unparsable: undefined. */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * True when the failed call provably never reached Pleo, so a write was certainly not applied
 * (`GatewayError.notSent`). False means it may have been (a reset, a timeout after sending, a 5xx):
 * such a write is never replayed.
 */
export function wasNotSent(error: unknown): boolean {
  return error instanceof GatewayError && error.notSent;
}
