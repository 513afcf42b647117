import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createCredential } from "../../src/pleo/credential.ts";
import { wasNotSent } from "../../src/pleo/errors.ts";
import { CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import type { UpstreamEvent } from "../../src/upstream/events.ts";
import { DEFAULT_RESILIENCE } from "../../src/upstream/options.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { useHarness } from "../support/use-harness.ts";
import { FAST_RETRY, NL, SEEDED_VENDORS } from "./resilience-support.ts";
import { closedPort, stubClient } from "./stub-pleo.ts";
import { addFaults, metric, metricsText } from "./support.ts";

/**
 * The upstream resilience layer against injected faults, end to end over HTTP (gateway → simulator):
 * writes are never replayed unless provably not sent, and identical in-flight reads are shared.
 */
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
    const closed = await closedPort();
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
