import { createHash } from "node:crypto";

/** What identifies a caller, each part already normalised (fingerprints, never secrets). */
export interface CallerIdentityParts {
  /** SHA-256 fingerprints of the Pleo credentials it sent (`PleoCredential.hash`), in any order. */
  readonly credentialHashes: readonly string[];
  /** The verified caller JWT's `sub`, once verified. */
  readonly tokenSubject?: string | undefined;
  /** Before verification: a SHA-256 of the caller JWT (see `bearerTokenHash`). */
  readonly tokenHash?: string | undefined;
  /** Its network address (see support/client-address.ts): the identity of a caller that sent nothing. */
  readonly address: string | undefined;
}

/**
 * The one normalised caller identity, for every per-caller share of capacity (the caller rate limit, the
 * rate budget's fairness): credential fingerprints sorted and deduplicated, with the JWT subject (or the
 * token's hash before verification); a caller that sent neither is its network address. So spelling the
 * same credentials differently (order, spaces, repeats) is the same caller, and the key holds no secret.
 */
export function callerIdentity(parts: CallerIdentityParts): string {
  const items = [...new Set(parts.credentialHashes)].sort().map((hash) => `credential:${hash}`);
  if (parts.tokenSubject !== undefined) items.push(`subject:${parts.tokenSubject}`);
  else if (parts.tokenHash !== undefined) items.push(`token:${parts.tokenHash}`);
  if (items.length === 0) return `address:${parts.address ?? "unknown"}`;
  const joined = items.join("\n");
  let identity = identities.get(joined);
  if (identity === undefined) {
    identity = `caller:${createHash("sha256").update(joined).digest("hex")}`;
    if (identities.size >= MAX_REMEMBERED_IDENTITIES) identities.clear();
    identities.set(joined, identity);
  }
  return identity;
}

/**
 * Identities already hashed, by their parts (fingerprints and subjects, never a secret): the caller
 * rate limit and the context each ask for every request, and a caller's parts recur request after
 * request. Bounded; emptied whole when full, since a miss costs one hash.
 */
const identities = new Map<string, string>();
const MAX_REMEMBERED_IDENTITIES = 1_000;

/**
 * A SHA-256 of the `Authorization` header's token (the scheme's case and surrounding spaces do not
 * count), or undefined without one.
 */
export function bearerTokenHash(authorization: string | null): string | undefined {
  const value = authorization?.trim();
  if (!value) return undefined;
  const token = /^Bearer\s+(\S+)$/i.exec(value)?.[1] ?? value;
  return createHash("sha256").update(token).digest("hex");
}
