import { ErrorCode, GatewayError } from "../errors.ts";
import { introspect } from "../pleo/apis/introspection.ts";
import type { PleoClient } from "../pleo/client.ts";
import type { CredentialBinding, PleoCredential } from "../pleo/credential.ts";
import { parseSubjectUrn } from "../pleo/models/introspection.ts";
import type { Cache } from "../support/lru-cache.ts";

/** Serialisable form of a binding, as it is cached (sets do not survive JSON, e.g. in Redis). */
export interface CachedBinding {
  readonly subject: CredentialBinding["subject"];
  readonly authMethod: CredentialBinding["authMethod"];
  readonly scopes: readonly string[];
  readonly clientId: string;
  readonly applicationName: string | undefined;
}

/**
 * Binds a credential to its company or organisation through Pleo's introspection — never through the
 * caller's say-so. Results are cached by the credential's SHA-256 (never by the credential itself) for a
 * bounded time (the cache is bounded too: least recently used evicted); concurrent requests presenting
 * the same credential share one introspection call (the client shares identical in-flight reads, each
 * caller keeping its own deadline). Rejections are not cached, so a rotated-in key works at once; a
 * credential Pleo refuses later is forgotten (`forget`, wired to the client's refusal events).
 */
export class CredentialIntrospector {
  readonly #client: PleoClient;
  readonly #cache: Cache<CachedBinding>;
  readonly #ttlMs: number;

  constructor(client: PleoClient, cache: Cache<CachedBinding>, ttlMs: number) {
    this.#client = client;
    this.#cache = cache;
    this.#ttlMs = ttlMs;
  }

  /** The credential's binding, from the cache or from Pleo. */
  async bind(credential: PleoCredential): Promise<CredentialBinding> {
    const cached = await this.#cache.get(credential.hash);
    if (cached) return fromCached(cached);
    return this.#lookup(credential);
  }

  /**
   * A view for one request: the same cache, but introspection calls go through `client` (a per-request
   * view of the Pleo client, so they keep within the request's deadline).
   */
  withClient(client: PleoClient): CredentialIntrospector {
    return new CredentialIntrospector(client, this.#cache, this.#ttlMs);
  }

  /** Forget a binding, e.g. after Pleo refused the credential on a later call. */
  async forget(credential: PleoCredential): Promise<void> {
    await this.#cache.delete(credential.hash);
  }

  async #lookup(credential: PleoCredential): Promise<CredentialBinding> {
    const client = await introspect(this.#client, credential);
    const subject = client.subjectURN ? parseSubjectUrn(client.subjectURN) : null;
    if (!subject) {
      throw new GatewayError(
        ErrorCode.CREDENTIAL_REJECTED,
        "Pleo's introspection did not bind this credential to a company or organisation.",
      );
    }
    const cached: CachedBinding = {
      subject,
      authMethod: client.authMethod,
      scopes: client.scope.split(/\s+/).filter(Boolean),
      clientId: client.clientId,
      applicationName: client.applicationName ?? undefined,
    };
    await this.#cache.set(credential.hash, cached, this.#ttlMs);
    return fromCached(cached);
  }
}

function fromCached(cached: CachedBinding): CredentialBinding {
  return { ...cached, scopes: new Set(cached.scopes) };
}
