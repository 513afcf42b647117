import { z } from "zod";
import { optionalString } from "../support/env-values.ts";
import type { VaultOptions } from "../vault/index.ts";

/**
 * Settings of company connections: the gateway as an OAuth client of Pleo's authorisation server, where
 * the connect flow may send a browser back to, and which caller-JWT claim says who may manage what.
 * Merged into the gateway's schema (src/config.ts) with one `...connectionsEnvSchema.shape` line.
 */
const csv = z.string().transform((v) =>
  v
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean),
);

export const DEFAULT_OAUTH_SCOPES = [
  "companies:read",
  "accounts:read",
  "tax-codes:read",
  "tag-groups:read",
  "vendors:read",
  "users:read",
  "export-jobs:read",
  "export-items:read",
  "accounting-entries:read",
];

export const connectionsEnvSchema = z.object({
  /** Pleo's authorisation host (`https://auth.pleo.io`). Unset in embedded mode: the simulator's URL. */
  PLEO_OAUTH_URL: optionalString.pipe(z.url().optional()),
  PLEO_OAUTH_CLIENT_ID: optionalString,
  PLEO_OAUTH_CLIENT_SECRET: optionalString,
  /** The gateway's public `/oauth/pleo/callback` URL, registered with Pleo character for character. */
  PLEO_OAUTH_REDIRECT_URI: optionalString.pipe(z.url().optional()),
  /** Space- or comma-separated scopes the connect flow asks for. */
  PLEO_OAUTH_SCOPES: csv.default(DEFAULT_OAUTH_SCOPES),
  /** Origins (`https://app.example.com`) or URL prefixes a finished flow may send the browser back to. */
  OAUTH_RETURN_TO_ALLOWLIST: csv.pipe(z.array(z.url())).default([]),
  /** How long a started connect flow may take before its state expires. */
  OAUTH_FLOW_TTL_MS: z.coerce.number().int().min(10_000).max(3_600_000).default(600_000),
  /** Caller-JWT claim listing the organisation and company ids the caller may connect and manage. */
  AUTH_JWT_MANAGE_CLAIM: z.string().min(1).default("pleo_manage"),
});

export type ConnectionsEnv = z.infer<typeof connectionsEnvSchema>;

/** The OAuth client the gateway is at Pleo's authorisation server. */
export interface OAuthClientSettings {
  readonly authUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
}

export interface ConnectionsSettings {
  /** Absent: the OAuth connect flow is off (API keys can still be connected). */
  readonly oauth: OAuthClientSettings | undefined;
  readonly returnToAllowlist: readonly string[];
  readonly flowTtlMs: number;
  readonly manageClaim: string;
}

/** Rules between the OAuth variables (reported with every other configuration problem). */
export function connectionsConfigProblems(env: Record<string, string | undefined>): string[] {
  const set = (name: string) => (env[name] ?? "").trim() !== "";
  const oauth = ["PLEO_OAUTH_CLIENT_ID", "PLEO_OAUTH_CLIENT_SECRET", "PLEO_OAUTH_REDIRECT_URI"];
  const given = oauth.filter(set);
  const problems: string[] = [];
  if (given.length > 0 && given.length < oauth.length)
    problems.push(`PLEO_OAUTH_CLIENT_ID: the OAuth client needs all of ${oauth.join(", ")}`);
  if (given.length > 0 && !set("OAUTH_RETURN_TO_ALLOWLIST"))
    problems.push("OAUTH_RETURN_TO_ALLOWLIST: the OAuth connect flow needs the URLs it may return to");
  if (env.GATEWAY_ENV === "production") {
    for (const name of ["PLEO_OAUTH_URL", "PLEO_OAUTH_REDIRECT_URI"]) {
      if (set(name) && !(env[name] ?? "").trim().startsWith("https://"))
        problems.push(`${name}: must be an https:// URL in production`);
    }
  }
  return problems;
}

/**
 * The settings from parsed configuration. `embeddedOAuth` (the simulator's demo client) stands in for an
 * unset OAuth client, as the embedded simulator stands in for an unset PLEO_API_URL.
 */
export function connectionsSettingsFrom(
  env: ConnectionsEnv,
  fallback: { readonly pleoBaseUrl: string; readonly embeddedOAuth?: OAuthClientSettings },
): ConnectionsSettings {
  const configured =
    env.PLEO_OAUTH_CLIENT_ID && env.PLEO_OAUTH_CLIENT_SECRET && env.PLEO_OAUTH_REDIRECT_URI
      ? {
          authUrl: env.PLEO_OAUTH_URL ?? fallback.pleoBaseUrl,
          clientId: env.PLEO_OAUTH_CLIENT_ID,
          clientSecret: env.PLEO_OAUTH_CLIENT_SECRET,
          redirectUri: env.PLEO_OAUTH_REDIRECT_URI,
          scopes: env.PLEO_OAUTH_SCOPES,
        }
      : undefined;
  const oauth = configured ?? fallback.embeddedOAuth;
  return {
    oauth,
    returnToAllowlist:
      env.OAUTH_RETURN_TO_ALLOWLIST.length > 0 || !oauth
        ? env.OAUTH_RETURN_TO_ALLOWLIST
        : // The embedded demo returns to the gateway itself (GraphiQL).
          [new URL(oauth.redirectUri).origin],
    flowTtlMs: env.OAUTH_FLOW_TTL_MS,
    manageClaim: env.AUTH_JWT_MANAGE_CLAIM,
  };
}

/** What configuration decides about connections (src/config-options.ts builds it). */
export interface ConnectionsOptions {
  readonly settings: ConnectionsSettings;
  readonly vault: Omit<VaultOptions, "redis" | "logger">;
  /**
   * Embedded mode: the vault lives in a temporary directory of this process (the embedded simulator
   * forgets its grants when it stops, so pairs kept across restarts could never be used again; and
   * test processes never share one).
   */
  readonly temporaryVault: boolean;
  /** Embedded mode: registers this gateway's callback with the simulator's demo OAuth client. */
  readonly prepare?: () => Promise<void>;
}

/** The embedded simulator's side of the demo: its URL and its demo OAuth client. */
export interface EmbeddedOAuthDemo {
  readonly simulatorUrl: string;
  readonly client: { readonly clientId: string; readonly clientSecret: string };
  register(redirectUri: string): void;
}

/**
 * Connections from configuration. Outside the embedded demo they need VAULT_KEYS (without them the
 * gateway serves its static credentials only, as before); in the demo the simulator's demo OAuth client
 * is registered with this gateway's callback (`http://HOST:PORT/oauth/pleo/callback`).
 */
export function connectionsOptionsFrom(
  env: ConnectionsEnv & VaultOptions["env"] & { HOST: string; PORT: number },
  pleoBaseUrl: string,
  embedded: EmbeddedOAuthDemo | undefined,
): ConnectionsOptions | undefined {
  if (!embedded && env.VAULT_KEYS === undefined) return undefined;
  const host = env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST;
  const redirectUri = `http://${host}:${env.PORT}/oauth/pleo/callback`;
  const embeddedOAuth = embedded
    ? {
        authUrl: embedded.simulatorUrl,
        clientId: embedded.client.clientId,
        clientSecret: embedded.client.clientSecret,
        redirectUri,
        scopes: env.PLEO_OAUTH_SCOPES,
      }
    : undefined;
  const settings = connectionsSettingsFrom(env, {
    pleoBaseUrl,
    ...(embeddedOAuth ? { embeddedOAuth } : {}),
  });
  return {
    settings,
    vault: { env, embedded: embedded !== undefined },
    temporaryVault: embedded !== undefined,
    ...(embedded && settings.oauth === embeddedOAuth
      ? { prepare: async () => embedded.register(redirectUri) }
      : {}),
  };
}
