import { z } from "zod";
import { optionalString } from "../support/env-values.ts";

/**
 * Settings of Pleo webhooks in (docs/webhooks.md), merged into the gateway's schema (src/config.ts) with
 * one `...webhooksEnvSchema.shape` line. Webhook secrets are sealed with the vault's keys (VAULT_KEYS),
 * so outside the embedded demo webhooks need them, as company connections do.
 */

/** The `standardwebhooks` library refuses timestamps older or newer than 5 minutes whatever is set here. */
const LIBRARY_TOLERANCE_S = 300;

export const webhooksEnvSchema = z.object({
  /** The gateway's public base URL (`https://gateway.example.com`): Pleo delivers to `<it>/webhooks/pleo/<companyId>`. */
  PUBLIC_BASE_URL: optionalString.pipe(z.url().optional()),
  /** How far a delivery's `webhook-timestamp` may be from now, either way. */
  WEBHOOK_TOLERANCE_S: z.coerce.number().int().min(1).max(LIBRARY_TOLERANCE_S).default(LIBRARY_TOLERANCE_S),
  /** Where one instance keeps the sealed subscription secrets (a fleet keeps them in Redis). */
  WEBHOOK_SECRETS_FILE: z.string().trim().min(1).default(".data/webhook-secrets.json"),
});

type WebhooksEnv = z.infer<typeof webhooksEnvSchema>;

/** Rules between variables (reported with every other configuration problem). */
export function webhooksConfigProblems(env: Record<string, string | undefined>): string[] {
  const set = (name: string) => (env[name] ?? "").trim() !== "";
  const problems: string[] = [];
  if (set("PUBLIC_BASE_URL") && set("PLEO_API_URL") && !set("VAULT_KEYS"))
    problems.push("PUBLIC_BASE_URL: webhook secrets are sealed with the vault's keys: set VAULT_KEYS");
  if (
    env.GATEWAY_ENV === "production" &&
    set("PUBLIC_BASE_URL") &&
    !(env.PUBLIC_BASE_URL ?? "").trim().startsWith("https://")
  )
    problems.push("PUBLIC_BASE_URL: must be an https:// URL in production");
  return problems;
}

/** How the subscription secrets are kept and sealed. */
export interface WebhookSecretsOptions {
  /** VAULT_KEYS; unset only in the embedded demo. */
  readonly vaultKeys: string | undefined;
  /** VAULT_FILE: in an embedded fleet without VAULT_KEYS, the demo key beside it is shared by the instances. */
  readonly vaultFile: string;
  readonly file: string;
  /**
   * Embedded mode: the secrets live in a temporary directory of this process (the embedded simulator
   * forgets its subscriptions when it stops, so secrets kept across restarts could never be used again).
   */
  readonly temporary: boolean;
}

export interface WebhooksOptions {
  /** Absent: subscribing is refused (WEBHOOKS_NOT_CONFIGURED); deliveries are still received. */
  readonly publicBaseUrl: string | undefined;
  readonly toleranceSeconds: number;
  readonly secrets: WebhookSecretsOptions;
}

/**
 * Webhooks from configuration: on with VAULT_KEYS or in the embedded demo, where the gateway's own
 * loopback address stands in for an unset PUBLIC_BASE_URL (the simulator delivers to loopback only).
 */
export function webhooksOptionsFrom(
  env: WebhooksEnv & {
    HOST: string;
    PORT: number;
    VAULT_KEYS: string | undefined;
    VAULT_FILE: string;
  },
  embedded: boolean,
): WebhooksOptions | undefined {
  if (!embedded && env.VAULT_KEYS === undefined) return undefined;
  const host = env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST;
  const base = env.PUBLIC_BASE_URL ?? (embedded ? `http://${host}:${env.PORT}` : undefined);
  return {
    publicBaseUrl: base?.replace(/\/+$/, ""),
    toleranceSeconds: env.WEBHOOK_TOLERANCE_S,
    secrets: {
      vaultKeys: env.VAULT_KEYS,
      vaultFile: env.VAULT_FILE,
      file: env.WEBHOOK_SECRETS_FILE,
      temporary: embedded,
    },
  };
}
