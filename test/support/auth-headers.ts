import { CREDENTIALS } from "../../src/simulator/seed/identities.ts";

/**
 * The headers a caller sends, built one way for the whole suite: Pleo's upstream schemes (an API key as
 * `Basic base64("<key>:")`, an access token as `Bearer`) and the gateway's script header.
 */

/** `Authorization` value for a Pleo API key. */
export function basic(secret: string): string {
  return `Basic ${Buffer.from(`${secret}:`).toString("base64")}`;
}

/** `Authorization` value for an OAuth access token (or a caller JWT). */
export function bearer(token: string): string {
  return `Bearer ${token}`;
}

/** The script header carrying one or more Pleo API keys: `X-Pleo-Api-Key: <key>[, <key>…]`. */
export function apiKeys(...credentials: readonly { readonly secret: string }[]): Record<string, string> {
  return { "x-pleo-api-key": credentials.map((c) => c.secret).join(", ") };
}

/** The script headers of the two seeded company keys most tests act with. */
export const NL_KEY = apiKeys(CREDENTIALS.nl);
export const DE_KEY = apiKeys(CREDENTIALS.de);
