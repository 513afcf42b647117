import { describe, expect, it } from "vitest";
import { readAllPages } from "../../src/pleo/all-pages.ts";
import type { RunningSimulator } from "../../src/simulator/index.ts";
import { type CallResult, call } from "../simulator/helpers.ts";
import type { ContractCase } from "./contract-cases.ts";
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

/** The contract tests, or (without Pleo's specs, which are never copied into the project) one skipped test saying so. */
export function describeContract(tests: () => void): void {
  if (!specsAvailable) {
    describe.skip(`simulator contract (Pleo OpenAPI specs not found in ${SPEC_DIR}; set PLEO_OPENAPI_DIR)`, () => {
      it("needs the specs", () => {});
    });
  } else {
    describe("simulator contract against Pleo's OpenAPI specs", tests);
  }
}

/** Every page of a paged response, so each is validated (an offset request is validated as it is). */
async function fetchAllPages(
  sim: RunningSimulator,
  c: ContractCase,
  request: ReturnType<ContractCase["requests"]>[number],
): Promise<readonly CallResult[]> {
  const { items } = await readAllPages<CallResult>(
    async ({ after }) => {
      const query = { ...request.options?.query, ...(after ? { after } : {}) };
      const res = await call(sim, request.credential, c.method, request.path, { ...request.options, query });
      const pagination = res.body?.pagination;
      const more =
        res.status === 200 &&
        pagination?.hasNextPage === true &&
        request.options?.query?.offset === undefined;
      return {
        items: [res],
        pageInfo: {
          hasNextPage: more,
          hasPreviousPage: false,
          endCursor: more ? pagination.endCursor : null,
        },
      };
    },
    { maxPages: 50 },
  );
  return items;
}

/** One case: each request conforms to the spec, and every response (page) matches the declared schema. */
export async function expectCaseMatchesSpec(sim: RunningSimulator, c: ContractCase): Promise<void> {
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
}
