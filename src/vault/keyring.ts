import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from "node:crypto";
import { VaultConfigError } from "./errors.ts";

/**
 * The vault's keys and its AES-256-GCM envelope. `VAULT_KEYS` is `<kid>:<base64 of 32 bytes>[,…]`: the
 * FIRST key seals every write, every listed key opens, so a rotation is "prepend the new key, re-put,
 * later drop the old one". Keys are held as KeyObjects, which print as `SecretKeyObject {}`: a key
 * that reaches a log line by mistake still shows nothing.
 *
 * Each seal draws a fresh random 96-bit nonce; with one key sealing far fewer than 2^32 records over
 * its life (one per connection change), a nonce collision is not a practical concern.
 */
const KID = /^[A-Za-z0-9._-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value as stored: key id, nonce, ciphertext and tag (binary parts in base64). */
interface Envelope {
  readonly kid: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

type OpenOutcome =
  | { readonly ok: true; readonly plaintext: Buffer }
  | { readonly ok: false; readonly reason: "unknown-key" | "authentication-failed" };

/** What is wrong with a `VAULT_KEYS` value, entry by entry (never quoting key material). */
export function keyringProblems(raw: string): string[] {
  return parseEntries(raw).problems;
}

export class Keyring {
  readonly #keys: ReadonlyMap<string, KeyObject>;
  /** The key id every new seal uses. */
  readonly currentKid: string;

  private constructor(keys: ReadonlyMap<string, KeyObject>, currentKid: string) {
    this.#keys = keys;
    this.currentKid = currentKid;
  }

  /** Parses `VAULT_KEYS`; throws VaultConfigError listing every problem. */
  static parse(raw: string): Keyring {
    const { keys, problems } = parseEntries(raw);
    const [first] = keys.keys();
    if (problems.length > 0 || first === undefined)
      throw new VaultConfigError(problems.map((p) => `VAULT_KEYS: ${p}`));
    return new Keyring(keys, first);
  }

  /** Every key id this keyring can open, current first (for a start-up log line; ids are not secret). */
  get kids(): readonly string[] {
    return [...this.#keys.keys()];
  }

  /** Seals under the current key; `aad` is authenticated, not encrypted. */
  seal(plaintext: Buffer, aad: string): Envelope {
    const key = this.#keys.get(this.currentKid);
    if (!key) throw new Error("keyring has no current key");
    const iv = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, "utf8"));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      kid: this.currentKid,
      iv: iv.toString("base64"),
      ciphertext: ciphertext.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
    };
  }

  /** Opens an envelope sealed with `aad`; any mismatch (key, nonce, tag, data, aad) is a refusal. */
  open(envelope: Envelope, aad: string): OpenOutcome {
    const key = this.#keys.get(envelope.kid);
    if (!key) return { ok: false, reason: "unknown-key" };
    const iv = strictBase64(envelope.iv);
    const tag = strictBase64(envelope.tag);
    const ciphertext = strictBase64(envelope.ciphertext);
    // Node accepts truncated tags unless told the length; a short tag must never pass.
    if (iv?.length !== NONCE_BYTES || tag?.length !== TAG_BYTES || !ciphertext)
      return { ok: false, reason: "authentication-failed" };
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, "utf8"));
      decipher.setAuthTag(tag);
      return { ok: true, plaintext: Buffer.concat([decipher.update(ciphertext), decipher.final()]) };
    } catch {
      return { ok: false, reason: "authentication-failed" };
    }
  }
}

/** One `VAULT_KEYS` entry for a new random key. */
export function generateKeyEntry(kid: string): string {
  return `${kid}:${randomBytes(KEY_BYTES).toString("base64")}`;
}

function parseEntries(raw: string): { keys: Map<string, KeyObject>; problems: string[] } {
  const keys = new Map<string, KeyObject>();
  const seen = new Set<string>();
  const problems: string[] = [];
  const entries = raw
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) problems.push("must list at least one <kid>:<base64 of 32 bytes>");
  entries.forEach((entry, index) => {
    const at = `entry ${index + 1}`;
    const colon = entry.indexOf(":");
    const kid = colon < 0 ? "" : entry.slice(0, colon);
    const material = colon < 0 ? undefined : strictBase64(entry.slice(colon + 1));
    const kidProblem = !KID.test(kid)
      ? `${at}: the key id must be 1-32 letters, digits, '.', '_' or '-'`
      : seen.has(kid)
        ? `${at}: the key id ${kid} is listed twice`
        : undefined;
    seen.add(kid);
    if (kidProblem) problems.push(kidProblem);
    if (material?.length !== KEY_BYTES) problems.push(`${at}: the key must be base64 of exactly 32 bytes`);
    else if (!kidProblem) keys.set(kid, createSecretKey(material));
  });
  return { keys, problems };
}

/** Decodes canonical base64 only (Node's decoder skips junk, which would hide a mangled value). */
function strictBase64(value: string): Buffer | undefined {
  if (!BASE64.test(value) || value.length % 4 !== 0) return undefined;
  return Buffer.from(value, "base64");
}
