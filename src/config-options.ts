import type { JSONWebKeySet } from "jose";
import type { GatewayOptions } from "./app.ts";
import { readCacheOptionsFrom } from "./cache/cache-config.ts";
import type { Config } from "./config.ts";
import { connectionsOptionsFrom } from "./connections/connections-config.ts";
import type { CallerTokenOptions } from "./context/caller-token.ts";
import { ACCESS_TOKEN_HEADER, API_KEY_HEADER } from "./context/direct-credentials.ts";
import { InMemoryCredentialStore, loadCredentialStoreData } from "./credentials/store.ts";
import type { EmbeddedEnvironment } from "./embedded/embedded.ts";
import type { SecurityOptions } from "./security/options.ts";
import { loadPersistedManifest } from "./security/persisted-operations.ts";
import type { Logger } from "./support/logger.ts";
import { tracingRequested } from "./support/tracing.ts";
import type { ResilienceOptions } from "./upstream/options.ts";
import { webhooksOptionsFrom } from "./webhooks/webhooks-config.ts";

/**
 * Configuration → gateway options, in one place: `src/main.ts` and the test harness both build their
 * gateway through `gatewayOptionsFromConfig`, so a setting cannot mean one thing in production and
 * another under test. Defaults are not decided here: they live in the schema (src/config.ts), which
 * takes them from the modules owning the options.
 */

/** What a gateway needs besides its configuration: things that only exist at run time. */
interface GatewayRuntime {
  readonly logger: Logger;
  /**
   * Embedded mode: the simulator's URL stands in for an unset PLEO_API_URL, and its seeded credential
   * store, dev caller-JWT issuer and personas stand in for configured ones.
   */
  readonly embedded: EmbeddedEnvironment | undefined;
}

const USER_AGENT = "pleo-graphql-gateway/0.1";

export function gatewayOptionsFromConfig(config: Config, runtime: GatewayRuntime): GatewayOptions {
  const { embedded } = runtime;
  const baseUrl = config.PLEO_API_URL ?? embedded?.simulator.url;
  // main.ts starts the embedded environment exactly when PLEO_API_URL is unset; anything else is a bug.
  if (baseUrl === undefined) throw new Error("PLEO_API_URL is unset and no embedded simulator runs");
  const connections = connectionsOptionsFrom(config, baseUrl, embedded?.oauthDemo);
  const webhooks = webhooksOptionsFrom(config, embedded !== undefined);
  return {
    pleo: {
      baseUrl,
      connectTimeoutMs: config.PLEO_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: config.PLEO_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: config.PLEO_BODY_TIMEOUT_MS,
      keepAliveTimeoutMs: config.PLEO_KEEPALIVE_TIMEOUT_MS,
      maxConnections: config.PLEO_MAX_CONNECTIONS,
      maxCallsPerRequest: config.MAX_UPSTREAM_CALLS_PER_REQUEST,
      userAgent: USER_AGENT,
      resilience: resilienceFromConfig(config),
    },
    credentialStore:
      embedded?.credentialStore ??
      new InMemoryCredentialStore(
        loadCredentialStoreData({ file: config.PLEO_CREDENTIALS_FILE, inline: config.PLEO_CREDENTIALS }),
      ),
    callerTokens: embedded?.callerTokens ?? callerTokenOptions(config),
    introspection: {
      ttlMs: config.INTROSPECTION_CACHE_TTL_MS,
      maxEntries: config.INTROSPECTION_CACHE_MAX_ENTRIES,
      guard: {
        refusedTtlMs: config.INTROSPECTION_REFUSED_TTL_MS,
        unknownPerCallerPerMinute: config.INTROSPECTION_UNKNOWN_PER_CALLER_PER_MINUTE,
        maxConcurrent: config.INTROSPECTION_MAX_CONCURRENCY,
        maxQueued: config.INTROSPECTION_MAX_QUEUED,
        maxTracked: config.INTROSPECTION_CACHE_MAX_ENTRIES,
      },
    },
    trustedProxies: config.TRUSTED_PROXIES,
    maxDirectCredentials: config.MAX_DIRECT_CREDENTIALS,
    settings: { accountingEntriesScope: config.PLEO_ACCOUNTING_ENTRIES_SCOPE },
    security: securityOptions(config),
    readCache: readCacheOptionsFrom(config),
    logger: runtime.logger,
    ...(embedded ? { personas: () => embedded.personas() } : {}),
    // Company connections (vault, OAuth connect flow): with VAULT_KEYS, or in the embedded demo.
    ...(connections ? { connections } : {}),
    // Pleo webhooks in (secrets sealed with the vault's keys): with VAULT_KEYS, or in the embedded demo.
    ...(webhooks ? { webhooks } : {}),
    operations: {
      requestDeadlineMs: config.REQUEST_DEADLINE_MS,
      metrics: config.METRICS_ENABLED,
      // A deployment runs one gateway per process, so the process's own metrics belong beside it.
      processMetrics: true,
      readyProbe: { timeoutMs: config.READY_PROBE_TIMEOUT_MS, cacheMs: config.READY_PROBE_CACHE_MS },
      tracing: tracingRequested({
        OTEL_SDK_DISABLED: config.OTEL_SDK_DISABLED,
        OTEL_TRACES_EXPORTER: config.OTEL_TRACES_EXPORTER,
        OTEL_EXPORTER_OTLP_ENDPOINT: config.OTEL_EXPORTER_OTLP_ENDPOINT,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
      }),
    },
  };
}

/**
 * The upstream resilience settings. Exported by name because the benchmark's bundle patches this very
 * function (bench/lib/setup.mjs) to lift the per-credential rate budget above Pleo's 600/min.
 */
export function resilienceFromConfig(config: Config): ResilienceOptions {
  return {
    defaultDeadlineMs: config.REQUEST_DEADLINE_MS,
    retry: {
      maxAttempts: config.PLEO_RETRY_MAX_ATTEMPTS,
      baseDelayMs: config.PLEO_RETRY_BASE_DELAY_MS,
      maxDelayMs: config.PLEO_RETRY_MAX_DELAY_MS,
      budgetRatio: config.PLEO_RETRY_BUDGET_RATIO,
      budgetBurst: config.PLEO_RETRY_BUDGET_BURST,
    },
    rateBudget: { perMinute: config.PLEO_RATE_LIMIT_PER_MINUTE, burst: config.PLEO_RATE_LIMIT_BURST },
    breaker: {
      failureThreshold: config.PLEO_BREAKER_FAILURE_THRESHOLD,
      openMs: config.PLEO_BREAKER_OPEN_MS,
      halfOpenProbes: config.PLEO_BREAKER_HALF_OPEN_PROBES,
    },
    quarantineMs: config.PLEO_CREDENTIAL_QUARANTINE_MS,
    maxTrackedCredentials: config.PLEO_MAX_TRACKED_CREDENTIALS,
    maxConcurrentPerCredential: config.PLEO_MAX_CONCURRENCY_PER_CREDENTIAL,
    maxQueued: config.PLEO_MAX_QUEUED,
  };
}

/** The request-hardening settings (README "Security"). */
export function securityOptions(config: Config): SecurityOptions {
  const production = config.GATEWAY_ENV === "production";
  const trustScripts = config.PERSISTED_OPERATIONS_TRUST_SCRIPTS;
  return {
    graphiql: config.ENABLE_GRAPHIQL ?? !production,
    introspection: config.ENABLE_INTROSPECTION ?? !production,
    limits: {
      maxDepth: config.MAX_QUERY_DEPTH,
      maxAliases: config.MAX_QUERY_ALIASES,
      maxDirectives: config.MAX_QUERY_DIRECTIVES,
      maxCost: config.MAX_QUERY_COST,
      defaultListSize: 20,
    },
    maxTokens: config.MAX_QUERY_TOKENS,
    maxBodyBytes: config.MAX_BODY_BYTES,
    batchingLimit: config.BATCHING_LIMIT,
    persisted: {
      mode: config.PERSISTED_OPERATIONS,
      manifest:
        config.PERSISTED_OPERATIONS !== "off" && config.PERSISTED_OPERATIONS_FILE
          ? loadPersistedManifest(config.PERSISTED_OPERATIONS_FILE)
          : new Map(),
      // Scripts authenticate with their own Pleo credentials; browsers never hold those.
      allowArbitrary: (request) =>
        trustScripts && (request.headers.has(API_KEY_HEADER) || request.headers.has(ACCESS_TOKEN_HEADER)),
    },
    corsOrigins: config.CORS_ORIGINS,
    callerRateLimit:
      config.CALLER_RATE_LIMIT_PER_MINUTE > 0
        ? {
            requests: config.CALLER_RATE_LIMIT_PER_MINUTE,
            windowMs: 60_000,
            maxCallers: config.CALLER_RATE_LIMIT_MAX_CALLERS,
          }
        : undefined,
  };
}

/** Caller-JWT verification, when keys and the pinned issuer and audience are configured. */
function callerTokenOptions(config: Config): CallerTokenOptions | undefined {
  if (!config.AUTH_JWT_ISSUER || !config.AUTH_JWT_AUDIENCE) return undefined;
  const keys = config.AUTH_JWKS_URL
    ? { jwksUrl: config.AUTH_JWKS_URL }
    : config.AUTH_JWKS
      ? { jwks: config.AUTH_JWKS as JSONWebKeySet }
      : undefined;
  if (!keys) return undefined;
  return {
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
    algorithms: config.AUTH_JWT_ALGORITHMS,
    clockToleranceSeconds: config.AUTH_JWT_CLOCK_TOLERANCE_S,
    companiesClaim: config.AUTH_JWT_COMPANIES_CLAIM,
    organisationsClaim: config.AUTH_JWT_ORGANISATIONS_CLAIM,
    keys,
  };
}
