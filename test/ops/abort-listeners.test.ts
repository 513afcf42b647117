import { getEventListeners } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { PleoClient } from "../../src/pleo/client.ts";
import { createCredential } from "../../src/pleo/credential.ts";
import { onAbort } from "../../src/upstream/abort-listeners.ts";
import { Deadline, RequestCancelled } from "../../src/upstream/deadline.ts";
import { DEFAULT_RESILIENCE } from "../../src/upstream/options.ts";
import { startStubPleo, stubClient } from "./stub-pleo.ts";

/**
 * A GraphQL request's deadline lives as long as the request and every upstream call it makes waits on
 * it. Listeners added to it per call, and never removed, pile up (MaxListenersExceededWarning at 11)
 * and keep every finished call's closures alive until the request ends.
 */
const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

describe("abort listeners on a request's deadline", () => {
  let pleo: Awaited<ReturnType<typeof startStubPleo>>;
  let client: PleoClient;
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => {
    if (warning.name === "MaxListenersExceededWarning") warnings.push(warning);
  };

  beforeAll(async () => {
    // A Pleo that answers every call after a short pause, so calls overlap.
    pleo = await startStubPleo((_request, response) => {
      setTimeout(() => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"ok":true}');
      }, 5);
    });
    client = stubClient(pleo.url, {
      maxConnections: 32,
      resilience: {
        ...DEFAULT_RESILIENCE,
        rateBudget: { perMinute: 100_000, burst: 1_000 },
        maxConcurrentPerCredential: 32,
      },
    });
    process.on("warning", onWarning);
  });
  afterAll(async () => {
    process.off("warning", onWarning);
    await client.close();
    await pleo.close();
  });
  afterEach(() => {
    warnings.length = 0;
  });

  const credential = createCredential("apiKey", "listener-test-key");
  const call = (view: PleoClient, i: number, extra: { signal?: AbortSignal; method?: "GET" | "POST" } = {}) =>
    view.call(credential, {
      method: extra.method ?? "GET",
      path: `/v1/things/${i}`,
      schema: z.object({ ok: z.boolean() }),
      operation: "thing lookup",
      ...(extra.signal ? { signal: extra.signal } : {}),
    });

  it("sequential calls with their own signal leave no listener behind", async () => {
    const deadline = Deadline.after(10_000);
    const view = client.withScope({ deadline });
    const perCall = new AbortController();
    for (let i = 0; i < 40; i++) {
      await call(view, i, { signal: perCall.signal, method: i % 2 === 0 ? "GET" : "POST" });
      expect(listeners(deadline.signal)).toBe(0);
      expect(listeners(perCall.signal)).toBe(0);
    }
    deadline.dispose();
    expect(warnings).toEqual([]);
  });

  it("concurrent calls hold one listener on the deadline between them, and none once done", async () => {
    const deadline = Deadline.after(10_000);
    const view = client.withScope({ deadline });
    let most = 0;
    const sampler = setInterval(() => {
      most = Math.max(most, listeners(deadline.signal));
    }, 1);
    const calls = Array.from({ length: 40 }, (_, i) =>
      call(view, i, { method: i % 4 === 0 ? "POST" : "GET" }).then((result) => {
        most = Math.max(most, listeners(deadline.signal));
        return result;
      }),
    );
    most = Math.max(most, listeners(deadline.signal));
    const results = await Promise.all(calls);
    clearInterval(sampler);
    expect(results).toHaveLength(40);
    expect(most).toBe(1);
    expect(listeners(deadline.signal)).toBe(0);
    deadline.dispose();
    expect(warnings).toEqual([]);
  });

  it("a call still ends with its own signal and with the request's deadline", async () => {
    const deadline = Deadline.after(10_000);
    const view = client.withScope({ deadline });
    const own = new AbortController();
    const cancelled = call(view, 1, { signal: own.signal });
    own.abort(new Error("caller gave up"));
    await expect(cancelled).rejects.toMatchObject({ code: "DEADLINE_EXCEEDED" });

    const request = new AbortController();
    const scoped = Deadline.after(10_000, { parent: request.signal });
    const pending = call(client.withScope({ deadline: scoped }), 2);
    request.abort();
    await expect(pending).rejects.toMatchObject({ code: "DEADLINE_EXCEEDED" });
    expect(scoped.signal.reason).toBeInstanceOf(RequestCancelled);
    expect(listeners(deadline.signal)).toBe(0);
    deadline.dispose();
    scoped.dispose();
  });
});

describe("onAbort", () => {
  it("fans one listener out to every waiter, and removes it with the last", () => {
    const controller = new AbortController();
    const ran: number[] = [];
    const stops = Array.from({ length: 20 }, (_, i) => onAbort(controller.signal, () => ran.push(i)));
    expect(listeners(controller.signal)).toBe(1);
    for (const stop of stops.slice(0, 19)) stop();
    expect(listeners(controller.signal)).toBe(1);
    stops[19]?.();
    expect(listeners(controller.signal)).toBe(0);

    const stopFirst = onAbort(controller.signal, () => ran.push(100));
    onAbort(controller.signal, () => {
      ran.push(101);
      stopFirst(); // already ran: harmless
    });
    let stopLast = () => {};
    onAbort(controller.signal, () => {
      ran.push(102);
      stopLast(); // not yet run: it must not run
    });
    stopLast = onAbort(controller.signal, () => ran.push(103));
    controller.abort();
    expect(ran).toEqual([100, 101, 102]);
    expect(listeners(controller.signal)).toBe(0);

    let late = false;
    onAbort(controller.signal, () => {
      late = true;
    });
    expect(late).toBe(true); // an aborted signal runs the handler at once
  });
});
