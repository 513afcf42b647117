import { ErrorCode, GatewayError } from "../errors.ts";
import type { PleoCredential } from "../pleo/credential.ts";
import { KeyedTokenBuckets } from "../support/keyed-token-buckets.ts";
import { LruCache } from "../support/lru-cache.ts";
import { Bulkhead, QueueFull } from "../upstream/bulkhead.ts";
import { DeadlineExceeded } from "../upstream/deadline.ts";

/**
 * What a caller may make the gateway spend on credentials it has never seen. Introspection is the one
 * upstream call an unauthenticated caller can cause (up to MAX_DIRECT_CREDENTIALS per request), so it is
 * bounded on its own, apart from the accounting calls of authorised tenants.
 */
export interface IntrospectionGuardOptions {
  /** How long a credential Pleo refused is refused again without asking (by its hash). */
  readonly refusedTtlMs: number;
  /** Introspections of unknown credentials per caller address per minute (a burst of as many). */
  readonly unknownPerCallerPerMinute: number;
  /** Introspections of sent credentials in flight at once: the upstream connections they may hold. */
  readonly maxConcurrent: number;
  /** Introspections waiting for one of those slots; beyond, INTROSPECTION_QUEUE_FULL. */
  readonly maxQueued: number;
  /** Bound of the callers and refused credentials remembered (least recently used evicted). */
  readonly maxTracked: number;
}

/** The defaults, owned here; the configuration schema (src/config.ts) takes its defaults from them. */
export const DEFAULT_INTROSPECTION_GUARD: IntrospectionGuardOptions = {
  refusedTtlMs: 30_000,
  unknownPerCallerPerMinute: 120,
  maxConcurrent: 8,
  maxQueued: 100,
  maxTracked: 10_000,
};

/** The one queue key: every guarded introspection shares the same slots. */
const SLOTS = "introspection";

/**
 * The admission of caller-sent credentials to introspection: refused ones are remembered by hash (a
 * repeated bogus key costs nothing), a caller's unknown credentials are counted against its own budget
 * before any call, and the calls themselves get a few upstream slots of their own, with a bounded queue.
 */
export class IntrospectionGuard {
  readonly #options: IntrospectionGuardOptions;
  readonly #refused: LruCache<true>;
  readonly #perCaller: KeyedTokenBuckets;
  readonly #slots: Bulkhead;

  constructor(options: IntrospectionGuardOptions) {
    this.#options = options;
    this.#refused = new LruCache<true>(options.maxTracked);
    this.#perCaller = new KeyedTokenBuckets({
      capacity: options.unknownPerCallerPerMinute,
      windowMs: 60_000,
      maxKeys: options.maxTracked,
    });
    this.#slots = new Bulkhead({
      maxConcurrent: options.maxConcurrent,
      maxPerKey: options.maxConcurrent,
      maxQueued: options.maxQueued,
    });
  }

  /** Whether Pleo refused this credential moments ago. */
  wasRefused(credential: PleoCredential): boolean {
    return this.#refused.getSync(credential.hash) === true;
  }

  refused(credential: PleoCredential): void {
    this.#refused.setSync(credential.hash, true, this.#options.refusedTtlMs);
  }

  /** Counts `unknown` introspections against the caller's budget, all or none; throws when over it. */
  admit(caller: string, unknown: number): void {
    if (unknown === 0) return;
    const retryAfter = this.#perCaller.take(caller, unknown);
    if (retryAfter === 0) return;
    throw new GatewayError(
      ErrorCode.INTROSPECTION_RATE_LIMITED,
      `This caller sent more unknown credentials than the gateway verifies per minute; retry after ${retryAfter} s.`,
      { retryAfterSeconds: retryAfter, limit: this.#options.unknownPerCallerPerMinute },
      { httpStatus: 429 },
    );
  }

  /** Runs one introspection in a slot of its own; waiting ends with `signal` (the request's deadline). */
  async run<T>(signal: AbortSignal, introspect: () => Promise<T>): Promise<T> {
    let release: () => void;
    try {
      release = await this.#slots.acquire(SLOTS, signal);
    } catch (error) {
      throw admissionError(error, this.#options.maxQueued);
    }
    try {
      return await introspect();
    } finally {
      release();
    }
  }
}

function admissionError(error: unknown, maxQueued: number): GatewayError {
  if (error instanceof QueueFull) {
    return new GatewayError(
      ErrorCode.INTROSPECTION_QUEUE_FULL,
      `Too many credentials are waiting to be verified with Pleo (${maxQueued}); retry shortly.`,
      { retryAfterSeconds: 1, limit: maxQueued },
      { httpStatus: 503, cause: error },
    );
  }
  const budget = error instanceof DeadlineExceeded ? ` (${error.budgetMs} ms)` : "";
  return new GatewayError(
    ErrorCode.DEADLINE_EXCEEDED,
    `The request ended${budget} before its credentials could be verified with Pleo.`,
    {},
    { httpStatus: 503, cause: error },
  );
}
