import { exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from "jose";

const DEV_ISSUER = "urn:pleo-gateway:embedded-dev-issuer";
const DEV_AUDIENCE = "pleo-gateway";
const ALGORITHM = "ES256";

interface DevTokenClaims {
  readonly subject: string;
  readonly companies?: readonly string[];
  readonly organisations?: readonly string[];
  /** Organisation and company ids the caller may connect and manage (claim `pleo_manage`). */
  readonly manages?: readonly string[];
  readonly ttlSeconds?: number;
}

/**
 * The caller-JWT issuer used in embedded mode and tests: an ES256 key pair made at start-up, so the
 * demo personas' tokens verify exactly like tokens from a real identity provider would.
 */
export interface DevAuth {
  readonly issuer: string;
  readonly audience: string;
  readonly jwks: JSONWebKeySet;
  issue(claims: DevTokenClaims): Promise<string>;
}

export async function createDevAuth(): Promise<DevAuth> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: "sig" };
  return {
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    jwks: { keys: [jwk] },
    issue: (claims) =>
      new SignJWT({
        pleo_companies: [...(claims.companies ?? [])],
        pleo_organisations: [...(claims.organisations ?? [])],
        ...(claims.manages ? { pleo_manage: [...claims.manages] } : {}),
      })
        .setProtectedHeader({ alg: ALGORITHM, kid })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(claims.subject)
        .setIssuedAt()
        .setExpirationTime(`${claims.ttlSeconds ?? 12 * 3600}s`)
        .sign(privateKey),
  };
}
