import { generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_CREDENTIALS, COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { codes, type Harness, startHarness } from "../support/harness.ts";

const QUERY = `{ viewer { authenticated tokenSubject } }`;

describe("caller authentication", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const expect401 = async (headers: Record<string, string>, code: string) => {
    const response = await h.gql(QUERY, { headers });
    expect(response.status).toBe(401);
    expect(codes(response)).toEqual([code]);
    expect(response.body.data ?? null).toBeNull();
    // Nothing the caller sent is echoed back.
    for (const value of Object.values(headers)) {
      for (const part of value.replace(/^(Bearer|Basic)\s+/i, "").split(",")) {
        if (part.trim().length >= 8) expect(response.text).not.toContain(part.trim());
      }
    }
    for (const credential of ALL_CREDENTIALS) expect(response.text).not.toContain(credential.secret);
    return response;
  };

  it("accepts a valid caller JWT", async () => {
    const token = await h.env.auth.issue({ subject: "user:ok", companies: [COMPANIES.nl.id] });
    const response = await h.gql(QUERY, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ viewer: { authenticated: true, tokenSubject: "user:ok" } });
  });

  it("rejects an expired JWT", async () => {
    const token = await h.env.auth.issue({ subject: "user:old", ttlSeconds: -120 });
    const response = await expect401({ authorization: `Bearer ${token}` }, "AUTH_TOKEN_EXPIRED");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("rejects a JWT for another audience or issuer", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    // Signed by an unknown key: rejected before claims are even looked at.
    const foreign = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: "someone-else" })
      .setIssuer(h.env.auth.issuer)
      .setAudience(h.env.auth.audience)
      .setSubject("x")
      .setExpirationTime("1h")
      .sign(privateKey);
    await expect401({ authorization: `Bearer ${foreign}` }, "AUTH_TOKEN_UNKNOWN_KEY");
  });

  it("rejects a JWT whose signature does not verify", async () => {
    const token = await h.env.auth.issue({ subject: "user:tampered", companies: [COMPANIES.nl.id] });
    const [header, , signature] = token.split(".");
    const forgedPayload = Buffer.from(
      JSON.stringify({
        sub: "user:tampered",
        iss: h.env.auth.issuer,
        aud: h.env.auth.audience,
        exp: Math.floor(Date.now() / 1000) + 3600,
        pleo_companies: [COMPANIES.nl.id, COMPANIES.de.id, COMPANIES.be.id],
      }),
    ).toString("base64url");
    await expect401(
      { authorization: `Bearer ${header}.${forgedPayload}.${signature}` },
      "AUTH_TOKEN_INVALID_SIGNATURE",
    );
  });

  it("rejects unsigned (alg: none) JWTs", async () => {
    const token = new UnsecuredJWT({ pleo_companies: [COMPANIES.nl.id] })
      .setIssuer(h.env.auth.issuer)
      .setAudience(h.env.auth.audience)
      .setSubject("x")
      .setExpirationTime("1h")
      .encode();
    const response = await h.gql(QUERY, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect(["AUTH_TOKEN_ALGORITHM_NOT_ALLOWED", "AUTH_TOKEN_MALFORMED"]).toContain(codes(response)[0]);
  });

  it("rejects garbage bearer tokens and non-Bearer Authorization", async () => {
    await expect401({ authorization: "Bearer not.a.jwt" }, "AUTH_TOKEN_MALFORMED");
    await expect401({ authorization: "Bearer garbage" }, "AUTH_TOKEN_MALFORMED");
    await expect401(
      { authorization: `Basic ${Buffer.from(`${CREDENTIALS.nl.secret}:`).toString("base64")}` },
      "AUTH_TOKEN_MALFORMED",
    );
  });

  it("rejects a JWT whose grant claims are not UUID lists", async () => {
    const token = await new SignJWT({ pleo_companies: "everything" })
      .setProtectedHeader({ alg: "ES256", kid: h.env.auth.jwks.keys[0]?.kid as string })
      .setIssuer(h.env.auth.issuer)
      .setAudience(h.env.auth.audience)
      .setSubject("x")
      .setExpirationTime("1h")
      .sign((await generateKeyPair("ES256")).privateKey);
    // Signed by a different key with the same kid: the signature check fails first.
    await expect401({ authorization: `Bearer ${token}` }, "AUTH_TOKEN_INVALID_SIGNATURE");
  });

  it("rejects malformed credential headers without echoing them", async () => {
    await expect401({ "x-pleo-api-key": "short" }, "CREDENTIAL_HEADER_MALFORMED");
    await expect401(
      { "x-pleo-api-key": `${CREDENTIALS.nl.secret}, has spaces inside` },
      "CREDENTIAL_HEADER_MALFORMED",
    );
    await expect401({ "x-pleo-access-token": "tok\u00e9n-with-non-ascii" }, "CREDENTIAL_HEADER_MALFORMED");
    await expect401(
      {
        "x-pleo-api-key": Array(21)
          .fill(0)
          .map((_, i) => `sim_key_unknown_${i}_abcdef`)
          .join(","),
      },
      "CREDENTIAL_HEADER_MALFORMED",
    );
  });

  it("rejects a well-formed credential Pleo does not know, and one sent with the wrong scheme", async () => {
    await expect401({ "x-pleo-api-key": "sim_key_this-key-does-not-exist-0000" }, "CREDENTIAL_REJECTED");
    // An access token is not an API key: sent as one it is Basic-encoded and Pleo refuses it.
    await expect401({ "x-pleo-api-key": CREDENTIALS.deOAuth.secret }, "CREDENTIAL_REJECTED");
    // One bad credential among good ones fails the whole request: a misconfigured script should stop.
    await expect401(
      { "x-pleo-api-key": `${CREDENTIALS.nl.secret}, sim_key_this-key-does-not-exist-0000` },
      "CREDENTIAL_REJECTED",
    );
  });

  it("combines a caller JWT with credentials the caller sends itself", async () => {
    const token = await h.env.auth.issue({ subject: "user:ok" });
    const response = await h.gql(QUERY, {
      headers: { authorization: `Bearer ${token}`, "x-pleo-api-key": CREDENTIALS.nl.secret },
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ viewer: { authenticated: true, tokenSubject: "user:ok" } });
  });
});

describe("a gateway without caller-JWT keys", () => {
  it("refuses Authorization: Bearer with AUTH_NOT_CONFIGURED but still serves direct credentials", async () => {
    const h = await startHarness({ callerTokens: null });
    try {
      const token = await h.env.auth.issue({ subject: "user:x" });
      const refused = await h.gql(QUERY, { headers: { authorization: `Bearer ${token}` } });
      expect(refused.status).toBe(401);
      expect(codes(refused)).toEqual(["AUTH_NOT_CONFIGURED"]);
      const served = await h.gql(QUERY, { headers: { "x-pleo-api-key": CREDENTIALS.nl.secret } });
      expect(served.body.data).toEqual({ viewer: { authenticated: true, tokenSubject: null } });
    } finally {
      await h.close();
    }
  });
});
