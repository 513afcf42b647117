import { ErrorCode, GatewayError } from "../../errors.ts";
import { DeadlineExceeded, RequestCancelled } from "../../upstream/deadline.ts";
import type { CallPlan } from "./call-plan.ts";

/**
 * The typed error for a call cut short by its deadline or by its caller going away. Only a call that
 * never left is provably not applied; one already sent may have been, so a write must then be reported
 * as of unknown outcome, never as safe to resend.
 */
export function abortError(reason: unknown, plan: CallPlan): GatewayError {
  const notSent = !plan.progress.sent;
  const { companyId, operation } = plan;
  if (reason instanceof RequestCancelled) {
    return new GatewayError(
      ErrorCode.DEADLINE_EXCEEDED,
      `The request was cancelled before Pleo ${operation} completed.`,
      { companyId },
      { cause: reason, notSent },
    );
  }
  if (reason instanceof DeadlineExceeded) {
    return notSent
      ? new GatewayError(
          ErrorCode.DEADLINE_EXCEEDED,
          `The request deadline (${reason.budgetMs} ms) passed before Pleo ${operation} could be sent.`,
          { companyId },
          { cause: reason, notSent },
        )
      : new GatewayError(
          ErrorCode.UPSTREAM_TIMEOUT,
          `Pleo ${operation} did not answer within the request deadline (${reason.budgetMs} ms).`,
          { companyId },
          { cause: reason },
        );
  }
  // Not an abort we know: an unexpected failure, reported as such (never with its message).
  return new GatewayError(
    ErrorCode.UPSTREAM_UNAVAILABLE,
    `Pleo ${operation} could not be completed.`,
    { companyId },
    { cause: reason },
  );
}
