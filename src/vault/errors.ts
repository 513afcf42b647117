/**
 * The vault's errors. Each has a stable `code`; messages name the subject (`company:<uuid>`, never a
 * secret) and the reason, never a stored value or a key.
 */

/** `put`'s compare-and-set lost: the stored version is not the one the caller read. */
export class VaultConflictError extends Error {
  readonly code = "VAULT_CONFLICT";

  constructor(
    readonly subject: string,
    readonly expectedVersion: number | null,
  ) {
    super(
      expectedVersion === null
        ? `vault record for ${subject} already exists`
        : `vault record for ${subject} is no longer at version ${expectedVersion}`,
    );
    this.name = "VaultConflictError";
  }
}

/**
 * Why a stored record was refused. `authentication-failed` covers a tampered ciphertext, tag or nonce,
 * a key that is not the one it was sealed with, and a record moved to another subject's slot: AES-GCM
 * cannot tell them apart, and none of them may be used.
 */
type UnreadableReason = "malformed" | "unknown-key" | "authentication-failed" | "version-mismatch";

/** A record that cannot be trusted: it is never used and never partially read. */
export class VaultRecordUnreadableError extends Error {
  readonly code = "VAULT_RECORD_UNREADABLE";

  constructor(
    readonly subject: string,
    readonly reason: UnreadableReason,
  ) {
    super(`vault record for ${subject} cannot be read (${reason})`);
    this.name = "VaultRecordUnreadableError";
  }
}

/** The backend could not be reached (Redis down or too slow); nothing was read or written. */
export class VaultUnavailableError extends Error {
  readonly code = "VAULT_UNAVAILABLE";

  constructor(operation: string) {
    super(`vault unavailable: ${operation} did not reach its storage`);
    this.name = "VaultUnavailableError";
  }
}

/** The vault cannot start as configured (keys, backend, file); lists every problem, never a value. */
export class VaultConfigError extends Error {
  readonly code = "VAULT_CONFIG_INVALID";

  constructor(readonly problems: readonly string[]) {
    super(`Invalid vault configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "VaultConfigError";
  }
}
