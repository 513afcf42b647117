import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { codes, type Harness, startHarness } from "../support/harness.ts";

interface VendorPage {
  company: {
    vendors: null | {
      totalCount: number | null;
      pageInfo: {
        hasNextPage: boolean;
        hasPreviousPage: boolean;
        startCursor: string | null;
        endCursor: string | null;
      };
      edges: { cursor: string; node: { vendorId: string } }[];
    };
  };
}

const QUERY = /* GraphQL */ `
  query Vendors($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    company(id: $id) {
      vendors(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { vendorId } }
      }
    }
  }
`;

describe("Relay pagination over Pleo cursors (vendors)", () => {
  let h: Harness;
  const headers = { "x-pleo-api-key": CREDENTIALS.nl.secret };
  let all: string[] = [];

  const page = async (args: {
    first?: number;
    after?: string | null;
    last?: number;
    before?: string | null;
  }) => {
    const response = await h.gql<VendorPage>(QUERY, { headers, variables: { id: COMPANIES.nl.id, ...args } });
    return response;
  };
  const vendors = (r: Awaited<ReturnType<typeof page>>) => {
    const v = r.body.data?.company.vendors;
    if (!v) throw new Error(JSON.stringify(r.body.errors));
    return v;
  };

  beforeAll(async () => {
    h = await startHarness();
    const full = vendors(await page({ first: 100 }));
    all = full.edges.map((e) => e.node.vendorId);
    expect(full.totalCount).toBe(all.length);
    expect(all.length).toBeGreaterThan(15);
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetSim());

  it("pages forward to the end with no gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const v = vendors(await page({ first: 7, after }));
      seen.push(...v.edges.map((e) => e.node.vendorId));
      expect(v.pageInfo.hasPreviousPage).toBe(i > 0);
      if (!v.pageInfo.hasNextPage) break;
      after = v.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it("pages backward from the end with no gaps or repeats", async () => {
    const lastPage = vendors(await page({ first: 100 }));
    const seen: string[] = [];
    let before: string | null = lastPage.edges[lastPage.edges.length - 1]?.cursor ?? null;
    seen.unshift(all[all.length - 1] as string);
    for (let i = 0; i < 20; i++) {
      const v = vendors(await page({ last: 6, before }));
      seen.unshift(...v.edges.map((e) => e.node.vendorId));
      expect(v.pageInfo.hasNextPage).toBe(true);
      if (!v.pageInfo.hasPreviousPage) break;
      before = v.pageInfo.startCursor;
    }
    expect(seen).toEqual(all);
  });

  it("resumes from a cursor in the middle of a page, forwards and backwards", async () => {
    const first = vendors(await page({ first: 7 }));
    const middle = first.edges[2]?.cursor as string;
    const after = vendors(await page({ first: 3, after: middle }));
    expect(after.edges.map((e) => e.node.vendorId)).toEqual(all.slice(3, 6));
    expect(after.pageInfo.hasPreviousPage).toBe(true);

    const fifth = first.edges[4]?.cursor as string;
    const before = vendors(await page({ last: 2, before: fifth }));
    expect(before.edges.map((e) => e.node.vendorId)).toEqual(all.slice(2, 4));
    expect(before.pageInfo.hasPreviousPage).toBe(true);

    // A middle cursor of a backward page resumes correctly too.
    const tail = vendors(await page({ first: 100 }));
    const back = vendors(await page({ last: 8, before: tail.edges[tail.edges.length - 1]?.cursor }));
    const n = all.length;
    expect(back.edges.map((e) => e.node.vendorId)).toEqual(all.slice(n - 9, n - 1));
    const afterBackMiddle = vendors(await page({ first: 2, after: back.edges[3]?.cursor }));
    expect(afterBackMiddle.edges.map((e) => e.node.vendorId)).toEqual(all.slice(n - 5, n - 3));
    const beforeBackMiddle = vendors(await page({ last: 2, before: back.edges[3]?.cursor }));
    expect(beforeBackMiddle.edges.map((e) => e.node.vendorId)).toEqual(all.slice(n - 8, n - 6));
  });

  it("makes one upstream call per page whatever its size", async () => {
    for (const first of [5, 50, 100]) {
      await h.resetSim();
      vendors(await page({ first }));
      expect((await h.simRequests()).filter((r) => r.path === "/v1/vendors:search")).toHaveLength(1);
    }
  });

  it("refuses page sizes over Pleo's limit and contradictory arguments before calling Pleo", async () => {
    expect(codes(await page({ first: 101 }))).toEqual(["PAGE_SIZE_TOO_LARGE"]);
    expect(codes(await page({ first: 0 }))).toEqual(["INVALID_PAGINATION"]);
    expect(codes(await page({ last: 5 }))).toEqual(["INVALID_PAGINATION"]);
    expect(codes(await page({ first: 5, last: 5 }))).toEqual(["INVALID_PAGINATION"]);
    expect(codes(await page({ first: 5, after: "not-a-cursor" }))).toEqual(["INVALID_CURSOR"]);
    const tampered = `pgc1.${Buffer.from(JSON.stringify({ v: 1, c: COMPANIES.nl.id, r: "vendors", p: { t: "pos" } })).toString("base64url")}`;
    expect(codes(await page({ first: 5, after: tampered }))).toEqual(["INVALID_CURSOR"]);
    expect((await h.simRequests()).filter((r) => r.path === "/v1/vendors:search")).toEqual([]);
  });

  it("filters with Pleo's vendor search and validates filter input", async () => {
    const response = await h.gql<{ company: { vendors: { edges: { node: { state: string } }[] } } }>(
      `query($id: ID!) { company(id: $id) { vendors(first: 100, filter: { states: [ACTIVE] }) { edges { node { state } } } } }`,
      { headers, variables: { id: COMPANIES.nl.id } },
    );
    const states = response.body.data?.company.vendors.edges.map((e) => e.node.state) ?? [];
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(["ACTIVE"]));

    const invalid = await h.gql(
      `query($id: ID!) { company(id: $id) { vendors(filter: { countries: ["nl", "Netherlands"], name: "" }) { totalCount } } }`,
      { headers, variables: { id: COMPANIES.nl.id } },
    );
    expect(codes(invalid)).toEqual(["VALIDATION_FAILED"]);
    const issues = invalid.body.errors?.[0]?.extensions?.issues as { path: string }[];
    expect(issues.length).toBeGreaterThanOrEqual(2);
  });
});
