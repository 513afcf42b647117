import { Agent, request, errors as undiciErrors } from "undici";
import type { z } from "zod";
import { ErrorCode, GatewayError } from "../errors.ts";
import { injectTraceContext, inSpan } from "../support/tracing.ts";
import { Bulkhead, QueueFull, type Release } from "../upstream/bulkhead.ts";
import { type BreakerMeta, CircuitBreakers } from "../upstream/circuit-breaker.ts";
import { CredentialQuarantine } from "../upstream/credential-quarantine.ts";
import { Deadline, DeadlineExceeded, RequestCancelled, sleep } from "../upstream/deadline.ts";
import { endpointOf } from "../upstream/endpoint.ts";
import type { RetryReason, UpstreamEvent } from "../upstream/events.ts";
import { InflightReads, type SharedRun } from "../upstream/inflight.ts";
import { DEFAULT_RESILIENCE, MIN_ATTEMPT_MS, type ResilienceOptions } from "../upstream/options.ts";
import { InMemoryRateBudget, type RateBudgetStore } from "../upstream/rate-budget.ts";
import { type AttemptFailure, backoffMs, isRetryable, isSafeRead, RetryBudget } from "../upstream/retry.ts";
import { authorizationHeader, type PleoCredential } from "./credential.ts";
import { markNotSent, parseRetryAfter, upstreamStatusError } from "./errors.ts";

export interface PleoClientOptions {
  readonly baseUrl: string;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxConnections: number;
  readonly userAgent: string;
  /** Deadlines, retries, rate budgets, breakers, queue bounds. Default: `DEFAULT_RESILIENCE`. */
  readonly resilience?: ResilienceOptions;
  /** Where rate budgets live (e.g. Redis, shared by instances). Default: in memory, per process. */
  readonly rateBudgetStore?: RateBudgetStore;
  /** OpenTelemetry spans per upstream call and attempt, and `traceparent` forwarding. Default off. */
  readonly tracing?: boolean;
  /** Source of backoff jitter (tests make it deterministic). */
  readonly random?: () => number;
}

export type QueryValue = string | readonly string[] | undefined;

export interface PleoCall<T> {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
  /** The company this call acts for: used for error attribution and the isolation checks. */
  readonly companyId?: string;
  /** Short human name for errors, e.g. "vendor search". */
  readonly operation: string;
  /** This call's deadline; default: the client's scope (the GraphQL request's), else the default. */
  readonly deadline?: Deadline;
  /** Cancels this call early (in addition to the deadline). */
  readonly signal?: AbortSignal;
}

/** What a client view made for one GraphQL request carries into every call it makes. */
export interface CallScope {
  readonly deadline?: Deadline;
  /** Forwarded upstream as `x-request-id`. */
  readonly requestId?: string;
}

/** What an observer learns about each upstream attempt (never the credential, only its id). */
export interface UpstreamCallEvent {
  readonly method: string;
  readonly path: string;
  readonly companyId: string | undefined;
  readonly credentialId: string;
  readonly status: number | "network-error";
  readonly durationMs: number;
  /** Method and path template (`GET /v1/companies/{id}`), for bounded metric labels. */
  readonly endpoint: string;
  /** 1 for the first attempt of a call, 2 for its first retry, … */
  readonly attempt: number;
  readonly requestId: string | undefined;
  /** For network errors: what went wrong. */
  readonly error?: "timeout" | "connect" | "reset" | "aborted" | "other";
}

/** The reachability of Pleo's base URL, for readiness (any HTTP answer counts as reachable). */
export interface ProbeResult {
  readonly reachable: boolean;
  readonly status?: number;
  readonly error?: string;
  readonly durationMs: number;
}

interface RawResponse {
  readonly status: number;
  readonly text: string;
}

/** Everything about one call that the attempt loop needs. */
interface CallPlan {
  readonly credential: PleoCredential;
  readonly method: PleoCall<unknown>["method"];
  readonly path: string;
  readonly url: string;
  readonly body: string | undefined;
  readonly companyId: string | undefined;
  readonly operation: string;
  readonly endpoint: string;
  readonly safeRead: boolean;
  readonly requestId: string | undefined;
  readonly breakerKey: string;
  /** Set once an attempt has been handed to the connection: from then on Pleo may have received it. */
  readonly progress: { sent: boolean };
}

type AttemptOutcome =
  | { readonly ok: RawResponse }
  | { readonly failure: AttemptFailure; readonly error: GatewayError }
  | { readonly aborted: unknown };

/** State shared by the process-wide client and every per-request view of it. */
class Core {
  readonly agent: Agent;
  readonly baseUrl: string;
  readonly userAgent: string;
  readonly options: ResilienceOptions;
  readonly tracing: boolean;
  readonly random: () => number;
  readonly observers = new Set<(event: UpstreamCallEvent) => void>();
  readonly listeners = new Set<(event: UpstreamEvent) => void>();
  readonly refusalListeners = new Set<(credential: PleoCredential, status: number) => void>();
  readonly retryBudget: RetryBudget;
  readonly rateBudget: RateBudgetStore;
  readonly breakers: CircuitBreakers;
  readonly quarantine: CredentialQuarantine;
  readonly inflight = new InflightReads();
  readonly bulkhead: Bulkhead;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;

  constructor(options: PleoClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.userAgent = options.userAgent;
    this.options = options.resilience ?? DEFAULT_RESILIENCE;
    this.tracing = options.tracing ?? false;
    this.random = options.random ?? Math.random;
    this.headersTimeoutMs = options.headersTimeoutMs;
    this.bodyTimeoutMs = options.bodyTimeoutMs;
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
      keepAliveTimeout: options.keepAliveTimeoutMs,
      connections: options.maxConnections,
    });
    const maxKeys = this.options.maxTrackedCredentials;
    this.retryBudget = new RetryBudget(this.options.retry);
    this.rateBudget =
      options.rateBudgetStore ?? new InMemoryRateBudget({ ...this.options.rateBudget, maxKeys });
    this.breakers = new CircuitBreakers({ ...this.options.breaker, maxKeys }, (t) =>
      this.emit({
        type: "breaker",
        companyId: t.companyId,
        credentialId: t.credentialId,
        from: t.from,
        to: t.to,
      }),
    );
    this.quarantine = new CredentialQuarantine({ ttlMs: this.options.quarantineMs, maxKeys });
    // The bulkhead never admits more calls than the pool has connections: queued calls wait here, where
    // the deadline and the queue bound apply, not inside undici's unbounded queue.
    this.bulkhead = new Bulkhead({
      maxConcurrent: options.maxConnections,
      maxPerKey: Math.min(this.options.maxConcurrentPerCredential, options.maxConnections),
      maxQueued: this.options.maxQueued,
    });
  }

  emit(event: UpstreamEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  url(path: string, query: Readonly<Record<string, QueryValue>> | undefined): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      if (typeof value === "string") params.append(key, value);
      else for (const item of value) params.append(key, item);
    }
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ""}`;
  }

  subject(plan: CallPlan) {
    return {
      companyId: plan.companyId,
      credentialId: plan.credential.id,
      endpoint: plan.endpoint,
      requestId: plan.requestId,
    };
  }

  /**
   * One logical call: attempts until one succeeds, the failure is not retryable, the deadline leaves no
   * room, or the retry budget is spent. Resolves with a 2xx response; rejects with a GatewayError or
   * the abort reason (deadline, cancellation).
   */
  async execute(plan: CallPlan, run: SharedRun): Promise<RawResponse> {
    this.retryBudget.deposit();
    const meta: BreakerMeta = { companyId: plan.companyId, credentialId: plan.credential.id };
    for (let attempt = 1; ; attempt++) {
      this.#preflight(plan);
      await this.#awaitRateBudget(plan, run);
      const release = await this.#acquireSlot(plan, run);
      let outcome: AttemptOutcome;
      let probe = false;
      try {
        const admission = this.breakers.admit(plan.breakerKey, meta);
        if (!admission.admitted) throw this.#circuitOpen(plan, admission.retryAfterMs);
        probe = admission.probe;
        outcome = await this.#traceAttempt(plan, run, attempt);
      } finally {
        release();
      }

      if ("ok" in outcome) {
        this.breakers.success(plan.breakerKey, meta, probe);
        return outcome.ok;
      }
      if ("aborted" in outcome) {
        // Cut off by the deadline while Pleo had not answered: that is on Pleo's side.
        if (outcome.aborted instanceof DeadlineExceeded) this.breakers.failure(plan.breakerKey, meta, probe);
        else this.breakers.release(plan.breakerKey, probe);
        throw outcome.aborted;
      }
      const { failure, error } = outcome;
      const unhealthy = failure.kind === "network" || failure.status >= 500;
      if (unhealthy) this.breakers.failure(plan.breakerKey, meta, probe);
      else this.breakers.success(plan.breakerKey, meta, probe);

      if (!isRetryable(failure, plan.safeRead) || attempt >= this.options.retry.maxAttempts) throw error;
      const retryAfterMs = failure.kind === "status" ? failure.retryAfterMs : undefined;
      const delayMs = backoffMs(attempt, this.options.retry, retryAfterMs, this.random);
      if (Date.now() + delayMs + MIN_ATTEMPT_MS > run.deadlineAt()) throw error;
      if (!this.retryBudget.tryWithdraw()) {
        this.emit({ type: "retry-budget-exhausted", ...this.subject(plan) });
        throw error;
      }
      this.emit({ type: "retry", ...this.subject(plan), attempt, delayMs, reason: retryReason(failure) });
      await sleep(delayMs, run.signal);
    }
  }

  /** Fail fast, before spending any budget: credential refused recently, or breaker open. */
  #preflight(plan: CallPlan): void {
    const mark = this.quarantine.check(plan.credential.hash, plan.endpoint);
    // A 403 mark concerns company calls only; introspection still tells whom the credential belongs to.
    if (mark && (mark.status === 401 || plan.companyId !== undefined)) {
      const retryAfterSeconds = Math.max(1, Math.ceil(this.quarantine.remainingMs(mark) / 1000));
      this.emit({ type: "quarantine-rejected", ...this.subject(plan), status: mark.status });
      throw markNotSent(
        mark.status === 401
          ? new GatewayError(
              ErrorCode.CREDENTIAL_REJECTED,
              `Pleo refused this credential (HTTP 401) moments ago; the gateway will not send it again for ${retryAfterSeconds} s.`,
              { companyId: plan.companyId, upstreamStatus: 401, retryAfterSeconds },
            )
          : new GatewayError(
              ErrorCode.CREDENTIAL_UNUSABLE,
              `Pleo refused this credential for ${plan.operation} (HTTP 403) moments ago; the gateway will not try it again for ${retryAfterSeconds} s. Check the credential's scopes in Pleo.`,
              { companyId: plan.companyId, upstreamStatus: 403, retryAfterSeconds },
            ),
      );
    }
    const open = this.breakers.isOpen(plan.breakerKey);
    if (open) throw this.#circuitOpen(plan, open.retryAfterMs);
  }

  #circuitOpen(plan: CallPlan, retryAfterMs: number): GatewayError {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    this.emit({ type: "breaker-rejected", ...this.subject(plan), retryAfterMs });
    return markNotSent(
      new GatewayError(
        ErrorCode.CIRCUIT_OPEN,
        `Pleo has been failing for this company; ${plan.operation} was not attempted (retry in ${retryAfterSeconds} s).`,
        { companyId: plan.companyId, retryAfterSeconds },
      ),
    );
  }

  /** Waits for this credential's next slot if it comes within the deadline; else RATE_LIMITED. */
  async #awaitRateBudget(plan: CallPlan, run: SharedRun): Promise<void> {
    const maxWaitMs = run.deadlineAt() - Date.now() - MIN_ATTEMPT_MS;
    const reservation = await this.rateBudget.reserve(plan.credential.hash, Math.max(0, maxWaitMs));
    if (!reservation.granted) {
      const retryAfterSeconds = Math.max(1, Math.ceil(reservation.retryAfterMs / 1000));
      this.emit({ type: "rate-rejected", ...this.subject(plan), retryAfterMs: reservation.retryAfterMs });
      throw markNotSent(
        new GatewayError(
          ErrorCode.RATE_LIMITED,
          `The rate budget for this credential is spent; ${plan.operation} was not sent (retry in ${retryAfterSeconds} s).`,
          { companyId: plan.companyId, retryAfterSeconds },
        ),
      );
    }
    if (reservation.waitMs > 0) {
      this.emit({ type: "rate-wait", ...this.subject(plan), waitMs: reservation.waitMs });
      await sleep(reservation.waitMs, run.signal);
    }
  }

  async #acquireSlot(plan: CallPlan, run: SharedRun): Promise<Release> {
    try {
      return await this.bulkhead.acquire(plan.credential.hash, run.signal);
    } catch (error) {
      if (error instanceof QueueFull) {
        this.emit({ type: "queue-rejected", ...this.subject(plan) });
        throw markNotSent(
          new GatewayError(
            ErrorCode.UPSTREAM_QUEUE_FULL,
            `Too many calls to Pleo are waiting; ${plan.operation} was not sent.`,
            { companyId: plan.companyId },
          ),
        );
      }
      throw error;
    }
  }

  #traceAttempt(plan: CallPlan, run: SharedRun, attempt: number): Promise<AttemptOutcome> {
    if (!this.tracing) return this.#attempt(plan, run, attempt);
    return inSpan(`pleo attempt ${plan.endpoint}`, { "pleo.attempt": attempt }, async (span) => {
      const outcome = await this.#attempt(plan, run, attempt);
      if ("failure" in outcome && outcome.failure.kind === "status")
        span.setAttribute("http.response.status_code", outcome.failure.status);
      return outcome;
    });
  }

  async #attempt(plan: CallPlan, run: SharedRun, attempt: number): Promise<AttemptOutcome> {
    const started = performance.now();
    const headers: Record<string, string> = {
      authorization: authorizationHeader(plan.credential),
      accept: "application/json",
      "user-agent": this.userAgent,
    };
    if (plan.requestId) headers["x-request-id"] = plan.requestId;
    if (plan.body !== undefined) headers["content-type"] = "application/json;charset=UTF-8";
    if (this.tracing) injectTraceContext(headers);
    const errorContext = { companyId: plan.companyId, operation: plan.operation };
    let status: number | "network-error" = "network-error";
    let errorKind: UpstreamCallEvent["error"];
    plan.progress.sent = true;
    try {
      const response = await request(plan.url, {
        method: plan.method,
        headers,
        body: plan.body,
        dispatcher: this.agent,
        signal: run.signal,
      });
      status = response.statusCode;
      const text = await response.body.text();
      if (status >= 200 && status < 300) return { ok: { status, text } };
      const retryAfterHeader = firstHeader(response.headers["retry-after"]);
      const error = upstreamStatusError(status, parseJson(text), retryAfterHeader, errorContext);
      const retryAfterSeconds = parseRetryAfter(retryAfterHeader);
      const retryAfterMs = retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000;
      if (status === 401 || status === 403) this.#refused(plan, status);
      if (status === 429) {
        // Pleo's word for this credential: no call with it before Retry-After (1 s when unstated).
        const pauseMs = retryAfterMs ?? 1_000;
        await this.rateBudget.pause(plan.credential.hash, Date.now() + pauseMs);
        this.emit({ type: "rate-paused", ...this.subject(plan), pauseMs });
      }
      // Retry-After is honoured where Pleo may send it: 429, and 503 (maintenance).
      const honoured = status === 429 || status === 503 ? retryAfterMs : undefined;
      return { failure: { kind: "status", status, retryAfterMs: honoured }, error };
    } catch (error) {
      if (run.signal.aborted) {
        errorKind = "aborted";
        return { aborted: run.signal.reason };
      }
      const failure = classifyNetworkError(error);
      errorKind = failure.timeout
        ? "timeout"
        : failure.notSent
          ? "connect"
          : isReset(error)
            ? "reset"
            : "other";
      // A body that broke off after a status line counts as a network failure of the whole attempt.
      status = "network-error";
      const gatewayError = networkError(failure, errorContext);
      return { failure, error: failure.notSent ? markNotSent(gatewayError) : gatewayError };
    } finally {
      const event: UpstreamCallEvent = {
        method: plan.method,
        path: plan.path,
        companyId: plan.companyId,
        credentialId: plan.credential.id,
        status,
        durationMs: performance.now() - started,
        endpoint: plan.endpoint,
        attempt,
        requestId: plan.requestId,
        ...(errorKind ? { error: errorKind } : {}),
      };
      for (const observer of this.observers) observer(event);
    }
  }

  #refused(plan: CallPlan, status: 401 | 403): void {
    const marked = this.quarantine.refuse(plan.credential.hash, status, {
      endpoint: plan.endpoint,
      url: plan.url.slice(this.baseUrl.length),
      companyId: plan.companyId,
    });
    if (marked) this.emit({ type: "quarantined", ...this.subject(plan), status });
    // A refused credential's cached binding may be stale (revoked, scopes withdrawn): forget it.
    if (marked || status === 401)
      for (const listener of this.refusalListeners) listener(plan.credential, status);
  }
}

/**
 * The one HTTP client for Pleo: a single undici dispatcher per process (keep-alive, bounded
 * connections, explicit timeouts), every response parsed by the caller's zod model, and around every
 * call the resilience layer (src/upstream): the request's deadline, retries of safe reads within a
 * retry budget, a rate budget and a circuit breaker per credential, refused credentials set aside,
 * bounded concurrency, and identical in-flight reads shared.
 *
 * `withScope` gives a view for one GraphQL request that shares all of that state and applies the
 * request's deadline and id to every call made through it.
 */
export class PleoClient {
  readonly #core: Core;
  readonly #scope: CallScope;

  constructor(options: PleoClientOptions | PleoClient, scope: CallScope = {}) {
    this.#core = options instanceof PleoClient ? options.#core : new Core(options);
    this.#scope = scope;
  }

  /** A view of this client whose calls carry `scope` (the request's deadline and id). */
  withScope(scope: CallScope): PleoClient {
    return new PleoClient(this, { ...this.#scope, ...scope });
  }

  get scope(): CallScope {
    return this.#scope;
  }

  /** Every upstream attempt, as it ends. */
  observe(observer: (event: UpstreamCallEvent) => void): () => void {
    this.#core.observers.add(observer);
    return () => this.#core.observers.delete(observer);
  }

  /** Retries, waits, rejections and breaker transitions. */
  onEvent(listener: (event: UpstreamEvent) => void): () => void {
    this.#core.listeners.add(listener);
    return () => this.#core.listeners.delete(listener);
  }

  /** Pleo refused a credential (401, or a company-wide 403): e.g. forget its cached binding. */
  onCredentialRefused(listener: (credential: PleoCredential, status: number) => void): () => void {
    this.#core.refusalListeners.add(listener);
    return () => this.#core.refusalListeners.delete(listener);
  }

  /** Gauges for metrics: calls in flight and queued, shared reads in flight, retry tokens left. */
  stats(): { active: number; queued: number; shared: number; retryTokens: number } {
    const core = this.#core;
    return {
      active: core.bulkhead.active,
      queued: core.bulkhead.queued,
      shared: core.inflight.size,
      retryTokens: core.retryBudget.tokens,
    };
  }

  async call<T>(credential: PleoCredential, call: PleoCall<T>): Promise<T> {
    const core = this.#core;
    const scoped = call.deadline ?? this.#scope.deadline;
    const deadline =
      scoped && !call.signal
        ? scoped
        : Deadline.after(scoped ? scoped.remainingMs() : core.options.defaultDeadlineMs, {
            parent:
              call.signal && scoped ? anySignal(call.signal, scoped.signal) : (call.signal ?? scoped?.signal),
          });
    const endpoint = endpointOf(call.method, call.path);
    const plan: CallPlan = {
      credential,
      method: call.method,
      path: call.path,
      url: core.url(call.path, call.query),
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      companyId: call.companyId,
      operation: call.operation,
      endpoint,
      safeRead: isSafeRead(call.method, call.path),
      requestId: this.#scope.requestId,
      breakerKey: `${call.companyId ?? "-"}|${credential.hash}`,
      progress: { sent: false },
    };
    try {
      if (!core.tracing) return await this.#call(plan, call, deadline);
      return await inSpan(
        `pleo ${endpoint}`,
        {
          "http.request.method": call.method,
          "url.template": endpoint.slice(call.method.length + 1),
          "pleo.operation": call.operation,
          ...(call.companyId ? { "pleo.company_id": call.companyId } : {}),
          "pleo.credential_id": credential.id,
        },
        () => this.#call(plan, call, deadline),
      );
    } finally {
      if (deadline !== scoped) deadline.dispose();
    }
  }

  async #call<T>(plan: CallPlan, call: PleoCall<T>, deadline: Deadline): Promise<T> {
    const raw = await this.#fetch(plan, deadline);
    let parsedBody: unknown;
    if (raw.status !== 204) parsedBody = parseJson(raw.text);
    const result = call.schema.safeParse(raw.status === 204 ? undefined : parsedBody);
    if (!result.success) {
      // Say where the contract broke without echoing the upstream payload.
      const where = result.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
        .join("; ");
      throw new GatewayError(
        ErrorCode.UPSTREAM_CONTRACT_VIOLATION,
        `Pleo ${call.operation} returned a response that does not match its contract (${where}).`,
        { companyId: call.companyId, upstreamStatus: raw.status },
      );
    }
    return result.data;
  }

  async #fetch(plan: CallPlan, deadline: Deadline): Promise<RawResponse> {
    const core = this.#core;
    if (deadline.signal.aborted) throw abortError(deadline.signal.reason, plan);
    try {
      if (!plan.safeRead) {
        return await core.execute(plan, { signal: deadline.signal, deadlineAt: () => deadline.expiresAt });
      }
      const key = [plan.credential.hash, plan.method, plan.url, plan.body ?? ""].join("\u0000");
      const { promise, shared } = core.inflight.run(
        key,
        { signal: deadline.signal, deadlineAt: deadline.expiresAt },
        (run) => core.execute(plan, run),
      );
      if (shared) {
        plan.progress.sent = true; // joined a call that is (about to be) in flight
        core.emit({ type: "shared", ...core.subject(plan) });
      }
      return await promise;
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      throw abortError(error, plan);
    }
  }

  /**
   * Is Pleo reachable? One unauthenticated GET of the base URL, outside every budget; any HTTP answer
   * (401, 404, …) counts. Used by readiness checks.
   */
  async probe(timeoutMs: number): Promise<ProbeResult> {
    const started = performance.now();
    try {
      const response = await request(`${this.#core.baseUrl}/`, {
        method: "GET",
        headers: { "user-agent": this.#core.userAgent, accept: "application/json" },
        dispatcher: this.#core.agent,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body.dump();
      return { reachable: true, status: response.statusCode, durationMs: performance.now() - started };
    } catch (error) {
      const failure = classifyNetworkError(error);
      return {
        reachable: false,
        error: failure.timeout || isAbort(error) ? "timeout" : failure.notSent ? "connect" : "other",
        durationMs: performance.now() - started,
      };
    }
  }

  async close(): Promise<void> {
    await this.#core.agent.close();
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function retryReason(failure: AttemptFailure): RetryReason {
  if (failure.kind === "network") return failure.timeout ? "timeout" : "network";
  return failure.status === 429 ? "status-429" : "status-5xx";
}

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  const cause = (error as { cause?: unknown } | null)?.cause;
  const causeCode = (cause as { code?: unknown } | null)?.code;
  return typeof causeCode === "string" ? causeCode : undefined;
}

/**
 * Whether the request provably never reached Pleo (no connection was ever established), which is the
 * only case where a write may be sent again; and whether it was a timeout.
 */
function classifyNetworkError(error: unknown): Extract<AttemptFailure, { kind: "network" }> {
  if (error instanceof undiciErrors.ConnectTimeoutError)
    return { kind: "network", notSent: true, timeout: true };
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError)
    return { kind: "network", notSent: false, timeout: true };
  const code = errorCode(error);
  return { kind: "network", notSent: code !== undefined && NOT_SENT_CODES.has(code), timeout: false };
}

function isReset(error: unknown): boolean {
  const code = errorCode(error);
  return error instanceof undiciErrors.SocketError || code === "ECONNRESET" || code === "EPIPE";
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

function networkError(
  failure: Extract<AttemptFailure, { kind: "network" }>,
  ctx: { companyId: string | undefined; operation: string },
): GatewayError {
  return new GatewayError(
    failure.timeout ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE,
    failure.timeout ? `Pleo ${ctx.operation} timed out.` : `Pleo ${ctx.operation} could not be reached.`,
    { companyId: ctx.companyId },
  );
}

/** The typed error for a call cut short by its deadline or by its caller going away. */
function abortError(reason: unknown, plan: CallPlan): GatewayError {
  const started = plan.progress.sent;
  if (reason instanceof RequestCancelled) {
    const cancelled = new GatewayError(
      ErrorCode.DEADLINE_EXCEEDED,
      `The request was cancelled before Pleo ${plan.operation} completed.`,
      { companyId: plan.companyId },
    );
    // Only a call that never left is provably not applied; one already sent may have been (a write
    // must then be reported as of unknown outcome, never as safe to resend).
    return started ? cancelled : markNotSent(cancelled);
  }
  if (reason instanceof DeadlineExceeded && !started) {
    return markNotSent(
      new GatewayError(
        ErrorCode.DEADLINE_EXCEEDED,
        `The request deadline (${reason.budgetMs} ms) passed before Pleo ${plan.operation} could be sent.`,
        { companyId: plan.companyId },
      ),
    );
  }
  if (reason instanceof DeadlineExceeded) {
    return new GatewayError(
      ErrorCode.UPSTREAM_TIMEOUT,
      `Pleo ${plan.operation} did not answer within the request deadline (${reason.budgetMs} ms).`,
      { companyId: plan.companyId },
    );
  }
  // Not an abort we know: an unexpected failure, reported as such (never with its message).
  return new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `Pleo ${plan.operation} could not be completed.`, {
    companyId: plan.companyId,
  });
}

/** Aborts when either signal does, with that signal's reason. */
function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const controller = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
