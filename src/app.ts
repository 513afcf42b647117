import type { RequestListener, Server } from "node:http";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { NO_READ_CACHE, type ReadCacheOptions } from "./cache/cache-config.ts";
import { CacheKeys } from "./cache/cache-keys.ts";
import { bindReadCacheMetrics } from "./cache/cache-metrics.ts";
import { ReadCache } from "./cache/read-cache.ts";
import { Connections } from "./connections/connections.ts";
import type { ConnectionsOptions } from "./connections/connections-config.ts";
import { type CallerTokenOptions, CallerTokenVerifier } from "./context/caller-token.ts";
import { ContextFactory, type GatewayContext, type GatewaySettings } from "./context/context.ts";
import {
  DEFAULT_INTROSPECTION_GUARD,
  IntrospectionGuard,
  type IntrospectionGuardOptions,
} from "./credentials/introspection-guard.ts";
import { type CachedBinding, CredentialIntrospector } from "./credentials/introspector.ts";
import type { CredentialStore } from "./credentials/store.ts";
import type { Persona } from "./embedded/personas.ts";
import { type CompanyEvents, createCompanyEvents } from "./events/company-events.ts";
import { serveGraphqlWs, type WebSocketEndpoint } from "./events/graphql-ws-server.ts";
import type { Fleet } from "./fleet/fleet.ts";
import { bindFleetMetrics } from "./fleet/fleet-metrics.ts";
import { graphiqlOptions } from "./graphiql.ts";
import { PleoClient, type PleoClientOptions } from "./pleo/client.ts";
import { useCompiledExecution } from "./plugins/compiled-execution.ts";
import { useDeadlineRelease } from "./plugins/deadline.ts";
import { useDevPersonas } from "./plugins/dev-personas.ts";
import { useHealthChecks } from "./plugins/health.ts";
import { logUpstream, useRequestLogging } from "./plugins/logging.ts";
import { useMetrics } from "./plugins/metrics.ts";
import { useConnections } from "./plugins/oauth-callback.ts";
import { usePleoWebhooks } from "./plugins/pleo-webhooks.ts";
import { useRequestInfo } from "./plugins/request-info.ts";
import { traceResolvers, useTracing } from "./plugins/tracing.ts";
import { useUpstreamReport } from "./plugins/upstream-report.ts";
import { gatewaySchema } from "./schema/index.ts";
import { withBodyLimit } from "./security/body-limit.ts";
import { CallerRateLimiter } from "./security/caller-rate-limit.ts";
import { hardeningPlugins } from "./security/hardening.ts";
import type { SecurityOptions } from "./security/options.ts";
import { TrustedProxies } from "./support/client-address.ts";
import type { Logger } from "./support/logger.ts";
import { LruCache } from "./support/lru-cache.ts";
import { maskedErrorsLogged } from "./support/masked-errors.ts";
import { GatewayMetrics } from "./support/metrics.ts";
import { PleoWebhooks } from "./webhooks/pleo-webhooks.ts";
import type { WebhooksOptions } from "./webhooks/webhooks-config.ts";

export interface GatewayOptions {
  readonly pleo: PleoClientOptions;
  readonly credentialStore: CredentialStore;
  /** Caller-JWT verification; absent: callers can only send their own Pleo credentials. */
  readonly callerTokens: CallerTokenOptions | undefined;
  /** The bindings cache, and the guard on credentials callers send (defaults: DEFAULT_INTROSPECTION_GUARD). */
  readonly introspection: {
    readonly ttlMs: number;
    readonly maxEntries: number;
    readonly guard?: Partial<IntrospectionGuardOptions>;
  };
  /** Proxies whose `X-Forwarded-For` names the caller's address (IPs and CIDR ranges; default none). */
  readonly trustedProxies?: readonly string[];
  readonly maxDirectCredentials: number;
  readonly settings: GatewaySettings;
  /** Request hardening: limits, persisted operations, CSRF, CORS, caller rate limit, GraphiQL/introspection. */
  readonly security: SecurityOptions;
  readonly logger: Logger;
  /** Embedded mode only: the demo personas served at /dev/personas and offered in GraphiQL. */
  readonly personas?: () => Promise<readonly Persona[]>;
  /** Request deadline, health checks, metrics, tracing. Every field has a default. */
  readonly operations?: OperationsOptions;
  /**
   * Several instances sharing budgets, bindings, quarantine, breakers and the caller rate limit through
   * Redis. Absent: every guard lives in this process, as a single instance needs.
   */
  readonly fleet?: Fleet;
  /**
   * Company connections kept in the vault (connect through OAuth or an API key, refresh, management),
   * served before `credentialStore`. Absent: the static credentials alone, as before.
   */
  readonly connections?: ConnectionsOptions;
  /** The cross-request read cache (src/cache): TTLs per resource, bound. Absent: nothing cached. */
  readonly readCache?: ReadCacheOptions;
  /** Pleo webhooks in and subscription management (src/webhooks). Absent: no `/webhooks/pleo`. */
  readonly webhooks?: WebhooksOptions;
}

export interface OperationsOptions {
  /** Time budget of one GraphQL request from its arrival (default 10 s). */
  readonly requestDeadlineMs?: number;
  /** Serve `/metrics` and record metrics (default true). */
  readonly metrics?: boolean;
  /** Also export Node process metrics (CPU, memory, event loop; default false). */
  readonly processMetrics?: boolean;
  /** Readiness probe of Pleo's base URL: timeout and how long a result is reused. */
  readonly readyProbe?: { readonly timeoutMs: number; readonly cacheMs: number };
  /** OpenTelemetry spans (request, operation, resolvers, upstream calls; default false). */
  readonly tracing?: boolean;
}

export interface Gateway {
  readonly yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  /** The Node request listener to serve: Yoga behind the request-body limit. */
  readonly handler: RequestListener;
  readonly pleo: PleoClient;
  /** Absent when metrics are disabled. */
  readonly metrics: GatewayMetrics | undefined;
  /** The cross-request read cache; `invalidate` drops a company's resource on every instance. */
  readonly readCache: ReadCache;
  /** Company events (from Pleo's webhooks), fanned out to subscribers on every instance of a fleet. */
  readonly companyEvents: CompanyEvents;
  /** Serves subscriptions over graphql-ws on `server`, at the GraphQL path; close it before the server. */
  serveWebSockets(server: Server): WebSocketEndpoint;
  /** Shutdown has begun: `/ready` answers 503 from now on. */
  startDraining(): void;
  readonly draining: boolean;
  close(): Promise<void>;
}

/** Assembles the gateway: one Pleo client, one introspection cache, and Yoga over the Pothos schema. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const ops = options.operations ?? {};
  const tracing = ops.tracing ?? options.pleo.tracing ?? false;
  const { fleet } = options;
  const cacheOptions = options.readCache ?? NO_READ_CACHE;
  // Shared by the fleet only when something is cached: invalidating nothing needs no Redis.
  const readCache = new ReadCache(
    cacheOptions,
    fleet && Object.values(cacheOptions.ttlMs).some((ttl) => ttl > 0)
      ? { connection: fleet.connection, keys: CacheKeys.of(fleet.keys) }
      : undefined,
  );
  const pleo = new PleoClient({
    ...options.pleo,
    tracing,
    readCache,
    ...(fleet && options.pleo.resilience ? fleet.clientStores(options.pleo.resilience) : {}),
  });
  const metrics =
    (ops.metrics ?? true) ? new GatewayMetrics({ processMetrics: ops.processMetrics ?? false }) : undefined;
  const introspector = new CredentialIntrospector(pleo, {
    cache: fleet
      ? fleet.bindingsCache(options.introspection.maxEntries)
      : new LruCache<CachedBinding>(options.introspection.maxEntries),
    ttlMs: options.introspection.ttlMs,
    guard: new IntrospectionGuard({ ...DEFAULT_INTROSPECTION_GUARD, ...options.introspection.guard }),
    // Metrics label upstream calls by company only for companies a credential is really bound to.
    onBound: metrics
      ? (binding) => {
          if (binding.subject.type === "company") metrics.knowCompany(binding.subject.id);
        }
      : undefined,
  });
  const callerLimit = options.security.callerRateLimit;
  // A credential Pleo refuses later must be introspected afresh (revoked, or its scopes changed).
  pleo.onCredentialRefused((credential) => void introspector.forget(credential));
  const connections = options.connections
    ? await Connections.create({
        connections: options.connections,
        staticStore: options.credentialStore,
        pleo,
        fleet,
        callerTokens: options.callerTokens,
        logger: options.logger,
      })
    : undefined;
  // A vault access token refused while believed fresh gets one refresh (src/connections).
  if (connections) pleo.onCredentialRefused((credential) => connections.onCredentialRefused(credential));
  metrics?.bindClient(pleo);
  if (metrics) bindReadCacheMetrics(metrics.registry, readCache);
  if (fleet && metrics) bindFleetMetrics(metrics.registry, fleet);
  logUpstream(pleo, options.logger);
  let draining = false;
  const companyEvents = createCompanyEvents(fleet ? { fleet } : {});
  const webhooks = options.webhooks
    ? await PleoWebhooks.create({
        webhooks: options.webhooks,
        fleet,
        sinks: {
          publish: (event) => companyEvents.publish(event),
          invalidate: (companyId, resource) => readCache.invalidate(companyId, resource),
        },
        registry: metrics?.registry,
        logger: options.logger,
      })
    : undefined;
  const proxies = new TrustedProxies(options.trustedProxies ?? []);
  const contexts = new ContextFactory({
    pleo,
    introspector,
    store: connections?.credentialStore ?? options.credentialStore,
    verifier: options.callerTokens ? new CallerTokenVerifier(options.callerTokens) : undefined,
    maxDirectCredentials: options.maxDirectCredentials,
    settings: options.settings,
    companyEvents,
    readCache,
    ...(ops.requestDeadlineMs ? { requestDeadlineMs: ops.requestDeadlineMs } : {}),
    ...(metrics
      ? { onLoaderBatch: (loader: string, size: number) => metrics.observeLoaderBatch(loader, size) }
      : {}),
  });
  const personas = options.personas ? await options.personas() : [];
  const logger = options.logger;

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: tracing ? traceResolvers(gatewaySchema()) : gatewaySchema(),
    context: ({ request }) => contexts.create(request),
    graphqlEndpoint: "/graphql",
    // `/health` and `/ready` are served by useHealthChecks (JSON, draining-aware); Yoga's own bare
    // liveness answer moves aside to `/healthz`.
    healthCheckEndpoint: "/healthz",
    landingPage: false,
    // `handler` refuses oversized and length-less bodies before Yoga sees them (withBodyLimit), so
    // Yoga's own limit would only re-pipe every body through a counting stream: ~5 % of a request's CPU.
    maxRequestBodySize: false,
    // Masking stays on: only GatewayErrors (GraphQLErrors with a stable code) reach callers verbatim.
    maskedErrors: maskedErrorsLogged(logger),
    logging: {
      debug: (...args) => logger.debug({ yoga: args.map(String) }),
      info: (...args) => logger.info({ yoga: args.map(String) }),
      warn: (...args) => logger.warn({ yoga: args.map(String) }),
      error: (...args) => logger.error({ yoga: args.map(String) }),
    },
    ...(await graphiqlOptions(options.security.graphiql, personas)),
    // `documentId` names a persisted operation (GraphQL over HTTP's persisted-documents convention).
    extraParamNames: ["documentId"],
    batching: options.security.batchingLimit > 0 ? { limit: options.security.batchingLimit } : false,
    // Off unless origins are configured: a gateway holding company credentials is not for any website.
    cors:
      options.security.corsOrigins.length > 0
        ? {
            origin: [...options.security.corsOrigins],
            credentials: true,
            methods: ["GET", "POST"],
            allowedHeaders: ["content-type", "authorization", "x-request-id", "x-graphql-csrf"],
          }
        : false,
    plugins: [
      // Operations first: probes and scrapes are answered before any GraphQL-specific plugin runs.
      useRequestInfo(proxies),
      ...(tracing ? [useTracing()] : []),
      useRequestLogging(logger),
      ...(metrics ? [useMetrics(metrics)] : []),
      useHealthChecks({
        probe: () => pleo.probe(ops.readyProbe?.timeoutMs ?? 2_000),
        draining: () => draining,
        cacheMs: ops.readyProbe?.cacheMs ?? 5_000,
        ...(fleet ? { redis: () => fleet.health } : {}),
      }),
      useDeadlineRelease(),
      useUpstreamReport(),
      useCompiledExecution(logger),
      ...hardeningPlugins({
        limits: options.security.limits,
        maxTokens: options.security.maxTokens,
        introspection: options.security.introspection,
        csrfAllowedOrigins: options.security.corsOrigins,
        callerRateLimiter: callerLimit
          ? (fleet?.callerRateLimiter(callerLimit) ?? new CallerRateLimiter(callerLimit))
          : undefined,
        persisted: options.security.persisted,
      }),
      ...(options.personas ? [useDevPersonas(options.personas)] : []),
      ...(connections ? [useConnections(connections)] : []),
      ...(webhooks ? [usePleoWebhooks(webhooks)] : []),
    ],
  });

  return {
    yoga,
    handler: withBodyLimit(yoga, options.security.maxBodyBytes),
    pleo,
    metrics,
    readCache,
    companyEvents,
    serveWebSockets: (server) =>
      serveGraphqlWs(server, {
        yoga,
        clientAddress: (peer, forwardedFor) => proxies.clientAddress(peer, forwardedFor),
        maxPayloadBytes: options.security.maxBodyBytes,
        logger,
      }),
    startDraining: () => {
      draining = true;
    },
    get draining() {
      return draining;
    },
    close: async () => {
      await pleo.close();
      await connections?.close();
      await webhooks?.close();
    },
  };
}
