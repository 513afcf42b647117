import { z } from "zod";
import type { Keyring } from "../vault/keyring.ts";

/**
 * What the gateway keeps of each Pleo webhook subscription it created: the `whsec_…` secret that signs
 * its deliveries, sealed with the vault's AES-256-GCM envelope (src/vault/keyring.ts) under
 * `webhook-subscription:<companyId>:<subscriptionId>` as additional authenticated data, so a sealed
 * secret copied to another company's or subscription's slot does not open. The secret is decrypted
 * only to verify a delivery; no field, error or log line carries it.
 */
export interface StoredSubscription {
  readonly companyId: string;
  readonly subscriptionId: string;
  /** Decrypted, in memory only. */
  readonly secret: string;
}

export interface WebhookSecretStore {
  /** The company's readable subscriptions (an unreadable one is left out and logged by id). */
  forCompany(companyId: string): Promise<readonly StoredSubscription[]>;
  put(subscription: StoredSubscription): Promise<void>;
  /** True when there was something to delete. */
  delete(companyId: string, subscriptionId: string): Promise<boolean>;
}

/** The store's backend could not be reached; nothing was read or written. */
export class WebhookSecretStoreUnavailableError extends Error {
  readonly code = "WEBHOOK_SECRET_STORE_UNAVAILABLE";

  constructor(operation: string) {
    super(`webhook secret store unavailable: ${operation} did not reach its storage`);
    this.name = "WebhookSecretStoreUnavailableError";
  }
}

const envelope = z.object({
  kid: z.string(),
  iv: z.string(),
  ciphertext: z.string(),
  tag: z.string(),
});
type Envelope = z.infer<typeof envelope>;
const sealedBody = z.object({ secret: z.string().startsWith("whsec_") });

function aad(companyId: string, subscriptionId: string): string {
  return `webhook-subscription:${companyId}:${subscriptionId}`;
}

export function sealSubscription(keyring: Keyring, subscription: StoredSubscription): Envelope {
  const body = Buffer.from(JSON.stringify({ secret: subscription.secret }), "utf8");
  return keyring.seal(body, aad(subscription.companyId, subscription.subscriptionId));
}

/** The stored subscription, or undefined when the stored value is malformed or does not open here. */
export function openSubscription(
  keyring: Keyring,
  companyId: string,
  subscriptionId: string,
  stored: unknown,
): StoredSubscription | undefined {
  const parsed = envelope.safeParse(stored);
  if (!parsed.success) return undefined;
  const opened = keyring.open(parsed.data, aad(companyId, subscriptionId));
  if (!opened.ok) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(opened.plaintext.toString("utf8"));
  } catch {
    return undefined;
  }
  const secret = sealedBody.safeParse(body);
  return secret.success ? { companyId, subscriptionId, secret: secret.data.secret } : undefined;
}
