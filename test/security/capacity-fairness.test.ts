import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { PleoClient } from "../../src/pleo/client.ts";
import { createCredential } from "../../src/pleo/credential.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { Deadline } from "../../src/upstream/deadline.ts";
import { DEFAULT_RESILIENCE } from "../../src/upstream/options.ts";
import { startStubPleo, stubClient } from "../ops/stub-pleo.ts";
import { bearer } from "../support/auth-headers.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { ownedGlobalId } from "../support/ids.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * Issue 15, point 2: when several callers draw on one Pleo credential, one caller's burst must not
 * starve the others. Caller A floods the credential's budget; caller B's few calls still get through
 * within their deadline, because slots go to the waiting callers in turn.
 */

// 600 a minute with a burst of 2: after the burst, one slot every 60 s / 598 ≈ 100 ms.
const BUDGET = { perMinute: 600, burst: 2 };
const INTERVAL_MS = 60_000 / 598;

describe("one credential's budget between callers of the client", () => {
  let pleo: Awaited<ReturnType<typeof startStubPleo>>;
  let client: PleoClient;
  beforeAll(async () => {
    pleo = await startStubPleo((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"ok":true}');
    });
    client = stubClient(pleo.url, {
      maxConnections: 8,
      maxCallsPerRequest: 1_000,
      resilience: { ...DEFAULT_RESILIENCE, rateBudget: BUDGET, maxConcurrentPerCredential: 8 },
    });
  });
  afterAll(async () => {
    await client.close();
    await pleo.close();
  });

  const credential = createCredential("apiKey", "fairness-test-key");
  const read = (view: PleoClient, path: string, signal?: AbortSignal) =>
    view.call(credential, {
      method: "GET",
      path,
      schema: z.object({ ok: z.boolean() }),
      operation: "thing lookup",
      ...(signal ? { signal } : {}),
    });

  it("serves B's few calls within B's deadline while A's flood waits its turn", async () => {
    const flood = new AbortController();
    const a = client.withScope({ caller: "caller-a", deadline: Deadline.after(20_000) });
    const aCalls = Array.from({ length: 60 }, (_, i) => read(a, `/a/${i}`, flood.signal));
    await new Promise((resolve) => setTimeout(resolve, 50));

    // B's deadline is far shorter than A's queue (≈ 58 slots ≈ 5.8 s).
    const started = Date.now();
    const b = client.withScope({ caller: "caller-b", deadline: Deadline.after(1_500) });
    const bResults = await Promise.allSettled([read(b, "/b/1"), read(b, "/b/2"), read(b, "/b/3")]);
    const tookMs = Date.now() - started;

    flood.abort();
    const aResults = await Promise.allSettled(aCalls);
    expect(bResults.map((r) => (r.status === "fulfilled" ? "ok" : String(r.reason?.code)))).toEqual([
      "ok",
      "ok",
      "ok",
    ]);
    // One slot for A, one for B, in turn: B's third call has about six slots ahead of it.
    expect(tookMs).toBeLessThan(8 * INTERVAL_MS + 300);
    // A's flood was served meanwhile too, in its turns (and the rest cancelled, never over-spent).
    const aServed = aResults.filter((r) => r.status === "fulfilled").length;
    expect(aServed).toBeGreaterThanOrEqual(2);
    expect(aServed).toBeLessThan(60);
  });

  it("keeps first come, first served within one caller, and refuses at once what cannot come in time", async () => {
    const key = createCredential("apiKey", "fairness-order-key");
    const view = client.withScope({ caller: "caller-c", deadline: Deadline.after(650) });
    const order: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        view
          .call(key, {
            method: "GET",
            path: `/c/${i}`,
            schema: z.object({ ok: z.boolean() }),
            operation: "thing lookup",
          })
          .then(() => order.push(i)),
      ),
    );
    // A burst of 2, then one per ≈100 ms within ≈600 ms: about 7 sent, in order, the rest RATE_LIMITED.
    expect(order).toEqual([...order].sort((x, y) => x - y));
    const codes = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason?.code)] : []));
    expect(new Set(codes)).toEqual(new Set(["RATE_LIMITED"]));
    expect(order.length).toBeGreaterThanOrEqual(5);
  });
});

describe("JWT callers served by one gateway-held credential", () => {
  const h = useHarness({
    resilience: { rateBudget: BUDGET },
    operations: { requestDeadlineMs: 2_500 },
  });
  const execute = executor(h);
  const NL = COMPANIES.nl.id;

  const callerHeaders = async (subject: string) => ({
    authorization: bearer(await h.env.auth.issue({ subject, companies: [NL] })),
  });

  /** Twenty-five accounting-entry lookups: one GET each with NL's stored credential (distinct per `n`). */
  const flood = (n: number) =>
    typedDocument(
      `{ ${Array.from({ length: 25 }, (_, i) => {
        const entry = `00000000-0000-4000-8000-${(n * 100 + i).toString(16).padStart(12, "0")}`;
        return `n${i}: node(id: ${JSON.stringify(ownedGlobalId("AccountingEntry", NL, entry))}) { id }`;
      }).join(" ")} }`,
    );
  const VENDORS = typedDocument<{ company: { vendors: { totalCount: number } } }>(
    `query($id: ID!) { company(id: $id) { vendors(first: 2) { totalCount } } }`,
  );

  it("B's query resolves on time while A floods the credential NL's callers share", async () => {
    const a = await callerHeaders("caller-a");
    const b = await callerHeaders("caller-b");
    // Bind NL's stored credential once (cached), then let the budget refill.
    await execute(VENDORS, { id: NL }, { headers: a });
    await new Promise((resolve) => setTimeout(resolve, 4 * INTERVAL_MS));
    await h.resetSim();

    const floods = Promise.all(Array.from({ length: 4 }, (_, n) => execute(flood(n), {}, { headers: a })));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const answer = await execute(VENDORS, { id: NL }, { headers: b });
    const tookMs = Date.now() - started;
    const floodResults = await floods;

    expect(answer.expectData().company.vendors.totalCount).toBeGreaterThan(0);
    // Two calls (the company, its vendors), each a few slots away, not behind A's hundred.
    expect(tookMs).toBeLessThan(2_000);
    // A's flood could not all be sent within its deadline: it really was exhausting the budget.
    const aLimited = floodResults.flatMap((r) => r.codes).filter((c) => c === "RATE_LIMITED");
    expect(aLimited.length).toBeGreaterThan(0);
    // Every call sent used NL's stored credential, and the budget was never exceeded.
    const log = await h.simRequests();
    expect(new Set(log.map((r) => r.credentialLabel))).toEqual(new Set([CREDENTIALS.nl.label]));
  });
});
