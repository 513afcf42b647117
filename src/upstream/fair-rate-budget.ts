import { isPromise, type MaybePromise } from "../support/maybe-async.ts";
import { onAbort } from "./abort-listeners.ts";
import type { RateBudgetOptions, RateBudgetStore, Reservation } from "./rate-budget.ts";

/**
 * Fair shares of one credential's rate budget between the callers drawing on it. Many JWT callers can
 * be served by one gateway-held credential; if the budget simply granted slots in arrival order, one
 * caller's burst would reserve every slot of the coming seconds and the others' calls would wait past
 * their deadlines. So a call never reserves a future slot: when the budget is pacing, it waits in its
 * caller's line, and each slot as it comes goes to the next caller in turn (round robin, first come
 * first served within a caller). A caller with a few calls waits about one slot per other waiting
 * caller, however many calls a flooding caller has queued.
 *
 * It sits in front of any `RateBudgetStore` (in memory, or the fleet's in Redis), asking it only for
 * slots free *now*, so the store's bound (`perMinute` in any 60 s, Pleo's 429 pauses, the fleet's
 * shared budget) holds unchanged. Turns are kept per process: in a fleet, each instance shares its own
 * calls fairly and instances draw on the shared budget as they find slots free.
 */
export type FairReservation =
  /** A slot is taken: send now. `waitedMs`: how long the call waited for it. */
  | { readonly granted: true; readonly waitedMs: number }
  /** No slot within the allowed wait: try again in `retryAfterMs`. Nothing was taken. */
  | { readonly granted: false; readonly retryAfterMs: number };

const GRANTED_AT_ONCE: FairReservation = Object.freeze({ granted: true, waitedMs: 0 });

interface Waiter {
  /** The slot is this waiter's: stop waiting and send. */
  readonly grant: () => void;
}

/** The waiting calls for one credential. */
interface Line {
  /** Callers with waiting calls, in turn order: a Map keeps insertion order, a served caller re-enters last. */
  readonly callers: Map<string, Waiter[]>;
  size: number;
  /** Epoch ms of the budget's next free slot, as last learnt from the store. */
  nextSlotAt: number;
  /** The next attempt to take a slot for this line; absent while one is under way. */
  timer: NodeJS.Timeout | undefined;
}

export class FairRateBudget {
  readonly #store: RateBudgetStore;
  readonly #intervalMs: number;
  readonly #lines = new Map<string, Line>();

  constructor(store: RateBudgetStore, options: RateBudgetOptions) {
    this.#store = store;
    this.#intervalMs = 60_000 / Math.max(1, options.perMinute - options.burst);
  }

  /**
   * A slot of `key`'s budget for a call of `caller`, if its turn comes within `maxWaitMs`. Rejects with
   * the signal's reason if the signal aborts while waiting. When nobody waits for the credential and
   * the store has a slot free now (the common case), the answer is there at once, without a promise.
   */
  reserve(
    key: string,
    caller: string,
    maxWaitMs: number,
    signal: AbortSignal,
  ): MaybePromise<FairReservation> {
    if (signal.aborted) return Promise.reject(signal.reason);
    const startedAt = Date.now();
    if (this.#lines.has(key)) return this.#takeTurn(key, caller, maxWaitMs, signal, startedAt, undefined);
    // Nobody waits for this credential: take a free slot at once, if there is one.
    const now = this.#store.reserve(key, 0);
    if (isPromise(now)) {
      return now.then((free) =>
        free.granted ? GRANTED_AT_ONCE : this.#takeTurn(key, caller, maxWaitMs, signal, startedAt, free),
      );
    }
    return now.granted ? GRANTED_AT_ONCE : this.#takeTurn(key, caller, maxWaitMs, signal, startedAt, now);
  }

  /** In line for the next slot, behind the callers already waiting; `refused`: the store's answer just now. */
  #takeTurn(
    key: string,
    caller: string,
    maxWaitMs: number,
    signal: AbortSignal,
    startedAt: number,
    refused: Extract<Reservation, { granted: false }> | undefined,
  ): MaybePromise<FairReservation> {
    let line = this.#lines.get(key);
    if (!line) {
      const retryAfterMs = refused?.retryAfterMs ?? 0;
      if (retryAfterMs > maxWaitMs) return { granted: false, retryAfterMs };
      line = this.#open(key, retryAfterMs);
    }
    const turnMs = this.#turnIn(line, caller);
    // A turn that cannot come in time fails now, not at the deadline (later callers may still push it back).
    if (turnMs > maxWaitMs) return { granted: false, retryAfterMs: Math.ceil(turnMs) };
    return this.#wait(line, caller, maxWaitMs, signal, startedAt);
  }

  /** No slot for `key` before `untilMs`, e.g. after Pleo answered 429 (see `RateBudgetStore.pause`). */
  async pause(key: string, untilMs: number): Promise<void> {
    await this.#store.pause(key, untilMs);
    const line = this.#lines.get(key);
    if (line) line.nextSlotAt = Math.max(line.nextSlotAt, untilMs);
  }

  #open(key: string, retryAfterMs: number): Line {
    const line: Line = {
      callers: new Map(),
      size: 0,
      nextSlotAt: Date.now() + retryAfterMs,
      timer: undefined,
    };
    this.#lines.set(key, line);
    this.#schedule(key, line, retryAfterMs);
    return line;
  }

  /**
   * When a new call of `caller` would get its slot: after its own waiting calls, and after one call of
   * each other caller per round it waits (at most as many as that caller has waiting).
   */
  #turnIn(line: Line, caller: string): number {
    const own = line.callers.get(caller)?.length ?? 0;
    let ahead = own;
    for (const [other, waiters] of line.callers)
      if (other !== caller) ahead += Math.min(waiters.length, own + 1);
    return Math.max(0, line.nextSlotAt - Date.now()) + ahead * this.#intervalMs;
  }

  #wait(
    line: Line,
    caller: string,
    maxWaitMs: number,
    signal: AbortSignal,
    startedAt: number,
  ): Promise<FairReservation> {
    return new Promise<FairReservation>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const leave = (): void => {
        clearTimeout(expiry);
        stopListening();
        const queue = line.callers.get(caller);
        const index = queue?.indexOf(waiter) ?? -1;
        if (!queue || index < 0) return;
        queue.splice(index, 1);
        line.size -= 1;
        if (queue.length === 0) line.callers.delete(caller);
      };
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(expiry);
          stopListening();
          resolve({ granted: true, waitedMs: Date.now() - startedAt });
        },
      };
      const expiry = setTimeout(() => {
        leave();
        const retryAfterMs = Math.max(this.#intervalMs, line.nextSlotAt - Date.now());
        resolve({ granted: false, retryAfterMs: Math.ceil(retryAfterMs) });
      }, maxWaitMs);
      expiry.unref();
      const stopListening = onAbort(signal, () => {
        leave();
        reject(signal.reason);
      });
      const queue = line.callers.get(caller);
      if (queue) queue.push(waiter);
      else line.callers.set(caller, [waiter]);
      line.size += 1;
    });
  }

  #schedule(key: string, line: Line, delayMs: number): void {
    line.timer = setTimeout(() => void this.#serve(key, line), Math.max(0, delayMs));
    line.timer.unref();
  }

  /** Hands out the slots free now, one per caller in turn; then waits for the next one. */
  async #serve(key: string, line: Line): Promise<void> {
    line.timer = undefined;
    try {
      while (line.size > 0) {
        const slot = await this.#store.reserve(key, 0);
        if (!slot.granted) {
          line.nextSlotAt = Date.now() + slot.retryAfterMs;
          this.#schedule(key, line, slot.retryAfterMs);
          return;
        }
        // (Everyone may have left during the store's answer: that slot is then unused, never over-spent.)
        this.#nextInTurn(line)?.grant();
      }
    } catch {
      // The store failed (it is meant to answer even without Redis): try again at the next slot.
      this.#schedule(key, line, this.#intervalMs);
      return;
    }
    if (this.#lines.get(key) === line) this.#lines.delete(key);
  }

  /** The first waiting call of the caller whose turn it is; that caller's turn moves to the back. */
  #nextInTurn(line: Line): Waiter | undefined {
    for (const [caller, queue] of line.callers) {
      const waiter = queue.shift();
      line.callers.delete(caller);
      if (!waiter) continue;
      line.size -= 1;
      if (queue.length > 0) line.callers.set(caller, queue);
      return waiter;
    }
    return undefined;
  }
}
