import { randomUUID } from "node:crypto";
import {
  type ConnectionRecord,
  type Vault,
  VaultConflictError,
  VaultRecordUnreadableError,
  VaultUnavailableError,
} from "../vault/index.ts";
import { ConnectionErrorCode, ConnectionFailure } from "./connection-failure.ts";
import type { TokenSet } from "./oauth-client.ts";
import { type SubjectRef, subjectUrn } from "./subject.ts";

/**
 * Writes connections into the vault: a new OAuth pair (replacing whatever the subject had: reconnecting
 * is how a connection that needs reauthorization is repaired), a new API key, a replacement key. Every
 * write is a compare-and-set against the version read just before; vault failures become typed refusals.
 */
export class ConnectionWriter {
  readonly #vault: Vault;

  constructor(vault: Vault) {
    this.#vault = vault;
  }

  /** Stores a finished OAuth flow's pair under a new grant id, over any earlier connection. */
  async storeOAuth(actor: string, subject: SubjectRef, tokens: TokenSet): Promise<ConnectionRecord> {
    const now = new Date().toISOString();
    return this.#guard(subject, async () => {
      // One retry: a concurrent refresh of the old grant may bump the version between read and write.
      for (let attempt = 0; ; attempt += 1) {
        const existing = await this.#vault.get(subject).catch((error: unknown) => {
          // A record that cannot be read is replaced by a fresh connection (the reason it is reconnected).
          if (error instanceof VaultRecordUnreadableError) return undefined;
          throw error;
        });
        try {
          return await this.#vault.put(
            {
              subject,
              secret: { kind: "oauth", accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
              status: "ACTIVE",
              scopes: tokens.scopes,
              accessTokenExpiresAt: tokens.expiresAt.toISOString(),
              grantId: `grant_${randomUUID()}`,
              connectedBy: actor,
              connectedAt: now,
            },
            existing?.version ?? null,
          );
        } catch (error) {
          if (!(error instanceof VaultConflictError) || attempt >= 1) throw error;
        }
      }
    });
  }

  /** A new API-key connection; refuses when the subject is connected already (replace it instead). */
  async storeApiKey(
    actor: string,
    subject: SubjectRef,
    apiKey: string,
    scopes: readonly string[],
    replacing: ConnectionRecord | undefined,
  ): Promise<ConnectionRecord> {
    return this.#guard(subject, () =>
      this.#vault.put(
        {
          subject,
          secret: { kind: "apiKey", apiKey },
          status: "ACTIVE",
          scopes,
          connectedBy: actor,
          connectedAt: new Date().toISOString(),
        },
        replacing?.version ?? null,
      ),
    );
  }

  /** The subject's connection, refusing (typed) when the vault cannot be read. */
  async read(subject: SubjectRef): Promise<ConnectionRecord | undefined> {
    return this.#guard(subject, () => this.#vault.get(subject));
  }

  async remove(subject: SubjectRef): Promise<boolean> {
    return this.#guard(subject, () => this.#vault.delete(subject));
  }

  async #guard<T>(subject: SubjectRef, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const urn = subjectUrn(subject);
      if (error instanceof VaultConflictError)
        throw new ConnectionFailure(
          ConnectionErrorCode.CONNECTION_CHANGED,
          `The connection of ${urn} changed meanwhile; read it again and retry.`,
          urn,
        );
      if (error instanceof VaultUnavailableError)
        throw new ConnectionFailure(
          ConnectionErrorCode.UNAVAILABLE,
          "The vault is unavailable; nothing changed.",
          urn,
        );
      if (error instanceof VaultRecordUnreadableError)
        throw new ConnectionFailure(
          ConnectionErrorCode.RECORD_UNREADABLE,
          `The stored connection of ${urn} cannot be read; disconnect and connect it again.`,
          urn,
        );
      throw error;
    }
  }
}
