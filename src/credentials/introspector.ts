import { ErrorCode, GatewayError } from "../errors.ts";
import { introspect } from "../pleo/apis/introspection.ts";
import type { PleoClient } from "../pleo/client.ts";
import type { CredentialBinding, PleoCredential } from "../pleo/credential.ts";
import { parseSubjectUrn } from "../pleo/models/introspection.ts";
import type { Cache } from "../support/lru-cache.ts";
import type { IntrospectionGuard } from "./introspection-guard.ts";

/** Serialisable form of a binding, as it is cached (sets do not survive JSON, e.g. in Redis). */
export interface CachedBinding {
  readonly subject: CredentialBinding["subject"];
  readonly authMethod: CredentialBinding["authMethod"];
  readonly scopes: readonly string[];
  readonly clientId: string;
  readonly applicationName: string | undefined;
}

/** What every introspector view shares: the cache, the guard, and who hears of each binding. */
interface IntrospectorShared {
  readonly cache: Cache<CachedBinding>;
  readonly ttlMs: number;
  readonly guard: IntrospectionGuard;
  /** Told every binding produced (cached or fresh), e.g. so metrics know which companies are real. */
  readonly onBound: ((binding: CredentialBinding) => void) | undefined;
}

/**
 * Binds a credential to its company or organisation through Pleo's introspection — never through the
 * caller's say-so. Results are cached by the credential's SHA-256 (never by the credential itself) for a
 * bounded time (the cache is bounded too: least recently used evicted); concurrent requests presenting
 * the same credential share one introspection call (the client shares identical in-flight reads, each
 * caller keeping its own deadline). A credential Pleo refuses later is forgotten (`forget`, wired to the
 * client's refusal events).
 *
 * Credentials a caller sends (`bindSent`) pass the `IntrospectionGuard` first: a refusal is remembered
 * for a short while, unknown credentials count against the caller's own budget, and their calls hold
 * only the guard's few upstream slots. The gateway's stored credentials (`bind`) are the deployment's
 * own, bounded by its configuration, and are not held back by strangers' floods.
 */
export class CredentialIntrospector {
  readonly #client: PleoClient;
  readonly #shared: IntrospectorShared;

  constructor(client: PleoClient, shared: IntrospectorShared) {
    this.#client = client;
    this.#shared = shared;
  }

  /** The binding of a gateway-held credential, from the cache or from Pleo. */
  async bind(credential: PleoCredential): Promise<CredentialBinding> {
    return (await this.#cached(credential)) ?? this.#lookup(credential);
  }

  /**
   * The bindings of credentials a caller sent, in order, each settled on its own. Before any upstream
   * call the caller (`caller`: its network address) must have budget for every credential neither cached
   * nor recently refused, else the whole set is refused (INTROSPECTION_RATE_LIMITED); `signal` ends the
   * wait for a slot (INTROSPECTION_QUEUE_FULL when the queue is full).
   */
  async bindSent(
    credentials: readonly PleoCredential[],
    caller: string,
    signal: AbortSignal,
  ): Promise<PromiseSettledResult<CredentialBinding>[]> {
    const { guard } = this.#shared;
    const known = await Promise.all(credentials.map((credential) => this.#cached(credential)));
    guard.admit(
      caller,
      credentials.filter((credential, i) => known[i] === undefined && !guard.wasRefused(credential)).length,
    );
    return Promise.allSettled(
      credentials.map(async (credential, i) => {
        const binding = known[i];
        if (binding) return binding;
        if (guard.wasRefused(credential)) throw refusal();
        try {
          return await guard.run(signal, () => this.#lookup(credential));
        } catch (error) {
          if (error instanceof GatewayError && error.code === ErrorCode.CREDENTIAL_REJECTED) {
            guard.refused(credential);
          }
          throw error;
        }
      }),
    );
  }

  /**
   * A view for one request: the same cache and guard, but introspection calls go through `client` (a
   * per-request view of the Pleo client, so they keep within the request's deadline).
   */
  withClient(client: PleoClient): CredentialIntrospector {
    return new CredentialIntrospector(client, this.#shared);
  }

  /** Forget a binding, e.g. after Pleo refused the credential on a later call. */
  async forget(credential: PleoCredential): Promise<void> {
    await this.#shared.cache.delete(credential.hash);
  }

  async #cached(credential: PleoCredential): Promise<CredentialBinding | undefined> {
    const cached = await this.#shared.cache.get(credential.hash);
    return cached ? this.#bound(cached) : undefined;
  }

  async #lookup(credential: PleoCredential): Promise<CredentialBinding> {
    const client = await introspect(this.#client, credential);
    const subject = client.subjectURN ? parseSubjectUrn(client.subjectURN) : null;
    if (!subject) throw refusal();
    const cached: CachedBinding = {
      subject,
      authMethod: client.authMethod,
      scopes: client.scope.split(/\s+/).filter(Boolean),
      clientId: client.clientId,
      applicationName: client.applicationName ?? undefined,
    };
    await this.#shared.cache.set(credential.hash, cached, this.#shared.ttlMs);
    return this.#bound(cached);
  }

  #bound(cached: CachedBinding): CredentialBinding {
    const binding: CredentialBinding = { ...cached, scopes: new Set(cached.scopes) };
    this.#shared.onBound?.(binding);
    return binding;
  }
}

function refusal(): GatewayError {
  return new GatewayError(
    ErrorCode.CREDENTIAL_REJECTED,
    "Pleo's introspection did not bind this credential to a company or organisation.",
  );
}
