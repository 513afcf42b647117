import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIALS } from "../../src/simulator/index.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { useHarness } from "../support/use-harness.ts";
import {
  BE,
  DE,
  errorFor,
  expectVendorsServed,
  FAST_RETRY,
  NL,
  ORG,
  SEEDED_VENDORS,
  VENDORS_DOC,
} from "./resilience-support.ts";
import { addFaults, arrival, metric, metricsText, timed } from "./support.ts";

/**
 * The upstream resilience layer against injected faults, end to end over HTTP (gateway → simulator):
 * Pleo's 429 with Retry-After, and the gateway's own rate budget per credential.
 */
describe("Pleo's 429 and Retry-After", () => {
  const h = useHarness({ resilience: { retry: FAST_RETRY }, operations: { requestDeadlineMs: 5_000 } });
  const execute = executor(h);
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = (await h.persona("group-admin")).headers;
    await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
  });
  afterEach(() => h.resetSim());

  it("waits Retry-After, then retries; no call with that credential goes out sooner", async () => {
    await addFaults(h, {
      companyId: NL,
      pathPrefix: "/v1/vendors:search",
      action: "rate-limit",
      retryAfterSeconds: 1,
      times: 1,
    });
    const { result: response, ms } = await timed(() =>
      execute(VENDORS_DOC, { org: ORG }, { headers: admin }),
    );
    response.expectData();
    expect(ms).toBeGreaterThanOrEqual(1_000);
    const nlCalls = (await h.simRequests()).filter((e) => e.credentialLabel === CREDENTIALS.nl.label);
    const limited = nlCalls.find((e) => e.status === 429);
    if (!limited) throw new Error("no 429 seen");
    const later = nlCalls.filter((e) => e.seq > limited.seq);
    // Exactly the one retry of the limited search.
    expect(later.map((e) => [e.path, e.status])).toEqual([["/v1/vendors:search", 200]]);
    for (const call of later) expect(arrival(call)).toBeGreaterThanOrEqual(Date.parse(limited.at) + 1_000);
  });

  it("fails the field with RATE_LIMITED and the retry-after when it does not fit the deadline, and keeps the credential quiet", async () => {
    await addFaults(h, {
      companyId: NL,
      pathPrefix: "/v1/vendors:search",
      action: "rate-limit",
      retryAfterSeconds: 30,
      times: 1,
    });
    const first = await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
    first.expectErrors("RATE_LIMITED");
    expect(errorFor(first, NL)?.extensions).toMatchObject({
      retryAfterSeconds: 30,
      upstreamStatus: 429,
    });
    expectVendorsServed(first.data, DE);
    // Failed at once: the limited search was neither waited for nor retried.
    const nlSearches = (await h.simRequests()).filter(
      (e) => e.credentialLabel === CREDENTIALS.nl.label && e.path === "/v1/vendors:search",
    );
    expect(nlSearches.map((e) => e.status)).toEqual([429]);

    await h.resetSim(); // clears the fault too: Pleo would answer now, but Retry-After has not passed
    const second = await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
    second.expectErrors("RATE_LIMITED");
    const retryAfter = errorFor(second, NL)?.extensions?.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(25);
    expect(retryAfter).toBeLessThanOrEqual(30);
    const log = await h.simRequests();
    expect(log.filter((e) => e.credentialLabel === CREDENTIALS.nl.label)).toEqual([]);
    expectVendorsServed(second.data, BE);
  });
});

describe("the rate budget per credential", () => {
  // 60 calls a minute with a burst of 4: after the burst, one call every 60 s / 56 ≈ 1.07 s.
  const h = useHarness({
    resilience: { retry: FAST_RETRY, rateBudget: { perMinute: 60, burst: 4 } },
    operations: { requestDeadlineMs: 1_500 },
  });
  const execute = executor(h);

  it("fails what cannot be sent within the deadline with RATE_LIMITED; another company is not slowed", async () => {
    const nl = (await h.persona("nl-bookkeeper")).headers;
    const de = (await h.persona("de-oauth-app")).headers;
    const NL_BOOKS = typedDocument(`query($id: ID!) { company(id: $id) {
      accounts(first: 2) { totalCount } taxCodes(first: 2) { totalCount } tagGroups { name }
      vendors(first: 2) { totalCount } employees(first: 2) { totalCount } } }`);
    const DE_VENDORS = typedDocument<{ company: { vendors: { totalCount: number } } }>(
      `query($id: ID!) { company(id: $id) { vendors(first: 2) { totalCount } } }`,
    );
    const [nlResult, deResult] = await Promise.all([
      execute(NL_BOOKS, { id: NL }, { headers: nl }),
      // Let NL's calls queue first, then ask for DE.
      new Promise((r) => setTimeout(r, 100)).then(() => execute(DE_VENDORS, { id: DE }, { headers: de })),
    ]);
    expect(deResult.expectData().company.vendors.totalCount).toBe(SEEDED_VENDORS[DE]);

    // NL's key: introspection and three fields use the burst (the company needs no lookup: the key
    // Pleo bound to it proves it), a fourth field waits about 1.07 s for its slot, the last would have
    // to wait beyond the deadline.
    const limited = nlResult.errors.filter((e) => e.extensions?.code === "RATE_LIMITED");
    expect(limited).toHaveLength(1);
    for (const error of limited) {
      expect(error.extensions).toMatchObject({ companyId: NL });
      expect(error.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    // The NL key never exceeded its budget: at most the burst, plus one per interval elapsed.
    const nlCalls = (await h.simRequests()).filter((e) => e.credentialLabel === CREDENTIALS.nl.label);
    const span = Math.max(...nlCalls.map(arrival)) - Math.min(...nlCalls.map(arrival));
    expect(nlCalls).toHaveLength(5);
    expect(nlCalls.length).toBeLessThanOrEqual(4 + Math.floor(span / (60_000 / 56)) + 1);
    const text = await metricsText(h);
    expect(metric(text, "pleo_gateway_rate_budget_waits_total", { company: NL })).toBe(1);
    expect(metric(text, "pleo_gateway_rate_budget_rejections_total", { company: NL })).toBe(limited.length);
    // DE's key has its own budget: NL's queue neither delayed nor refused anything of DE.
    expect(metric(text, "pleo_gateway_rate_budget_waits_total", { company: DE })).toBe(0);
    expect(metric(text, "pleo_gateway_rate_budget_rejections_total", { company: DE })).toBe(0);
  });
});
