import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
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
  VENDORS_DOC,
} from "./resilience-support.ts";
import { addFaults, byCompany, metric, metricsText } from "./support.ts";

/**
 * The upstream resilience layer against injected faults, end to end over HTTP (gateway → simulator):
 * circuit breakers per company, and credentials Pleo refuses set aside.
 */
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
