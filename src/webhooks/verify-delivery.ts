import { Webhook } from "standardwebhooks";
import type { StoredSubscription } from "./secret-store.ts";

/**
 * Standard Webhooks verification of one delivery against the secrets of the subscriptions it may come
 * from, with the maintained `standardwebhooks` library: HMAC-SHA256 over `id.timestamp.rawBody`, every
 * `v1,<base64>` in the (space-separated) signature header tried, so a delivery signed during a secret
 * rotation passes; compared in constant time. The timestamp is checked here first against the
 * configured tolerance (the library's own bound, 5 minutes, still applies), so a stale delivery is told
 * apart from a forged one.
 */
export interface DeliveryHeaders {
  readonly id: string;
  readonly timestamp: string;
  readonly signature: string;
}

export type Verification =
  | { readonly ok: true; readonly subscription: StoredSubscription }
  | { readonly ok: false; readonly outcome: "malformed" | "stale" | "invalid_signature" };

const TIMESTAMP = /^\d{1,12}$/;

export function verifyDelivery(
  body: Uint8Array,
  headers: DeliveryHeaders,
  candidates: readonly StoredSubscription[],
  toleranceSeconds: number,
  nowMs: number = Date.now(),
): Verification {
  if (!TIMESTAMP.test(headers.timestamp)) return { ok: false, outcome: "malformed" };
  if (Math.abs(Math.floor(nowMs / 1000) - Number(headers.timestamp)) > toleranceSeconds)
    return { ok: false, outcome: "stale" };
  const signed = {
    "webhook-id": headers.id,
    "webhook-timestamp": headers.timestamp,
    "webhook-signature": headers.signature,
  };
  for (const subscription of candidates) {
    if (signedWith(subscription.secret, body, signed)) return { ok: true, subscription };
  }
  return { ok: false, outcome: "invalid_signature" };
}

function signedWith(secret: string, body: Uint8Array, headers: Record<string, string>): boolean {
  try {
    new Webhook(secret).verify(body, headers, { jsonParse: false });
    return true;
  } catch {
    // Whatever the library refuses (no matching signature, a secret it cannot decode) is no match.
    return false;
  }
}
