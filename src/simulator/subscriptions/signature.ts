import { createHmac, randomBytes } from "node:crypto";

/**
 * Standard Webhooks signing, written here with node:crypto so the simulator depends on nothing the gateway
 * uses to verify (a shared library would make the signature test circular).
 */

const SECRET_PREFIX = "whsec_";

/** A fresh subscription secret: `whsec_` and the base64 of 24 random bytes, as Pleo's example shows. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString("base64")}`;
}

/**
 * The `webhook-signature` header value: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`, keyed with
 * the base64-decoded part of the secret after `whsec_`.
 */
export function webhookSignature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    "base64",
  );
  const mac = createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}
