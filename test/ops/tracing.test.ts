import { type Attributes, type SpanStatus, type TracerProvider, trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_CREDENTIALS, COMPANIES } from "../../src/simulator/index.ts";
import { type Harness, startHarness } from "../support/harness.ts";

/**
 * The OpenTelemetry hooks, observed through a minimal in-memory tracer registered with
 * `@opentelemetry/api` (a real deployment registers the SDK instead). Without any registration the same
 * hooks are no-ops, which the rest of the suite (tracing off) and the first test here exercise.
 */
interface RecordedSpan {
  name: string;
  attributes: Attributes;
  status?: SpanStatus;
  ended: boolean;
}

const spans: RecordedSpan[] = [];

function recordingProvider(): TracerProvider {
  const makeSpan = (name: string, attributes: Attributes = {}) => {
    const recorded: RecordedSpan = { name, attributes: { ...attributes }, ended: false };
    spans.push(recorded);
    const span = {
      setAttribute: (key: string, value: unknown) => {
        recorded.attributes[key] = value as never;
        return span;
      },
      setAttributes: (more: Attributes) => {
        Object.assign(recorded.attributes, more);
        return span;
      },
      setStatus: (status: SpanStatus) => {
        recorded.status = status;
        return span;
      },
      addEvent: () => span,
      addLink: () => span,
      addLinks: () => span,
      updateName: () => span,
      recordException: () => {},
      isRecording: () => true,
      end: () => {
        recorded.ended = true;
      },
      spanContext: () => ({ traceId: "1".repeat(32), spanId: "2".repeat(16), traceFlags: 1 }),
    };
    return span;
  };
  const tracer = {
    startSpan: (name: string, options?: { attributes?: Attributes }) => makeSpan(name, options?.attributes),
    startActiveSpan: (name: string, ...args: unknown[]) => {
      const fn = args.at(-1) as (span: unknown) => unknown;
      const options =
        typeof args[0] === "object" && args.length > 1 ? (args[0] as { attributes?: Attributes }) : {};
      return fn(makeSpan(name, options.attributes));
    },
  };
  return { getTracer: () => tracer } as unknown as TracerProvider;
}

const QUERY = `query Traced($id: ID!) { company(id: $id) { name vendors(first: 2) { totalCount } } }`;

describe("tracing hooks", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ operations: { tracing: true } });
  });
  afterAll(() => h.close());

  it("are harmless without an SDK (the API is a no-op)", async () => {
    const { headers } = await h.persona("nl-bookkeeper");
    const response = await h.gql(QUERY, { headers, variables: { id: COMPANIES.nl.id } });
    expect(response.body.errors).toBeUndefined();
    expect(spans).toEqual([]);
  });

  it("produce request → operation → resolver → upstream call → attempt spans with an SDK", async () => {
    trace.setGlobalTracerProvider(recordingProvider());
    const { headers } = await h.persona("nl-bookkeeper");
    const response = await h.gql(QUERY, { headers, variables: { id: COMPANIES.nl.id } });
    expect(response.body.errors).toBeUndefined();
    const names = spans.map((s) => s.name);
    expect(names).toContain("POST /graphql");
    expect(names).toContain("graphql.operation");
    expect(names).toContain("resolve Query.company");
    expect(names).toContain("resolve Company.vendors");
    expect(names).not.toContain("resolve Company.name"); // leaf fields get no span
    expect(names).toContain("pleo POST /v1/vendors:search");
    expect(names).toContain("pleo attempt POST /v1/vendors:search");
    expect(spans.every((s) => s.ended)).toBe(true);
    expect(spans.find((s) => s.name === "graphql.operation")?.attributes).toMatchObject({
      "graphql.operation.name": "Traced",
      "graphql.operation.type": "query",
    });
    expect(spans.find((s) => s.name === "pleo POST /v1/vendors:search")?.attributes).toMatchObject({
      "http.request.method": "POST",
      "url.template": "/v1/vendors:search",
      "pleo.company_id": COMPANIES.nl.id,
    });
    // No secret in any span attribute.
    for (const credential of ALL_CREDENTIALS) expect(JSON.stringify(spans)).not.toContain(credential.secret);
  });
});
