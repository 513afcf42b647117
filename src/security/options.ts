import type { Config } from "../config.ts";
import { ACCESS_TOKEN_HEADER, API_KEY_HEADER } from "../context/direct-credentials.ts";
import type { CallerRateLimit } from "./caller-rate-limit.ts";
import { loadPersistedManifest, type PersistedOperationsOptions } from "./persisted-operations.ts";
import type { QueryLimits } from "./query-limits.ts";

/** The request-hardening settings of one gateway, derived from configuration in one place. */
export interface SecurityOptions {
  readonly graphiql: boolean;
  readonly introspection: boolean;
  readonly limits: QueryLimits;
  readonly maxTokens: number;
  readonly maxBodyBytes: number;
  /** 0: batched requests are refused. */
  readonly batchingLimit: number;
  readonly persisted: PersistedOperationsOptions;
  readonly corsOrigins: readonly string[];
  readonly callerRateLimit: CallerRateLimit | undefined;
}

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
