import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_COMPANIES,
  ALL_CREDENTIALS,
  CREDENTIALS,
  type RunningSimulator,
  type SimCredential,
  seedData,
  startSimulator,
} from "../../src/simulator/index.ts";
import { type CallOptions, type CallResult, call } from "../simulator/helpers.ts";
import {
  declaredResponse,
  describeErrors,
  operation,
  requestBodySchema,
  SPEC_DIR,
  specsAvailable,
  validatorFor,
} from "./openapi.ts";

/**
 * Contract test: the simulator's actual responses, validated against the response schemas of Pleo's own
 * OpenAPI specs. Each case names the spec file and the operation (method + path template) it exercises;
 * requests are checked against the spec too (declared query parameters, request body schema).
 */

const FILES = {
  introspect: "pleo-external-clients-api-openapi.yml",
  companies: "pleo-companies-api-openapi.yml",
  employees: "pleo-employees-api-openapi.yml",
  accounts: "pleo-accounts-api-openapi.yml",
  taxCodes: "pleo-tax-codes-api-openapi.yml",
  tagGroups: "pleo-tag-groups-api-openapi.yml",
  tags: "pleo-tags-api-openapi.yml",
  vendors: "pleo-external-vendors-api-openapi.yml",
  exportJobs: "pleo-export-api-v3-api-openapi.yml",
  exportItems: "pleo-export-items-v3-api-openapi.yml",
  entries: "pleo-accounting-entries-api-openapi.yml",
} as const;

interface ContractCase {
  readonly name: string;
  readonly file: string;
  readonly method: "GET" | "POST";
  /** The spec's path template. */
  readonly template: string;
  readonly status: number;
  /** Requests to send (one case may cover every company or every page). */
  readonly requests: () => { credential: SimCredential; path: string; options?: CallOptions }[];
}

const companyCredential = (companyId: string): SimCredential => {
  const credential = ALL_CREDENTIALS.find(
    (c) => c.subject.type === "company" && c.subject.id === companyId && c.scopes.length > 10,
  );
  if (!credential) throw new Error(`no full credential for ${companyId}`);
  return credential;
};

const seeds = () => seedData().companies;
const perCompany = <T>(fn: (seed: ReturnType<typeof seeds>[number], credential: SimCredential) => T[]) =>
  seeds().flatMap((seed) => fn(seed, companyCredential(seed.identity.id)));
const MISSING = "00000000-0000-4000-8000-0000000000ff";

const cases: ContractCase[] = [
  {
    name: "introspect (API key, OAuth token, organisation key)",
    file: FILES.introspect,
    method: "GET",
    template: "/v1/introspect",
    status: 200,
    requests: () =>
      [CREDENTIALS.nl, CREDENTIALS.deOAuth, CREDENTIALS.lcbOrg].map((credential) => ({
        credential,
        path: "/v1/introspect",
      })),
  },
  {
    name: "companies list",
    file: FILES.companies,
    method: "GET",
    template: "/v1/companies",
    status: 200,
    requests: () => [
      { credential: CREDENTIALS.lcbOrg, path: "/v1/companies" },
      { credential: CREDENTIALS.lcbOrg, path: "/v1/companies", options: { query: { limit: 1, offset: 1 } } },
      { credential: CREDENTIALS.alexey, path: "/v1/companies" },
    ],
  },
  {
    name: "company by id",
    file: FILES.companies,
    method: "GET",
    template: "/v1/companies/{companyId}",
    status: 200,
    requests: () =>
      ALL_COMPANIES.map((c) => ({ credential: companyCredential(c.id), path: `/v1/companies/${c.id}` })),
  },
  {
    name: "employees list",
    file: FILES.employees,
    method: "GET",
    template: "/v2/employees",
    status: 200,
    requests: () => [
      { credential: CREDENTIALS.lcbOrg, path: "/v2/employees", options: { query: { limit: 100 } } },
      {
        credential: CREDENTIALS.alexey,
        path: "/v2/employees",
        options: { query: { companyId: ALL_COMPANIES[3]?.id ?? "" } },
      },
    ],
  },
  {
    name: "employee by id",
    file: FILES.employees,
    method: "GET",
    template: "/v2/employees/{employeeId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.employees.map((e) => ({ credential, path: `/v2/employees/${e.id}` })),
      ),
  },
  {
    name: "chart of accounts search",
    file: FILES.accounts,
    method: "POST",
    template: "/v1/chart-of-accounts:search",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v1/chart-of-accounts:search",
          options: {
            query: { limit: 100 },
            body: {
              companyId: seed.identity.id,
              excludeIfAssignedToCategory: false,
              excludeIfAssignedToContraAccount: false,
            },
          },
        },
      ]),
  },
  {
    name: "account by id",
    file: FILES.accounts,
    method: "GET",
    template: "/v1/chart-of-accounts/{accountId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.accounts.map((a) => ({ credential, path: `/v1/chart-of-accounts/${a.id}` })),
      ),
  },
  {
    name: "tax codes search",
    file: FILES.taxCodes,
    method: "POST",
    template: "/v0/tax-codes:search",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v0/tax-codes:search",
          options: { query: { company_id: seed.identity.id }, body: {} },
        },
      ]),
  },
  {
    name: "tax code by id",
    file: FILES.taxCodes,
    method: "GET",
    template: "/v0/tax-codes/{taxCodeId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.taxCodes.map((t) => ({ credential, path: `/v0/tax-codes/${t.id}` })),
      ),
  },
  {
    name: "tag groups list",
    file: FILES.tagGroups,
    method: "GET",
    template: "/v0/tag-groups",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v0/tag-groups",
          options: {
            query: { company_id: seed.identity.id, include_archived: true, include_tags_count: true },
          },
        },
      ]),
  },
  {
    name: "tag group by id",
    file: FILES.tagGroups,
    method: "GET",
    template: "/v0/tag-groups/{groupId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.tagGroups.map((g) => ({ credential, path: `/v0/tag-groups/${g.id}` })),
      ),
  },
  {
    name: "tags of a group",
    file: FILES.tags,
    method: "GET",
    template: "/v0/tag-groups/{groupId}/tags",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.tagGroups.map((g) => ({
          credential,
          path: `/v0/tag-groups/${g.id}/tags`,
          options: { query: { include_archived: true, limit: 100 } },
        })),
      ),
  },
  {
    name: "tags search",
    file: FILES.tags,
    method: "POST",
    template: "/v0/tags:search",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v0/tags:search",
          options: { query: { company_id: seed.identity.id, limit: 100 }, body: { includeArchived: true } },
        },
      ]),
  },
  {
    name: "tag by id",
    file: FILES.tags,
    method: "GET",
    template: "/v0/tags/{tagId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => seed.tags.map((t) => ({ credential, path: `/v0/tags/${t.id}` }))),
  },
  {
    name: "vendors search",
    file: FILES.vendors,
    method: "POST",
    template: "/v1/vendors:search",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v1/vendors:search",
          options: { query: { company_id: seed.identity.id, limit: 100 }, body: {} },
        },
        {
          credential,
          path: "/v1/vendors:search",
          options: {
            query: { company_id: seed.identity.id },
            body: { states: ["ACTIVE"], countries: [seed.identity.country] },
          },
        },
      ]),
  },
  {
    name: "vendor by id",
    file: FILES.vendors,
    method: "GET",
    template: "/v1/vendors/{id}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.vendors.map((v) => ({ credential, path: `/v1/vendors/${v.id}` })),
      ),
  },
  {
    name: "export jobs list",
    file: FILES.exportJobs,
    method: "GET",
    template: "/v3/export-jobs",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        { credential, path: "/v3/export-jobs", options: { query: { company_id: seed.identity.id } } },
        {
          credential,
          path: "/v3/export-jobs",
          options: { query: { company_id: seed.identity.id, statuses: ["pending", "failed"] } },
        },
      ]),
  },
  {
    name: "export job by id",
    file: FILES.exportJobs,
    method: "GET",
    template: "/v3/export-jobs/{jobId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.exportJobs.map((j) => ({ credential, path: `/v3/export-jobs/${j.id}` })),
      ),
  },
  {
    name: "export job items",
    file: FILES.exportJobs,
    method: "GET",
    template: "/v3/export-jobs/{jobId}/items",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.exportJobs.map((j) => ({
          credential,
          path: `/v3/export-jobs/${j.id}/items`,
          options: { query: { limit: 100 } },
        })),
      ),
  },
  {
    name: "export items of open jobs",
    file: FILES.exportItems,
    method: "GET",
    template: "/v3/export-items",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.exportJobs
          .filter((j) => j.status === "pending" || j.status === "in_progress")
          .map((j) => ({
            credential,
            path: "/v3/export-items",
            options: { query: { job_id: j.id, limit: 100 } },
          })),
      ),
  },
  {
    name: "accounting entries search (every page of every company)",
    file: FILES.entries,
    method: "POST",
    template: "/v1/accounting-entries:search",
    status: 200,
    requests: () =>
      perCompany((seed, credential) => [
        {
          credential,
          path: "/v1/accounting-entries:search",
          options: { query: { company_id: seed.identity.id, limit: 100 }, body: { includeDeleted: true } },
        },
      ]),
  },
  {
    name: "accounting entry by id",
    file: FILES.entries,
    method: "GET",
    template: "/v1/accounting-entries/{accountingEntryId}",
    status: 200,
    requests: () =>
      perCompany((seed, credential) =>
        seed.accountingEntries.map((e) => ({
          credential,
          path: `/v1/accounting-entries/${e.id}`,
          options: { query: { include_deleted: true } },
        })),
      ),
  },
  // Error bodies where the spec declares ExceptionInfo.
  {
    name: "unknown export job → 404 EXPORT_NOT_FOUND",
    file: FILES.exportJobs,
    method: "GET",
    template: "/v3/export-jobs/{jobId}",
    status: 404,
    requests: () => [{ credential: CREDENTIALS.nl, path: `/v3/export-jobs/${MISSING}` }],
  },
  {
    name: "items of an unknown export job → 404",
    file: FILES.exportJobs,
    method: "GET",
    template: "/v3/export-jobs/{jobId}/items",
    status: 404,
    requests: () => [{ credential: CREDENTIALS.nl, path: `/v3/export-jobs/${MISSING}/items` }],
  },
  {
    name: "export items of a finished job → 422 EXPORT_JOB_STATUS_UNPROCESSABLE",
    file: FILES.exportItems,
    method: "GET",
    template: "/v3/export-items",
    status: 422,
    requests: () =>
      perCompany((seed, credential) =>
        seed.exportJobs
          .filter((j) => j.status !== "pending" && j.status !== "in_progress")
          .map((j) => ({ credential, path: "/v3/export-items", options: { query: { job_id: j.id } } })),
      ),
  },
];

/** Follows `after=endCursor` so every page of a paged response is validated. */
async function fetchAllPages(
  sim: RunningSimulator,
  c: ContractCase,
  request: ReturnType<ContractCase["requests"]>[number],
) {
  const responses: CallResult[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const query = { ...request.options?.query, ...(after ? { after } : {}) };
    const res = await call(sim, request.credential, c.method, request.path, { ...request.options, query });
    responses.push(res);
    const pagination = res.body?.pagination;
    // Offset requests are validated as they are; cursor walks continue to the last page.
    if (res.status !== 200 || !pagination?.hasNextPage || request.options?.query?.offset !== undefined) break;
    after = pagination.endCursor;
  }
  return responses;
}

if (!specsAvailable) {
  describe.skip(`simulator contract (Pleo OpenAPI specs not found in ${SPEC_DIR}; set PLEO_OPENAPI_DIR)`, () => {
    it("needs the specs", () => {});
  });
} else {
  describe("simulator contract against Pleo's OpenAPI specs", () => {
    let sim: RunningSimulator;
    beforeAll(async () => {
      sim = await startSimulator();
    });
    afterAll(async () => {
      await sim.close();
    });

    it.each(cases)("$name ($method $template → $status)", async (c) => {
      const declared = declaredResponse(c.file, c.method, c.template, c.status);
      expect(declared, `${c.file} declares no body for ${c.method} ${c.template} ${c.status}`).toBeDefined();
      if (!declared) return;
      const validate = validatorFor(c.file, declared.schema);
      const declaredParams = new Set(
        (operation(c.file, c.method, c.template).parameters ?? []).map((p) => p.name),
      );
      const bodySchema = requestBodySchema(c.file, c.method, c.template);
      const requests = c.requests();
      expect(requests.length).toBeGreaterThan(0);
      let validated = 0;
      for (const request of requests) {
        for (const name of Object.keys(request.options?.query ?? {})) {
          expect(
            declaredParams.has(name),
            `${name} is not a declared parameter of ${c.method} ${c.template}`,
          ).toBe(true);
        }
        if (request.options?.body !== undefined && bodySchema) {
          const validateBody = validatorFor(c.file, bodySchema);
          expect(validateBody(request.options.body), describeErrors(validateBody)).toBe(true);
        }
        for (const res of await fetchAllPages(sim, c, request)) {
          expect(res.status, `${request.path}: ${JSON.stringify(res.body)}`).toBe(c.status);
          expect(res.headers.get("content-type")).toBe(declared.mediaType);
          const valid = validate(res.body);
          expect(valid, `${request.path} does not match the spec:\n${describeErrors(validate)}`).toBe(true);
          validated++;
        }
      }
      expect(validated).toBeGreaterThan(0);
    });

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
      for (const c of cases) expect(() => operation(c.file, c.method, c.template)).not.toThrow();
    });

    it("every error body the simulator produces is an ExceptionInfo", async () => {
      const exceptionInfo = validatorFor(FILES.exportJobs, { $ref: "#/components/schemas/ExceptionInfo" });
      const failures = [
        await call(sim, null, "GET", "/v1/introspect"),
        await call(sim, CREDENTIALS.de, "POST", "/v1/vendors:search", {
          query: { company_id: ALL_COMPANIES[0]?.id ?? "" },
        }),
        await call(sim, CREDENTIALS.nlReadOnlyAccounts, "GET", "/v3/export-jobs"),
        await call(sim, CREDENTIALS.nl, "GET", "/v1/vendors/nope"),
        await call(sim, CREDENTIALS.nl, "GET", "/v9/none"),
        await call(sim, CREDENTIALS.nl, "POST", "/v1/vendors:search", { query: { limit: 1000 } }),
      ];
      expect(failures.map((f) => f.status)).toEqual([401, 403, 403, 400, 404, 400]);
      for (const failure of failures)
        expect(exceptionInfo(failure.body), describeErrors(exceptionInfo)).toBe(true);
    });
  });
}
