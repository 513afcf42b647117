import type { RequestCacheUse } from "../cache/request-cache-use.ts";
import { ErrorCode, GatewayError } from "../errors.ts";
import { inSpan } from "../support/tracing.ts";
import { Deadline } from "../upstream/deadline.ts";
import type { UpstreamEvent } from "../upstream/events.ts";
import type { PleoCredential } from "./credential.ts";
import { abortError } from "./http/abort-errors.ts";
import type { UpstreamCallEvent } from "./http/attempt.ts";
import { runAttempts } from "./http/attempt-loop.ts";
import { RequestCallBudget } from "./http/call-budget.ts";
import { type CallerScope, type CallPlan, callSubject, type PleoCall, planCall } from "./http/call-plan.ts";
import { checkModel } from "./http/compiled-models.ts";
import { ClientCore, type PleoClientOptions } from "./http/core.ts";
import { type ProbeResult, probeUpstream } from "./http/probe.ts";
import { invalidateWritten, type ParsedAnswer, readThrough } from "./http/read-through.ts";
import { renewedAfterRefusal } from "./http/renewal.ts";
import { parseJson, type RawResponse } from "./http/transport.ts";

export type { UpstreamCallEvent } from "./http/attempt.ts";
export type { PleoCall, QueryValue } from "./http/call-plan.ts";
export type { PleoClientOptions } from "./http/core.ts";
export type { ProbeResult } from "./http/probe.ts";

/** What a client view made for one GraphQL request carries into every call it makes. */
export interface CallScope extends CallerScope {
  readonly deadline?: Deadline;
  /** The request's use of the read cache: fresh reads asked for, calls and hits counted. */
  readonly cacheUse?: RequestCacheUse;
}

/**
 * The one HTTP client for Pleo: a single undici dispatcher per process (keep-alive, bounded
 * connections, explicit timeouts), every response parsed by the caller's zod model, and around every
 * call the resilience layer (src/upstream, applied by ./http): the request's deadline, retries of safe
 * reads within a retry budget, a rate budget and a circuit breaker per credential, refused credentials
 * set aside, bounded concurrency, and identical in-flight reads shared.
 *
 * `withScope` gives a view for one GraphQL request that shares all of that state and applies the
 * request's deadline, id and caller to every call made through it, and bounds the reads it makes
 * (`maxCallsPerRequest`, see http/call-budget.ts).
 */
export class PleoClient {
  readonly #core: ClientCore;
  readonly #scope: CallScope;
  /** Absent on the process-wide client: calls made outside a request are not counted. */
  readonly #calls: RequestCallBudget | undefined;

  constructor(options: PleoClientOptions | PleoClient, scope: CallScope = {}) {
    this.#core = options instanceof PleoClient ? options.#core : new ClientCore(options);
    this.#scope = scope;
    // A view of a view belongs to the same request and spends from the same bound.
    this.#calls =
      options instanceof PleoClient
        ? (options.#calls ?? new RequestCallBudget(this.#core.maxCallsPerRequest))
        : undefined;
  }

  /** A view of this client whose calls carry `scope` (the request's deadline, id, caller). */
  withScope(scope: CallScope): PleoClient {
    return new PleoClient(this, { ...this.#scope, ...scope });
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
    const plan = planCall(core.baseUrl, credential, call, this.#scope);
    this.#calls?.spend(plan);
    const scoped = call.deadline ?? this.#scope.deadline;
    // Every call runs on a deadline of its own within the request's: whatever waits on it (the shared
    // read, the queue, the backoff, the socket) listens to a signal that ends with the call, and the
    // request's long-lived signal keeps one listener however many calls are in flight.
    const deadline = scoped
      ? scoped.derive(call.signal)
      : Deadline.after(core.options.defaultDeadlineMs, { parent: call.signal });
    try {
      if (!core.tracing) return await this.#callCaching(plan, call, deadline);
      return await inSpan(
        `pleo ${plan.endpoint}`,
        {
          "http.request.method": call.method,
          "url.template": plan.endpoint.slice(call.method.length + 1),
          "pleo.operation": call.operation,
          ...(call.companyId ? { "pleo.company_id": call.companyId } : {}),
          "pleo.credential_id": credential.id,
        },
        () => this.#callCaching(plan, call, deadline),
      );
    } finally {
      deadline.dispose();
    }
  }

  /** Declared reads through the read cache (see http/read-through.ts); writes invalidate what they touch. */
  async #callCaching<T>(plan: CallPlan, call: PleoCall<T>, deadline: Deadline): Promise<T> {
    if (!plan.safeRead) {
      if (this.#scope.cacheUse) this.#scope.cacheUse.calls += 1;
      try {
        return (await this.#callRenewing(plan, call, deadline)).value;
      } finally {
        await invalidateWritten(this.#core, call);
      }
    }
    return readThrough(this.#core, plan, call, this.#scope.cacheUse, {
      load: () => this.#callRenewing(plan, call, deadline),
      refresh: () => this.#refresh(plan.credential, call),
      parse: (text) => {
        const result = checkModel(call.schema, parseJson(text));
        return result.success ? result.data : undefined;
      },
    });
  }

  /** A stale answer's refresh: outlives the request that served it, so it runs on its own deadline. */
  async #refresh<T>(credential: PleoCredential, call: PleoCall<T>): Promise<ParsedAnswer<T>> {
    const core = this.#core;
    const { deadline: _request, signal: _cancel, ...own } = call;
    const plan = planCall(core.baseUrl, credential, own, this.#scope);
    const deadline = Deadline.after(core.options.defaultDeadlineMs);
    try {
      return await this.#callRenewing(plan, own, deadline);
    } finally {
      deadline.dispose();
    }
  }

  /**
   * A call refused with a credential the gateway has since replaced goes out once more with the new one
   * (see http/renewal.ts), within the same deadline and counted once against the request's bound.
   */
  async #callRenewing<T>(plan: CallPlan, call: PleoCall<T>, deadline: Deadline): Promise<ParsedAnswer<T>> {
    try {
      return await this.#call(plan, call, deadline);
    } catch (error) {
      const renewed = await renewedAfterRefusal(plan.credential, error);
      if (!renewed) throw error;
      return await this.#call(planCall(this.#core.baseUrl, renewed, call, this.#scope), call, deadline);
    }
  }

  async #call<T>(plan: CallPlan, call: PleoCall<T>, deadline: Deadline): Promise<ParsedAnswer<T>> {
    const raw = await this.#send(plan, deadline);
    const result = checkModel(call.schema, raw.status === 204 ? undefined : parseJson(raw.text));
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
        { cause: result.error },
      );
    }
    return { value: result.data, text: raw.text };
  }

  /** Writes go out on their own; identical safe reads in flight at the same time share one call. */
  async #send(plan: CallPlan, deadline: Deadline): Promise<RawResponse> {
    const core = this.#core;
    if (deadline.signal.aborted) throw abortError(deadline.signal.reason, plan);
    try {
      if (!plan.safeRead) {
        return await runAttempts(core, plan, {
          signal: deadline.signal,
          deadlineAt: () => deadline.expiresAt,
        });
      }
      const key = [plan.credential.hash, plan.method, plan.url, plan.body ?? ""].join("\u0000");
      const { promise, shared } = core.inflight.run(
        key,
        { signal: deadline.signal, deadlineAt: deadline.expiresAt },
        (run) => runAttempts(core, plan, run),
      );
      if (shared) {
        plan.progress.sent = true; // joined a call that is (about to be) in flight
        core.emit({ type: "shared", ...callSubject(plan) });
      }
      return await promise;
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      throw abortError(error, plan);
    }
  }

  /** Is Pleo reachable? For readiness checks (see http/probe.ts). */
  probe(timeoutMs: number): Promise<ProbeResult> {
    return probeUpstream(this.#core, timeoutMs);
  }

  async close(): Promise<void> {
    await this.#core.agent.close();
  }
}
