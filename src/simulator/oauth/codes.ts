import { createHash, randomBytes } from "node:crypto";
import type { PleoScope } from "../seed/identities.ts";
import type { GrantSubject } from "./grants.ts";

/**
 * Authorisation codes and their PKCE binding (RFC 7636, S256 only). A code is single-use and lives 60
 * seconds. A code presented a second time is refused and, as RFC 6749 §4.1.2 advises, the grant its first
 * use created is revoked: the second presenter may be whoever intercepted it.
 */
const CODE_TTL_MS = 60_000;

/** RFC 7636 §4.1: 43–128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** BASE64URL(SHA-256(verifier)) without padding is always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function isS256Challenge(challenge: string): boolean {
  return S256_CHALLENGE.test(challenge);
}

export function isCodeVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

export function s256(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

interface CodeDetails {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly subject: GrantSubject;
  readonly scopes: readonly PleoScope[];
  readonly codeChallenge: string;
}

interface IssuedCode extends CodeDetails {
  readonly expiresAt: number;
  /** Set at the first redemption; the code is kept until it would have expired, to recognise a replay. */
  spent: boolean;
  /** The grant the first redemption created, if it succeeded. */
  grantId?: string;
}

type Redemption =
  | { readonly kind: "fresh"; readonly details: CodeDetails; readonly bind: (grantId: string) => void }
  | { readonly kind: "replayed"; readonly grantId: string | undefined }
  | { readonly kind: "unknown" };

export class AuthorizationCodes {
  readonly #codes = new Map<string, IssuedCode>();

  constructor(private readonly now: () => number) {}

  issue(details: CodeDetails): string {
    this.#sweep();
    const code = `sim_oac_${randomBytes(24).toString("base64url")}`;
    this.#codes.set(code, { ...details, expiresAt: this.now() + CODE_TTL_MS, spent: false });
    return code;
  }

  /**
   * Takes a code out of circulation. A fresh code must be bound to the grant it creates (`bind`) so a
   * replay can revoke that grant; an expired code counts as unknown.
   */
  redeem(code: string): Redemption {
    const issued = this.#codes.get(code);
    if (!issued || issued.expiresAt <= this.now()) return { kind: "unknown" };
    if (issued.spent) return { kind: "replayed", grantId: issued.grantId };
    // Spent even if the exchange then fails (wrong verifier or redirect): a code gets one attempt.
    issued.spent = true;
    return {
      kind: "fresh",
      details: issued,
      bind: (grantId) => {
        issued.grantId = grantId;
      },
    };
  }

  clear(): void {
    this.#codes.clear();
  }

  #sweep(): void {
    const now = this.now();
    for (const [code, issued] of this.#codes) if (issued.expiresAt <= now) this.#codes.delete(code);
  }
}
