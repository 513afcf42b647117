import { ErrorCode } from "../errors.ts";
import { type CredentialKind, createCredential, type PleoCredential } from "../pleo/credential.ts";
import { unauthenticated } from "./caller-token.ts";

export const API_KEY_HEADER = "x-pleo-api-key";
export const ACCESS_TOKEN_HEADER = "x-pleo-access-token";

/** Printable token characters only; this also keeps header-injection and whitespace tricks out. */
const SECRET_SHAPE = /^[A-Za-z0-9._~+/=-]{8,4096}$/;

/**
 * Reads the credentials a script sends itself: `X-Pleo-Api-Key` and `X-Pleo-Access-Token`, each a
 * comma-separated list. Nothing here decides which company a credential is for: that is introspection's
 * job. Malformed values fail the request with 401 and a message that never quotes the value.
 */
export function readDirectCredentials(headers: Headers, maxCredentials: number): PleoCredential[] {
  const found = new Map<string, PleoCredential>();
  for (const { header, kind, entries } of credentialHeaders(headers)) {
    entries.forEach((entry, index) => {
      if (!SECRET_SHAPE.test(entry)) {
        throw unauthenticated(
          ErrorCode.CREDENTIAL_HEADER_MALFORMED,
          `${displayName(header)} entry ${index + 1} is not a well-formed ${kind === "apiKey" ? "API key" : "access token"}.`,
        );
      }
      const credential = sentCredential(headers, kind, entry);
      found.set(credential.hash, credential);
    });
  }
  if (found.size > maxCredentials) {
    throw unauthenticated(
      ErrorCode.CREDENTIAL_HEADER_MALFORMED,
      `At most ${maxCredentials} Pleo credentials may be sent in one request.`,
    );
  }
  return [...found.values()];
}

/**
 * The fingerprints of the credentials a request carries, read without judging them (the caller rate
 * limit keys on them before the request is authenticated): whatever their order, spacing or repetition
 * in the headers, the same credentials give the same set.
 */
export function sentCredentialHashes(headers: Headers): string[] {
  const hashes = new Set<string>();
  for (const { kind, entries } of credentialHeaders(headers)) {
    for (const entry of entries) if (entry !== "") hashes.add(sentCredential(headers, kind, entry).hash);
  }
  return [...hashes];
}

/**
 * Each credential a request sent, fingerprinted once: the caller rate limit and then the context
 * read the same headers, and a SHA-256 per credential per reading was a visible share of a request.
 * Held by the request's own headers (which hold the secrets already), so it goes with the request.
 */
const sentByHeaders = new WeakMap<Headers, Map<string, PleoCredential>>();

function sentCredential(headers: Headers, kind: CredentialKind, entry: string): PleoCredential {
  let sent = sentByHeaders.get(headers);
  if (!sent) {
    sent = new Map();
    sentByHeaders.set(headers, sent);
  }
  const key = `${kind}\u0000${entry}`;
  let credential = sent.get(key);
  if (!credential) {
    credential = createCredential(kind, entry);
    sent.set(key, credential);
  }
  return credential;
}

/** The two credential headers that are present, each split into its trimmed comma-separated entries. */
function credentialHeaders(headers: Headers): { header: string; kind: CredentialKind; entries: string[] }[] {
  const present: { header: string; kind: CredentialKind; entries: string[] }[] = [];
  for (const [header, kind] of [
    [API_KEY_HEADER, "apiKey"],
    [ACCESS_TOKEN_HEADER, "accessToken"],
  ] as const) {
    const raw = headers.get(header);
    if (raw !== null) present.push({ header, kind, entries: raw.split(",").map((part) => part.trim()) });
  }
  return present;
}

function displayName(header: string): string {
  return header === API_KEY_HEADER ? "X-Pleo-Api-Key" : "X-Pleo-Access-Token";
}
