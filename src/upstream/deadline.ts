import { onAbort } from "./abort-listeners.ts";

/**
 * The time budget of one GraphQL request (or of one call made outside a request). Every upstream call
 * made for the request shares it: its signal aborts the call in flight, waits (rate budget, queue,
 * backoff) are only started when they fit, and retries are only attempted while time remains.
 */

/** The abort reason when a deadline passes. */
export class DeadlineExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`The request deadline of ${budgetMs} ms has passed.`);
    this.name = "DeadlineExceeded";
  }
}

/** The abort reason when the caller went away (the HTTP request was closed before its response). */
export class RequestCancelled extends Error {
  constructor() {
    super("The request was cancelled by its caller.");
    this.name = "RequestCancelled";
  }
}

export class Deadline {
  /** Epoch milliseconds at which the budget runs out. */
  readonly expiresAt: number;
  /** The whole budget, for messages. */
  readonly budgetMs: number;
  readonly #controller = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #detach: (() => void)[] = [];

  private constructor(expiresAt: number, budgetMs: number, parents: readonly AbortSignal[]) {
    this.expiresAt = expiresAt;
    this.budgetMs = budgetMs;
    const remaining = expiresAt - Date.now();
    if (remaining <= 0) {
      this.#end(new DeadlineExceeded(budgetMs));
      return;
    }
    this.#timer = setTimeout(() => this.#end(new DeadlineExceeded(budgetMs)), remaining);
    // A pending deadline never keeps the process alive (graceful shutdown waits for requests, not timers).
    this.#timer.unref();
    for (const parent of parents) {
      if (this.#controller.signal.aborted) break;
      // A deadline derived from another keeps its reason; anything else means the caller went away.
      const detach = onAbort(parent, () =>
        this.#end(
          parent.reason instanceof DeadlineExceeded || parent.reason instanceof RequestCancelled
            ? parent.reason
            : new RequestCancelled(),
        ),
      );
      this.#detach.push(detach);
    }
  }

  /**
   * A deadline `budgetMs` after `startedAt` (epoch ms; default now). `parent`, e.g. the HTTP request's
   * signal, cancels it early.
   */
  static after(budgetMs: number, options: { startedAt?: number; parent?: AbortSignal } = {}): Deadline {
    const start = options.startedAt ?? Date.now();
    return new Deadline(start + budgetMs, budgetMs, options.parent ? [options.parent] : []);
  }

  /**
   * One call's deadline within this one: it ends when this one does (with its reason) or when `signal`
   * aborts (as a cancellation). However many are derived at once, this deadline's signal carries a
   * single listener for all of them (see abort-listeners.ts); each lets go of it when disposed, so
   * dispose a derived deadline as soon as its call is over.
   */
  derive(signal?: AbortSignal): Deadline {
    return new Deadline(this.expiresAt, this.budgetMs, signal ? [this.signal, signal] : [this.signal]);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  remainingMs(now: number = Date.now()): number {
    return Math.max(0, this.expiresAt - now);
  }

  /** Releases the timer and the parents' listeners once the work is done. The signal stays as it is. */
  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const detach of this.#detach) detach();
    this.#detach = [];
  }

  #end(reason: Error): void {
    // Once aborted, neither the timer nor the parents have anything left to say.
    this.dispose();
    this.#controller.abort(reason);
  }
}

/** Waits `ms`, rejecting with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const stop = onAbort(signal, () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
    const timer = setTimeout(() => {
      stop();
      resolve();
    }, ms);
  });
}
