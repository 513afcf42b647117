import { createSchema, createYoga } from "graphql-yoga";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ErrorCode, GatewayError } from "../../src/errors.ts";
import { createCredential } from "../../src/pleo/credential.ts";
import { wasNotSent } from "../../src/pleo/errors.ts";
import { Deadline, DeadlineExceeded } from "../../src/upstream/deadline.ts";
import { closedPort, startStubPleo, stubClient } from "./stub-pleo.ts";

/**
 * A GatewayError keeps what caused it (for debugging, on the server) and says whether its call provably
 * never reached Pleo; neither the cause nor anything in it ever reaches a GraphQL response.
 */
const SECRETISH = "Basic c2stbGl2ZS1zZWNyZXQ6 at 10.1.2.3 quoting the input";

describe("GatewayError", () => {
  it("keeps its cause as the standard, non-enumerable `cause`, outside its extensions", () => {
    const cause = new Error(SECRETISH);
    const error = new GatewayError(
      ErrorCode.UPSTREAM_UNAVAILABLE,
      "Pleo vendor search failed.",
      { companyId: "c" },
      { cause },
    );
    expect(error.cause).toBe(cause);
    expect(Object.keys(error)).not.toContain("cause");
    // Yoga masks a GraphQLError whose originalError is not one: the cause must not go there.
    expect(error.originalError).toBeUndefined();
    expect(error.extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE", companyId: "c" });
    expect(JSON.stringify(error)).not.toContain("c2stbGl2ZS1zZWNyZXQ6");
    expect(error.notSent).toBe(false);
    expect(wasNotSent(error)).toBe(false);
  });

  it("carries notSent from construction; a bare number is still the HTTP status", () => {
    const refused = new GatewayError(ErrorCode.CIRCUIT_OPEN, "not attempted", {}, { notSent: true });
    expect(refused.notSent).toBe(true);
    expect(wasNotSent(refused)).toBe(true);
    expect(wasNotSent(new Error("x"))).toBe(false);
    const unauthenticated = new GatewayError(
      ErrorCode.AUTH_TOKEN_EXPIRED,
      "expired",
      {},
      { httpStatus: 401 },
    );
    expect(unauthenticated.extensions.http).toMatchObject({ status: 401 });
    expect(unauthenticated.notSent).toBe(false);
  });

  it("reaches a GraphQL response with its code and details only", async () => {
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: "type Query { vendors: Int }",
        resolvers: {
          Query: {
            vendors: () => {
              throw new GatewayError(
                ErrorCode.UPSTREAM_TIMEOUT,
                "Pleo vendor search timed out.",
                { companyId: "c" },
                { cause: new Error(SECRETISH) },
              );
            },
          },
        },
      }),
      logging: false,
    });
    const response = await yoga.fetch("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ vendors }" }),
    });
    const text = await response.text();
    expect(JSON.parse(text).errors).toEqual([
      {
        message: "Pleo vendor search timed out.",
        path: ["vendors"],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: "UPSTREAM_TIMEOUT", companyId: "c" },
      },
    ]);
    expect(text).not.toContain("c2stbGl2ZS1zZWNyZXQ6");
    expect(text).not.toContain("cause");
  });
});

describe("the Pleo client's errors keep their cause", () => {
  let pleo: Awaited<ReturnType<typeof startStubPleo>>;
  const credential = createCredential("apiKey", "cause-test-key");

  beforeAll(async () => {
    // A Pleo whose vendor answers break the contract, and whose slow endpoint outlives any deadline.
    pleo = await startStubPleo((request, response) => {
      if (request.url?.startsWith("/slow")) return void setTimeout(() => response.end("{}"), 300);
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"data":[{"id":42}]}');
    });
  });
  afterAll(() => pleo.close());

  it("a response that breaks the contract: the zod error", async () => {
    const client = stubClient(pleo.url);
    const error = await client
      .call(credential, {
        method: "GET",
        path: "/v1/vendors",
        schema: z.object({ data: z.array(z.object({ id: z.string() })) }),
        operation: "vendor list",
      })
      .catch((e: unknown) => e);
    await client.close();
    expect(error).toMatchObject({ code: "UPSTREAM_CONTRACT_VIOLATION" });
    expect((error as GatewayError).cause).toBeInstanceOf(z.ZodError);
  });

  it("a connection refused: the network error, and the call provably not sent", async () => {
    const client = stubClient(`http://127.0.0.1:${await closedPort()}`, { random: () => 0 });
    const error = await client
      .call(credential, {
        method: "POST",
        path: "/v1/vendors",
        body: {},
        schema: z.unknown(),
        operation: "vendor creation",
      })
      .catch((e: unknown) => e);
    await client.close();
    expect(error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", notSent: true });
    expect((error as GatewayError).cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("a call cut off by its deadline: the abort reason", async () => {
    const client = stubClient(pleo.url);
    const deadline = Deadline.after(100);
    const error = await client
      .withScope({ deadline })
      .call(credential, { method: "GET", path: "/slow", schema: z.unknown(), operation: "slow read" })
      .catch((e: unknown) => e);
    deadline.dispose();
    await client.close();
    expect(error).toMatchObject({ code: "UPSTREAM_TIMEOUT", notSent: false });
    expect((error as GatewayError).cause).toBeInstanceOf(DeadlineExceeded);
  });
});
