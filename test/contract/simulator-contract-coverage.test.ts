import { expect, it } from "vitest";
import { ALL_COMPANIES, CREDENTIALS, seedData } from "../../src/simulator/index.ts";
import { call, useSimulator } from "../simulator/helpers.ts";
import { FILES } from "./contract-cases.ts";
import { describeContract } from "./contract-runner.ts";
import { EXPORT_AND_ENTRY_CASES } from "./export-entry-cases.ts";
import { MASTER_DATA_CASES } from "./master-data-cases.ts";
import { declaredResponse, describeErrors, operation, validatorFor } from "./openapi.ts";

/**
 * The contract checks themselves: the validators reject a body that breaks the schema, every case's
 * operation is declared in the specs, and every error body the simulator produces is Pleo's ExceptionInfo.
 */
describeContract(() => {
  const sim = useSimulator();

  it("the validators are not vacuous: a body that breaks the schema is rejected", async () => {
    const declared = declaredResponse(FILES.vendors, "GET", "/v1/vendors/{id}", 200);
    const exportItems = declaredResponse(FILES.exportItems, "GET", "/v3/export-items", 200);
    if (!declared || !exportItems) throw new Error("spec lacks the vendor or export item responses");
    const validate = validatorFor(FILES.vendors, declared.schema);
    const vendor = seedData().companies[0]?.vendors[0];
    expect(validate({ data: vendor })).toBe(true);
    expect(validate({ data: { ...vendor, name: undefined } })).toBe(false);
    expect(validate({ data: { ...vendor, state: "GONE" } })).toBe(false);
    expect(validate({ data: { ...vendor, country: "Netherlands" } })).toBe(false);
    const validateItems = validatorFor(FILES.exportItems, exportItems.schema);
    const item = Object.values(seedData().companies[0]?.exportItemsByJob ?? {}).flat()[0];
    const page = {
      currentRequestPagination: { parameters: {} },
      hasNextPage: false,
      hasPreviousPage: false,
    };
    expect(validateItems({ data: [item], pagination: page })).toBe(true);
    const broken = { ...item, amount: { inSupplierCurrency: { currency: "EURO", value: 1 } } };
    expect(validateItems({ data: [broken], pagination: page })).toBe(false);
  });

  it("every operation the simulator serves is declared in the specs", () => {
    for (const c of [...MASTER_DATA_CASES, ...EXPORT_AND_ENTRY_CASES])
      expect(() => operation(c.file, c.method, c.template)).not.toThrow();
  });

  it("every error body the simulator produces is an ExceptionInfo", async () => {
    const exceptionInfo = validatorFor(FILES.exportJobs, { $ref: "#/components/schemas/ExceptionInfo" });
    const failures = [
      await call(sim(), null, "GET", "/v1/introspect"),
      await call(sim(), CREDENTIALS.de, "POST", "/v1/vendors:search", {
        query: { company_id: ALL_COMPANIES[0]?.id ?? "" },
      }),
      await call(sim(), CREDENTIALS.nlReadOnlyAccounts, "GET", "/v3/export-jobs"),
      await call(sim(), CREDENTIALS.nl, "GET", "/v1/vendors/nope"),
      await call(sim(), CREDENTIALS.nl, "GET", "/v9/none"),
      await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors:search", { query: { limit: 1000 } }),
    ];
    expect(failures.map((f) => f.status)).toEqual([401, 403, 403, 400, 404, 400]);
    for (const failure of failures)
      expect(exceptionInfo(failure.body), describeErrors(exceptionInfo)).toBe(true);
  });
});
