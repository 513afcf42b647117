import { expect } from "vitest";
import type { Harness } from "../support/harness.ts";

// biome-ignore lint/suspicious/noExplicitAny: results are inspected field by field.
export type Json = any;

/**
 * Runs one mutation field through the gateway and returns its result. `errors` selects the typed errors
 * the caller inspects (mutations answer failures as data); a GraphQL error fails the test.
 */
export async function runMutation(
  h: Harness,
  mutation: {
    readonly field: string;
    readonly inputType: string;
    readonly errors: string;
    readonly selection: string;
    readonly input: Json;
    readonly headers: Record<string, string>;
  },
): Promise<Json> {
  const { field, inputType, errors, selection, input, headers } = mutation;
  const response = await h.gql<Record<string, Json>>(
    `mutation($input: ${inputType}!) { ${field}(input: $input) { ${errors} ${selection} } }`,
    { headers, variables: { input } },
  );
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return response.body.data?.[field];
}
