import { isPromise } from "../../support/maybe-async.ts";
import { sleep } from "../../upstream/deadline.ts";
import type { RetryReason, UpstreamEvent } from "../../upstream/events.ts";
import type { SharedRun } from "../../upstream/inflight.ts";
import { MIN_ATTEMPT_MS } from "../../upstream/options.ts";
import {
  type AttemptFailure,
  backoffMs,
  isRetryable,
  type RetryBudget,
  type RetryOptions,
} from "../../upstream/retry.ts";
import { type AttemptOptions, type AttemptOutcome, attempt } from "./attempt.ts";
import { type CallPlan, callSubject } from "./call-plan.ts";
import { type Gate, passGates } from "./gate.ts";
import type { RawResponse } from "./transport.ts";

export interface AttemptLoopOptions extends AttemptOptions {
  readonly gates: readonly Gate[];
  readonly retry: RetryOptions;
  readonly retryBudget: RetryBudget;
  /** Source of backoff jitter. */
  readonly random: () => number;
  emit(event: UpstreamEvent): void;
}

/**
 * One logical call: attempts, each through every gate, until one succeeds, the failure is not
 * retryable, the deadline leaves no room, or the retry budget is spent. Resolves with a 2xx response;
 * rejects with a GatewayError or the abort reason (deadline, cancellation).
 */
export async function runAttempts(
  options: AttemptLoopOptions,
  plan: CallPlan,
  run: SharedRun,
): Promise<RawResponse> {
  options.retryBudget.deposit();
  for (let n = 1; ; n++) {
    const passed = passGates(options.gates, plan, run);
    const settle = isPromise(passed) ? await passed : passed;
    let outcome: AttemptOutcome | undefined;
    try {
      outcome = await attempt(options, plan, run.signal, n);
    } finally {
      const settled = settle(outcome);
      if (isPromise(settled)) await settled;
    }
    if ("ok" in outcome) return outcome.ok;
    if ("aborted" in outcome) throw outcome.aborted;

    const { failure, error } = outcome;
    if (!isRetryable(failure, plan.safeRead) || n >= options.retry.maxAttempts) throw error;
    const retryAfterMs = failure.kind === "status" ? failure.retryAfterMs : undefined;
    const delayMs = backoffMs(n, options.retry, retryAfterMs, options.random);
    if (Date.now() + delayMs + MIN_ATTEMPT_MS > run.deadlineAt()) throw error;
    if (!options.retryBudget.tryWithdraw()) {
      options.emit({ type: "retry-budget-exhausted", ...callSubject(plan) });
      throw error;
    }
    options.emit({ type: "retry", ...callSubject(plan), attempt: n, delayMs, reason: retryReason(failure) });
    await sleep(delayMs, run.signal);
  }
}

function retryReason(failure: AttemptFailure): RetryReason {
  if (failure.kind === "network") return failure.timeout ? "timeout" : "network";
  return failure.status === 429 ? "status-429" : "status-5xx";
}
