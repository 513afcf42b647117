import type { Logger } from "../support/logger.ts";

/** What was done to a connection (or tried). */
export type AuditAction =
  | "oauth.start"
  | "oauth.callback"
  | "apiKey.connect"
  | "apiKey.replace"
  | "connection.disconnect";

export interface AuditEntry {
  /** The caller's JWT `sub`, or "anonymous". */
  readonly actor: string;
  readonly action: AuditAction;
  /** The subject's URN, when known. */
  readonly subject: string | null;
  /** `ok`, or the refusal's code / the callback's outcome. */
  readonly outcome: string;
}

/**
 * One log line per management action, success or refusal: who, what, on which company or
 * organisation, with what result. Entries are built from these fields only, so no secret can ride along.
 */
export class AuditLog {
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger.child({ log: "audit" });
  }

  record(entry: AuditEntry): void {
    const { actor, action, subject, outcome } = entry;
    this.#logger.info({ audit: { actor, action, subject, outcome } }, "connection management");
  }
}
