import { readFileSync } from "node:fs";
import {
  type GraphQLField,
  isNonNullType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
import type { GatewayContext } from "../../src/context/context.ts";
import { DEFAULT_ACCOUNTING_ENTRIES_SCOPE, Scope } from "../../src/pleo/scopes.ts";
import { gatewaySchema } from "../../src/schema/index.ts";

/** Company fields anyone who can see the company may read: discovery, never its books. */
const COMPANY_DISCOVERY_FIELDS = [
  "access",
  "address",
  "companyId",
  "id",
  "name",
  "organisation",
  "registrationNumber",
];

/** The Pleo scopes the read side of the gateway gates on: every `…:read` scope of src/pleo/scopes.ts. */
const READ_SCOPES = [
  ...Object.values(Scope).filter((s) => s.endsWith(":read") && s !== Scope.companies),
  DEFAULT_ACCOUNTING_ENTRIES_SCOPE,
];

interface GatedField {
  readonly type: string;
  readonly field: string;
  readonly nullable: boolean;
  readonly scope: string;
}

/**
 * Every field of the schema carrying a `company` auth scope, with the scope it demands of an object owned
 * by a probe company (read from the Pothos options the schema was built from, so nothing is hand-listed).
 */
function gatedFields(): GatedField[] {
  const probe = { id: "C0", companyId: "C0" };
  const context = {
    settings: { accountingEntriesScope: DEFAULT_ACCOUNTING_ENTRIES_SCOPE },
  } as GatewayContext;
  const gated: GatedField[] = [];
  for (const type of Object.values(gatewaySchema().getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const authScopes = (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions
        ?.authScopes;
      if (authScopes === undefined) continue;
      const granted = (typeof authScopes === "function" ? authScopes(probe, {}, context) : authScopes) as {
        company?: { companyId: string; scope: string };
      };
      expect(granted.company?.companyId, `${type.name}.${field.name} gates on its owner`).toBe("c0");
      gated.push({
        type: type.name,
        field: field.name,
        nullable: !isNonNullType(field.type),
        scope: String(granted.company?.scope),
      });
    }
  }
  return gated;
}

describe("printed schema", () => {
  it("schema/schema.graphql matches the Pothos schema (run `npm run schema:print` after a change)", () => {
    const committed = readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(`${printSchema(lexicographicSortSchema(gatewaySchema()))}\n`);
  });
});

describe("gated fields", () => {
  const gated = gatedFields();

  it("gates every Company field but its discovery fields", () => {
    const company = gatewaySchema().getType("Company");
    if (!isObjectType(company)) throw new Error("Company is not an object type");
    const accounting = Object.keys(company.getFields()).filter((f) => !COMPANY_DISCOVERY_FIELDS.includes(f));
    expect(accounting.length).toBeGreaterThan(0);
    expect(
      gated
        .filter((g) => g.type === "Company")
        .map((g) => g.field)
        .sort(),
    ).toEqual(accounting.sort());
  });

  it("makes every gated field nullable, so a refusal nulls only that field, never its parent", () => {
    expect(gated.filter((g) => !g.nullable).map((g) => `${g.type}.${g.field}`)).toEqual([]);
  });

  it("gates each field on a read scope of src/pleo/scopes.ts, and each such scope gates a field", () => {
    expect(gated.filter((g) => !READ_SCOPES.includes(g.scope)).map((g) => `${g.type}.${g.field}`)).toEqual(
      [],
    );
    expect(new Set(gated.map((g) => g.scope))).toEqual(new Set(READ_SCOPES));
  });
});
