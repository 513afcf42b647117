import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { Bulkhead, QueueFull } from "../../src/upstream/bulkhead.ts";
import { type BreakerTransition, CircuitBreakers } from "../../src/upstream/circuit-breaker.ts";
import { CredentialQuarantine } from "../../src/upstream/credential-quarantine.ts";
import { Deadline, DeadlineExceeded, RequestCancelled, sleep } from "../../src/upstream/deadline.ts";
import { endpointOf, pathTemplate } from "../../src/upstream/endpoint.ts";
import { InflightReads } from "../../src/upstream/inflight.ts";
import { InMemoryRateBudget } from "../../src/upstream/rate-budget.ts";
import { backoffMs, isRetryable, isSafeRead, RetryBudget } from "../../src/upstream/retry.ts";

/** The resilience building blocks on their own, with fake clocks where time matters. */
const clock = (start = 1_000_000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};
const meta = { companyId: "c", credentialId: "cred_x" };

describe("rate budget (GCRA)", () => {
  it("never lets more than perMinute calls into any 60-second window, bursts included", () => {
    const t = clock();
    const budget = new InMemoryRateBudget({ perMinute: 500, burst: 50, maxKeys: 10 }, t.now);
    const sent: number[] = [];
    // A caller that sends whenever allowed, for five minutes, in 10 ms steps.
    for (let step = 0; step < 30_000; step++) {
      const reservation = budget.reserveSync("k", 0);
      if (reservation.granted) sent.push(t.now());
      else t.advance(10);
    }
    let worst = 0;
    for (let i = 0, j = 0; i < sent.length; i++) {
      while ((sent[i] as number) - (sent[j] as number) >= 60_000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(worst).toBeLessThanOrEqual(500);
    expect(worst).toBeGreaterThanOrEqual(495);
    expect(sent.slice(0, 50).every((at) => at === sent[0])).toBe(true); // the burst goes at once
  });

  it("reserves a slot within the allowed wait, refuses beyond it without reserving", () => {
    const t = clock();
    const budget = new InMemoryRateBudget({ perMinute: 61, burst: 1, maxKeys: 10 }, t.now); // one a second
    expect(budget.reserveSync("k", 0)).toEqual({ granted: true, waitMs: 0 });
    expect(budget.reserveSync("k", 500)).toEqual({ granted: false, retryAfterMs: 1_000 });
    expect(budget.reserveSync("k", 1_000)).toEqual({ granted: true, waitMs: 1_000 });
    expect(budget.reserveSync("k", 1_500)).toEqual({ granted: false, retryAfterMs: 2_000 });
    expect(budget.reserveSync("other", 0)).toEqual({ granted: true, waitMs: 0 }); // independent keys
  });

  it("pauses a key until Retry-After has passed", () => {
    const t = clock();
    const budget = new InMemoryRateBudget({ perMinute: 500, burst: 50, maxKeys: 10 }, t.now);
    budget.pauseSync("k", t.now() + 30_000);
    expect(budget.reserveSync("k", 1_000)).toEqual({ granted: false, retryAfterMs: 30_000 });
    t.advance(30_000);
    expect(budget.reserveSync("k", 0)).toMatchObject({ granted: true, waitMs: 0 });
  });

  it("is bounded: the least recently used key is evicted", () => {
    const budget = new InMemoryRateBudget({ perMinute: 500, burst: 50, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) budget.reserveSync(`k${i}`, 0);
    expect(budget.size).toBe(100);
  });
});

describe("circuit breakers", () => {
  it("open after consecutive failures, fail fast, half-open after openMs, close on a successful probe", () => {
    const t = clock();
    const transitions: BreakerTransition[] = [];
    const breakers = new CircuitBreakers(
      { failureThreshold: 3, openMs: 1_000, halfOpenProbes: 1, maxKeys: 10 },
      (x) => transitions.push(x),
      t.now,
    );
    breakers.failure("k", meta, false);
    breakers.success("k", meta, false); // a success resets the count
    for (let i = 0; i < 3; i++) breakers.failure("k", meta, false);
    expect(breakers.state("k")).toBe("open");
    expect(breakers.admit("k", meta)).toEqual({ admitted: false, retryAfterMs: 1_000 });
    expect(breakers.isOpen("other")).toBeUndefined();

    t.advance(1_000);
    expect(breakers.admit("k", meta)).toEqual({ admitted: true, probe: true });
    expect(breakers.admit("k", meta)).toMatchObject({ admitted: false }); // one probe at a time
    breakers.failure("k", meta, true);
    expect(breakers.state("k")).toBe("open"); // a failed probe reopens

    t.advance(1_000);
    expect(breakers.admit("k", meta)).toEqual({ admitted: true, probe: true });
    breakers.success("k", meta, true);
    expect(breakers.state("k")).toBe("closed");
    expect(transitions.map((x) => x.to)).toEqual(["open", "half-open", "open", "half-open", "closed"]);
    expect(transitions[0]).toMatchObject({ companyId: "c", credentialId: "cred_x", from: "closed" });
  });

  it("release frees a probe slot without judging Pleo", () => {
    const t = clock();
    const breakers = new CircuitBreakers(
      { failureThreshold: 1, openMs: 10, halfOpenProbes: 1, maxKeys: 10 },
      undefined,
      t.now,
    );
    breakers.failure("k", meta, false);
    t.advance(10);
    expect(breakers.admit("k", meta)).toMatchObject({ admitted: true, probe: true });
    breakers.release("k", true);
    expect(breakers.admit("k", meta)).toMatchObject({ admitted: true, probe: true });
  });
});

describe("retry policy", () => {
  it("retries only safe reads, and writes only when they never left", () => {
    expect(isSafeRead("GET", "/v1/companies")).toBe(true);
    expect(isSafeRead("POST", "/v1/vendors:search")).toBe(true);
    expect(isSafeRead("POST", "/v1/vendors")).toBe(false);
    expect(isSafeRead("PUT", "/v3/export-jobs/x/items")).toBe(false);
    const status = (s: number) => ({ kind: "status" as const, status: s, retryAfterMs: undefined });
    for (const s of [429, 500, 502, 503, 504]) expect(isRetryable(status(s), true)).toBe(true);
    for (const s of [400, 401, 403, 404, 409, 422, 501]) expect(isRetryable(status(s), true)).toBe(false);
    expect(isRetryable(status(503), false)).toBe(false);
    expect(isRetryable({ kind: "network", notSent: false, timeout: false }, false)).toBe(false);
    expect(isRetryable({ kind: "network", notSent: true, timeout: false }, false)).toBe(true);
    expect(isRetryable({ kind: "network", notSent: false, timeout: true }, true)).toBe(true);
  });

  it("backs off with full jitter under an exponential ceiling, never before Retry-After", () => {
    const options = { baseDelayMs: 100, maxDelayMs: 2_000 };
    expect(backoffMs(1, options, undefined, () => 0.999)).toBe(99);
    expect(backoffMs(3, options, undefined, () => 0.999)).toBe(399);
    expect(backoffMs(10, options, undefined, () => 0.999)).toBe(1_998);
    expect(backoffMs(1, options, undefined, () => 0)).toBe(0);
    expect(backoffMs(1, options, 3_000, () => 0.5)).toBe(3_000);
  });

  it("spends a bounded retry budget refilled by a fraction of the calls", () => {
    const budget = new RetryBudget({ budgetRatio: 0.1, budgetBurst: 2 });
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(false);
    for (let i = 0; i < 10; i++) budget.deposit();
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(false);
    for (let i = 0; i < 100; i++) budget.deposit();
    expect(budget.tokens).toBe(2);
  });
});

describe("credential quarantine", () => {
  it("sets a 401 credential aside entirely, a 403 only for company-wide calls and that endpoint", () => {
    const t = clock();
    const q = new CredentialQuarantine({ ttlMs: 1_000, maxKeys: 10 }, t.now);
    const company = "5ff74e70-55e8-56f7-adbf-5e1a0b53949f";
    const other = "e7ecb214-9104-5fa8-8209-4b72eac86ef8";
    // An object of another company: not the credential's fault, never recorded.
    expect(
      q.refuse("h", 403, {
        endpoint: "GET /v3/export-jobs/{id}",
        url: `/v3/export-jobs/${other}`,
        companyId: company,
      }),
    ).toBe(false);
    expect(q.check("h", "GET /v3/export-jobs/{id}")).toBeUndefined();
    expect(
      q.refuse("h", 403, {
        endpoint: "POST /v1/vendors:search",
        url: `/v1/vendors:search?company_id=${company}`,
        companyId: company,
      }),
    ).toBe(true);
    expect(q.check("h", "POST /v1/vendors:search")).toMatchObject({ status: 403 });
    expect(q.check("h", "POST /v0/tax-codes:search")).toBeUndefined();
    expect(
      q.refuse("h2", 401, { endpoint: "GET /v1/introspect", url: "/v1/introspect", companyId: undefined }),
    ).toBe(true);
    expect(q.check("h2", "anything")).toMatchObject({ status: 401 });
    t.advance(1_000);
    expect(q.check("h2", "anything")).toBeUndefined();
  });
});

describe("bulkhead", () => {
  it("bounds calls overall and per credential, queues fairly, refuses when the queue is full", async () => {
    const bulkhead = new Bulkhead({ maxConcurrent: 2, maxPerKey: 1, maxQueued: 2 });
    const signal = new AbortController().signal;
    const a1 = await bulkhead.acquire("a", signal);
    const a2 = bulkhead.acquire("a", signal); // a is at its limit: queued
    const b1 = await bulkhead.acquire("b", signal); // b passes the waiting a
    const c1 = bulkhead.acquire("c", signal);
    await expect(bulkhead.acquire("d", signal)).rejects.toBeInstanceOf(QueueFull);
    expect(bulkhead.queued).toBe(2);
    a1();
    (await a2)();
    b1();
    (await c1)();
    expect(bulkhead.active).toBe(0);
  });

  it("stops waiting when the caller's deadline passes", async () => {
    const bulkhead = new Bulkhead({ maxConcurrent: 1, maxPerKey: 1, maxQueued: 5 });
    const release = await bulkhead.acquire("a", new AbortController().signal);
    const deadline = Deadline.after(30);
    await expect(bulkhead.acquire("a", deadline.signal)).rejects.toBeInstanceOf(DeadlineExceeded);
    expect(bulkhead.queued).toBe(0);
    release();
  });
});

describe("shared in-flight reads", () => {
  it("one call for concurrent subscribers; one leaving early does not cancel the others", async () => {
    const inflight = new InflightReads();
    let calls = 0;
    let cancelled = false;
    const work = (run: { signal: AbortSignal }) => {
      calls += 1;
      run.signal.addEventListener("abort", () => {
        cancelled = true;
      });
      return sleep(60, run.signal).then(() => "answer");
    };
    const impatient = Deadline.after(20);
    const patient = Deadline.after(1_000);
    const first = inflight.run("k", { signal: impatient.signal, deadlineAt: impatient.expiresAt }, work);
    const second = inflight.run("k", { signal: patient.signal, deadlineAt: patient.expiresAt }, work);
    expect(second.shared).toBe(true);
    await expect(first.promise).rejects.toBeInstanceOf(DeadlineExceeded);
    await expect(second.promise).resolves.toBe("answer");
    expect(calls).toBe(1);
    expect(cancelled).toBe(false);
    expect(inflight.size).toBe(0);
  });

  it("cancels the call when its last subscriber leaves", async () => {
    const inflight = new InflightReads();
    let cancelled = false;
    const controller = new AbortController();
    const { promise } = inflight.run(
      "k",
      { signal: controller.signal, deadlineAt: Date.now() + 1_000 },
      (run) => {
        run.signal.addEventListener("abort", () => {
          cancelled = true;
        });
        return sleep(1_000, run.signal);
      },
    );
    controller.abort(new RequestCancelled());
    await expect(promise).rejects.toBeInstanceOf(RequestCancelled);
    expect(cancelled).toBe(true);
    expect(inflight.size).toBe(0);
  });
});

describe("deadlines and endpoints", () => {
  it("aborts at the deadline, or with the parent's cancellation; disposal stops it", async () => {
    const deadline = Deadline.after(20);
    await new Promise((r) => setTimeout(r, 40));
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineExceeded);
    const parent = new AbortController();
    const child = Deadline.after(1_000, { parent: parent.signal });
    parent.abort();
    expect(child.signal.reason).toBeInstanceOf(RequestCancelled);
    const derived = Deadline.after(1_000, { parent: deadline.signal });
    expect(derived.signal.reason).toBeInstanceOf(DeadlineExceeded);
    const disposed = Deadline.after(10);
    disposed.dispose();
    await new Promise((r) => setTimeout(r, 30));
    expect(disposed.signal.aborted).toBe(false);
  });

  it("derives a call's deadline: it ends with the request's (same reason) or its own signal; disposal lets go", async () => {
    const request = Deadline.after(20);
    const calls = Array.from({ length: 20 }, () => request.derive());
    expect(getEventListeners(request.signal, "abort")).toHaveLength(1);
    for (const call of calls.slice(1)) call.dispose();
    await new Promise((r) => setTimeout(r, 40));
    expect(calls[0]?.signal.reason).toBeInstanceOf(DeadlineExceeded);
    expect(calls[0]?.expiresAt).toBe(request.expiresAt);
    expect(calls[1]?.signal.aborted).toBe(false);

    const longer = Deadline.after(1_000);
    const own = new AbortController();
    const call = longer.derive(own.signal);
    own.abort(new Error("gone"));
    expect(call.signal.reason).toBeInstanceOf(RequestCancelled);
    expect(getEventListeners(longer.signal, "abort")).toHaveLength(0);
    longer.dispose();
  });

  it("labels endpoints by path template", () => {
    expect(pathTemplate("/v3/export-jobs/9b2f0c6e-1111-4222-8333-944444444444/items")).toBe(
      "/v3/export-jobs/{id}/items",
    );
    expect(pathTemplate("/v1/companies/5ff74e70-55e8-56f7-adbf-5e1a0b53949f")).toBe("/v1/companies/{id}");
    expect(endpointOf("POST", "/v1/vendors:search")).toBe("POST /v1/vendors:search");
    expect(pathTemplate("/v2/employees/12345")).toBe("/v2/employees/{id}");
  });
});
