import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COMPANIES } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import { type Connection, pageBackward, pageForward } from "../support/connection.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { useHarness } from "../support/use-harness.ts";

interface PageArgs {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
}

const VENDOR_PAGE = typedDocument<
  { company: { vendors: Connection<{ vendorId: string }> | null } },
  PageArgs & { id: string }
>(`
  query Vendors($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    company(id: $id) {
      vendors(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { vendorId } }
      }
    }
  }
`);

const VENDOR_STATES = typedDocument<
  { company: { vendors: { edges: { node: { state: string } }[] } } },
  { id: string }
>(
  `query($id: ID!) { company(id: $id) { vendors(first: 100, filter: { states: [ACTIVE] }) { edges { node { state } } } } }`,
);

const INVALID_VENDOR_FILTER = typedDocument<unknown, { id: string }>(
  `query($id: ID!) { company(id: $id) { vendors(filter: { countries: ["nl", "Netherlands"], name: "" }) { totalCount } } }`,
);

describe("Relay pagination over Pleo cursors (vendors)", () => {
  const h = useHarness();
  const execute = executor(h);
  const headers = NL_KEY;
  let all: string[] = [];

  const page = (args: PageArgs) => execute(VENDOR_PAGE, { id: COMPANIES.nl.id, ...args }, { headers });
  const vendors = async (args: PageArgs) => {
    const conn = (await page(args)).expectData().company.vendors;
    if (!conn) throw new Error("vendors is null in a data answer");
    return conn;
  };
  const ids = (edges: readonly { node: { vendorId: string } }[]) => edges.map((e) => e.node.vendorId);

  beforeAll(async () => {
    const full = await vendors({ first: 100 });
    all = ids(full.edges);
    expect(full.totalCount).toBe(all.length);
    expect(all.length).toBeGreaterThan(15);
  });
  beforeEach(() => h.resetSim());

  it("pages forward to the end with no gaps or repeats", async () => {
    expect(ids(await pageForward(vendors, 7))).toEqual(all);
  });

  it("pages backward from the end with no gaps or repeats", async () => {
    const lastPage = await vendors({ first: 100 });
    const before = lastPage.edges.at(-1)?.cursor as string;
    expect(ids(await pageBackward(vendors, 6, before))).toEqual(all.slice(0, -1));
  });

  it("resumes from a cursor in the middle of a page, forwards and backwards", async () => {
    const first = await vendors({ first: 7 });
    const middle = first.edges[2]?.cursor as string;
    const after = await vendors({ first: 3, after: middle });
    expect(ids(after.edges)).toEqual(all.slice(3, 6));
    expect(after.pageInfo.hasPreviousPage).toBe(true);

    const fifth = first.edges[4]?.cursor as string;
    const before = await vendors({ last: 2, before: fifth });
    expect(ids(before.edges)).toEqual(all.slice(2, 4));
    expect(before.pageInfo.hasPreviousPage).toBe(true);

    // A middle cursor of a backward page resumes correctly too.
    const tail = await vendors({ first: 100 });
    const back = await vendors({ last: 8, before: tail.edges.at(-1)?.cursor });
    const n = all.length;
    expect(ids(back.edges)).toEqual(all.slice(n - 9, n - 1));
    const afterBackMiddle = await vendors({ first: 2, after: back.edges[3]?.cursor });
    expect(ids(afterBackMiddle.edges)).toEqual(all.slice(n - 5, n - 3));
    const beforeBackMiddle = await vendors({ last: 2, before: back.edges[3]?.cursor });
    expect(ids(beforeBackMiddle.edges)).toEqual(all.slice(n - 8, n - 6));
  });

  it("makes one upstream call per page whatever its size", async () => {
    for (const first of [5, 50, 100]) {
      await h.resetSim();
      await vendors({ first });
      expect((await h.simRequests()).filter((r) => r.path === "/v1/vendors:search")).toHaveLength(1);
    }
  });

  it("refuses page sizes over Pleo's limit and contradictory arguments before calling Pleo", async () => {
    (await page({ first: 101 })).expectErrors("PAGE_SIZE_TOO_LARGE");
    (await page({ first: 0 })).expectErrors("INVALID_PAGINATION");
    (await page({ last: 5 })).expectErrors("INVALID_PAGINATION");
    (await page({ first: 5, last: 5 })).expectErrors("INVALID_PAGINATION");
    (await page({ first: 5, after: "not-a-cursor" })).expectErrors("INVALID_CURSOR");
    const tampered = `pgc1.${Buffer.from(JSON.stringify({ v: 1, c: COMPANIES.nl.id, r: "vendors", p: { t: "pos" } })).toString("base64url")}`;
    (await page({ first: 5, after: tampered })).expectErrors("INVALID_CURSOR");
    expect((await h.simRequests()).filter((r) => r.path === "/v1/vendors:search")).toEqual([]);
  });

  it("filters with Pleo's vendor search and validates filter input", async () => {
    const data = (await execute(VENDOR_STATES, { id: COMPANIES.nl.id }, { headers })).expectData();
    const states = data.company.vendors.edges.map((e) => e.node.state);
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(["ACTIVE"]));

    const invalid = await execute(INVALID_VENDOR_FILTER, { id: COMPANIES.nl.id }, { headers });
    const [error] = invalid.expectErrors("VALIDATION_FAILED");
    const issues = error?.extensions?.issues as { path: string }[];
    expect(issues.length).toBeGreaterThanOrEqual(2);
  });
});
