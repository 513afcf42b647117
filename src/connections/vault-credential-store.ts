import type { CredentialStore } from "../credentials/store.ts";
import { ErrorCode, GatewayError } from "../errors.ts";
import { createCredential, type PleoCredential } from "../pleo/credential.ts";
import type { Logger } from "../support/logger.ts";
import { LruCache } from "../support/lru-cache.ts";
import {
  type ConnectionRecord,
  type Vault,
  VaultRecordUnreadableError,
  VaultUnavailableError,
} from "../vault/index.ts";
import { accessTokenExpired, RecordReads } from "./record-reads.ts";
import { type SubjectKind, type SubjectRef, subjectRef, subjectUrn } from "./subject.ts";
import type { TokenRefresher } from "./token-refresher.ts";

/**
 * The connections in the vault, served as the gateway's stored credentials. An API key is handed out
 * as stored; an OAuth access token is refreshed first when it is close to expiry (TokenRefresher), and
 * calls that need it while this instance refreshes its grant wait for the new pair.
 * A connection that needs reauthorization, or whose record cannot be read, fails with a typed code for
 * that company alone: CompanyAccess turns it into that company's field error, every other company
 * still resolves.
 *
 * Every credential served here can be renewed (`PleoCredential.renew`): when Pleo refuses it, the Pleo
 * client asks for the subject's credential of the moment and resends the call once with it. A refresh
 * kills the old access token at once, so calls holding it (here or on another instance) are refused
 * without the grant being at fault. The renewed credential comes from the same subject's record (a
 * record decrypts only under its own subject), never from another. A refusal of a token believed fresh
 * triggers one refresh first; if Pleo refuses the refreshed token too, it stays refused (the client's
 * quarantine) until it would expire anyway.
 */
export class VaultCredentialStore implements CredentialStore {
  readonly #vault: Vault;
  readonly #reads: RecordReads;
  readonly #refresher: TokenRefresher | undefined;
  readonly #logger: Logger;
  /** Credential fingerprint → the connection it came from (fingerprints only: no secret kept here). */
  readonly #handedOut = new LruCache<{ subject: SubjectRef; afterRejection: boolean }>(10_000);
  /** Refused credential fingerprint → the one refresh its refusal triggers, shared by its callers. */
  readonly #refusals = new Map<string, Promise<void>>();

  constructor(options: { vault: Vault; refresher: TokenRefresher | undefined; logger: Logger }) {
    this.#vault = options.vault;
    this.#reads = new RecordReads(options.vault);
    this.#refresher = options.refresher;
    this.#logger = options.logger;
  }

  companyCredential(companyId: string): Promise<PleoCredential | undefined> {
    return this.#credential(subjectRef("company", companyId));
  }

  organisationCredential(organisationId: string): Promise<PleoCredential | undefined> {
    return this.#credential(subjectRef("organisation", organisationId));
  }

  /** Pleo refused a credential (401): if it is one of ours and was believed fresh, refresh once. */
  onRefused(credential: PleoCredential): Promise<void> {
    let pending = this.#refusals.get(credential.hash);
    if (pending) return pending;
    const origin = this.#handedOut.getSync(credential.hash);
    if (!origin || origin.afterRejection || credential.kind !== "accessToken" || !this.#refresher) {
      return Promise.resolve();
    }
    void this.#handedOut.delete(credential.hash);
    pending = this.#refreshRefused(origin.subject, credential, this.#refresher).finally(() =>
      this.#refusals.delete(credential.hash),
    );
    this.#refusals.set(credential.hash, pending);
    return pending;
  }

  async #refreshRefused(
    subject: SubjectRef,
    refused: PleoCredential,
    refresher: TokenRefresher,
  ): Promise<void> {
    try {
      const record = await this.#vault.get(subject);
      // Already replaced (by this instance or another): the refusal was the rotation's, not the grant's.
      if (record?.secret.kind !== "oauth" || record.secret.accessToken !== refused.secret.reveal()) return;
      const renewed = await refresher.afterRejection(record);
      if (renewed.forRejection) this.#remember(renewed.record, true);
    } catch (error) {
      this.#logger.warn(
        { subject: subjectUrn(subject), err: error instanceof Error ? error.name : "error" },
        "refresh after a refused access token failed",
      );
    }
  }

  /** The subject's credential of the moment, once Pleo refused `refused`; undefined if it is the same. */
  async #renew(subject: SubjectRef, refused: PleoCredential): Promise<PleoCredential | undefined> {
    await this.onRefused(refused);
    const current = await this.#credential(subject);
    return current?.hash === refused.hash ? undefined : current;
  }

  async #credential(subject: SubjectRef): Promise<PleoCredential | undefined> {
    let record = await this.#read(subject);
    if (!record) return undefined;
    if (record.secret.kind === "oauth" && this.#refresher) {
      try {
        record = await this.#refresher.usable(record);
        this.#reads.note(record);
      } catch (error) {
        // Refresh impossible right now (Pleo's auth host or the lock unavailable): the current token
        // is still good until it expires; past that the company is unavailable, not revoked.
        if (accessTokenExpired(record)) throw unavailable(subject, error);
        this.#logger.warn(
          { subject: subjectUrn(subject), err: error instanceof Error ? error.name : "error" },
          "access token refresh failed: using the current token until it expires",
        );
      }
    }
    if (record.status === "REAUTHORIZATION_REQUIRED") throw reauthorizationRequired(subject);
    const renew = (): Promise<PleoCredential | undefined> => this.#renew(subject, credential);
    const credential =
      record.secret.kind === "apiKey"
        ? createCredential("apiKey", record.secret.apiKey, renew)
        : createCredential("accessToken", record.secret.accessToken, renew);
    if (record.secret.kind === "oauth") this.#remember(record, false);
    return credential;
  }

  /** Notes which connection an access token came from, so a refusal of it can be traced back. */
  #remember(record: ConnectionRecord, afterRejection: boolean): void {
    if (record.secret.kind !== "oauth") return;
    const { hash } = createCredential("accessToken", record.secret.accessToken);
    const ttl = Math.max(1_000, Date.parse(record.accessTokenExpiresAt ?? "") - Date.now() || 60_000);
    const previous = this.#handedOut.getSync(hash);
    void this.#handedOut.set(
      hash,
      { subject: record.subject, afterRejection: afterRejection || (previous?.afterRejection ?? false) },
      ttl,
    );
  }

  async #read(subject: SubjectRef): Promise<ConnectionRecord | undefined> {
    try {
      return await this.#reads.get(subject);
    } catch (error) {
      if (error instanceof VaultRecordUnreadableError) {
        this.#logger.error({ subject: subjectUrn(subject), reason: error.reason }, "vault record refused");
        throw new GatewayError(
          ErrorCode.VAULT_RECORD_UNREADABLE,
          `The gateway's stored connection for ${subject.kind} ${subject.id} cannot be read and was not used; reconnect it.`,
          detailsOf(subject),
          { cause: error },
        );
      }
      if (error instanceof VaultUnavailableError) throw unavailable(subject, error);
      throw error;
    }
  }
}

function detailsOf(subject: SubjectRef): { companyId?: string; organisationId?: string } {
  return subject.kind === "company" ? { companyId: subject.id } : { organisationId: subject.id };
}

export function reauthorizationRequired(subject: { kind: SubjectKind; id: string }): GatewayError {
  return new GatewayError(
    ErrorCode.REAUTHORIZATION_REQUIRED,
    `Pleo revoked the gateway's OAuth grant for ${subject.kind} ${subject.id}: someone who manages it must connect it again.`,
    detailsOf(subject),
  );
}

function unavailable(subject: SubjectRef, cause: unknown): GatewayError {
  return new GatewayError(
    ErrorCode.CONNECTION_STORE_UNAVAILABLE,
    `The gateway's connection for ${subject.kind} ${subject.id} cannot be used right now; try again shortly.`,
    detailsOf(subject),
    { cause },
  );
}
