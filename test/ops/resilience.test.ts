import { createServer } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createCredential } from "../../src/pleo/credential.ts";
import { wasNotSent } from "../../src/pleo/errors.ts";
import { COMPANIES, CREDENTIALS, ORGANISATIONS, seededCompany } from "../../src/simulator/index.ts";
import type { UpstreamEvent } from "../../src/upstream/events.ts";
import { DEFAULT_RESILIENCE } from "../../src/upstream/options.ts";
import { GroupBooksDocument } from "../generated/graphql.ts";
import { executor, typedDocument } from "../support/execute.ts";
import type { GraphQLErrorBody } from "../support/harness.ts";
import { useHarness } from "../support/use-harness.ts";
import { stubClient } from "./stub-pleo.ts";
import {
  addFaults,
  arrival,
  byCompany,
  companiesOf,
  GROUP_VENDORS,
  type GroupVendorsData,
  metric,
  metricsText,
  timed,
} from "./support.ts";

/**
 * The upstream resilience layer against injected faults, end to end over HTTP: gateway → simulator.
 * Retries back off by a few milliseconds here (the production backoff starts at 100 ms).
 */
const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;
const BE = COMPANIES.be.id;
const ORG = ORGANISATIONS.loveCremeBrulee.id;
const FAST_RETRY = { ...DEFAULT_RESILIENCE.retry, baseDelayMs: 5, maxDelayMs: 20 };
const VENDORS_DOC = typedDocument<GroupVendorsData, { org: string }>(GROUP_VENDORS);

/** What the simulator seeds, so a served list is checked whole, not merely non-empty. */
const SEEDED_VENDORS: Record<string, number> = {
  [NL]: seededCompany(NL).vendors.length,
  [DE]: seededCompany(DE).vendors.length,
  [BE]: seededCompany(BE).vendors.length,
};

function errorFor(response: { errors: readonly GraphQLErrorBody[] }, companyId: string) {
  return response.errors.find((e) => e.extensions?.companyId === companyId);
}

/** The company's whole seeded vendor list was counted (GROUP_VENDORS asks for its first five). */
function expectVendorsServed(data: GroupVendorsData | null | undefined, companyId: string) {
  expect(companiesOf(data).get(companyId)?.vendors?.totalCount).toBe(SEEDED_VENDORS[companyId]);
}

/** How many of the 132 calls the seeded 10% fault rule fails: its draws hash seed, request and occurrence. */
const FAILED_UNDER_SEED = 10;

describe("retries of safe reads under 10% upstream 500s", () => {
  const h = useHarness({ resilience: { retry: FAST_RETRY } });
  const execute = executor(h);
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = (await h.persona("group-admin")).headers;
  });

  it("answers every query in full, each extra call being a retry of a failed one", async () => {
    const RUNS = 6;
    const run = async () => {
      for (let i = 0; i < RUNS; i++) {
        const response = await execute(GroupBooksDocument, { org: ORG, n: 10 + i }, { headers: admin });
        response.expectData();
      }
    };
    await execute(GroupBooksDocument, { org: ORG, n: 1 }, { headers: admin }); // warm the introspection cache
    await h.resetSim();
    await run();
    const baseline = (await h.simRequests()).length;
    expect(baseline).toBe(RUNS * 22);

    await h.resetSim();
    const before = metric(await metricsText(h), "pleo_gateway_upstream_retries_total");
    await addFaults(h, { status: 500, probability: 0.1, seed: "ten-percent" });
    await run();
    const log = await h.simRequests();
    const failed = log.filter((e) => e.status === 500).length;
    const extra = log.length - baseline;
    const retries = metric(await metricsText(h), "pleo_gateway_upstream_retries_total") - before;
    console.info(
      `10% faults: ${baseline} calls needed, ${log.length} made, ${failed} failed, ${retries} retries`,
    );
    expect(failed).toBe(FAILED_UNDER_SEED);
    // Every failed call was retried once, nothing else was added, and the overhead stays near the rate.
    expect(extra).toBe(failed);
    expect(retries).toBe(failed);
    expect(extra).toBeLessThanOrEqual(Math.ceil(baseline * 0.2));
  });
});

describe("the request deadline", () => {
  const h = useHarness({ resilience: { retry: FAST_RETRY }, operations: { requestDeadlineMs: 1_500 } });
  const execute = executor(h);
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = (await h.persona("group-admin")).headers;
    await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
    await h.resetSim();
  });
  afterEach(() => h.resetSim());

  it("fails a hung company's field at the deadline; the other companies' data arrives", async () => {
    await addFaults(h, { companyId: DE, pathPrefix: "/v1/vendors:search", action: "hang" });
    const { result: response, ms } = await timed(() =>
      execute(VENDORS_DOC, { org: ORG }, { headers: admin }),
    );
    expect(ms).toBeGreaterThanOrEqual(1_400);
    expect(companiesOf(response.data).get(DE)?.vendors).toBeNull();
    expectVendorsServed(response.data, NL);
    expectVendorsServed(response.data, BE);
    response.expectErrors("UPSTREAM_TIMEOUT");
    expect(errorFor(response, DE)?.path?.at(-1)).toBe("vendors");
    // The hung call was not retried: the deadline had no room left.
    expect(byCompany(await h.simRequests(), DE).filter((e) => e.path === "/v1/vendors:search")).toHaveLength(
      1,
    );
  });

  it("cuts a slow upstream at the deadline instead of undici's minutes-long default", async () => {
    await addFaults(h, {
      companyId: NL,
      pathPrefix: "/v1/vendors:search",
      action: "latency",
      latencyMs: 10_000,
    });
    const { result: response, ms } = await timed(() =>
      execute(VENDORS_DOC, { org: ORG }, { headers: admin }),
    );
    // A timeout error (not NL's vendors after 10 s) proves the call was cut; the bound, that the cut
    // waited for the deadline.
    expect(ms).toBeGreaterThanOrEqual(1_400);
    response.expectErrors("UPSTREAM_TIMEOUT");
    expect(errorFor(response, NL)?.path?.at(-1)).toBe("vendors");
    expectVendorsServed(response.data, DE);
    expectVendorsServed(response.data, BE);
  });
});

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

describe("circuit breakers", () => {
  const h = useHarness({
    resilience: { retry: FAST_RETRY, breaker: { failureThreshold: 3, openMs: 600, halfOpenProbes: 1 } },
  });
  const execute = executor(h);
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = (await h.persona("group-admin")).headers;
    await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
  });

  it("opens for a company in outage, fails it fast, leaves the others alone, and recovers", async () => {
    await h.resetSim();
    await addFaults(h, { companyId: DE, status: 503 });
    const first = await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
    first.expectErrors("UPSTREAM_UNAVAILABLE");
    expect(byCompany(await h.simRequests(), DE)).toHaveLength(3); // one call, three attempts

    await h.resetSim();
    await addFaults(h, { companyId: DE, status: 503 });
    const second = await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
    second.expectErrors("CIRCUIT_OPEN");
    expect(errorFor(second, DE)?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expectVendorsServed(second.data, NL);
    expectVendorsServed(second.data, BE);
    expect(byCompany(await h.simRequests(), DE)).toEqual([]); // failed fast: Pleo not called for DE
    let text = await metricsText(h);
    expect(metric(text, "pleo_gateway_circuit_breaker_state", { company: DE })).toBe(2);
    expect(metric(text, "pleo_gateway_circuit_breaker_rejections_total", { company: DE })).toBe(1);

    // Pleo recovers; after openMs one probe goes through and closes the breaker.
    await h.resetSim();
    await new Promise((r) => setTimeout(r, 650));
    const third = await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
    third.expectData();
    text = await metricsText(h);
    expect(metric(text, "pleo_gateway_circuit_breaker_state", { company: DE })).toBe(0);
    expect(
      metric(text, "pleo_gateway_circuit_breaker_transitions_total", { company: DE, to: "half-open" }),
    ).toBe(1);
  });
});

describe("credentials Pleo refuses", () => {
  const h = useHarness({ resilience: { retry: FAST_RETRY } });
  const execute = executor(h);
  afterEach(() => h.resetSim());

  it("sets a credential refused with 401 aside: its company fails fast, the others are served", async () => {
    const admin = (await h.persona("group-admin")).headers;
    await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
    await addFaults(h, { companyId: DE, pathPrefix: "/v1/vendors:search", status: 401, times: 1 });
    const first = await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
    first.expectErrors("CREDENTIAL_REJECTED");

    await h.resetSim();
    const second = await execute(VENDORS_DOC, { org: ORG }, { headers: admin });
    second.expectErrors("CREDENTIAL_REJECTED");
    expectVendorsServed(second.data, NL);
    // Neither a re-introspection nor another call: the refused key is not sent again for a while.
    expect((await h.simRequests()).filter((e) => e.credentialLabel === CREDENTIALS.de.label)).toEqual([]);
    expect(metric(await metricsText(h), "pleo_gateway_credential_quarantines_total", { status: "401" })).toBe(
      1,
    );
  });

  it("sets aside only the endpoint a company-wide 403 refused; other fields of the company work", async () => {
    const nl = (await h.persona("nl-bookkeeper")).headers;
    const QUERY = typedDocument<{ company: { accounts: { totalCount: number } } }>(
      `query($id: ID!) { company(id: $id) { vendors(first: 1) { totalCount } accounts(first: 1) { totalCount } } }`,
    );
    await execute(QUERY, { id: NL }, { headers: nl });
    await addFaults(h, { companyId: NL, pathPrefix: "/v1/vendors:search", status: 403, times: 1 });
    const first = await execute(QUERY, { id: NL }, { headers: nl });
    first.expectErrors("UPSTREAM_FORBIDDEN");

    await h.resetSim();
    const second = await execute(QUERY, { id: NL }, { headers: nl });
    second.expectErrors("CREDENTIAL_UNUSABLE");
    expect(second.data?.company.accounts.totalCount).toBe(seededCompany(NL).accounts.length);
    const log = await h.simRequests();
    expect(log.filter((e) => e.path === "/v1/vendors:search")).toEqual([]);
    expect(log.filter((e) => e.path === "/v1/chart-of-accounts:search")).toHaveLength(1);
  });
});

describe("writes are never replayed unless provably not sent", () => {
  const h = useHarness({ resilience: { retry: FAST_RETRY } });
  afterEach(() => h.resetSim());
  const nlKey = () => createCredential("apiKey", CREDENTIALS.nl.secret);

  it("a connection reset during a write: one request reached Pleo, the error says the outcome is unknown", async () => {
    await addFaults(h, { method: "POST", pathRegex: "^/v1/vendors$", action: "reset" });
    const error = await h.gateway.pleo
      .call(nlKey(), {
        method: "POST",
        path: "/v1/vendors",
        query: { company_id: NL },
        body: { name: "Replay Ltd", companyId: NL },
        schema: z.unknown(),
        companyId: NL,
        operation: "vendor creation",
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    expect(wasNotSent(error)).toBe(false);
    expect(
      (await h.simRequests()).filter((e) => e.method === "POST" && e.path === "/v1/vendors"),
    ).toHaveLength(1);
  });

  it("the same reset on a read is retried", async () => {
    await addFaults(h, { method: "GET", pathPrefix: "/v0/tag-groups", action: "reset", times: 1 });
    const body = await h.gateway.pleo.call(nlKey(), {
      method: "GET",
      path: "/v0/tag-groups",
      query: { company_id: NL },
      schema: z.object({ data: z.array(z.unknown()) }),
      companyId: NL,
      operation: "tag group list",
    });
    expect(body.data).toHaveLength(seededCompany(NL).tagGroups.filter((g) => !g.archived).length);
    expect((await h.simRequests()).map((e) => e.status)).toEqual([0, 200]);
  });

  it("a write refused at connect time is retried (it never left)", async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const client = stubClient(`http://127.0.0.1:${closed}`, {
      resilience: { ...DEFAULT_RESILIENCE, retry: FAST_RETRY },
    });
    const events: UpstreamEvent[] = [];
    client.onEvent((e) => events.push(e));
    const error = await client
      .call(nlKey(), {
        method: "POST",
        path: "/v1/vendors",
        body: {},
        schema: z.unknown(),
        companyId: NL,
        operation: "vendor creation",
      })
      .catch((e: unknown) => e);
    await client.close();
    expect(error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    expect(wasNotSent(error)).toBe(true);
    expect(events.filter((e) => e.type === "retry")).toHaveLength(2);
  });
});

describe("identical in-flight reads", () => {
  const h = useHarness();
  const execute = executor(h);

  it("are shared between concurrent requests holding the same credential", async () => {
    const nl = (await h.persona("nl-bookkeeper")).headers;
    const QUERY = typedDocument<{ company: { vendors: { totalCount: number } } }>(
      `query($id: ID!) { company(id: $id) { vendors(first: 3) { totalCount } } }`,
    );
    await execute(QUERY, { id: NL }, { headers: nl });
    await h.resetSim();
    await addFaults(h, { pathPrefix: "/v1/vendors:search", action: "latency", latencyMs: 300 });
    const responses = await Promise.all([1, 2, 3].map(() => execute(QUERY, { id: NL }, { headers: nl })));
    for (const response of responses)
      expect(response.expectData().company.vendors.totalCount).toBe(SEEDED_VENDORS[NL]);
    expect((await h.simRequests()).filter((e) => e.path === "/v1/vendors:search")).toHaveLength(1);
    const text = await metricsText(h);
    expect(
      metric(text, "pleo_gateway_upstream_shared_reads_total", { endpoint: "POST /v1/vendors:search" }),
    ).toBe(2);
  });
});
