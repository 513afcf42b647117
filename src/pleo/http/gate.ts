import { isPromise, type MaybePromise } from "../../support/maybe-async.ts";
import type { SharedRun } from "../../upstream/inflight.ts";
import type { AttemptFailure } from "../../upstream/retry.ts";
import type { AttemptOutcome } from "./attempt.ts";
import type { CallPlan } from "./call-plan.ts";

/**
 * A policy every attempt passes before it goes out (see policy-gates.ts). A gate refuses by throwing
 * its own typed error; it admits by returning, optionally with a function to call once the attempt is
 * over: to give back what it holds (a connection slot, a breaker probe) and to learn from the outcome
 * (a refused credential, a 429). Gates may be asynchronous, so their state can live outside the process.
 */
export type Gate = (
  plan: CallPlan,
  run: SharedRun,
) => SettleGate | undefined | Promise<SettleGate | undefined>;

/** Called once per admitted attempt; `undefined` when the attempt never went out (a later gate refused). */
export type SettleGate = (outcome: AttemptOutcome | undefined) => MaybePromise<void>;

/**
 * Passes `gates` in order. The returned function settles every gate that admitted the attempt, the
 * last one first (as resources are released). When a gate refuses, the ones before it are settled at
 * once and its error is thrown (as a rejected promise). Synchronous as long as every gate answers
 * synchronously, as the in-memory ones do: no promise per gate on the common path.
 */
export function passGates(gates: readonly Gate[], plan: CallPlan, run: SharedRun): MaybePromise<SettleGate> {
  const admitted: SettleGate[] = [];
  const settle: SettleGate = (outcome) => settleAll(admitted, outcome);
  for (let i = 0; i < gates.length; i++) {
    let answer: ReturnType<Gate>;
    try {
      answer = (gates[i] as Gate)(plan, run);
    } catch (refusal) {
      return refused(settle, refusal);
    }
    if (isPromise(answer)) return passRemaining(gates, i, answer, admitted, settle, plan, run);
    if (answer) admitted.push(answer);
  }
  return settle;
}

async function passRemaining(
  gates: readonly Gate[],
  from: number,
  pending: Promise<SettleGate | undefined>,
  admitted: SettleGate[],
  settle: SettleGate,
  plan: CallPlan,
  run: SharedRun,
): Promise<SettleGate> {
  try {
    const first = await pending;
    if (first) admitted.push(first);
    for (let i = from + 1; i < gates.length; i++) {
      const answer = await (gates[i] as Gate)(plan, run);
      if (answer) admitted.push(answer);
    }
  } catch (refusal) {
    return refused(settle, refusal);
  }
  return settle;
}

/** The refusal is what the caller must see, not a failure to hand back what earlier gates gave. */
async function refused(settle: SettleGate, refusal: unknown): Promise<never> {
  try {
    await settle(undefined);
  } catch {}
  throw refusal;
}

/** Every gate is settled even if one fails (e.g. its store is unreachable): a slot must never leak. */
function settleAll(admitted: readonly SettleGate[], outcome: AttemptOutcome | undefined): MaybePromise<void> {
  let failure: { error: unknown } | undefined;
  for (let i = admitted.length - 1; i >= 0; i--) {
    let settled: ReturnType<SettleGate>;
    try {
      settled = (admitted[i] as SettleGate)(outcome);
    } catch (error) {
      failure ??= { error };
      continue;
    }
    if (isPromise(settled)) return settleRemaining(admitted, i, settled, outcome, failure);
  }
  if (failure) throw failure.error;
}

async function settleRemaining(
  admitted: readonly SettleGate[],
  at: number,
  pending: Promise<void>,
  outcome: AttemptOutcome | undefined,
  failure: { error: unknown } | undefined,
): Promise<void> {
  try {
    await pending;
  } catch (error) {
    failure ??= { error };
  }
  for (let i = at - 1; i >= 0; i--) {
    try {
      await (admitted[i] as SettleGate)(outcome);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/** The failure of an attempt Pleo answered with an error status, if it was that. */
export function statusFailure(
  outcome: AttemptOutcome | undefined,
): Extract<AttemptFailure, { kind: "status" }> | undefined {
  return outcome && "failure" in outcome && outcome.failure.kind === "status" ? outcome.failure : undefined;
}

/** A wait in milliseconds as the whole seconds a caller is told to wait (at least one). */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
