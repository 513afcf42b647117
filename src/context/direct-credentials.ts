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
  const read = (header: string, kind: CredentialKind) => {
    const raw = headers.get(header);
    if (raw === null) return;
    const parts = raw.split(",").map((part) => part.trim());
    parts.forEach((part, index) => {
      if (!SECRET_SHAPE.test(part)) {
        throw unauthenticated(
          ErrorCode.CREDENTIAL_HEADER_MALFORMED,
          `${displayName(header)} entry ${index + 1} is not a well-formed ${kind === "apiKey" ? "API key" : "access token"}.`,
        );
      }
      const credential = createCredential(kind, part);
      found.set(credential.hash, credential);
    });
  };
  read(API_KEY_HEADER, "apiKey");
  read(ACCESS_TOKEN_HEADER, "accessToken");
  if (found.size > maxCredentials) {
    throw unauthenticated(
      ErrorCode.CREDENTIAL_HEADER_MALFORMED,
      `At most ${maxCredentials} Pleo credentials may be sent in one request.`,
    );
  }
  return [...found.values()];
}

function displayName(header: string): string {
  return header === API_KEY_HEADER ? "X-Pleo-Api-Key" : "X-Pleo-Access-Token";
}
