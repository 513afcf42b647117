import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPANIES } from "../../src/simulator/seed/identities.ts";
import {
  CompanyVendorsDocument,
  type CompanyVendorsQuery,
  ViewerOverviewDocument,
  type ViewerOverviewQuery,
} from "../generated/graphql.ts";
import { type GraphQLResponse, type Harness, startHarness } from "../support/harness.ts";

/** Scripts use the codegen'd typed documents; this is what such a script does. */
describe("typed documents from codegen", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("pages through every NL vendor the way a script would, with nl-bookkeeper's headers", async () => {
    const { headers } = await h.persona("nl-bookkeeper");
    const names: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const response: GraphQLResponse<CompanyVendorsQuery> = await h.gql<CompanyVendorsQuery>(
        print(CompanyVendorsDocument),
        {
          headers,
          variables: { companyId: COMPANIES.nl.id, first: 10, after },
        },
      );
      const vendors: NonNullable<CompanyVendorsQuery["company"]>["vendors"] | undefined =
        response.body.data?.company?.vendors;
      expect(vendors).toBeTruthy();
      total = vendors?.totalCount ?? 0;
      names.push(...(vendors?.edges.map((e) => e.node.name) ?? []));
      after = vendors?.pageInfo.hasNextPage ? (vendors.pageInfo.endCursor ?? null) : null;
    } while (after);
    expect(names.length).toBe(total);
    expect(new Set(names).size).toBe(names.length);
  });

  it("describes the caller without any secret", async () => {
    const persona = await h.persona("nl-bookkeeper");
    const response = await h.gql<ViewerOverviewQuery>(print(ViewerOverviewDocument), {
      headers: persona.headers,
    });
    const viewer = response.body.data?.viewer;
    expect(viewer?.credentials.map((c) => [c.subjectType, c.source]).sort()).toEqual([
      ["COMPANY", "HEADER"],
      ["ORGANISATION", "HEADER"],
    ]);
    for (const secret of String(persona.headers["x-pleo-api-key"]).split(",")) {
      expect(response.text).not.toContain(secret.trim());
    }
  });
});
