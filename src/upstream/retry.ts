/**
 * When an upstream call may be attempted again, and how long to wait first.
 *
 * Pleo has no idempotency keys, so only safe reads are retried: GET, and the read-only `…:search` POSTs.
 * A write is retried only when it provably never reached Pleo (the connection was refused or never
 * established). Retries back off exponentially with full jitter, never sooner than `Retry-After`, and
 * draw on a process-wide retry budget so a failing upstream sees at most `ratio` extra calls per call.
 */

export interface RetryOptions {
  /** Attempts per call, the first included (1 = never retry). */
  readonly maxAttempts: number;
  /** Backoff before the n-th retry: uniformly random in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))]. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Retry tokens earned per call: 0.1 allows one retry per ten calls in steady state. */
  readonly budgetRatio: number;
  /** Retry tokens the budget holds at most (and starts with): the size of a retry burst. */
  readonly budgetBurst: number;
}

/** Why an attempt failed, as far as the retry decision is concerned. */
export type AttemptFailure =
  | { readonly kind: "status"; readonly status: number; readonly retryAfterMs: number | undefined }
  | {
      readonly kind: "network";
      /** The request provably never left: connection refused, DNS failure, connect timeout. */
      readonly notSent: boolean;
      readonly timeout: boolean;
    };

/** GET, or one of Pleo's read-only `…:search` POSTs. Nothing else is safe to send twice. */
export function isSafeRead(method: string, path: string): boolean {
  if (method === "GET" || method === "HEAD") return true;
  return method === "POST" && path.split("?")[0]?.endsWith(":search") === true;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Whether this failure is worth another attempt, given whether the call is a safe read. */
export function isRetryable(failure: AttemptFailure, safeRead: boolean): boolean {
  if (failure.kind === "network") return safeRead || failure.notSent;
  return safeRead && RETRYABLE_STATUS.has(failure.status);
}

/** Full-jitter exponential backoff before retry number `retry` (1-based), at least `retryAfterMs`. */
export function backoffMs(
  retry: number,
  options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs">,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * A token bucket of retries: every call deposits `ratio` tokens (up to `burst`), every retry withdraws
 * one. When the upstream fails broadly, retries stop at about `ratio` of the traffic instead of
 * multiplying it (no retry storms); while it is healthy, the bucket stays full.
 */
export class RetryBudget {
  // In thousandths of a token, so ten deposits of 0.1 make exactly one retry.
  readonly #ratio: number;
  readonly #burst: number;
  #milli: number;

  constructor(options: Pick<RetryOptions, "budgetRatio" | "budgetBurst">) {
    this.#ratio = Math.round(options.budgetRatio * 1000);
    this.#burst = options.budgetBurst * 1000;
    this.#milli = this.#burst;
  }

  get tokens(): number {
    return this.#milli / 1000;
  }

  /** A call was made (first attempts only). */
  deposit(): void {
    this.#milli = Math.min(this.#burst, this.#milli + this.#ratio);
  }

  /** Takes a token for one retry; false when the budget is exhausted. */
  tryWithdraw(): boolean {
    if (this.#milli < 1000) return false;
    this.#milli -= 1000;
    return true;
  }
}
