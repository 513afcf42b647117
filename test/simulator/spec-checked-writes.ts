import { beforeEach, expect } from "vitest";
import { CREDENTIALS, type RunningSimulator, type SimCredential } from "../../src/simulator/index.ts";
import {
  declaredResponse,
  describeErrors,
  requestBodySchema,
  specsAvailable,
  validatorFor,
} from "../contract/openapi.ts";
import { type CallOptions, type CallResult, call, type Json, useSimulator } from "./helpers.ts";

/** The Pleo spec file of each master-data API the simulator accepts writes for. */
export const FILES = {
  accounts: "pleo-accounts-api-openapi.yml",
  taxCodes: "pleo-tax-codes-api-openapi.yml",
  tagGroups: "pleo-tag-groups-api-openapi.yml",
  tags: "pleo-tags-api-openapi.yml",
  vendors: "pleo-external-vendors-api-openapi.yml",
} as const;

interface WritableSimulator {
  readonly sim: () => RunningSimulator;
  /** Sends a write as NL (unless told otherwise) and checks request and response against the spec. */
  write(
    file: string,
    method: "POST" | "PUT" | "DELETE",
    template: string,
    path: string,
    options?: CallOptions & {
      as?: SimCredential;
      /**
       * The body breaks the spec on purpose (per-item failures of a batch); the response then echoes the
       * offending items, so it is not checked against the schema either.
       */
      invalidRequest?: boolean;
    },
  ): Promise<CallResult>;
  /** A search as NL for up to 100 items, to see what a write left behind. */
  search(path: string, query: Record<string, string>, body?: Json): Promise<CallResult>;
}

/**
 * One simulator for the test file, reset before each test: writes persist until a reset, so every test
 * starts from the seed.
 */
export function useWritableSimulator(): WritableSimulator {
  const sim = useSimulator();
  beforeEach(() => sim().reset());

  const write: WritableSimulator["write"] = async (file, method, template, path, options = {}) => {
    const res = await call(sim(), options.as ?? CREDENTIALS.nl, method, path, options);
    if (specsAvailable) {
      const requestSchema = requestBodySchema(file, method, template);
      if (requestSchema && options.body !== undefined && !options.invalidRequest) {
        const validate = validatorFor(file, requestSchema);
        expect(validate(options.body), describeErrors(validate)).toBe(true);
      }
      const declared = declaredResponse(file, method, template, res.status);
      if (declared && res.body !== undefined && !options.invalidRequest) {
        const validate = validatorFor(file, declared.schema);
        expect(validate(res.body), describeErrors(validate)).toBe(true);
      }
    }
    return res;
  };

  const search: WritableSimulator["search"] = (path, query, body = {}) =>
    call(sim(), CREDENTIALS.nl, "POST", path, { query: { ...query, limit: "100" }, body });

  return { sim, write, search };
}
