import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, ORGANISATIONS } from "../../src/simulator/index.ts";
import { basic, bearer, call, useSimulator } from "./helpers.ts";

const sim = useSimulator();

describe("authentication schemes", () => {
  it("accepts an API key as Basic base64('<key>:')", async () => {
    const res = await call(sim(), null, "GET", "/v1/introspect", {
      authorization: basic(CREDENTIALS.nl.secret),
    });
    expect(res.status).toBe(200);
    expect(res.body.data.authMethod).toBe("API_KEY");
  });

  it("accepts an OAuth access token as Bearer", async () => {
    const res = await call(sim(), null, "GET", "/v1/introspect", {
      authorization: bearer(CREDENTIALS.deOAuth.secret),
    });
    expect(res.status).toBe(200);
    expect(res.body.data.authMethod).toBe("OAUTH2");
  });

  it("accepts the scheme name case-insensitively", async () => {
    const res = await call(sim(), null, "GET", "/v1/introspect", {
      authorization: `basic ${Buffer.from(`${CREDENTIALS.nl.secret}:`).toString("base64")}`,
    });
    expect(res.status).toBe(200);
  });

  const rejected: [string, string | null][] = [
    ["an API key sent as Bearer", bearer(CREDENTIALS.nl.secret)],
    ["an access token sent as Basic", basic(CREDENTIALS.deOAuth.secret)],
    ["an unknown API key", basic("sim_key_not_a_real_key_000000000000")],
    ["an unknown bearer token", bearer("sim_oat_not_a_real_token_0000000000")],
    ["no Authorization header", null],
    ["an empty Authorization header", ""],
    ["a scheme without credentials", "Basic"],
    ["an unsupported scheme", `Token ${CREDENTIALS.nl.secret}`],
    ["Basic that is not base64", "Basic ***not-base64***"],
    ["Basic without the colon", `Basic ${Buffer.from(CREDENTIALS.nl.secret).toString("base64")}`],
    [
      "Basic with a non-empty password",
      `Basic ${Buffer.from(`${CREDENTIALS.nl.secret}:secret`).toString("base64")}`,
    ],
    [
      "Basic with the key as password",
      `Basic ${Buffer.from(`:${CREDENTIALS.nl.secret}`).toString("base64")}`,
    ],
  ];
  it.each(rejected)("rejects %s with 401 UNAUTHORIZED", async (_name, authorization) => {
    const res = await call(sim(), null, "GET", "/v1/introspect", { authorization });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    expect(res.headers.get("www-authenticate")).toContain("Basic");
    expect(res.body.type).toBe("UNAUTHORIZED");
    expect(typeof res.body.message).toBe("string");
  });

  it("checks authentication before routing: an unknown path without credentials is 401, not 404", async () => {
    const res = await call(sim(), null, "GET", "/v1/no-such-thing");
    expect(res.status).toBe(401);
  });

  it("checks authentication before validation", async () => {
    const res = await call(sim(), null, "GET", "/v1/vendors/not-a-uuid");
    expect(res.status).toBe(401);
  });
});

describe("GET /v1/introspect", () => {
  it("describes a company API key", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "GET", "/v1/introspect");
    expect(res.body).toEqual({
      data: {
        clientId: CREDENTIALS.nl.clientId,
        authMethod: "API_KEY",
        scope: CREDENTIALS.nl.scopes.join(" "),
        subjectURN: `urn:pleo:company:${COMPANIES.nl.id}`,
      },
    });
  });

  it("describes an OAuth token with its application name", async () => {
    const res = await call(sim(), CREDENTIALS.deOAuth, "GET", "/v1/introspect");
    expect(res.body.data).toEqual({
      clientId: "sim-oauth-app",
      authMethod: "OAUTH2",
      scope: CREDENTIALS.deOAuth.scopes.join(" "),
      applicationName: "Gateway Demo App",
      subjectURN: `urn:pleo:company:${COMPANIES.de.id}`,
    });
  });

  it("describes an organisation key with an organisation URN", async () => {
    const res = await call(sim(), CREDENTIALS.lcbOrg, "GET", "/v1/introspect");
    expect(res.status).toBe(200);
    expect(res.body.data.subjectURN).toBe(`urn:pleo:organisation:${ORGANISATIONS.loveCremeBrulee.id}`);
    expect(res.body.data.scope.split(" ").sort()).toEqual(["companies:read", "users:read"]);
  });

  it("reports the narrow scopes of a restricted key", async () => {
    const res = await call(sim(), CREDENTIALS.nlReadOnlyAccounts, "GET", "/v1/introspect");
    expect(res.body.data.scope).toBe("companies:read accounts:read tax-codes:read");
  });
});
