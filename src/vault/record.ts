import { z } from "zod";
import type { Logger } from "../support/logger.ts";
import { VaultRecordUnreadableError } from "./errors.ts";
import type { Keyring } from "./keyring.ts";

/**
 * The vault's record model (the interface every backend implements) and its stored form.
 *
 * Stored, a record is `{alg, version, kid, iv, ciphertext, tag}`: the WHOLE record body (secret,
 * status, scopes, who connected it, its version) is sealed with AES-256-GCM, the subject (`kind:id`)
 * as additional authenticated data. So nothing readable is stored beyond the version the
 * compare-and-set needs; the sealed copy of that version must equal the outer one, which makes an
 * edited version as detectable as an edited secret; and a record copied into another subject's slot
 * does not open. The subject itself is the slot (file key, Redis hash field), never a stored field.
 */
export type SubjectKind = "company" | "organisation";
export interface SubjectRef {
  readonly kind: SubjectKind;
  /** Lower-case UUID. */
  readonly id: string;
}
export type ConnectionStatus = "ACTIVE" | "REAUTHORIZATION_REQUIRED";
export type ConnectionSecret =
  | { readonly kind: "apiKey"; readonly apiKey: string }
  | { readonly kind: "oauth"; readonly accessToken: string; readonly refreshToken: string };
export interface ConnectionRecord {
  readonly subject: SubjectRef;
  /** Decrypted, in memory only. */
  readonly secret: ConnectionSecret;
  readonly status: ConnectionStatus;
  readonly scopes: readonly string[];
  /** ISO, oauth only. */
  readonly accessTokenExpiresAt?: string;
  /** Random id the gateway gives an OAuth grant (for logs, refresh locks). */
  readonly grantId?: string;
  readonly lastRefreshAt?: string;
  /** Caller identity (JWT sub), never a secret. */
  readonly connectedBy: string;
  readonly connectedAt: string;
  /** Incremented on every put; compare-and-set. */
  readonly version: number;
}
export interface Vault {
  get(subject: SubjectRef): Promise<ConnectionRecord | undefined>;
  /** Every readable record; one that cannot be read is left out (and logged by subject), never used. */
  list(): Promise<readonly ConnectionRecord[]>;
  /**
   * CAS: expectedVersion null = must not exist yet; else must equal the stored version. Returns the
   * stored record (version+1). Throws VaultConflictError on mismatch.
   */
  put(record: Omit<ConnectionRecord, "version">, expectedVersion: number | null): Promise<ConnectionRecord>;
  delete(subject: SubjectRef): Promise<boolean>;
}

const SUBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLOT = /^(company|organisation):([0-9a-f-]{36})$/;

/** The subject's slot name and additional authenticated data: `company:<uuid>`. */
export function subjectKey(subject: SubjectRef): string {
  if ((subject.kind !== "company" && subject.kind !== "organisation") || !SUBJECT_ID.test(subject.id))
    throw new TypeError("a vault subject is company|organisation and a lower-case UUID");
  return `${subject.kind}:${subject.id}`;
}

/** The subject a slot names, or undefined for anything that is not a slot. */
function subjectOfKey(key: string): SubjectRef | undefined {
  const match = SLOT.exec(key);
  if (!match?.[1] || !match[2] || !SUBJECT_ID.test(match[2])) return undefined;
  return { kind: match[1] as SubjectKind, id: match[2] };
}

const isoTime = z.iso.datetime({ offset: true });
/** The sealed body: everything of a record but its subject (the slot). */
const sealedBody = z
  .object({
    version: z.number().int().positive(),
    secret: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("apiKey"), apiKey: z.string().min(1) }),
      z.object({ kind: z.literal("oauth"), accessToken: z.string().min(1), refreshToken: z.string().min(1) }),
    ]),
    status: z.enum(["ACTIVE", "REAUTHORIZATION_REQUIRED"]),
    scopes: z.array(z.string().min(1)),
    accessTokenExpiresAt: isoTime.optional(),
    grantId: z.string().min(1).max(200).optional(),
    lastRefreshAt: isoTime.optional(),
    connectedBy: z.string().min(1).max(500),
    connectedAt: isoTime,
  })
  .refine((body) => body.secret.kind === "oauth" || body.accessTokenExpiresAt === undefined, {
    path: ["accessTokenExpiresAt"],
    message: "only an oauth secret has an access-token expiry",
  });
type SealedBody = z.infer<typeof sealedBody>;

const base64 = z.string().min(1);
/** The stored form (file value, Redis hash value): ciphertext and what is needed to open it. */
const storedRecord = z.object({
  alg: z.literal("A256GCM"),
  version: z.number().int().positive(),
  kid: z.string().min(1),
  iv: base64,
  ciphertext: base64,
  tag: base64,
});
type StoredRecord = z.infer<typeof storedRecord>;

/**
 * Validates and seals a record at `version`. An invalid record is a programming error: the TypeError
 * names the fields at fault, never their values.
 */
export function sealRecord(
  keyring: Keyring,
  record: Omit<ConnectionRecord, "version">,
  version: number,
): { stored: StoredRecord; record: ConnectionRecord } {
  const key = subjectKey(record.subject);
  const parsed = sealedBody.safeParse({ ...record, subject: undefined, version });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(record)"))];
    throw new TypeError(`vault record for ${key} is invalid at: ${fields.join(", ")}`);
  }
  const envelope = keyring.seal(Buffer.from(JSON.stringify(parsed.data), "utf8"), key);
  return {
    stored: { alg: "A256GCM", version, ...envelope },
    record: toRecord(record.subject, parsed.data),
  };
}

/** Opens a stored value found in `subject`'s slot; throws VaultRecordUnreadableError. */
export function openRecord(keyring: Keyring, subject: SubjectRef, stored: unknown): ConnectionRecord {
  const key = subjectKey(subject);
  const envelope = storedRecord.safeParse(stored);
  if (!envelope.success) throw new VaultRecordUnreadableError(key, "malformed");
  const opened = keyring.open(envelope.data, key);
  if (!opened.ok) throw new VaultRecordUnreadableError(key, opened.reason);
  let body: unknown;
  try {
    body = JSON.parse(opened.plaintext.toString("utf8"));
  } catch {
    throw new VaultRecordUnreadableError(key, "malformed");
  }
  const parsed = sealedBody.safeParse(body);
  if (!parsed.success) throw new VaultRecordUnreadableError(key, "malformed");
  if (parsed.data.version !== envelope.data.version)
    throw new VaultRecordUnreadableError(key, "version-mismatch");
  return toRecord({ kind: subject.kind, id: subject.id }, parsed.data);
}

/**
 * Both backends' `list`: opens every stored value whose slot names a subject; the ones that do not
 * open are logged by subject and reason and left out, so one bad record cannot hide the others.
 */
export function openReadable(
  keyring: Keyring,
  logger: Logger,
  entries: Iterable<readonly [string, unknown]>,
): ConnectionRecord[] {
  const records: ConnectionRecord[] = [];
  for (const [key, stored] of entries) {
    const subject = subjectOfKey(key);
    try {
      if (!subject) throw new VaultRecordUnreadableError(key.slice(0, 80), "malformed");
      records.push(openRecord(keyring, subject, stored));
    } catch (error) {
      if (!(error instanceof VaultRecordUnreadableError)) throw error;
      logger.warn({ subject: error.subject, reason: error.reason }, "vault record left out: cannot be read");
    }
  }
  return records;
}

/** The version a stored value claims, for the compare-and-set (undefined: not a stored record). */
export function storedVersion(stored: unknown): number | undefined {
  const parsed = storedRecord.safeParse(stored);
  return parsed.success ? parsed.data.version : undefined;
}

function toRecord(subject: SubjectRef, body: SealedBody): ConnectionRecord {
  const { version, ...rest } = body;
  return { subject: { kind: subject.kind, id: subject.id }, ...rest, version };
}
