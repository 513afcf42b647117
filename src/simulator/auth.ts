import { createHash } from "node:crypto";
import { type SimHttpError, unauthorized } from "./errors.ts";
import { ALL_CREDENTIALS, type SimCredential } from "./seed/identities.ts";

/**
 * Pleo's two upstream credential kinds, checked the way the integration notes describe:
 * an API key travels as `Authorization: Basic base64("<key>:")` (key as username, empty password) and an
 * OAuth access token as `Authorization: Bearer <token>`. Either one presented with the other scheme fails.
 * Besides the seeded secrets, access tokens the simulated authorisation server issued (src/simulator/oauth)
 * authenticate through `issued`, with the subject and scopes of their grant, until they expire, are
 * superseded by a refresh or their grant is revoked.
 */

/** A non-secret id for a secret: the first 16 hex characters of its SHA-256. Safe to log. */
export function credentialFingerprint(secret: string): string {
  return createHash("sha256").update(secret).digest("hex").slice(0, 16);
}

const bySecret = new Map<string, SimCredential>(
  ALL_CREDENTIALS.map((credential) => [credential.secret, credential]),
);

export interface AuthResult {
  /** The authenticated credential, or undefined when the request is rejected. */
  readonly credential?: SimCredential;
  /** Why the request is rejected (always a 401). */
  readonly error?: SimHttpError;
  /** The credential the secret belongs to, even when it was presented wrongly; for the request log. */
  readonly recognised?: SimCredential;
  /** Fingerprint of whatever secret could be read from the header; for the request log. */
  readonly fingerprint: string | null;
}

/** Looks up an access token issued at runtime: its credential, and why it no longer works, if it does not. */
export type IssuedTokenLookup = (
  secret: string,
) => { readonly credential: SimCredential; readonly refusal?: string } | undefined;

export function authenticate(header: string | undefined, issued?: IssuedTokenLookup): AuthResult {
  if (header === undefined || header.trim() === "") {
    return { error: unauthorized("Missing Authorization header."), fingerprint: null };
  }
  const match = /^(\S+)\s+(\S+)\s*$/.exec(header.trim());
  if (!match) return { error: unauthorized("Malformed Authorization header."), fingerprint: null };
  const scheme = (match[1] ?? "").toLowerCase();
  const value = match[2] ?? "";

  let secret: string;
  if (scheme === "basic") {
    const decoded = decodeBasic(value);
    if (decoded === undefined) {
      return {
        error: unauthorized("Malformed Basic credentials: expected base64('<api key>:')."),
        fingerprint: null,
      };
    }
    if (decoded.password !== "") {
      return {
        error: unauthorized("The API key goes in the username and the password must be empty."),
        fingerprint: credentialFingerprint(decoded.username),
        recognised: bySecret.get(decoded.username) ?? issued?.(decoded.username)?.credential,
      };
    }
    secret = decoded.username;
  } else if (scheme === "bearer") {
    secret = value;
  } else {
    return { error: unauthorized(`Unsupported authorization scheme '${match[1]}'.`), fingerprint: null };
  }

  const fingerprint = credentialFingerprint(secret);
  const runtime = bySecret.has(secret) ? undefined : issued?.(secret);
  const credential = bySecret.get(secret) ?? runtime?.credential;
  if (!credential) return { error: unauthorized("Invalid or expired credential."), fingerprint };
  if (scheme === "bearer" && credential.kind === "apiKey") {
    return {
      error: unauthorized(
        "API keys must be sent with HTTP Basic authentication (key as username, empty password).",
      ),
      fingerprint,
      recognised: credential,
    };
  }
  if (scheme === "basic" && credential.kind === "accessToken") {
    return {
      error: unauthorized("OAuth access tokens must be sent as 'Authorization: Bearer <token>'."),
      fingerprint,
      recognised: credential,
    };
  }
  if (runtime?.refusal !== undefined)
    return { error: unauthorized(runtime.refusal), fingerprint, recognised: credential };
  return { credential, recognised: credential, fingerprint };
}

function decodeBasic(value: string): { username: string; password: string } | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
