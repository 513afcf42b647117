import type { ReadCacheInvalidator } from "../cache/cache-resource.ts";
import { RequestCacheUse } from "../cache/request-cache-use.ts";
import type { CredentialIntrospector } from "../credentials/introspector.ts";
import type { CredentialStore } from "../credentials/store.ts";
import { ErrorCode, GatewayError } from "../errors.ts";
import { type CompanyEvents, createCompanyEvents } from "../events/company-events.ts";
import { LoaderRegistry } from "../loaders/registry.ts";
import type { PleoClient } from "../pleo/client.ts";
import type { BoundCredential, PleoCredential } from "../pleo/credential.ts";
import { requestInfo } from "../support/request-info.ts";
import { Deadline } from "../upstream/deadline.ts";
import { DEFAULT_RESILIENCE } from "../upstream/options.ts";
import { callerIdentity } from "./caller-identity.ts";
import { type CallerGrant, type CallerTokenVerifier, unauthenticated } from "./caller-token.ts";
import { CompanyAccess } from "./company-access.ts";
import { readDirectCredentials } from "./direct-credentials.ts";

/** Who is calling, as far as the gateway established it. Never holds a secret. */
interface CallerIdentity {
  /** Verified caller JWT, for frontends and internal tools using gateway-held credentials. */
  readonly token: { readonly subject: string; readonly expiresAt: Date } | undefined;
  /** How many Pleo credentials the caller sent itself (scripts). */
  readonly directCredentialCount: number;
}

/** Deployment choices the schema consults per request (from configuration). */
export interface GatewaySettings {
  /** The scope required for accounting entries ("" = any credential of the company). */
  readonly accountingEntriesScope: string;
}

export interface GatewayContext {
  readonly requestId: string;
  readonly settings: GatewaySettings;
  readonly caller: CallerIdentity;
  readonly access: CompanyAccess;
  readonly loaders: LoaderRegistry;
  /** The Pleo client for this request: every call carries the request's deadline and id. */
  readonly pleo: PleoClient;
  /** The request's time budget (REQUEST_DEADLINE_MS from its arrival); disposed when it is answered. */
  readonly deadline: Deadline;
  /** Per-company events (a webhook told us something changed), for subscriptions. */
  readonly companyEvents: CompanyEvents;
  /** The cross-request read cache, to invalidate what a change made stale (src/cache). */
  readonly readCache: ReadCacheInvalidator;
  /** This request's use of the read cache: fresh reads (no-cache, mutations), calls and hits counted. */
  readonly cacheUse: RequestCacheUse;
  /**
   * Authenticates the caller again from the same request and replaces `caller`, `access`, `loaders`,
   * `pleo` and `deadline` with fresh ones. A subscription does it before each event it delivers: a JWT
   * that expired or a credential revoked since subscribing fails here with its typed error, the gate
   * decides afresh, nothing loaded for an earlier event is reused, and the deadline counts from now.
   */
  renew(this: GatewayContext): Promise<void>;
}

interface ContextFactoryDeps {
  readonly pleo: PleoClient;
  readonly introspector: CredentialIntrospector;
  readonly store: CredentialStore;
  /** Absent when no caller-JWT keys are configured: then an Authorization header is refused. */
  readonly verifier: CallerTokenVerifier | undefined;
  readonly maxDirectCredentials: number;
  readonly settings: GatewaySettings;
  /** Absent: events reach this factory's own subscribers only (a context built alone, in tests). */
  readonly companyEvents?: CompanyEvents;
  /** Absent: nothing is cached across requests, so there is nothing to invalidate. */
  readonly readCache?: ReadCacheInvalidator;
  /** Time budget of a request, from its arrival (default 10 s). */
  readonly requestDeadlineMs?: number;
  /** Called with each loader's batch size (metrics). */
  readonly onLoaderBatch?: (loader: string, size: number) => void;
}

/**
 * Builds the per-request context: authenticates the caller (JWT and/or Pleo credentials it sent),
 * binds every sent credential through introspection before any field runs, and creates fresh loaders.
 * Anything wrong with what the caller presented fails the whole request with 401 and a stable code.
 */
export class ContextFactory {
  readonly #deps: ContextFactoryDeps;
  readonly #companyEvents: CompanyEvents;

  constructor(deps: ContextFactoryDeps) {
    this.#deps = deps;
    this.#companyEvents = deps.companyEvents ?? createCompanyEvents({});
  }

  async create(request: Request): Promise<GatewayContext> {
    const info = requestInfo(request);
    const cacheUse = RequestCacheUse.fromHeaders(request.headers);
    const authenticateAgain = () => this.#authenticate(request, Date.now(), cacheUse);
    return {
      requestId: info.requestId,
      settings: this.#deps.settings,
      companyEvents: this.#companyEvents,
      readCache: this.#deps.readCache ?? { invalidate: async () => {} },
      cacheUse,
      ...(await this.#authenticate(request, info.startedAt, cacheUse)),
      // Yoga copies these fields into the context resolvers see: `this` is that object.
      async renew(this: GatewayContext): Promise<void> {
        const renewed = await authenticateAgain();
        this.deadline.dispose();
        Object.assign(this, renewed);
      },
    };
  }

  /** The caller's part of a context: who it is, what it may access, and a deadline from `startedAt`. */
  async #authenticate(
    request: Request,
    startedAt: number,
    cacheUse: RequestCacheUse,
  ): Promise<Pick<GatewayContext, "caller" | "access" | "loaders" | "pleo" | "deadline">> {
    const info = requestInfo(request);
    const requestId = info.requestId;
    const deadline = Deadline.after(this.#deps.requestDeadlineMs ?? DEFAULT_RESILIENCE.defaultDeadlineMs, {
      startedAt,
      parent: request.signal,
    });
    const pleo = this.#deps.pleo.withScope({ deadline, requestId, cacheUse });
    const introspector = this.#deps.introspector.withClient(pleo);
    let direct: BoundCredential[];
    let grant: CallerGrant | undefined;
    try {
      grant = await this.#verifyCallerToken(request.headers.get("authorization"));
      const sent = readDirectCredentials(request.headers, this.#deps.maxDirectCredentials);
      direct = await this.#bindAll(sent, introspector, info.clientAddress ?? "unknown", deadline.signal);
    } catch (error) {
      deadline.dispose();
      throw error;
    }
    // The request's calls take their turn at a credential's rate budget shared with other callers as
    // this caller (the same normalised identity as the caller rate limit's, with the verified subject).
    const callerPleo = pleo.withScope({
      caller: callerIdentity({
        credentialHashes: direct.map((bound) => bound.credential.hash),
        tokenSubject: grant?.subject,
        address: info.clientAddress,
      }),
    });
    const access = new CompanyAccess({
      direct,
      grant,
      store: this.#deps.store,
      introspector: this.#deps.introspector.withClient(callerPleo),
    });
    return {
      caller: {
        token: grant ? { subject: grant.subject, expiresAt: grant.expiresAt } : undefined,
        directCredentialCount: direct.length,
      },
      access,
      loaders: new LoaderRegistry({
        pleo: callerPleo,
        access,
        ...(this.#deps.onLoaderBatch ? { onBatch: this.#deps.onLoaderBatch } : {}),
      }),
      pleo: callerPleo,
      deadline,
    };
  }

  async #verifyCallerToken(header: string | null): Promise<CallerGrant | undefined> {
    if (header === null) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw unauthenticated(
        ErrorCode.AUTH_TOKEN_MALFORMED,
        "Authorization must be `Bearer <caller JWT>`. Send Pleo credentials in X-Pleo-Api-Key or X-Pleo-Access-Token.",
      );
    }
    if (!this.#deps.verifier) {
      throw unauthenticated(
        ErrorCode.AUTH_NOT_CONFIGURED,
        "This gateway accepts no caller JWTs (no signing keys configured). Send Pleo credentials in X-Pleo-Api-Key or X-Pleo-Access-Token.",
      );
    }
    return this.#deps.verifier.verify(match[1]);
  }

  async #bindAll(
    credentials: readonly PleoCredential[],
    introspector: CredentialIntrospector,
    address: string,
    signal: AbortSignal,
  ): Promise<BoundCredential[]> {
    // Unknown credentials are budgeted per network address: identities built from them would be as
    // new as the credentials a flood makes up.
    const results = await introspector.bindSent(credentials, address, signal);
    return results.map((result, index) => {
      const credential = credentials[index] as PleoCredential;
      if (result.status === "fulfilled") return { credential, binding: result.value, source: "header" };
      const error = result.reason;
      const what = credential.kind === "apiKey" ? "X-Pleo-Api-Key" : "X-Pleo-Access-Token";
      if (error instanceof GatewayError && error.code === ErrorCode.CREDENTIAL_REJECTED) {
        throw unauthenticated(
          ErrorCode.CREDENTIAL_REJECTED,
          `A credential sent in ${what} (id ${credential.id}) was refused by Pleo.`,
          error,
        );
      }
      if (error instanceof GatewayError) {
        throw new GatewayError(
          error.code,
          `Could not verify a credential sent in ${what} with Pleo: ${error.message}`,
          { retryAfterSeconds: error.details.retryAfterSeconds },
          { httpStatus: error.code === ErrorCode.RATE_LIMITED ? 429 : 503, cause: error },
        );
      }
      throw error;
    });
  }
}
