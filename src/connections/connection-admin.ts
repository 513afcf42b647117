import { z } from "zod";
import type { CredentialStore } from "../credentials/store.ts";
import { ErrorCode, GatewayError } from "../errors.ts";
import { introspect } from "../pleo/apis/introspection.ts";
import type { PleoClient } from "../pleo/client.ts";
import { createCredential, type PleoCredential } from "../pleo/credential.ts";
import { parseSubjectUrn } from "../pleo/models/introspection.ts";
import type { ConnectionRecord, Vault } from "../vault/index.ts";
import type { AuditAction, AuditLog } from "./audit-log.ts";
import { ConnectionErrorCode, ConnectionFailure } from "./connection-failure.ts";
import { type ConnectionView, viewOf } from "./connection-view.ts";
import type { ConnectionWriter } from "./connection-writer.ts";
import { type ManageRights, mayManage } from "./manage-rights.ts";
import { type SubjectRef, sameSubject, subjectRef, subjectUrn } from "./subject.ts";
import type { SubjectDirectory, SubjectFacts } from "./subject-directory.ts";

/**
 * Connect an API key, replace one, disconnect, and list: each checks the caller's manage rights against
 * the subject Pleo names (introspection for a key, the vault record otherwise), writes one audit line,
 * and refuses with a typed ConnectionFailure.
 */
export class ConnectionAdmin {
  readonly #vault: Vault;
  readonly #writer: ConnectionWriter;
  readonly #pleo: PleoClient;
  readonly #directory: SubjectDirectory;
  /** The vault's connections as credentials (refreshed when due), to remove an OAuth installation. */
  readonly #store: CredentialStore;
  readonly #audit: AuditLog;

  constructor(options: {
    vault: Vault;
    writer: ConnectionWriter;
    pleo: PleoClient;
    directory: SubjectDirectory;
    store: CredentialStore;
    audit: AuditLog;
  }) {
    this.#vault = options.vault;
    this.#writer = options.writer;
    this.#pleo = options.pleo;
    this.#directory = options.directory;
    this.#store = options.store;
    this.#audit = options.audit;
  }

  async connectApiKey(rights: ManageRights, apiKey: string): Promise<ConnectionView> {
    return this.#audited(rights, "apiKey.connect", async (note) => {
      const { credential, subject, scopes } = await this.#bind(apiKey);
      note(subject);
      const facts = await this.#authorise(rights, subject, credential);
      if (await this.#writer.read(subject))
        throw new ConnectionFailure(
          ConnectionErrorCode.ALREADY_CONNECTED,
          `${subjectUrn(subject)} is connected already: replace its key or disconnect it first.`,
          subjectUrn(subject),
        );
      return viewOf(await this.#writer.storeApiKey(rights.actor, subject, apiKey, scopes, undefined), facts);
    });
  }

  async replaceApiKey(rights: ManageRights, target: SubjectRef, apiKey: string): Promise<ConnectionView> {
    return this.#audited(rights, "apiKey.replace", async (note) => {
      note(target);
      const existing = await this.#writer.read(target);
      if (!existing) throw notConnected(target);
      const { credential, subject, scopes } = await this.#bind(apiKey);
      if (!sameSubject(subject, target))
        throw new ConnectionFailure(
          ConnectionErrorCode.SUBJECT_MISMATCH,
          `Pleo binds the new key to ${subjectUrn(subject)}, not ${subjectUrn(target)}; nothing was replaced.`,
          subjectUrn(target),
        );
      const facts = await this.#authorise(rights, subject, credential);
      if (existing.secret.kind !== "apiKey")
        throw new ConnectionFailure(
          ConnectionErrorCode.NOT_AN_API_KEY_CONNECTION,
          `${subjectUrn(target)} is connected through OAuth: connect it again instead.`,
          subjectUrn(target),
        );
      return viewOf(await this.#writer.storeApiKey(rights.actor, subject, apiKey, scopes, existing), facts);
    });
  }

  /** Forgets the secret; for OAuth, first removes Pleo's installation with the connection's own token. */
  async disconnect(
    rights: ManageRights,
    subject: SubjectRef,
  ): Promise<{ subject: SubjectRef; installationRemoved: boolean }> {
    return this.#audited(rights, "connection.disconnect", async (note) => {
      note(subject);
      const existing = await this.#writer.read(subject);
      if (!existing) throw notConnected(subject);
      await this.#authorise(rights, subject, usableCredential(existing));
      const installationRemoved =
        existing.secret.kind === "oauth" &&
        existing.status === "ACTIVE" &&
        (await this.#removeInstallation(subject));
      await this.#writer.remove(subject);
      return { subject, installationRemoved };
    });
  }

  /** Every connection the caller may manage (subjects learnt from Pleo where not yet known). */
  async list(rights: ManageRights): Promise<ConnectionView[]> {
    const records = await this.#vault.list();
    const views = await Promise.all(
      records.map(async (record) => {
        const facts = await this.#facts(record.subject, usableCredential(record));
        return mayManage(rights, record.subject, facts.organisationId ?? undefined)
          ? viewOf(record, facts)
          : null;
      }),
    );
    return views
      .filter((v): v is ConnectionView => v !== null)
      .sort((a, b) => subjectUrn(a.subject).localeCompare(subjectUrn(b.subject)));
  }

  async #bind(
    apiKey: string,
  ): Promise<{ credential: PleoCredential; subject: SubjectRef; scopes: string[] }> {
    const credential = createCredential("apiKey", apiKey);
    let answer: Awaited<ReturnType<typeof introspect>>;
    try {
      answer = await introspect(this.#pleo, credential);
    } catch (error) {
      if (error instanceof GatewayError && error.code === ErrorCode.CREDENTIAL_REJECTED)
        throw new ConnectionFailure(ConnectionErrorCode.CREDENTIAL_REJECTED, "Pleo refused this API key.");
      if (error instanceof GatewayError)
        throw new ConnectionFailure(
          ConnectionErrorCode.UNAVAILABLE,
          `Pleo could not verify the key: ${error.message}`,
        );
      throw error;
    }
    const parsed = answer.subjectURN ? parseSubjectUrn(answer.subjectURN) : null;
    if (!parsed || answer.authMethod !== "API_KEY")
      throw new ConnectionFailure(
        ConnectionErrorCode.CREDENTIAL_REJECTED,
        "Pleo does not bind this credential to a company or organisation as an API key.",
      );
    return {
      credential,
      subject: subjectRef(parsed.type, parsed.id),
      scopes: answer.scope.split(/\s+/).filter(Boolean),
    };
  }

  async #authorise(
    rights: ManageRights,
    subject: SubjectRef,
    credential: PleoCredential | undefined,
  ): Promise<SubjectFacts> {
    const facts = await this.#facts(subject, credential);
    if (!mayManage(rights, subject, facts.organisationId ?? undefined))
      throw new ConnectionFailure(
        ConnectionErrorCode.MANAGE_DENIED,
        `Your manage claim does not cover ${subjectUrn(subject)}; nothing was changed.`,
        subjectUrn(subject),
      );
    return facts;
  }

  async #facts(subject: SubjectRef, credential: PleoCredential | undefined): Promise<SubjectFacts> {
    const known = await this.#directory.known(subject);
    if (known.organisationId !== null || !credential) return known;
    return this.#directory.learn(subject, credential);
  }

  async #removeInstallation(subject: SubjectRef): Promise<boolean> {
    try {
      const credential =
        subject.kind === "company"
          ? await this.#store.companyCredential(subject.id)
          : await this.#store.organisationCredential(subject.id);
      if (!credential) return false;
      await this.#pleo.call(credential, {
        method: "DELETE",
        path: "/v1/installations/me",
        schema: z.unknown(),
        operation: "installation removal",
      });
      return true;
    } catch {
      // The secret is forgotten either way; an installation left behind is visible in Pleo's settings.
      return false;
    }
  }

  async #audited<T>(
    rights: ManageRights,
    action: AuditAction,
    run: (note: (subject: SubjectRef) => void) => Promise<T>,
  ): Promise<T> {
    let subject: string | null = null;
    try {
      const result = await run((s) => {
        subject = subjectUrn(s);
      });
      this.#audit.record({ actor: rights.actor, action, subject, outcome: "ok" });
      return result;
    } catch (error) {
      const outcome = error instanceof ConnectionFailure ? error.code : "error";
      this.#audit.record({ actor: rights.actor, action, subject, outcome });
      throw error;
    }
  }
}

/** The record's credential as stored, when it may still work (no refresh: only to look the subject up). */
function usableCredential(record: ConnectionRecord): PleoCredential | undefined {
  if (record.status !== "ACTIVE") return undefined;
  if (record.secret.kind === "apiKey") return createCredential("apiKey", record.secret.apiKey);
  const expired = Date.parse(record.accessTokenExpiresAt ?? "") <= Date.now();
  return expired ? undefined : createCredential("accessToken", record.secret.accessToken);
}

function notConnected(subject: SubjectRef): ConnectionFailure {
  return new ConnectionFailure(
    ConnectionErrorCode.NOT_CONNECTED,
    `${subjectUrn(subject)} has no connection in the gateway's vault.`,
    subjectUrn(subject),
  );
}
