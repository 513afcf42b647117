import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { checkModel, compiledModel } from "../../src/pleo/http/compiled-models.ts";
import { account } from "../../src/pleo/models/account.ts";
import { accountingEntry } from "../../src/pleo/models/accounting-entry.ts";
import { paginatedResponse } from "../../src/pleo/models/common.ts";
import { employee } from "../../src/pleo/models/employee.ts";
import { vendor } from "../../src/pleo/models/vendor.ts";
import { startSimulator } from "../../src/simulator/index.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { basic } from "../support/auth-headers.ts";

/**
 * The client checks every upstream body against its model in place (checkModel: the compiled model's
 * validator, no copy) and parses only a body that breaks the contract, for the issues. It must be the
 * same contract as the model's own parser: the same verdict, the same data for what Pleo really sends,
 * the same issues for what breaks it — which holds only while no model transforms or fills in values.
 */
describe("upstream models checked in place", () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  const bodies = new Map<string, unknown>();
  const nl = COMPANIES.nl.id;
  const cases: readonly (readonly [string, string, z.ZodType])[] = [
    [
      "accounting entries",
      `POST /v1/accounting-entries:search?company_id=${nl}`,
      paginatedResponse(accountingEntry),
    ],
    ["vendors", `POST /v1/vendors:search?company_id=${nl}`, paginatedResponse(vendor)],
    ["employees", `GET /v2/employees?companyId=${nl}`, paginatedResponse(employee)],
    ["accounts", "POST /v1/chart-of-accounts:search?", paginatedResponse(account)],
  ];

  beforeAll(async () => {
    sim = await startSimulator();
    for (const [name, call] of cases) {
      const [method, path] = call.split(" ") as [string, string];
      const response = await fetch(`${sim.url}${path}&limit=50`, {
        method,
        headers: { authorization: basic(CREDENTIALS.nl.secret), "content-type": "application/json" },
        ...(method === "POST"
          ? { body: JSON.stringify(path.includes("chart-of-accounts") ? { companyId: nl } : {}) }
          : {}),
      });
      expect(response.status, name).toBe(200);
      bodies.set(name, await response.json());
    }
  });
  afterAll(() => sim.close());

  it.each(cases)("%s: the body itself, holding what the model's own parser returns", (name, _path, model) => {
    const body = bodies.get(name);
    const runtime = model.safeParse(body);
    const checked = checkModel(model, body);
    expect(runtime.success).toBe(true);
    expect(checked.success).toBe(true);
    if (!checked.success) return;
    expect(checked.data).toBe(body);
    // What the parser would have dropped (fields the model does not declare) is all that differs.
    expect(model.parse(checked.data)).toEqual(runtime.data);
    expect(compiledModel(model)).toBe(compiledModel(model));
  });

  it.each(cases)(
    "%s: the same refusal and issues for a body that breaks the contract",
    (name, _path, model) => {
      const body = structuredClone(bodies.get(name)) as { data: Record<string, unknown>[] };
      expect(body.data.length).toBeGreaterThan(1);
      const broken = { ...body, data: body.data.map((item, i) => (i === 1 ? { ...item, id: 42 } : item)) };
      const runtime = model.safeParse(broken);
      const checked = checkModel(model, broken);
      expect(runtime.success).toBe(false);
      expect(checked.success).toBe(false);
      if (checked.success) return;
      expect(checked.error.issues).toEqual(runtime.error?.issues);
      expect(checked.error.issues[0]?.path).toEqual(["data", 1, "id"]);
    },
  );

  it("no upstream model transforms, defaults or pipes: a body that passes is the model's value as it is", async () => {
    const dir = new URL("../../src/pleo/models/", import.meta.url);
    const schemas: [string, z.ZodType][] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module))
        if (value instanceof z.ZodType) schemas.push([`${file}:${name}`, value]);
    }
    expect(schemas.length).toBeGreaterThan(20);
    // The walk finds them where they hide (a check that could never fail would prove nothing).
    const hidden = z.object({
      a: z.array(z.object({ b: z.string().default("x") })).optional(),
      c: z.string().transform(Number),
    });
    expect(valueChanging(hidden).sort()).toEqual(["default", "pipe", "transform"]);
    const offending = schemas.flatMap(([name, schema]) =>
      valueChanging(schema).map((kind) => `${name}: ${kind}`),
    );
    expect(offending).toEqual([]);
  });
});

/** The kinds of schema in `schema`'s tree that make a parse's output differ from its input. */
function valueChanging(schema: z.ZodType, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const own = ["transform", "default", "prefault", "catch", "pipe", "success"].includes(def.type)
    ? [def.type]
    : [];
  const children = Object.values(def).flatMap((value) => {
    if (value instanceof z.ZodType) return [value];
    if (Array.isArray(value)) return value.filter((v): v is z.ZodType => v instanceof z.ZodType);
    if (value && typeof value === "object" && !(value instanceof z.ZodType))
      return Object.values(value).filter((v): v is z.ZodType => v instanceof z.ZodType);
    return [];
  });
  return [...own, ...children.flatMap((child) => valueChanging(child, seen))];
}
