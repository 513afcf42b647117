import { readFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { gatewaySchema } from "../../src/schema/index.ts";

describe("printed schema", () => {
  it("schema/schema.graphql matches the Pothos schema (run `npm run schema:print` after a change)", () => {
    const committed = readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(`${printSchema(lexicographicSortSchema(gatewaySchema()))}\n`);
  });

  it("gates every accounting field on Company as nullable, so a refusal never nulls the company", () => {
    const company = gatewaySchema().getType("Company");
    const fields = company && "getFields" in company ? company.getFields() : {};
    for (const name of ["vendors", "vendor"]) {
      expect(String(fields[name]?.type)).not.toMatch(/!$/);
    }
  });
});
