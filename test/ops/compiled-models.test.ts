import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { compiledModel } from "../../src/pleo/http/compiled-models.ts";
import { account } from "../../src/pleo/models/account.ts";
import { accountingEntry } from "../../src/pleo/models/accounting-entry.ts";
import { paginatedResponse } from "../../src/pleo/models/common.ts";
import { employee } from "../../src/pleo/models/employee.ts";
import { vendor } from "../../src/pleo/models/vendor.ts";
import { startSimulator } from "../../src/simulator/index.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { basic } from "../support/auth-headers.ts";

/**
 * The client validates every upstream body with the compiled form of its model (z.compile). It must be
 * the same contract as the model itself: the same output for what Pleo really sends, and the same
 * refusal, with the same issues, for what breaks the contract.
 */
describe("compiled upstream models", () => {
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

  it.each(cases)("%s: the same output as the model's own parser", (name, _path, model) => {
    const body = bodies.get(name);
    const runtime = model.safeParse(body);
    const compiled = compiledModel(model).safeParse(body);
    expect(runtime.success).toBe(true);
    expect(compiled).toEqual(runtime);
    expect(compiledModel(model)).toBe(compiledModel(model));
  });

  it.each(cases)(
    "%s: the same refusal and issues for a body that breaks the contract",
    (name, _path, model) => {
      const body = structuredClone(bodies.get(name)) as { data: Record<string, unknown>[] };
      expect(body.data.length).toBeGreaterThan(1);
      const broken = { ...body, data: body.data.map((item, i) => (i === 1 ? { ...item, id: 42 } : item)) };
      const runtime = model.safeParse(broken);
      const compiled = compiledModel(model).safeParse(broken);
      expect(runtime.success).toBe(false);
      expect(compiled.success).toBe(false);
      expect(compiled.error?.issues).toEqual(runtime.error?.issues);
      expect(compiled.error?.issues[0]?.path).toEqual(["data", 1, "id"]);
    },
  );
});
