import { onAbort } from "./abort-listeners.ts";

/**
 * Shares identical safe reads that are in flight at the same time: same credential (by hash), method,
 * URL and body. Requests asking Pleo the same question at the same moment get one upstream call.
 *
 * Each subscriber keeps its own deadline: it stops waiting when its deadline passes (the others keep
 * waiting), and the shared call is cancelled only when no subscriber is left. The shared call's own
 * deadline is the latest of its subscribers', so one impatient request never shortens another's wait.
 */
interface Subscriber {
  readonly signal: AbortSignal;
  /** Epoch ms. */
  readonly deadlineAt: number;
}

/** What the shared work sees: abort when nobody waits any more, and the deadline to plan retries with. */
export interface SharedRun {
  readonly signal: AbortSignal;
  deadlineAt(): number;
}

interface Run {
  readonly controller: AbortController;
  readonly subscribers: Set<Subscriber>;
  promise: Promise<unknown>;
  settled: boolean;
}

export class InflightReads {
  readonly #runs = new Map<string, Run>();

  /** In-flight shared calls (for tests and metrics). */
  get size(): number {
    return this.#runs.size;
  }

  /**
   * Joins the call in flight under `key`, or starts it with `start`. `shared` tells whether this
   * subscriber joined an existing call.
   */
  run<T>(
    key: string,
    subscriber: Subscriber,
    start: (run: SharedRun) => Promise<T>,
  ): { promise: Promise<T>; shared: boolean } {
    const existing = this.#runs.get(key);
    if (existing) return { promise: this.#join(key, existing, subscriber) as Promise<T>, shared: true };

    const subscribers = new Set<Subscriber>();
    const run: Run = {
      controller: new AbortController(),
      subscribers,
      promise: Promise.resolve(),
      settled: false,
    };
    const shared: SharedRun = {
      signal: run.controller.signal,
      deadlineAt: () => {
        let latest = subscriber.deadlineAt;
        for (const s of subscribers) latest = Math.max(latest, s.deadlineAt);
        return latest;
      },
    };
    this.#runs.set(key, run);
    run.promise = start(shared).finally(() => {
      run.settled = true;
      if (this.#runs.get(key) === run) this.#runs.delete(key);
    });
    // The subscribers observe the outcome; the run itself must never be an unhandled rejection.
    run.promise.catch(() => {});
    return { promise: this.#join(key, run, subscriber) as Promise<T>, shared: false };
  }

  #join(key: string, run: Run, subscriber: Subscriber): Promise<unknown> {
    run.subscribers.add(subscriber);
    return new Promise<unknown>((resolve, reject) => {
      let stopWaiting = () => {};
      const leave = () => {
        stopWaiting();
        run.subscribers.delete(subscriber);
      };
      const onAborted = () => {
        leave();
        if (run.subscribers.size === 0 && !run.settled) {
          // Nobody waits any more: cancel the upstream call and let a later request start afresh.
          if (this.#runs.get(key) === run) this.#runs.delete(key);
          run.controller.abort(subscriber.signal.reason);
        }
        reject(subscriber.signal.reason);
      };
      if (subscriber.signal.aborted) {
        onAborted();
        return;
      }
      // The subscriber's signal may be a whole request's deadline: one shared listener, let go on settling.
      stopWaiting = onAbort(subscriber.signal, onAborted);
      run.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }
}
