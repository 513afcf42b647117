import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, type RunningSimulator, startSimulator } from "../../src/simulator/index.ts";
import { declaredResponse, describeErrors, specsAvailable, validatorFor } from "../contract/openapi.ts";
import { bearer, call } from "./helpers.ts";
import {
  basicClientAuth,
  CLIENT,
  codeGrant,
  exchange,
  grants,
  obtainCode,
  postForm,
  REDIRECT_URI,
  refresh,
  registerClient,
  requestLog,
} from "./oauth-client.ts";

const NL = `urn:pleo:company:${COMPANIES.nl.id}`;
const OTHER = { clientId: "other-integration", clientSecret: "other-secret" } as const;

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({
    oauthClients: [{ ...OTHER, redirectUris: [REDIRECT_URI], scopes: ["companies:read"] }],
  });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await registerClient(sim, { ...CLIENT, redirectUris: [REDIRECT_URI] });
});

async function connect() {
  const { code, pkce } = await obtainCode(sim, NL);
  const tokens = (await exchange(sim, code, pkce.verifier)).body;
  return { code, verifier: pkce.verifier, tokens };
}

describe("token introspection (RFC 7662)", () => {
  it("answers the owning client with scope, client, expiry and subject URN; others learn nothing", async () => {
    const { tokens } = await connect();
    const mine = await postForm(sim, "/oauth/token/introspect", { token: tokens.access_token });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      active: true,
      scope: "companies:read vendors:read",
      client_id: CLIENT.clientId,
      exp: expect.any(Number),
      "urn:pleo:params:oauth:subject_urn": NL,
    });
    expect(mine.body.exp * 1000).toBeGreaterThan(Date.now());
    const refreshToken = await postForm(sim, "/oauth/token/introspect", { token: tokens.refresh_token });
    expect(refreshToken.body.active).toBe(true);
    const theirs = await postForm(
      sim,
      "/oauth/token/introspect",
      { token: tokens.access_token },
      basicClientAuth(OTHER.clientId, OTHER.clientSecret),
    );
    expect(theirs.body).toEqual({ active: false });
    const anonymous = await postForm(sim, "/oauth/token/introspect", { token: tokens.access_token }, null);
    expect(anonymous.status).toBe(401);
    expect((await postForm(sim, "/oauth/token/introspect", { token: "sim_oat_nonsense" })).body).toEqual({
      active: false,
    });
  });

  it("reports superseded tokens inactive", async () => {
    const { tokens } = await connect();
    await refresh(sim, tokens.refresh_token);
    for (const token of [tokens.access_token, tokens.refresh_token])
      expect((await postForm(sim, "/oauth/token/introspect", { token })).body).toEqual({ active: false });
  });
});

describe("request log and test hooks", () => {
  it("shows grant type and grant id of token calls, and none of the issued secrets", async () => {
    const { code, verifier, tokens } = await connect();
    const rotated = (await refresh(sim, tokens.refresh_token)).body;
    await postForm(sim, "/oauth/token/introspect", { token: rotated.access_token });
    await call(sim, null, "GET", "/v1/introspect", { authorization: bearer(rotated.access_token) });
    const [grant] = await grants(sim);
    const log = await requestLog(sim);
    const tokenCalls = log.filter((entry) => entry.path === "/oauth/token");
    expect(tokenCalls.map((e) => [e.grantType, e.grantId, e.oauthClientId, e.status])).toEqual([
      ["authorization_code", grant.id, CLIENT.clientId, 200],
      ["refresh_token", grant.id, CLIENT.clientId, 200],
    ]);
    expect(tokenCalls[0]?.credentialSubject).toEqual({ type: "company", id: COMPANIES.nl.id });
    expect(log.find((e) => e.path === "/oauth/token/introspect")).toMatchObject({
      grantId: grant.id,
      grantType: null,
    });
    expect(log.find((e) => e.path === "/v1/introspect")).toMatchObject({
      credentialLabel: `oauth:${grant.id}`,
      status: 200,
    });
    const authorizeCall = log.find((e) => e.path === "/oauth/authorize" && e.method === "GET");
    expect(authorizeCall?.query.state).toEqual(["[redacted]"]);
    expect(authorizeCall?.query.client_id).toEqual([CLIENT.clientId]);

    const text = JSON.stringify(log) + JSON.stringify(await grants(sim));
    for (const secret of [
      code,
      verifier,
      tokens.access_token,
      tokens.refresh_token,
      rotated.access_token,
      rotated.refresh_token,
      CLIENT.clientSecret,
    ])
      expect(text).not.toContain(secret);
  });

  it("present-stale-refresh-token revokes a grant, logged as a buggy client's refreshes", async () => {
    const { tokens } = await connect();
    const [grant] = await grants(sim);
    const hook = await fetch(`${sim.url}/__sim/oauth/grants/${grant.id}/present-stale-refresh-token`, {
      method: "POST",
    });
    expect(hook.status).toBe(200);
    const answer = (await hook.json()) as {
      data: { grant: { status: string }; tokenEndpointStatus: number };
    };
    expect(answer.data).toMatchObject({ grant: { status: "REVOKED" }, tokenEndpointStatus: 400 });
    expect(JSON.stringify(answer)).not.toContain("sim_o");
    expect((await refresh(sim, tokens.refresh_token)).body.error).toBe("invalid_grant");
    const refreshes = (await requestLog(sim)).filter((e) => e.grantType === "refresh_token");
    expect(refreshes.map((e) => [e.grantId, e.status])).toEqual([
      [grant.id, 200],
      [grant.id, 400],
      [grant.id, 400],
    ]);
    const missing = await fetch(`${sim.url}/__sim/oauth/grants/grant_nope/present-stale-refresh-token`, {
      method: "POST",
    });
    expect(missing.status).toBe(404);
  });

  it("a reset fault at the token endpoint loses the answer after rotating (the lost-answer case)", async () => {
    const { tokens } = await connect();
    sim.faults.add([{ method: "POST", pathPrefix: "/oauth/token", action: "reset", times: 1 }]);
    await expect(refresh(sim, tokens.refresh_token)).rejects.toThrow();
    expect((await grants(sim))[0]).toMatchObject({ status: "ACTIVE", refreshCount: 1 });
    // Retrying with the token it still holds is reuse: the grant is revoked.
    expect((await refresh(sim, tokens.refresh_token)).body.error).toBe("invalid_grant");
    expect((await grants(sim))[0]).toMatchObject({ status: "REVOKED" });
  });

  it("registers clients over HTTP and programmatically, never echoing the secret", async () => {
    const registered = await registerClient(sim, {
      clientId: "late",
      clientSecret: "late-secret",
      redirectUris: ["https://app.example/cb"],
      scopes: ["companies:read"],
    });
    expect(registered.data).toEqual({
      clientId: "late",
      redirectUris: ["https://app.example/cb"],
      scopes: ["companies:read"],
    });
    const invalid = await fetch(`${sim.url}/__sim/oauth/clients`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clientId: "x", clientSecret: "y", redirectUris: ["not a url"] }),
    });
    expect(invalid.status).toBe(400);
    sim.registerOAuthClient({
      clientId: "pleo-gateway-demo",
      clientSecret: "demo-client-secret",
      redirectUris: [REDIRECT_URI],
    });
    const { code, pkce } = await obtainCode(sim, NL, { client_id: "pleo-gateway-demo" });
    const demo = await postForm(
      sim,
      "/oauth/token",
      codeGrant(code, pkce.verifier),
      basicClientAuth("pleo-gateway-demo", "demo-client-secret"),
    );
    expect(demo.status).toBe(200);
  });

  it("limits a client's grant to its registered scopes", async () => {
    const { code, pkce } = await obtainCode(sim, NL, { client_id: OTHER.clientId, scope: undefined });
    const issued = await postForm(
      sim,
      "/oauth/token",
      codeGrant(code, pkce.verifier),
      basicClientAuth(OTHER.clientId, OTHER.clientSecret),
    );
    expect(issued.body.scope).toBe("companies:read");
  });
});

describe.runIf(specsAvailable)("installations against the spec", () => {
  const FILE = "pleo-installations-api-openapi.yml";
  it("GET, PUT and :activate answer InstallationResponse", async () => {
    const { tokens } = await connect();
    const auth = { authorization: bearer(tokens.access_token) };
    const answers = [
      ["GET", await call(sim, null, "GET", "/v1/installations/me", auth)],
      [
        "PUT",
        await call(sim, null, "PUT", "/v1/installations/me", {
          ...auth,
          body: { status: "PENDING_INTEGRATION" },
        }),
      ],
      ["POST", await call(sim, null, "POST", "/v1/installations/me:activate", auth)],
    ] as const;
    for (const [method, answer] of answers) {
      expect(answer.status).toBe(200);
      const path = method === "POST" ? "/v1/installations/me:activate" : "/v1/installations/me";
      const declared = declaredResponse(FILE, method, path, 200);
      if (!declared) throw new Error(`no declared response for ${method} ${path}`);
      const validate = validatorFor(FILE, declared.schema);
      expect(validate(answer.body), describeErrors(validate)).toBe(true);
    }
    expect(answers[2][1].body.status).toBe("ACTIVATED");
  });
});
