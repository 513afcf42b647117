import { Agent } from "undici";
import type { ReadCache } from "../../cache/read-cache.ts";
import { Bulkhead } from "../../upstream/bulkhead.ts";
import {
  type BreakerTransition,
  type CircuitBreakerStore,
  CircuitBreakers,
} from "../../upstream/circuit-breaker.ts";
import { CredentialQuarantine, type QuarantineStore } from "../../upstream/credential-quarantine.ts";
import type { UpstreamEvent } from "../../upstream/events.ts";
import { FairRateBudget } from "../../upstream/fair-rate-budget.ts";
import { InflightReads } from "../../upstream/inflight.ts";
import { DEFAULT_RESILIENCE, type ResilienceOptions } from "../../upstream/options.ts";
import { InMemoryRateBudget, type RateBudgetStore } from "../../upstream/rate-budget.ts";
import { RetryBudget, type RetryOptions } from "../../upstream/retry.ts";
import type { PleoCredential } from "../credential.ts";
import type { UpstreamCallEvent } from "./attempt.ts";
import type { AttemptLoopOptions } from "./attempt-loop.ts";
import { DEFAULT_MAX_CALLS_PER_REQUEST } from "./call-budget.ts";
import type { Gate } from "./gate.ts";
import { policyGates } from "./policy-gates.ts";

export interface PleoClientOptions {
  readonly baseUrl: string;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxConnections: number;
  /** Reads one GraphQL request may make (see call-budget.ts). Default: `DEFAULT_MAX_CALLS_PER_REQUEST`. */
  readonly maxCallsPerRequest?: number;
  readonly userAgent: string;
  /** Deadlines, retries, rate budgets, breakers, queue bounds. Default: `DEFAULT_RESILIENCE`. */
  readonly resilience?: ResilienceOptions;
  /** Where rate budgets live (e.g. Redis, shared by instances). Default: in memory, per process. */
  readonly rateBudgetStore?: RateBudgetStore;
  /** Where refused credentials are set aside (e.g. shared by instances). Default: in memory, per process. */
  readonly quarantineStore?: QuarantineStore;
  /**
   * Where breakers live (e.g. shared by instances). Default: in memory, per process. A factory, because
   * the store reports its transitions to the client's event listeners (metrics, logs).
   */
  readonly breakerStore?: (onTransition: (transition: BreakerTransition) => void) => CircuitBreakerStore;
  /** OpenTelemetry spans per upstream call and attempt, and `traceparent` forwarding. Default off. */
  readonly tracing?: boolean;
  /** Source of backoff jitter (tests make it deterministic). */
  readonly random?: () => number;
  /** The cross-request read cache (src/cache) consulted for declared reads. Absent: none. */
  readonly readCache?: ReadCache;
}

/**
 * What the process-wide client and every per-request view of it share: one undici dispatcher, the
 * listeners, the retry budget, shared in-flight reads, and the policy gates with their state.
 */
export class ClientCore implements AttemptLoopOptions {
  readonly agent: Agent;
  readonly baseUrl: string;
  readonly userAgent: string;
  readonly options: ResilienceOptions;
  readonly maxCallsPerRequest: number;
  readonly tracing: boolean;
  readonly random: () => number;
  readonly observers = new Set<(event: UpstreamCallEvent) => void>();
  readonly listeners = new Set<(event: UpstreamEvent) => void>();
  readonly refusalListeners = new Set<(credential: PleoCredential, status: number) => void>();
  readonly retryBudget: RetryBudget;
  readonly inflight = new InflightReads();
  readonly bulkhead: Bulkhead;
  readonly gates: readonly Gate[];
  /** Also consulted before a cached answer is served: a credential set aside gets nothing cached. */
  readonly quarantine: QuarantineStore;
  readonly readCache: ReadCache | undefined;

  constructor(options: PleoClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.userAgent = options.userAgent;
    this.options = options.resilience ?? DEFAULT_RESILIENCE;
    this.maxCallsPerRequest = options.maxCallsPerRequest ?? DEFAULT_MAX_CALLS_PER_REQUEST;
    this.tracing = options.tracing ?? false;
    this.random = options.random ?? Math.random;
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
      keepAliveTimeout: options.keepAliveTimeoutMs,
      connections: options.maxConnections,
    });
    const maxKeys = this.options.maxTrackedCredentials;
    this.retryBudget = new RetryBudget(this.options.retry);
    // The bulkhead never admits more calls than the pool has connections: queued calls wait here, where
    // the deadline and the queue bound apply, not inside undici's unbounded queue.
    this.bulkhead = new Bulkhead({
      maxConcurrent: options.maxConnections,
      maxPerKey: Math.min(this.options.maxConcurrentPerCredential, options.maxConnections),
      maxQueued: this.options.maxQueued,
    });
    const onTransition = (t: BreakerTransition) =>
      this.emit({
        type: "breaker",
        companyId: t.companyId,
        credentialId: t.credentialId,
        from: t.from,
        to: t.to,
      });
    this.readCache = options.readCache;
    this.quarantine =
      options.quarantineStore ?? new CredentialQuarantine({ ttlMs: this.options.quarantineMs, maxKeys });
    this.gates = policyGates({
      quarantine: this.quarantine,
      breakers: options.breakerStore
        ? options.breakerStore(onTransition)
        : new CircuitBreakers({ ...this.options.breaker, maxKeys }, onTransition),
      // Whichever store keeps the budget, the callers drawing on one credential share it fairly.
      rateBudget: new FairRateBudget(
        options.rateBudgetStore ?? new InMemoryRateBudget({ ...this.options.rateBudget, maxKeys }),
        this.options.rateBudget,
      ),
      bulkhead: this.bulkhead,
      emit: (event) => this.emit(event),
      onRefused: (credential, status) => {
        this.readCache?.forgetCredential(credential.hash);
        for (const listener of this.refusalListeners) listener(credential, status);
      },
    });
  }

  get retry(): RetryOptions {
    return this.options.retry;
  }

  emit(event: UpstreamEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
