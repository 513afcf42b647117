import type { RequestListener } from "node:http";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga, maskError, type YogaServerInstance } from "graphql-yoga";
import { type CallerTokenOptions, CallerTokenVerifier } from "./context/caller-token.ts";
import { ContextFactory, type GatewayContext, type GatewaySettings } from "./context/context.ts";
import { type CachedBinding, CredentialIntrospector } from "./credentials/introspector.ts";
import type { CredentialStore } from "./credentials/store.ts";
import type { Persona } from "./embedded/personas.ts";
import { PERSONA_EXAMPLE_QUERY } from "./embedded/personas.ts";
import { PleoClient, type PleoClientOptions } from "./pleo/client.ts";
import { useDevPersonas } from "./plugins/dev-personas.ts";
import { gatewaySchema } from "./schema/index.ts";
import { withBodyLimit } from "./security/body-limit.ts";
import { hardeningPlugins } from "./security/hardening.ts";
import type { SecurityOptions } from "./security/options.ts";
import type { Logger } from "./support/logger.ts";
import { LruCache } from "./support/lru-cache.ts";

export interface GatewayOptions {
  readonly pleo: PleoClientOptions;
  readonly credentialStore: CredentialStore;
  /** Caller-JWT verification; absent: callers can only send their own Pleo credentials. */
  readonly callerTokens: CallerTokenOptions | undefined;
  readonly introspection: { readonly ttlMs: number; readonly maxEntries: number };
  readonly maxDirectCredentials: number;
  readonly settings: GatewaySettings;
  /** Request hardening: limits, persisted operations, CSRF, CORS, caller rate limit, GraphiQL/introspection. */
  readonly security: SecurityOptions;
  readonly logger: Logger;
  /** Embedded mode only: the demo personas served at /dev/personas and offered in GraphiQL. */
  readonly personas?: () => Promise<readonly Persona[]>;
}

export interface Gateway {
  readonly yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  /** The Node request listener to serve: Yoga behind the request-body limit. */
  readonly handler: RequestListener;
  readonly pleo: PleoClient;
  close(): Promise<void>;
}

/** Assembles the gateway: one Pleo client, one introspection cache, and Yoga over the Pothos schema. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const pleo = new PleoClient(options.pleo);
  const introspector = new CredentialIntrospector(
    pleo,
    new LruCache<CachedBinding>(options.introspection.maxEntries),
    options.introspection.ttlMs,
  );
  const contexts = new ContextFactory({
    pleo,
    introspector,
    store: options.credentialStore,
    verifier: options.callerTokens ? new CallerTokenVerifier(options.callerTokens) : undefined,
    maxDirectCredentials: options.maxDirectCredentials,
    settings: options.settings,
  });
  const personas = options.personas ? await options.personas() : [];
  const logger = options.logger;

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: gatewaySchema(),
    context: ({ request }) => contexts.create(request),
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // Masking stays on: only GatewayErrors (GraphQLErrors with a stable code) reach callers verbatim.
    maskedErrors: {
      maskError(error, message) {
        const masked = maskError(error, message, false);
        // Anything masked is a bug or an unmapped failure: log it (no secrets reach error objects).
        if (masked !== error) logger.error({ err: describe(error) }, "unexpected error masked");
        return masked;
      },
    },
    logging: {
      debug: (...args) => logger.debug({ yoga: args.map(String) }),
      info: (...args) => logger.info({ yoga: args.map(String) }),
      warn: (...args) => logger.warn({ yoga: args.map(String) }),
      error: (...args) => logger.error({ yoga: args.map(String) }),
    },
    // GraphiQL bundled with the package, so it works with no CDN reachable (as on this project's machines).
    renderGraphiQL,
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
    graphiql: !options.security.graphiql
      ? false
      : {
          title: "Pleo GraphQL gateway",
          defaultQuery: PERSONA_EXAMPLE_QUERY,
          ...(personas.length
            ? {
                defaultTabs: personas.map((p) => ({
                  // GraphiQL names a tab after its operation: name each after its persona.
                  query: `# Persona: ${p.name} — ${p.description}\n${PERSONA_EXAMPLE_QUERY.replace(
                    "query Overview",
                    `query ${p.name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`,
                  )}`,
                  headers: JSON.stringify(p.headers, null, 2),
                })),
              }
            : {}),
        },
    plugins: [
      ...hardeningPlugins({
        limits: options.security.limits,
        maxTokens: options.security.maxTokens,
        introspection: options.security.introspection,
        csrfAllowedOrigins: options.security.corsOrigins,
        callerRateLimit: options.security.callerRateLimit,
        persisted: options.security.persisted,
      }),
      ...(options.personas ? [useDevPersonas(options.personas)] : []),
    ],
  });

  return {
    yoga,
    handler: withBodyLimit(yoga, options.security.maxBodyBytes),
    pleo,
    close: () => pleo.close(),
  };
}

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const original = (error as { originalError?: unknown }).originalError;
    return {
      type: error.name,
      message: error.message,
      stack: error.stack,
      ...(original instanceof Error
        ? { original: { type: original.name, message: original.message, stack: original.stack } }
        : {}),
    };
  }
  return { value: String(error) };
}
