import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simulatorClock } from "../../src/simulator/clock.ts";
import {
  COMPANIES,
  ORGANISATIONS,
  type RunningSimulator,
  startSimulator,
} from "../../src/simulator/index.ts";
import { bearer, call } from "./helpers.ts";
import {
  authorizeParams,
  CLIENT,
  exchange,
  getAuthorize,
  grants,
  obtainCode,
  pkce,
  postDecision,
  REDIRECT_URI,
  readConsentForm,
  refresh,
  registerClient,
} from "./oauth-client.ts";

const NL = `urn:pleo:company:${COMPANIES.nl.id}`;
const TTL_MS = 5_000;

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ oauthAccessTokenTtlMs: TTL_MS });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await registerClient(sim, { ...CLIENT, redirectUris: [REDIRECT_URI] });
});
afterEach(() => {
  simulatorClock.reset();
});

const api = (token: string, method: string, path: string, options = {}) =>
  call(sim, null, method, path, { authorization: bearer(token), ...options });

describe("OAuth authorisation code flow over HTTP", () => {
  it("consent page → approve → code → tokens → API → rotation → reuse revokes the grant", async () => {
    const challenge = pkce();
    const page = await getAuthorize(sim, authorizeParams({ code_challenge: challenge.challenge }));
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("<script");
    expect(page.html).toContain(COMPANIES.nl.name);
    expect(page.html).toContain(ORGANISATIONS.loveCremeBrulee.name);
    const form = readConsentForm(page.html);
    expect(form.subjects).toContain(NL);
    expect(form.subjects).toContain(`urn:pleo:organisation:${ORGANISATIONS.alexey.id}`);
    expect(form.hidden.get("code_challenge")).toBe(challenge.challenge);

    const decision = await postDecision(sim, form.hidden, "approve", NL);
    expect(decision.status).toBe(302);
    const back = new URL(decision.location ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get("state")).toBe("state-xyz");
    const code = back.searchParams.get("code") ?? "";

    const issued = await exchange(sim, code, challenge.verifier);
    expect(issued.status).toBe(200);
    expect(issued.headers.get("cache-control")).toBe("no-store");
    expect(issued.body).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: TTL_MS / 1000,
      refresh_token: expect.any(String),
      scope: "companies:read vendors:read",
    });
    const first = issued.body;

    const introspected = await api(first.access_token, "GET", "/v1/introspect");
    expect(introspected.status).toBe(200);
    expect(introspected.body.data).toEqual({
      clientId: CLIENT.clientId,
      authMethod: "OAUTH2",
      scope: "companies:read vendors:read",
      subjectURN: NL,
    });
    const vendors = await api(first.access_token, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.nl.id },
      body: {},
    });
    expect(vendors.status).toBe(200);
    // Bound to the chosen company and limited to the granted scopes.
    const otherCompany = await api(first.access_token, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.de.id },
      body: {},
    });
    expect(otherCompany.status).toBe(403);
    const noScope = await api(first.access_token, "POST", "/v0/tax-codes:search");
    expect(noScope.body.type).toBe("INSUFFICIENT_SCOPE");

    const rotated = await refresh(sim, first.refresh_token);
    expect(rotated.status).toBe(200);
    const second = rotated.body;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await api(first.access_token, "GET", "/v1/introspect")).status).toBe(401);
    expect((await api(second.access_token, "GET", "/v1/introspect")).status).toBe(200);

    const reuse = await refresh(sim, first.refresh_token);
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe("invalid_grant");
    const refused = await api(second.access_token, "GET", "/v1/introspect");
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/revoked/);
    expect((await refresh(sim, second.refresh_token)).body.error).toBe("invalid_grant");
    const [grant] = await grants(sim);
    expect(grant).toMatchObject({
      clientId: CLIENT.clientId,
      subjectUrn: NL,
      status: "REVOKED",
      revokedReason: "REFRESH_TOKEN_REUSE",
      refreshCount: 1,
    });
  });

  it("stops an access token at expiry; refresh still works, and an expired refresh token revokes", async () => {
    const { code, pkce: challenge } = await obtainCode(sim, NL);
    const tokens = (await exchange(sim, code, challenge.verifier)).body;
    simulatorClock.advance(TTL_MS);
    const expired = await api(tokens.access_token, "GET", "/v1/introspect");
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/);
    const renewed = await refresh(sim, tokens.refresh_token);
    expect(renewed.status).toBe(200);
    expect((await api(renewed.body.access_token, "GET", "/v1/introspect")).status).toBe(200);
    simulatorClock.advance(61 * 24 * 3_600_000);
    expect((await refresh(sim, renewed.body.refresh_token)).body.error).toBe("invalid_grant");
    expect((await grants(sim))[0]).toMatchObject({
      status: "REVOKED",
      revokedReason: "EXPIRED_REFRESH_TOKEN",
    });
  });

  it("grants an organisation: discovery works, company-only routes refuse", async () => {
    const org = `urn:pleo:organisation:${ORGANISATIONS.loveCremeBrulee.id}`;
    const { code, pkce: challenge } = await obtainCode(sim, org);
    const tokens = (await exchange(sim, code, challenge.verifier)).body;
    const companies = await api(tokens.access_token, "GET", "/v1/companies");
    expect(companies.status).toBe(200);
    expect(companies.body.data).toHaveLength(3);
    const vendors = await api(tokens.access_token, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.nl.id },
      body: {},
    });
    expect(vendors.status).toBe(403);
  });

  it("creates an installation; PUT changes it; DELETE revokes the grant's tokens", async () => {
    const { code, pkce: challenge } = await obtainCode(sim, NL);
    const tokens = (await exchange(sim, code, challenge.verifier)).body;
    const installed = await api(tokens.access_token, "GET", "/v1/installations/me");
    expect(installed.status).toBe(200);
    expect(installed.body).toMatchObject({ resource: NL, status: "AUTHORIZED", metadata: {} });
    const updated = await api(tokens.access_token, "PUT", "/v1/installations/me", {
      body: { status: "ACTIVATED", metadata: { externalId: "42" } },
    });
    expect(updated.body).toMatchObject({
      id: installed.body.id,
      status: "ACTIVATED",
      metadata: { externalId: "42" },
    });
    expect((await api(tokens.access_token, "DELETE", "/v1/installations/me")).status).toBe(204);
    expect((await api(tokens.access_token, "GET", "/v1/introspect")).status).toBe(401);
    expect((await refresh(sim, tokens.refresh_token)).body.error).toBe("invalid_grant");
    expect((await grants(sim))[0]).toMatchObject({
      status: "REVOKED",
      revokedReason: "INSTALLATION_DELETED",
    });
  });
});
