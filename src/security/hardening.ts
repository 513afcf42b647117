import { NoSchemaIntrospectionCustomRule, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import { type CallerLimiter, useCallerRateLimit } from "./caller-rate-limit.ts";
import { useCsrfPrevention } from "./csrf.ts";
import { useTokenLimit, useValidationRules } from "./parse-limits.ts";
import { type PersistedOperationsOptions, usePersistedOperations } from "./persisted-operations.ts";
import { type QueryLimits, queryLimitsRule } from "./query-limits.ts";

/** Everything that turns hostile or careless requests away before they cost an upstream call. */
export interface HardeningOptions {
  readonly limits: QueryLimits;
  readonly maxTokens: number;
  readonly introspection: boolean;
  readonly csrfAllowedOrigins: readonly string[];
  /** Absent: no per-caller rate limit. */
  readonly callerRateLimiter: CallerLimiter | undefined;
  readonly persisted: PersistedOperationsOptions;
}

/**
 * The Yoga plugins, in the order a request meets them: caller rate limit and CSRF (on the raw request),
 * persisted operations (on the parameters), token limit (parsing), then validation rules (limits,
 * introspection) — all before execution.
 */
export function hardeningPlugins(options: HardeningOptions): Plugin[] {
  const rules: ValidationRule[] = [queryLimitsRule(options.limits)];
  if (!options.introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return [
    ...(options.callerRateLimiter ? [useCallerRateLimit(options.callerRateLimiter) as Plugin] : []),
    useCsrfPrevention(options.csrfAllowedOrigins),
    usePersistedOperations(options.persisted),
    useTokenLimit(options.maxTokens),
    useValidationRules(rules),
  ];
}
