import { createHash, randomUUID } from "node:crypto";
import { isoAt } from "../clock.ts";
import { type GrantSubject, subjectUrn } from "./grants.ts";

/**
 * Installations: one per client (application) and subject. Pleo creates one when an OAuth flow finishes
 * (status AUTHORIZED); API-key integrations create their own. The wire shape is the installations spec's
 * `InstallationResponse`, returned bare (no `data` wrapper).
 */
export const INSTALLATION_STATUSES = [
  "AUTHORIZED",
  "ACTIVATED",
  "INACTIVE",
  "PENDING_INTEGRATION",
  "ERROR",
] as const;
type InstallationStatus = (typeof INSTALLATION_STATUSES)[number];
export const INSTALLATION_ERROR_CODES = ["NOT_ENTITLED", "AUTH_ERROR"] as const;
type InstallationErrorCode = (typeof INSTALLATION_ERROR_CODES)[number];

export interface InstallationModel {
  readonly id: string;
  readonly applicationId: string;
  readonly resource: string;
  readonly status: InstallationStatus;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly errorCode?: InstallationErrorCode;
}

interface InstallationChange {
  readonly status?: InstallationStatus;
  readonly errorCode?: InstallationErrorCode;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export class Installations {
  readonly #byKey = new Map<string, InstallationModel>();

  constructor(private readonly now: () => number) {}

  get(clientId: string, subject: GrantSubject): InstallationModel | undefined {
    return this.#byKey.get(key(clientId, subject));
  }

  /** After a finished OAuth flow: created as AUTHORIZED, or back to AUTHORIZED unless already activated. */
  authorize(clientId: string, subject: GrantSubject): InstallationModel {
    const existing = this.get(clientId, subject);
    if (existing?.status === "ACTIVATED") return existing;
    return existing
      ? this.#store(clientId, subject, { ...existing, status: "AUTHORIZED", errorCode: undefined })
      : this.create(clientId, subject, { status: "AUTHORIZED" });
  }

  /** Creates or replaces the installation (`POST /v1/installations/me`). */
  create(clientId: string, subject: GrantSubject, change: InstallationChange): InstallationModel {
    const at = isoAt(this.now());
    return this.#store(clientId, subject, {
      id: randomUUID(),
      applicationId: applicationIdOf(clientId),
      resource: subjectUrn(subject),
      status: change.status ?? "PENDING_INTEGRATION",
      metadata: { ...change.metadata },
      createdAt: at,
      updatedAt: at,
      ...(change.errorCode === undefined ? {} : { errorCode: change.errorCode }),
    });
  }

  /** Undefined when there is no installation to change. */
  update(clientId: string, subject: GrantSubject, change: InstallationChange): InstallationModel | undefined {
    const existing = this.get(clientId, subject);
    if (!existing) return undefined;
    const status = change.status ?? existing.status;
    // An error code explains an inactive installation; it goes when the status moves on.
    const errorCode = change.errorCode ?? (status === existing.status ? existing.errorCode : undefined);
    return this.#store(clientId, subject, {
      ...existing,
      status,
      errorCode,
      metadata: change.metadata === undefined ? existing.metadata : { ...change.metadata },
    });
  }

  remove(clientId: string, subject: GrantSubject): boolean {
    return this.#byKey.delete(key(clientId, subject));
  }

  clear(): void {
    this.#byKey.clear();
  }

  #store(
    clientId: string,
    subject: GrantSubject,
    model: Omit<InstallationModel, "errorCode"> & { errorCode?: InstallationErrorCode | undefined },
  ): InstallationModel {
    const { errorCode, ...rest } = model;
    const stored: InstallationModel = {
      ...rest,
      updatedAt: isoAt(this.now()),
      ...(errorCode === undefined ? {} : { errorCode }),
    };
    this.#byKey.set(key(clientId, subject), stored);
    return stored;
  }
}

function key(clientId: string, subject: GrantSubject): string {
  return `${clientId}\u0000${subjectUrn(subject)}`;
}

/** Pleo's application ids are UUIDs; derived from the client id so they are stable across restarts. */
function applicationIdOf(clientId: string): string {
  const hex = createHash("sha256").update(`application:${clientId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
