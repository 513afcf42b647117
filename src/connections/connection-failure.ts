/**
 * The typed refusals of connection management, as mutation results (`ConnectionFailure` in the schema).
 * Codes are stable API; messages name subjects and reasons, never a secret or what the caller sent.
 */
export const ConnectionErrorCode = {
  /** No verified caller JWT: only signed-in callers manage connections. */
  NOT_SIGNED_IN: "NOT_SIGNED_IN",
  /** The caller's manage claim does not cover the subject (nothing was stored). */
  MANAGE_DENIED: "MANAGE_DENIED",
  RETURN_TO_NOT_ALLOWED: "RETURN_TO_NOT_ALLOWED",
  OAUTH_NOT_CONFIGURED: "OAUTH_NOT_CONFIGURED",
  /** Pleo refused the credential, or bound it to nothing. */
  CREDENTIAL_REJECTED: "CREDENTIAL_REJECTED",
  ALREADY_CONNECTED: "ALREADY_CONNECTED",
  NOT_CONNECTED: "NOT_CONNECTED",
  /** A replacement key belongs to another company or organisation than the connection it replaces. */
  SUBJECT_MISMATCH: "SUBJECT_MISMATCH",
  /** Only API-key connections take a replacement key; OAuth ones are reconnected. */
  NOT_AN_API_KEY_CONNECTION: "NOT_AN_API_KEY_CONNECTION",
  /** The connection changed while this action ran (another admin, or a refresh): read it again. */
  CONNECTION_CHANGED: "CONNECTION_CHANGED",
  /** The stored record cannot be read (tampered, wrong key): disconnect and connect again. */
  RECORD_UNREADABLE: "RECORD_UNREADABLE",
  /** The vault, the flow store or Pleo could not be reached: nothing changed. */
  UNAVAILABLE: "UNAVAILABLE",
} as const;
export type ConnectionErrorCode = (typeof ConnectionErrorCode)[keyof typeof ConnectionErrorCode];

export class ConnectionFailure extends Error {
  constructor(
    readonly code: ConnectionErrorCode,
    message: string,
    /** The subject's URN when the refusal concerns one. */
    readonly subject: string | null = null,
  ) {
    super(message);
    this.name = "ConnectionFailure";
  }
}
