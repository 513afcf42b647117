import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ALL_SCOPES, type PleoScope } from "../seed/identities.ts";

/**
 * The OAuth clients (integrations) Pleo's authorisation server knows, and how a client proves who it is at
 * the token and introspection endpoints: HTTP Basic (RFC 6749 §2.3.1, id and secret form-encoded) or
 * `client_id`/`client_secret` in the form body, never both at once.
 */
export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Compared character for character with the `redirect_uri` a request names (no prefix matching). */
  readonly redirectUris: readonly string[];
  /** The scopes the client may be granted; absent: every scope. */
  readonly scopes?: readonly PleoScope[];
}

/** The seeded demo client; its redirect URI is registered at runtime, once the gateway knows its own URL. */
export const DEMO_OAUTH_CLIENT: OAuthClient = {
  clientId: "pleo-gateway-demo",
  clientSecret: "demo-client-secret",
  redirectUris: [],
};

const redirectUri = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      // RFC 6749 §3.1.2: absolute, without a fragment.
      return (url.protocol === "http:" || url.protocol === "https:") && !value.includes("#");
    } catch {
      return false;
    }
  }, "must be an absolute http(s) URL without a fragment");

/** The registration body of `POST /__sim/oauth/clients` and the shape of `oauthClients` entries. */
export const oauthClientInput = z
  .object({
    clientId: z
      .string()
      .regex(/^[\w.~-]{1,200}$/, "must be 1–200 characters of letters, digits, '_', '.', '~' or '-'"),
    clientSecret: z.string().min(1).max(500),
    redirectUris: z.array(redirectUri).max(50),
    scopes: z.array(z.enum(ALL_SCOPES)).optional(),
  })
  .strict();

/** Form fields and header the client authenticated with, as received. */
interface ClientCredentialsPresented {
  readonly authorization: string | undefined;
  readonly form: URLSearchParams;
}

type ClientAuthResult =
  | { readonly client: OAuthClient }
  | { readonly error: "invalid_client" | "invalid_request"; readonly description: string };

export class OAuthClients {
  readonly #byId = new Map<string, OAuthClient>();

  constructor(initial: readonly OAuthClient[]) {
    this.register(DEMO_OAUTH_CLIENT);
    for (const client of initial) this.register(client);
  }

  /** Adds a client, or replaces the one with the same id (how the demo client gets its redirect URI). */
  register(client: OAuthClient): OAuthClient {
    const parsed = oauthClientInput.parse(client);
    const registered: OAuthClient = {
      clientId: parsed.clientId,
      clientSecret: parsed.clientSecret,
      redirectUris: [...parsed.redirectUris],
      ...(parsed.scopes === undefined ? {} : { scopes: [...parsed.scopes] }),
    };
    this.#byId.set(registered.clientId, registered);
    return registered;
  }

  get(clientId: string): OAuthClient | undefined {
    return this.#byId.get(clientId);
  }

  authenticate({ authorization, form }: ClientCredentialsPresented): ClientAuthResult {
    const bodyId = form.get("client_id");
    const bodySecret = form.get("client_secret");
    let clientId: string;
    let secret: string;
    if (authorization !== undefined && authorization.trim() !== "") {
      const basic = decodeClientBasic(authorization);
      if (!basic) return { error: "invalid_client", description: "Malformed Basic client credentials." };
      if (bodySecret !== null)
        return { error: "invalid_request", description: "Use one client authentication method, not two." };
      if (bodyId !== null && bodyId !== basic.clientId)
        return { error: "invalid_client", description: "client_id does not match the Basic credentials." };
      ({ clientId, secret } = basic);
    } else if (bodyId !== null && bodySecret !== null) {
      clientId = bodyId;
      secret = bodySecret;
    } else {
      return { error: "invalid_client", description: "Client authentication is required." };
    }
    const client = this.#byId.get(clientId);
    if (!client || !sameSecret(client.clientSecret, secret))
      return { error: "invalid_client", description: "Unknown client or wrong client secret." };
    return { client };
  }
}

/** Scopes a client may be granted. */
export function allowedScopes(client: OAuthClient): readonly PleoScope[] {
  return client.scopes ?? ALL_SCOPES;
}

/** Compares digests so the time taken says nothing about how much of the secret matched. */
function sameSecret(expected: string, presented: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(expected), digest(presented));
}

function decodeClientBasic(header: string): { clientId: string; secret: string } | undefined {
  const match = /^basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header.trim());
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  try {
    // RFC 6749 §2.3.1: both parts are application/x-www-form-urlencoded before base64.
    const formDecode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
    return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
