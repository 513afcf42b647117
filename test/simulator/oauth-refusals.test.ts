import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simulatorClock } from "../../src/simulator/clock.ts";
import { COMPANIES, type RunningSimulator, startSimulator } from "../../src/simulator/index.ts";
import {
  authorizeParams,
  basicClientAuth,
  CLIENT,
  codeGrant,
  exchange,
  getAuthorize,
  grants,
  obtainCode,
  pkce,
  postDecision,
  postForm,
  REDIRECT_URI,
  readConsentForm,
  registerClient,
} from "./oauth-client.ts";

const NL = `urn:pleo:company:${COMPANIES.nl.id}`;
const OTHER_REDIRECT = "http://127.0.0.1:9/other/callback";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await registerClient(sim, { ...CLIENT, redirectUris: [REDIRECT_URI, OTHER_REDIRECT] });
});
afterEach(() => {
  simulatorClock.reset();
});

function redirectError(location: string | null): { error: string | null; state: string | null } {
  const url = new URL(location ?? "");
  expect(url.searchParams.get("code")).toBeNull();
  return { error: url.searchParams.get("error"), state: url.searchParams.get("state") };
}

describe("authorisation endpoint refusals", () => {
  it("answers an unknown client or an unregistered redirect_uri with a 400 page, never a redirect", async () => {
    const { challenge } = pkce();
    for (const overrides of [
      { client_id: "nobody" },
      { redirect_uri: "http://127.0.0.1:9/oauth/callback/" },
      { redirect_uri: "https://evil.example/cb" },
      { redirect_uri: undefined },
    ]) {
      const page = await getAuthorize(sim, authorizeParams({ code_challenge: challenge, ...overrides }));
      expect(page.status).toBe(400);
      expect(page.location).toBeNull();
      expect(page.html).toContain("Authorisation failed");
    }
  });

  it("refuses the plain challenge method and a missing challenge by redirecting with invalid_request", async () => {
    const { verifier } = pkce();
    const plain = await getAuthorize(
      sim,
      authorizeParams({ code_challenge: verifier, code_challenge_method: "plain" }),
    );
    expect(plain.status).toBe(302);
    expect(redirectError(plain.location)).toEqual({ error: "invalid_request", state: "state-xyz" });
    const missing = await getAuthorize(sim, authorizeParams({ code_challenge_method: undefined }));
    expect(redirectError(missing.location).error).toBe("invalid_request");
  });

  it("refuses unknown scopes and response types", async () => {
    const { challenge } = pkce();
    const scope = await getAuthorize(sim, authorizeParams({ code_challenge: challenge, scope: "admin:all" }));
    expect(redirectError(scope.location).error).toBe("invalid_scope");
    const token = await getAuthorize(
      sim,
      authorizeParams({ code_challenge: challenge, response_type: "token" }),
    );
    expect(redirectError(token.location).error).toBe("unsupported_response_type");
  });

  it("redirects a denial with access_denied and the state", async () => {
    const { challenge } = pkce();
    const page = await getAuthorize(sim, authorizeParams({ code_challenge: challenge }));
    const denied = await postDecision(sim, readConsentForm(page.html).hidden, "deny");
    expect(denied.status).toBe(302);
    expect(redirectError(denied.location)).toEqual({ error: "access_denied", state: "state-xyz" });
  });

  it("shows the page again when approving without a valid subject", async () => {
    const { challenge } = pkce();
    const page = await getAuthorize(sim, authorizeParams({ code_challenge: challenge }));
    const { hidden } = readConsentForm(page.html);
    const none = await postDecision(sim, hidden, "approve");
    expect(none.status).toBe(400);
    expect(none.html).toContain("Choose a company or an organisation.");
    const unknown = await postDecision(
      sim,
      hidden,
      "approve",
      "urn:pleo:company:00000000-0000-0000-0000-000000000001",
    );
    expect(unknown.status).toBe(400);
  });
});

describe("token endpoint refusals", () => {
  it("refuses a verifier that does not match the challenge (and the code is spent)", async () => {
    const { code, pkce: challenge } = await obtainCode(sim, NL);
    const wrong = await exchange(sim, code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe("invalid_grant");
    expect((await exchange(sim, code, challenge.verifier)).body.error).toBe("invalid_grant");
    expect(await grants(sim)).toEqual([]);
  });

  it("refuses a malformed verifier without spending the code", async () => {
    const { code, pkce: challenge } = await obtainCode(sim, NL);
    const short = await exchange(sim, code, "too-short");
    expect(short.status).toBe(400);
    expect(short.body.error).toBe("invalid_request");
    expect((await exchange(sim, code, challenge.verifier)).status).toBe(200);
  });

  it("refuses a reused code and revokes the grant its first use created", async () => {
    const { code, pkce: challenge } = await obtainCode(sim, NL);
    const first = await exchange(sim, code, challenge.verifier);
    expect(first.status).toBe(200);
    const again = await exchange(sim, code, challenge.verifier);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe("invalid_grant");
    expect((await grants(sim))[0]).toMatchObject({
      status: "REVOKED",
      revokedReason: "AUTHORIZATION_CODE_REUSE",
    });
  });

  it("refuses a redirect_uri other than the authorisation request's, even a registered one", async () => {
    const { code, pkce: challenge } = await obtainCode(sim, NL);
    const other = await exchange(sim, code, challenge.verifier, OTHER_REDIRECT);
    expect(other.status).toBe(400);
    expect(other.body.error).toBe("invalid_grant");
  });

  it("refuses an expired code (60 s)", async () => {
    const { code, pkce: challenge } = await obtainCode(sim, NL);
    simulatorClock.advance(60_000);
    const late = await exchange(sim, code, challenge.verifier);
    expect(late.status).toBe(400);
    expect(late.body.error).toBe("invalid_grant");
  });

  it("refuses a wrong client secret, an unknown client and a missing client authentication with 401", async () => {
    const { code, pkce: challenge } = await obtainCode(sim, NL);
    const fields = codeGrant(code, challenge.verifier);
    for (const authorization of [
      basicClientAuth(CLIENT.clientId, "wrong"),
      basicClientAuth("nobody", "x"),
      null,
    ]) {
      const refused = await postForm(sim, "/oauth/token", fields, authorization);
      expect(refused.status).toBe(401);
      expect(refused.body.error).toBe("invalid_client");
      expect(refused.headers.get("www-authenticate")).toMatch(/^Basic/);
    }
    // The code was never looked at, so the right client can still use it.
    expect((await exchange(sim, code, challenge.verifier)).status).toBe(200);
  });

  it("accepts client credentials in the body, but not both methods at once", async () => {
    const { code, pkce: challenge } = await obtainCode(sim, NL);
    const fields = {
      ...codeGrant(code, challenge.verifier),
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    };
    const both = await postForm(sim, "/oauth/token", fields);
    expect(both.status).toBe(400);
    expect(both.body.error).toBe("invalid_request");
    expect((await postForm(sim, "/oauth/token", fields, null)).status).toBe(200);
  });

  it("refuses a code issued to another client", async () => {
    await registerClient(sim, {
      clientId: "other",
      clientSecret: "other-secret",
      redirectUris: [REDIRECT_URI],
    });
    const { code, pkce: challenge } = await obtainCode(sim, NL);
    const stolen = await postForm(
      sim,
      "/oauth/token",
      codeGrant(code, challenge.verifier),
      basicClientAuth("other", "other-secret"),
    );
    expect(stolen.body.error).toBe("invalid_grant");
  });

  it("answers unsupported grant types, missing parameters and non-form bodies per RFC 6749", async () => {
    expect((await postForm(sim, "/oauth/token", { grant_type: "client_credentials" })).body.error).toBe(
      "unsupported_grant_type",
    );
    expect((await postForm(sim, "/oauth/token", { grant_type: "refresh_token" })).body.error).toBe(
      "invalid_request",
    );
    expect((await postForm(sim, "/oauth/token", {})).body.error).toBe("invalid_request");
    const json = await fetch(`${sim.url}/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: basicClientAuth(CLIENT.clientId, CLIENT.clientSecret),
      },
      body: JSON.stringify({ grant_type: "refresh_token" }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: string }).error).toBe("invalid_request");
    expect((await fetch(`${sim.url}/oauth/token`)).status).toBe(405);
  });
});
