import type { ConnectionRecord } from "../vault/index.ts";
import type { SubjectRef } from "./subject.ts";
import type { SubjectFacts } from "./subject-directory.ts";

/** A connection as callers see it: everything about it except the secret, which it cannot carry. */
export interface ConnectionView {
  readonly subject: SubjectRef;
  readonly facts: SubjectFacts;
  readonly kind: "API_KEY" | "OAUTH";
  readonly status: ConnectionRecord["status"];
  readonly scopes: readonly string[];
  readonly accessTokenExpiresAt: string | null;
  readonly lastRefreshAt: string | null;
  readonly connectedBy: string;
  readonly connectedAt: string;
}

export function viewOf(record: ConnectionRecord, facts: SubjectFacts): ConnectionView {
  return {
    subject: record.subject,
    facts,
    kind: record.secret.kind === "apiKey" ? "API_KEY" : "OAUTH",
    status: record.status,
    scopes: [...record.scopes].sort(),
    accessTokenExpiresAt: record.accessTokenExpiresAt ?? null,
    lastRefreshAt: record.lastRefreshAt ?? null,
    connectedBy: record.connectedBy,
    connectedAt: record.connectedAt,
  };
}
