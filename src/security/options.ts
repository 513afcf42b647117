import type { CallerRateLimit } from "./caller-rate-limit.ts";
import type { PersistedOperationsOptions } from "./persisted-operations.ts";
import type { QueryLimits } from "./query-limits.ts";

/** The request-hardening settings of one gateway (built from configuration by src/config-options.ts). */
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
