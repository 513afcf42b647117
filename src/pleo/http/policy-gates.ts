import { ErrorCode, GatewayError } from "../../errors.ts";
import { andThen, isPromise } from "../../support/maybe-async.ts";
import { type Bulkhead, QueueFull } from "../../upstream/bulkhead.ts";
import type { BreakerMeta, CircuitBreakerStore } from "../../upstream/circuit-breaker.ts";
import type { QuarantineMark, QuarantineStore } from "../../upstream/credential-quarantine.ts";
import { DeadlineExceeded } from "../../upstream/deadline.ts";
import type { UpstreamEvent } from "../../upstream/events.ts";
import type { FairRateBudget, FairReservation } from "../../upstream/fair-rate-budget.ts";
import { MIN_ATTEMPT_MS } from "../../upstream/options.ts";
import type { PleoCredential } from "../credential.ts";
import { type CallPlan, callSubject } from "./call-plan.ts";
import { type Gate, retryAfterSeconds, type SettleGate, statusFailure } from "./gate.ts";

/**
 * The resilience policies as gates, each refusing with its own typed error before anything is sent
 * (so every refusal is `notSent`: a write refused here was certainly not applied).
 */
type Emit = (event: UpstreamEvent) => void;

interface PolicyGateOptions {
  readonly quarantine: QuarantineStore;
  readonly breakers: CircuitBreakerStore;
  readonly rateBudget: FairRateBudget;
  readonly bulkhead: Bulkhead;
  readonly emit: Emit;
  /** Pleo refused a credential (401, or a company-wide 403). */
  readonly onRefused: (credential: PleoCredential, status: number) => void;
}

/**
 * In order: the cheap refusals first (a credential set aside, an open breaker), before any rate budget
 * is spent; then the rate budget, which may wait; then a connection slot; and only with the slot in
 * hand the breaker's admission, so a half-open breaker's few probes are not spent waiting in the queue.
 */
export function policyGates(options: PolicyGateOptions): readonly Gate[] {
  return [
    quarantineGate(options),
    breakerOpenGate(options),
    rateBudgetGate(options),
    bulkheadGate(options),
    breakerAdmissionGate(options),
  ];
}

/** A credential Pleo refused moments ago is not sent again (CREDENTIAL_REJECTED/CREDENTIAL_UNUSABLE). */
function quarantineGate({ quarantine, emit, onRefused }: PolicyGateOptions): Gate {
  const learn = async (plan: CallPlan, status: 401 | 403): Promise<void> => {
    const marked = await quarantine.refuse(plan.credential.hash, status, {
      endpoint: plan.endpoint,
      url: plan.pathAndQuery,
      companyId: plan.companyId,
      unboundSubject: plan.unboundSubject,
    });
    if (marked) emit({ type: "quarantined", ...callSubject(plan), status });
    // A refused credential's cached binding may be stale (revoked, scopes withdrawn): forget it.
    if (marked || status === 401) onRefused(plan.credential, status);
  };
  const admit = (plan: CallPlan, mark: QuarantineMark | undefined): SettleGate => {
    // A 403 mark concerns company calls only; introspection still tells whom the credential belongs to.
    if (mark && (mark.status === 401 || plan.companyId !== undefined)) {
      const seconds = retryAfterSeconds(mark.retryAfterMs);
      emit({ type: "quarantine-rejected", ...callSubject(plan), status: mark.status });
      throw mark.status === 401
        ? new GatewayError(
            ErrorCode.CREDENTIAL_REJECTED,
            `Pleo refused this credential (HTTP 401) moments ago; the gateway will not send it again for ${seconds} s.`,
            { companyId: plan.companyId, upstreamStatus: 401, retryAfterSeconds: seconds },
            { notSent: true },
          )
        : new GatewayError(
            ErrorCode.CREDENTIAL_UNUSABLE,
            `Pleo refused this credential for ${plan.operation} (HTTP 403) moments ago; the gateway will not try it again for ${seconds} s. Check the credential's scopes in Pleo.`,
            { companyId: plan.companyId, upstreamStatus: 403, retryAfterSeconds: seconds },
            { notSent: true },
          );
    }
    return (outcome) => {
      const status = statusFailure(outcome)?.status;
      if (status === 401 || status === 403) return learn(plan, status);
    };
  };
  return (plan) =>
    andThen(quarantine.check(plan.credential.hash, plan.endpoint), (mark) => admit(plan, mark));
}

/** While the breaker is open, fail fast (CIRCUIT_OPEN) without reserving anything. */
function breakerOpenGate({ breakers, emit }: PolicyGateOptions): Gate {
  return (plan) =>
    andThen(breakers.isOpen(plan.breakerKey), (open) => {
      if (open) throw circuitOpen(plan, open.retryAfterMs, emit);
      return undefined; // nothing held, nothing to learn: the admission gate judges the attempt
    });
}

/**
 * Waits for this credential's next slot, in turn with the other callers drawing on it, if the turn comes
 * within the deadline; else RATE_LIMITED.
 */
function rateBudgetGate({ rateBudget, emit }: PolicyGateOptions): Gate {
  const learn = async (plan: CallPlan, retryAfterMs: number | undefined): Promise<void> => {
    // Pleo's word for this credential: no call with it before Retry-After (1 s when unstated).
    const pauseMs = retryAfterMs ?? 1_000;
    await rateBudget.pause(plan.credential.hash, Date.now() + pauseMs);
    emit({ type: "rate-paused", ...callSubject(plan), pauseMs });
  };
  const admit = (plan: CallPlan, reservation: FairReservation): SettleGate => {
    if (!reservation.granted) {
      const seconds = retryAfterSeconds(reservation.retryAfterMs);
      emit({ type: "rate-rejected", ...callSubject(plan), retryAfterMs: reservation.retryAfterMs });
      throw new GatewayError(
        ErrorCode.RATE_LIMITED,
        `The rate budget for this credential is spent; ${plan.operation} was not sent (retry in ${seconds} s).`,
        { companyId: plan.companyId, retryAfterSeconds: seconds },
        { notSent: true },
      );
    }
    if (reservation.waitedMs > 0)
      emit({ type: "rate-wait", ...callSubject(plan), waitMs: reservation.waitedMs });
    return (outcome) => {
      const failure = statusFailure(outcome);
      if (failure?.status === 429) return learn(plan, failure.retryAfterMs);
    };
  };
  return (plan, run) => {
    const maxWaitMs = run.deadlineAt() - Date.now() - MIN_ATTEMPT_MS;
    const reservation = rateBudget.reserve(
      plan.credential.hash,
      plan.caller,
      Math.max(0, maxWaitMs),
      run.signal,
    );
    return andThen(reservation, (granted) => admit(plan, granted));
  };
}

/** A connection slot within the per-credential and overall bounds; UPSTREAM_QUEUE_FULL when none is near. */
function bulkheadGate({ bulkhead, emit }: PolicyGateOptions): Gate {
  const refuse = (plan: CallPlan, error: unknown): never => {
    if (!(error instanceof QueueFull)) throw error;
    emit({ type: "queue-rejected", ...callSubject(plan) });
    throw new GatewayError(
      ErrorCode.UPSTREAM_QUEUE_FULL,
      `Too many calls to Pleo are waiting; ${plan.operation} was not sent.`,
      { companyId: plan.companyId },
      { cause: error, notSent: true },
    );
  };
  return (plan, run) => {
    // The release is the gate's settlement: it ignores the outcome.
    const release = bulkhead.acquire(plan.credential.hash, run.signal);
    return isPromise(release) ? release.catch((error: unknown) => refuse(plan, error)) : release;
  };
}

/** The breaker's say right before sending (a half-open one admits a few probes); then its verdict. */
function breakerAdmissionGate({ breakers, emit }: PolicyGateOptions): Gate {
  return (plan) => {
    const key = plan.breakerKey;
    const meta: BreakerMeta = { companyId: plan.companyId, credentialId: plan.credential.id };
    return andThen(breakers.admit(key, meta), (admission): SettleGate => {
      if (!admission.admitted) throw circuitOpen(plan, admission.retryAfterMs, emit);
      const { probe } = admission;
      return (outcome) => {
        if (!outcome) return breakers.release(key, probe);
        if ("ok" in outcome) return breakers.success(key, meta, probe);
        if ("aborted" in outcome) {
          // Cut off by the deadline while Pleo had not answered: that is on Pleo's side.
          return outcome.aborted instanceof DeadlineExceeded
            ? breakers.failure(key, meta, probe)
            : breakers.release(key, probe);
        }
        const unhealthy = outcome.failure.kind === "network" || outcome.failure.status >= 500;
        return unhealthy ? breakers.failure(key, meta, probe) : breakers.success(key, meta, probe);
      };
    });
  };
}

function circuitOpen(plan: CallPlan, retryAfterMs: number, emit: Emit): GatewayError {
  const seconds = retryAfterSeconds(retryAfterMs);
  emit({ type: "breaker-rejected", ...callSubject(plan), retryAfterMs });
  return new GatewayError(
    ErrorCode.CIRCUIT_OPEN,
    `Pleo has been failing for this company; ${plan.operation} was not attempted (retry in ${seconds} s).`,
    { companyId: plan.companyId, retryAfterSeconds: seconds },
    { notSent: true },
  );
}
