import { readFileSync } from "node:fs";
import { z } from "zod";
import { readCacheEnvSchema } from "./cache/cache-config.ts";
import { connectionsConfigProblems, connectionsEnvSchema } from "./connections/connections-config.ts";
import { DEFAULT_INTROSPECTION_GUARD as G } from "./credentials/introspection-guard.ts";
import { FleetConfigError, fleetConfigFrom, fleetEnvSchema } from "./fleet/redis-config.ts";
import { DEFAULT_MAX_CALLS_PER_REQUEST } from "./pleo/http/call-budget.ts";
import { DEFAULT_ACCOUNTING_ENTRIES_SCOPE } from "./pleo/scopes.ts";
import { invalidProxyEntries } from "./support/client-address.ts";
import { flag, optionalString } from "./support/env-values.ts";
import { DEFAULT_RESILIENCE as R } from "./upstream/options.ts";
import { vaultEnvSchema } from "./vault/vault-config.ts";
import { webhooksConfigProblems, webhooksEnvSchema } from "./webhooks/webhooks-config.ts";

/**
 * All configuration comes from the environment, is parsed once at start-up through this schema and
 * fails fast listing every problem. The README documents each variable; keep the two in step.
 */
const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();
const csv = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);
const ALLOWED_JWT_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
];

const PLEO_MAX_CONNECTIONS_DEFAULT = 32;

const configSchema = z.object({
  HOST: z.string().default("127.0.0.1"),
  PORT: port.default(4000),
  /** Pleo's base URL. Unset: `npm start` embeds the simulator and points here. */
  PLEO_API_URL: optionalString.pipe(z.url().optional()),
  SIM_PORT: port.default(4010),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  PLEO_CONNECT_TIMEOUT_MS: positiveMs.default(5_000),
  PLEO_HEADERS_TIMEOUT_MS: positiveMs.default(15_000),
  PLEO_BODY_TIMEOUT_MS: positiveMs.default(15_000),
  PLEO_KEEPALIVE_TIMEOUT_MS: positiveMs.default(10_000),
  PLEO_MAX_CONNECTIONS: z.coerce.number().int().positive().default(PLEO_MAX_CONNECTIONS_DEFAULT),

  INTROSPECTION_CACHE_TTL_MS: positiveMs.default(60_000),
  INTROSPECTION_CACHE_MAX_ENTRIES: z.coerce.number().int().positive().default(10_000),
  MAX_DIRECT_CREDENTIALS: z.coerce.number().int().positive().max(100).default(20),
  // Verification of credentials callers send (README "Capacity guarantees").
  INTROSPECTION_REFUSED_TTL_MS: z.coerce.number().int().min(0).default(G.refusedTtlMs),
  INTROSPECTION_UNKNOWN_PER_CALLER_PER_MINUTE: z.coerce
    .number()
    .int()
    .positive()
    .default(G.unknownPerCallerPerMinute),
  INTROSPECTION_MAX_CONCURRENCY: z.coerce.number().int().positive().default(G.maxConcurrent),
  INTROSPECTION_MAX_QUEUED: z.coerce.number().int().min(0).default(G.maxQueued),
  /** Proxies whose X-Forwarded-For is believed (addresses and CIDR ranges); none by default. */
  TRUSTED_PROXIES: csv
    .refine((entries) => invalidProxyEntries(entries).length === 0, {
      message: "must list IP addresses and CIDR ranges (e.g. 10.0.0.0/8), comma-separated",
    })
    .default([]),

  /** Pleo has not confirmed this scope's name; "" requires only a credential bound to the company. */
  PLEO_ACCOUNTING_ENTRIES_SCOPE: z.string().trim().default(DEFAULT_ACCOUNTING_ENTRIES_SCOPE),

  // Request hardening (see README "Security"). Production turns GraphiQL and introspection off.
  GATEWAY_ENV: z.enum(["development", "production"]).default("development"),
  ENABLE_GRAPHIQL: flag.optional(),
  ENABLE_INTROSPECTION: flag.optional(),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(0).max(1000).default(30),
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(20),
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(50_000),
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).default(5_000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).default(100_000),
  BATCHING_LIMIT: z.coerce.number().int().min(0).max(100).default(0),
  PERSISTED_OPERATIONS: z.enum(["off", "allow", "require"]).default("off"),
  PERSISTED_OPERATIONS_FILE: optionalString,
  PERSISTED_OPERATIONS_TRUST_SCRIPTS: flag.default(true),
  CORS_ORIGINS: csv.pipe(z.array(z.url())).default([]),
  CALLER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  CALLER_RATE_LIMIT_MAX_CALLERS: z.coerce.number().int().positive().default(10_000),

  // Upstream resilience and operations (see README "Operations").
  /** Optional JSON file of these same settings; environment variables take precedence. */
  CONFIG_FILE: optionalString,
  REQUEST_DEADLINE_MS: positiveMs.default(R.defaultDeadlineMs),
  PLEO_MAX_QUEUED: z.coerce.number().int().min(0).default(R.maxQueued),
  MAX_UPSTREAM_CALLS_PER_REQUEST: z.coerce.number().int().min(1).default(DEFAULT_MAX_CALLS_PER_REQUEST),
  PLEO_MAX_CONCURRENCY_PER_CREDENTIAL: z.coerce
    .number()
    .int()
    .positive()
    .default(R.maxConcurrentPerCredential),
  PLEO_RETRY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(R.retry.maxAttempts),
  PLEO_RETRY_BASE_DELAY_MS: positiveMs.default(R.retry.baseDelayMs),
  PLEO_RETRY_MAX_DELAY_MS: positiveMs.default(R.retry.maxDelayMs),
  PLEO_RETRY_BUDGET_RATIO: z.coerce.number().min(0).max(1).default(R.retry.budgetRatio),
  PLEO_RETRY_BUDGET_BURST: z.coerce.number().int().min(0).default(R.retry.budgetBurst),
  /** Pleo allows 600 requests/minute; the gateway's default stays under 500 per credential. */
  // Capped at Pleo's 600/min unless PLEO_RATE_LIMIT_UNCAPPED (load tests against the simulator).
  PLEO_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(2).default(R.rateBudget.perMinute),
  PLEO_RATE_LIMIT_UNCAPPED: flag.default(false),
  PLEO_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(R.rateBudget.burst),
  PLEO_BREAKER_FAILURE_THRESHOLD: z.coerce.number().int().positive().default(R.breaker.failureThreshold),
  PLEO_BREAKER_OPEN_MS: positiveMs.default(R.breaker.openMs),
  PLEO_BREAKER_HALF_OPEN_PROBES: z.coerce.number().int().positive().default(R.breaker.halfOpenProbes),
  /** 0: refused credentials are not set aside. */
  PLEO_CREDENTIAL_QUARANTINE_MS: z.coerce.number().int().min(0).default(R.quarantineMs),
  PLEO_MAX_TRACKED_CREDENTIALS: z.coerce.number().int().positive().default(R.maxTrackedCredentials),
  READY_PROBE_TIMEOUT_MS: positiveMs.default(2_000),
  READY_PROBE_CACHE_MS: z.coerce.number().int().min(0).default(5_000),
  SHUTDOWN_TIMEOUT_MS: positiveMs.default(20_000),
  METRICS_ENABLED: flag.default(true),
  // Standard OpenTelemetry variables: tracing hooks are on when one of them asks for traces.
  OTEL_TRACES_EXPORTER: optionalString,
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalString,
  OTEL_SDK_DISABLED: optionalString,

  PLEO_CREDENTIALS_FILE: optionalString,
  PLEO_CREDENTIALS: optionalString,

  AUTH_JWT_ISSUER: optionalString,
  AUTH_JWT_AUDIENCE: optionalString,
  AUTH_JWT_ALGORITHMS: csv
    .pipe(z.array(z.enum(ALLOWED_JWT_ALGORITHMS as [string, ...string[]])).min(1))
    .default(["RS256", "ES256"]),
  AUTH_JWKS_URL: optionalString.pipe(z.url().optional()),
  /** A JSON Web Key Set (public keys only) given inline, for deployments without a JWKS endpoint. */
  AUTH_JWKS: optionalString.pipe(
    z
      .string()
      .transform((raw, ctx) => {
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "must be a JSON Web Key Set (JSON)" });
          return z.NEVER;
        }
      })
      .pipe(
        z.object({
          keys: z
            .array(
              z
                .object({ kty: z.string() })
                .loose()
                .refine((k) => !("d" in k), "must hold public keys only (a private key was found)"),
            )
            .min(1),
        }),
      )
      .optional(),
  ),
  AUTH_JWT_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(30),
  AUTH_JWT_COMPANIES_CLAIM: z.string().min(1).default("pleo_companies"),
  AUTH_JWT_ORGANISATIONS_CLAIM: z.string().min(1).default("pleo_organisations"),

  /** The fleet: REDIS_URL and its companions (src/fleet/redis-config.ts). Unset REDIS_URL: one instance. */
  ...fleetEnvSchema.shape,
  /** The credential vault: VAULT_BACKEND, VAULT_FILE, VAULT_KEYS (src/vault/vault-config.ts). */
  ...vaultEnvSchema.shape,
  /** Company connections: the OAuth client, return-URL allowlist, manage claim (src/connections). */
  ...connectionsEnvSchema.shape,
  /** The cross-request read cache: READ_CACHE_ENABLED, TTLs, bound (src/cache/cache-config.ts). */
  ...readCacheEnvSchema.shape,
  /** Pleo webhooks in: PUBLIC_BASE_URL, WEBHOOK_TOLERANCE_S, WEBHOOK_SECRETS_FILE (src/webhooks). */
  ...webhooksEnvSchema.shape,
});

/**
 * Rules between variables. They look at which variables are set in the raw environment, so they are
 * reported together with every per-variable problem (a schema refinement would be skipped then).
 */
function crossVariableProblems(env: Record<string, string | undefined>): string[] {
  const set = (name: string) => (env[name] ?? "").trim() !== "";
  const problems: string[] = [];
  if (set("AUTH_JWKS_URL") && set("AUTH_JWKS"))
    problems.push("AUTH_JWKS: set AUTH_JWKS_URL or AUTH_JWKS, not both");
  if ((set("AUTH_JWKS_URL") || set("AUTH_JWKS")) && !(set("AUTH_JWT_ISSUER") && set("AUTH_JWT_AUDIENCE"))) {
    problems.push("AUTH_JWT_ISSUER: caller JWTs need both AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE pinned");
  }
  if ((env.PERSISTED_OPERATIONS ?? "off") !== "off" && !set("PERSISTED_OPERATIONS_FILE")) {
    problems.push(
      "PERSISTED_OPERATIONS_FILE: persisted operations need the manifest (codegen's persisted-documents.json)",
    );
  }
  const int = (name: string, fallback: number) => {
    const value = Number((env[name] ?? "").trim() || fallback);
    return Number.isFinite(value) ? value : fallback;
  };
  if (
    int("PLEO_RATE_LIMIT_BURST", R.rateBudget.burst) >=
    int("PLEO_RATE_LIMIT_PER_MINUTE", R.rateBudget.perMinute)
  ) {
    problems.push(
      "PLEO_RATE_LIMIT_BURST: must be smaller than PLEO_RATE_LIMIT_PER_MINUTE (the burst is part of it)",
    );
  }
  const uncapped = ["true", "1", "yes"].includes((env.PLEO_RATE_LIMIT_UNCAPPED ?? "").trim());
  if (!uncapped && int("PLEO_RATE_LIMIT_PER_MINUTE", R.rateBudget.perMinute) > 600) {
    problems.push(
      "PLEO_RATE_LIMIT_PER_MINUTE: Pleo allows 600 calls a minute per credential (PLEO_RATE_LIMIT_UNCAPPED lifts this for load tests against the simulator only)",
    );
  }
  if (
    int("PLEO_RETRY_BASE_DELAY_MS", R.retry.baseDelayMs) > int("PLEO_RETRY_MAX_DELAY_MS", R.retry.maxDelayMs)
  ) {
    problems.push("PLEO_RETRY_BASE_DELAY_MS: must not exceed PLEO_RETRY_MAX_DELAY_MS");
  }
  if (
    int("INTROSPECTION_MAX_CONCURRENCY", G.maxConcurrent) >=
    int("PLEO_MAX_CONNECTIONS", PLEO_MAX_CONNECTIONS_DEFAULT)
  ) {
    problems.push(
      "INTROSPECTION_MAX_CONCURRENCY: must be smaller than PLEO_MAX_CONNECTIONS (tenants' calls keep the rest)",
    );
  }
  if (set("PLEO_CREDENTIALS_FILE") && set("PLEO_CREDENTIALS")) {
    problems.push("PLEO_CREDENTIALS: set PLEO_CREDENTIALS_FILE or PLEO_CREDENTIALS, not both");
  }
  problems.push(...connectionsConfigProblems(env));
  problems.push(...webhooksConfigProblems(env));
  return problems;
}

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws ConfigError listing every problem (values are never echoed). */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const file = readConfigFile(environment.CONFIG_FILE);
  const env = { ...file.values, ...environment };
  const result = configSchema.safeParse(env);
  const problems = [
    ...file.problems,
    ...(result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join(".") || "(config)"}: ${i.message}`)),
    ...crossVariableProblems(env),
  ];
  if (result.success) problems.push(...fleetProblems(result.data));
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

/** What only a whole fleet configuration can tell (the URL's db path, a readable TLS CA file). */
function fleetProblems(config: Config): readonly string[] {
  try {
    fleetConfigFrom(config);
    return [];
  } catch (error) {
    if (error instanceof FleetConfigError) return error.problems;
    throw error;
  }
}

/**
 * The optional `CONFIG_FILE`: a JSON object of the same settings, by variable name. Numbers and
 * booleans are taken as written, lists may be arrays, JSON-valued settings (PLEO_CREDENTIALS,
 * AUTH_JWKS) may be objects. Unknown names are problems (a typo must not silently fall back to a
 * default). Environment variables override the file.
 */
function readConfigFile(path: string | undefined): { values: Record<string, string>; problems: string[] } {
  if (path === undefined || path.trim() === "") return { values: {}, problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path.trim(), "utf8"));
  } catch (error) {
    const why = error instanceof SyntaxError ? "is not valid JSON" : "cannot be read";
    return { values: {}, problems: [`CONFIG_FILE: the file ${why}`] };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { values: {}, problems: ["CONFIG_FILE: must hold a JSON object of settings by name"] };
  }
  const known = new Set(Object.keys(configSchema.shape));
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (!known.has(name) || name === "CONFIG_FILE") {
      problems.push(`CONFIG_FILE: unknown setting ${JSON.stringify(name.slice(0, 64))}`);
      continue;
    }
    if (value === null || value === undefined) continue;
    values[name] = Array.isArray(value)
      ? value.map(String).join(",")
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  }
  return { values, problems };
}
