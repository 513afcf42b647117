import { createHash } from "node:crypto";
import { inspect } from "node:util";

/**
 * A Pleo secret (API key or OAuth access token). It is redacted by construction: string conversion,
 * JSON, util.inspect and structured logging all see "[redacted]". Only the HTTP layer calls `reveal()`
 * to build the Authorization header.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return "[redacted]";
  }

  toJSON(): string {
    return "[redacted]";
  }

  [inspect.custom](): string {
    return "Secret([redacted])";
  }
}

export type CredentialKind = "apiKey" | "accessToken";

/** A credential as presented to the gateway, before Pleo has said whom it belongs to. */
export interface PleoCredential {
  readonly kind: CredentialKind;
  readonly secret: Secret;
  /** Non-secret, stable identifier: a truncated SHA-256 of kind and secret. Safe to log and return. */
  readonly id: string;
  /** Full SHA-256, used as a cache key so no cache ever holds the secret itself. */
  readonly hash: string;
  /**
   * Only on a credential the gateway holds for a subject that can rotate it (an OAuth connection): the
   * credential the gateway holds for that same subject now, asked for after Pleo refused this one, e.g.
   * because another instance rotated the pair a moment ago. Resolves to undefined when there is none
   * newer; rejects with a typed error when the subject's connection cannot be served at all.
   */
  readonly renew?: () => Promise<PleoCredential | undefined>;
}

export function createCredential(
  kind: CredentialKind,
  secretValue: string,
  renew?: PleoCredential["renew"],
): PleoCredential {
  const hash = createHash("sha256").update(`${kind}\u0000${secretValue}`).digest("hex");
  return {
    kind,
    secret: new Secret(secretValue),
    id: `cred_${hash.slice(0, 16)}`,
    hash,
    ...(renew ? { renew } : {}),
  };
}

/** Pleo's two schemes: API key as Basic `<key>:` (empty password), OAuth access token as Bearer. */
export function authorizationHeader(credential: PleoCredential): string {
  const value = credential.secret.reveal();
  return credential.kind === "apiKey"
    ? `Basic ${Buffer.from(`${value}:`, "utf8").toString("base64")}`
    : `Bearer ${value}`;
}

export type SubjectType = "company" | "organisation";

/** What Pleo's introspection says about a credential. Contains no secret. */
export interface CredentialBinding {
  readonly subject: { readonly type: SubjectType; readonly id: string };
  readonly authMethod: "API_KEY" | "OAUTH2" | "NONE";
  readonly scopes: ReadonlySet<string>;
  readonly clientId: string;
  readonly applicationName: string | undefined;
}

export type CredentialSource = "header" | "store";

/** A credential together with its introspected binding: the only thing allowed to reach Pleo. */
export interface BoundCredential {
  readonly credential: PleoCredential;
  readonly binding: CredentialBinding;
  readonly source: CredentialSource;
}
