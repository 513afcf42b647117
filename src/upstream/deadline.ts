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
  #detach: (() => void) | undefined;

  private constructor(expiresAt: number, budgetMs: number, parent: AbortSignal | undefined) {
    this.expiresAt = expiresAt;
    this.budgetMs = budgetMs;
    const remaining = expiresAt - Date.now();
    if (remaining <= 0) {
      this.#controller.abort(new DeadlineExceeded(budgetMs));
    } else {
      this.#timer = setTimeout(() => this.#controller.abort(new DeadlineExceeded(budgetMs)), remaining);
      // A pending deadline never keeps the process alive (graceful shutdown waits for requests, not timers).
      this.#timer.unref();
    }
    if (parent) {
      // A deadline derived from another keeps its reason; anything else means the caller went away.
      const onAbort = () =>
        this.#controller.abort(
          parent.reason instanceof DeadlineExceeded || parent.reason instanceof RequestCancelled
            ? parent.reason
            : new RequestCancelled(),
        );
      if (parent.aborted) onAbort();
      else {
        parent.addEventListener("abort", onAbort, { once: true });
        this.#detach = () => parent.removeEventListener("abort", onAbort);
      }
    }
  }

  /**
   * A deadline `budgetMs` after `startedAt` (epoch ms; default now). `parent`, e.g. the HTTP request's
   * signal, cancels it early.
   */
  static after(budgetMs: number, options: { startedAt?: number; parent?: AbortSignal } = {}): Deadline {
    const start = options.startedAt ?? Date.now();
    return new Deadline(start + budgetMs, budgetMs, options.parent);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get expired(): boolean {
    return this.#controller.signal.aborted || Date.now() >= this.expiresAt;
  }

  remainingMs(now: number = Date.now()): number {
    return Math.max(0, this.expiresAt - now);
  }

  /** Releases the timer once the request is answered. The signal does not abort afterwards. */
  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#detach?.();
    this.#detach = undefined;
  }
}

/** Waits `ms`, rejecting with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
