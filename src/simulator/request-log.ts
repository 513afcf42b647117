/**
 * What the simulator saw, for tests to assert on: who called (never the secret itself), which company the
 * request addressed, and how it was answered. `/__sim/*` requests are not recorded.
 */
export interface SimRequestLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, string[]>;
  /** Seed label of the credential, or null when the secret is unknown or absent. */
  credentialLabel: string | null;
  /** First 16 hex characters of the SHA-256 of the presented secret; null when none could be read. */
  credentialFingerprint: string | null;
  credentialSubject: { type: "company" | "organisation"; id: string } | null;
  /** The company the request addressed (query, body or the owner of the object in the path). */
  targetCompanyId: string | null;
  status: number;
  durationMs: number;
}

export class RequestLog {
  private entries: SimRequestLogEntry[] = [];
  private nextSeq = 1;

  record(entry: Omit<SimRequestLogEntry, "seq">): SimRequestLogEntry {
    const recorded = { seq: this.nextSeq++, ...entry };
    this.entries.push(recorded);
    return recorded;
  }

  /** A copy, so callers cannot rewrite history. */
  list(): SimRequestLogEntry[] {
    return this.entries.map((entry) => structuredClone(entry));
  }

  clear(): void {
    this.entries = [];
    this.nextSeq = 1;
  }
}
