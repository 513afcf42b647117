import { describe, expect, it } from "vitest";
import { COMPANIES } from "../../src/simulator/seed/identities.ts";
import { CompanyVendorsDocument, ViewerOverviewDocument } from "../generated/graphql.ts";
import { pageForward } from "../support/connection.ts";
import { executor } from "../support/execute.ts";
import { useHarness } from "../support/use-harness.ts";

/** Scripts use the codegen'd typed documents; this is what such a script does. */
describe("typed documents from codegen", () => {
  const h = useHarness();
  const execute = executor(h);

  it("pages through every NL vendor the way a script would, with nl-bookkeeper's headers", async () => {
    const { headers } = await h.persona("nl-bookkeeper");
    let total: number | null = null;
    const edges = await pageForward(async ({ first, after }) => {
      const { company } = (
        await execute(CompanyVendorsDocument, { companyId: COMPANIES.nl.id, first, after }, { headers })
      ).expectData();
      const vendors = company?.vendors;
      if (!vendors) throw new Error("company or vendors missing from a data answer");
      total = vendors.totalCount ?? null;
      return vendors;
    }, 10);
    const names = edges.map((e) => e.node.name);
    expect(names.length).toBe(total);
    expect(new Set(names).size).toBe(names.length);
  });

  it("describes the caller without any secret", async () => {
    const persona = await h.persona("nl-bookkeeper");
    const result = await execute(ViewerOverviewDocument, {}, { headers: persona.headers });
    const { viewer } = result.expectData();
    expect(viewer.credentials.map((c) => [c.subjectType, c.source]).sort()).toEqual([
      ["COMPANY", "HEADER"],
      ["ORGANISATION", "HEADER"],
    ]);
    for (const secret of String(persona.headers["x-pleo-api-key"]).split(",")) {
      expect(result.response.text).not.toContain(secret.trim());
    }
  });
});
