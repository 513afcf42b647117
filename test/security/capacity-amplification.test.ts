import { beforeEach, describe, expect, it } from "vitest";
import { COMPANIES } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { ownedGlobalId } from "../support/ids.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * Issue 15, point 1: a request's cost follows the upstream calls it can cause, and a request is bounded
 * in the calls it makes, so one small request cannot spend a credential's budget that others share.
 */

const NL = COMPANIES.nl.id;

/** `n` AccountingEntry global IDs of NL (unknown entries: each still costs Pleo one GET). */
function entryIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    ownedGlobalId(
      "AccountingEntry",
      NL,
      `00000000-0000-4000-8000-${(i + 16).toString(16).padStart(12, "0")}`,
    ),
  );
}

const NODES = (ids: readonly string[]) =>
  typedDocument<{ nodes: ({ id: string } | null)[] }>(
    `{ nodes(ids: [${ids.map((id) => JSON.stringify(id)).join(", ")}]) { id ... on AccountingEntry { note } } }`,
  );

/** One `node(id:)` field per id, each its own field: one failing does not null the others. */
const NODE_FIELDS = (ids: readonly string[]) =>
  typedDocument<Record<string, { id: string } | null>>(
    `{ ${ids.map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { id ... on AccountingEntry { note } }`).join(" ")} }`,
  );

describe("validation cost follows list arguments that fan out into upstream calls", () => {
  const h = useHarness({ security: { MAX_QUERY_COST: "500" } });
  const execute = executor(h);
  beforeEach(() => h.resetSim());

  it("costs nodes(ids:) by the list's length: 300 ids are refused before any upstream call", async () => {
    const response = await execute(NODES(entryIds(300)), {}, { headers: NL_KEY });
    expect(response.status, response.describe()).toBe(400);
    expect(response.codes).toEqual(["QUERY_TOO_COMPLEX"]);
    expect(response.errors[0]?.extensions).toMatchObject({ measure: "cost", limit: 500 });
    expect(response.errors[0]?.extensions?.actual as number).toBeGreaterThan(600);
    const log = await h.simRequests();
    expect(log.filter((r) => r.path !== "/v1/introspect")).toEqual([]);
  });

  it("counts a list variable without a default at the largest size", async () => {
    const document = typedDocument(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on AccountingEntry { note status createdAt performedAt family } } }`,
    );
    const response = await execute(document, { ids: entryIds(2) }, { headers: NL_KEY });
    expect(response.status, response.describe()).toBe(400);
    expect(response.errors[0]?.extensions).toMatchObject({ measure: "cost" });
  });

  it("keeps a short list cheap", async () => {
    const response = await execute(NODES(entryIds(3)), {}, { headers: NL_KEY });
    expect(response.status, response.describe()).toBe(200);
    expect(response.codes).not.toContain("QUERY_TOO_COMPLEX");
  });
});

describe("a request is bounded in the upstream calls it makes", () => {
  const LIMIT = 6;
  const h = useHarness({ security: { MAX_UPSTREAM_CALLS_PER_REQUEST: String(LIMIT) } });
  const execute = executor(h);
  beforeEach(() => h.resetSim());

  it("fails the calls beyond MAX_UPSTREAM_CALLS_PER_REQUEST with UPSTREAM_CALL_LIMIT; the fields that fit resolve", async () => {
    // Warm the key's binding, so the request's calls are the entries' GETs only.
    await execute(typedDocument(`{ viewer { credentials { id } } }`), {}, { headers: NL_KEY });
    await h.resetSim();
    const ids = entryIds(20);
    const response = await execute(NODE_FIELDS(ids), {}, { headers: NL_KEY });
    expect(response.status, response.describe()).toBe(200);
    const log = await h.simRequests();
    expect(log.length).toBeLessThanOrEqual(LIMIT);
    expect(log.filter((r) => r.path.startsWith("/v1/accounting-entries/"))).toHaveLength(LIMIT);
    const limited = response.errors.filter((e) => e.extensions?.code === "UPSTREAM_CALL_LIMIT");
    expect(limited).toHaveLength(ids.length - LIMIT);
    for (const error of limited) {
      expect(error.extensions).toMatchObject({ limit: LIMIT, companyId: NL });
      expect(error.message).toContain(String(LIMIT));
    }
    // The entries that fit were asked for (unknown ids: NOT_FOUND from Pleo, not the bound).
    const notFound = response.errors.filter((e) => e.extensions?.code === "NOT_FOUND");
    expect(notFound).toHaveLength(LIMIT);
  });

  it("gives every request its own bound", async () => {
    await execute(typedDocument(`{ viewer { credentials { id } } }`), {}, { headers: NL_KEY });
    const first = await execute(NODE_FIELDS(entryIds(LIMIT)), {}, { headers: NL_KEY });
    const second = await execute(NODE_FIELDS(entryIds(LIMIT)), {}, { headers: NL_KEY });
    for (const response of [first, second]) expect(response.codes).not.toContain("UPSTREAM_CALL_LIMIT");
  });
});

describe("the default bound", () => {
  const h = useHarness();
  const execute = executor(h);
  beforeEach(() => h.resetSim());

  it("holds one request under a default configuration to 100 upstream calls", async () => {
    const response = await execute(NODES(entryIds(250)), {}, { headers: NL_KEY });
    expect(response.status, response.describe()).toBe(200);
    const log = await h.simRequests();
    expect(log.filter((r) => r.path.startsWith("/v1/accounting-entries/")).length).toBeGreaterThan(0);
    expect(log.length).toBeLessThanOrEqual(100);
  });
});
