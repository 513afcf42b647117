import type { BreakerOptions } from "./circuit-breaker.ts";
import type { RateBudgetOptions } from "./rate-budget.ts";
import type { RetryOptions } from "./retry.ts";

/** Every knob of the upstream resilience layer (see the README's configuration table). */
export interface ResilienceOptions {
  /** Deadline of a call made outside any GraphQL request (e.g. the readiness probe's callers, scripts). */
  readonly defaultDeadlineMs: number;
  readonly retry: RetryOptions;
  readonly rateBudget: RateBudgetOptions;
  readonly breaker: BreakerOptions;
  /** How long a credential (401) or a credential's endpoint (company-wide 403) is not used again. */
  readonly quarantineMs: number;
  /** Bound of every per-credential structure (rate budgets, breakers, quarantine marks); LRU evicted. */
  readonly maxTrackedCredentials: number;
  /** Calls in flight to Pleo per credential (the pool's connections bound them overall). */
  readonly maxConcurrentPerCredential: number;
  /** Calls waiting for a connection slot; beyond, calls fail at once with UPSTREAM_QUEUE_FULL. */
  readonly maxQueued: number;
}

/**
 * The defaults, owned here with the options they fill: the configuration schema (src/config.ts) takes its
 * defaults from this object, and a client built without configuration uses it as is.
 */
export const DEFAULT_RESILIENCE: ResilienceOptions = {
  defaultDeadlineMs: 10_000,
  retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000, budgetRatio: 0.1, budgetBurst: 20 },
  rateBudget: { perMinute: 500, burst: 50 },
  breaker: { failureThreshold: 5, openMs: 30_000, halfOpenProbes: 1 },
  quarantineMs: 60_000,
  maxTrackedCredentials: 10_000,
  maxConcurrentPerCredential: 8,
  maxQueued: 1_000,
};

/** The smallest slice of the deadline worth starting an attempt with. */
export const MIN_ATTEMPT_MS = 50;
