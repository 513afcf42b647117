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
type SettleGate = (outcome: AttemptOutcome | undefined) => void | Promise<void>;

/**
 * Passes `gates` in order. The returned function settles every gate that admitted the attempt, the
 * last one first (as resources are released). When a gate refuses, the ones before it are settled at
 * once and its error is thrown.
 */
export async function passGates(gates: readonly Gate[], plan: CallPlan, run: SharedRun): Promise<SettleGate> {
  const admitted: SettleGate[] = [];
  const settle = async (outcome: AttemptOutcome | undefined): Promise<void> => {
    // Every gate is settled even if one fails (e.g. its store is unreachable): a slot must never leak.
    let failure: { error: unknown } | undefined;
    for (let i = admitted.length - 1; i >= 0; i--) {
      try {
        await admitted[i]?.(outcome);
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  };
  try {
    for (const gate of gates) {
      const settleGate = await gate(plan, run);
      if (settleGate) admitted.push(settleGate);
    }
  } catch (refusal) {
    // The refusal is what the caller must see, not a failure to hand back what earlier gates gave.
    await settle(undefined).catch(() => {});
    throw refusal;
  }
  return settle;
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
