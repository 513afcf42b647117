import { expect } from "vitest";
import { CREDENTIALS, type RunningSimulator, type SimCredential } from "../../src/simulator/index.ts";
import {
  declaredResponse,
  describeErrors,
  requestBodySchema,
  specsAvailable,
  validatorFor,
} from "../contract/openapi.ts";
import { type CallOptions, type CallResult, call, type Json } from "./helpers.ts";

export const SUBSCRIPTIONS_FILE = "pleo-subscriptions-api-openapi.yml";

/**
 * Checks one exchange against a Pleo spec: the request body against the declared request schema (unless the
 * test breaks it on purpose), the answer against the declared schema of the status returned (with its media
 * type), and any undeclared error body as an ExceptionInfo. Nothing is checked without the specs.
 */
export function expectConformsToSpec(
  file: string,
  method: string,
  template: string,
  requestBody: unknown,
  res: CallResult,
): void {
  if (!specsAvailable) return;
  const requestSchema = requestBodySchema(file, method, template);
  if (requestSchema && requestBody !== undefined) {
    const validate = validatorFor(file, requestSchema);
    expect(validate(requestBody), describeErrors(validate)).toBe(true);
  }
  const declared = declaredResponse(file, method, template, res.status);
  if (declared) {
    expect(res.headers.get("content-type")).toBe(declared.mediaType);
    const validate = validatorFor(file, declared.schema);
    expect(validate(res.body), describeErrors(validate)).toBe(true);
  } else if (res.status >= 400) {
    expect(res.body).toEqual({ type: expect.any(String), message: expect.any(String) });
  }
}

/** A Subscriptions API call as NL (unless told otherwise), checked against Pleo's spec. */
export async function subscriptionCall(
  sim: RunningSimulator,
  method: "GET" | "POST" | "PUT" | "DELETE",
  template: string,
  path: string,
  options: CallOptions & { as?: SimCredential; invalidRequest?: boolean } = {},
): Promise<CallResult> {
  const res = await call(sim, options.as ?? CREDENTIALS.nl, method, path, options);
  expectConformsToSpec(
    SUBSCRIPTIONS_FILE,
    method,
    template,
    options.invalidRequest ? undefined : options.body,
    res,
  );
  return res;
}

/** Subscribes NL (or `as`) to the given events at `endpointUrl`; returns the subscription and its secret. */
export async function subscribe(
  sim: RunningSimulator,
  endpointUrl: string,
  eventTypes: readonly string[],
  options: { as?: SimCredential; body?: Json } = {},
): Promise<{ id: string; secret: string }> {
  const created = await subscriptionCall(sim, "POST", "/v1/subscriptions", "/v1/subscriptions", {
    ...(options.as ? { as: options.as } : {}),
    body: { endpointUrl, eventTypes, ...options.body },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const id: string = created.body.data.id;
  const secret = await subscriptionCall(
    sim,
    "GET",
    "/v1/subscriptions/{id}/secret",
    `/v1/subscriptions/${id}/secret`,
    {
      ...(options.as ? { as: options.as } : {}),
    },
  );
  expect(secret.status).toBe(200);
  return { id, secret: secret.body.data.secretKey };
}
