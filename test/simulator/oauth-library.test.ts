import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPANIES, type RunningSimulator, startSimulator } from "../../src/simulator/index.ts";
import { getAuthorize, postDecision, REDIRECT_URI, readConsentForm } from "./oauth-client.ts";

/**
 * The simulated authorisation server driven by a maintained client library (panva's oauth4webapi, which
 * the gateway's client side may use): discovery, PKCE, state check, code exchange with client Basic auth,
 * refresh and introspection must all pass the library's own response validation.
 */
const DEMO = { clientId: "pleo-gateway-demo", clientSecret: "demo-client-secret" } as const;
const insecure = { [oauth.allowInsecureRequests]: true };

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
  sim.registerOAuthClient({ ...DEMO, redirectUris: [REDIRECT_URI] });
});
afterAll(async () => {
  await sim.close();
});

describe("oauth4webapi against the simulator", () => {
  it("discovers, exchanges, refreshes and introspects", async () => {
    const issuer = new URL(sim.url);
    const as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }),
    );
    expect(as.code_challenge_methods_supported).toEqual(["S256"]);
    const client: oauth.Client = { client_id: DEMO.clientId };
    const auth = oauth.ClientSecretBasic(DEMO.clientSecret);

    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint ?? "");
    url.searchParams.set("response_type", "code");
    url.searchParams.set("client_id", DEMO.clientId);
    url.searchParams.set("redirect_uri", REDIRECT_URI);
    url.searchParams.set("scope", "companies:read");
    url.searchParams.set("state", state);
    url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(verifier));
    url.searchParams.set("code_challenge_method", "S256");

    const page = await getAuthorize(sim, url.searchParams);
    const decision = await postDecision(
      sim,
      readConsentForm(page.html).hidden,
      "approve",
      `urn:pleo:company:${COMPANIES.alexey.id}`,
    );
    const params = oauth.validateAuthResponse(as, client, new URL(decision.location ?? ""), state);
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT_URI, verifier, insecure),
    );
    expect(tokens.token_type).toBe("bearer");
    expect(tokens.scope).toBe("companies:read");

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token ?? "", insecure),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

    const introspection = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, auth, refreshed.access_token, insecure),
    );
    expect(introspection).toMatchObject({
      active: true,
      client_id: DEMO.clientId,
      "urn:pleo:params:oauth:subject_urn": `urn:pleo:company:${COMPANIES.alexey.id}`,
    });

    // The library surfaces the reuse refusal as the RFC 6749 error it is.
    const reuse = oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token ?? "", insecure),
    );
    await expect(reuse).rejects.toMatchObject({ error: "invalid_grant", status: 400 });
  });
});
