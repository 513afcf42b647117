import { z } from "zod";
import { flag } from "../support/env-values.ts";
import { CACHE_RESOURCES, type CacheResource } from "./cache-resource.ts";

/**
 * The read cache's settings, merged into the gateway's schema (src/config.ts) like the fleet's and the
 * vault's. TTLs are per resource: master data for a minute, companies and organisations for five,
 * accounting entries and export jobs not at all (they change with every export) unless configured.
 */
export const DEFAULT_MASTER_DATA_TTL_MS = 60_000;
export const DEFAULT_COMPANIES_TTL_MS = 300_000;
/** Resources nobody caches unless `READ_CACHE_TTLS` names them. */
const UNCACHED_BY_DEFAULT: readonly CacheResource[] = ["export-jobs", "accounting-entries"];

const ttlOverrides = z.string().transform((raw, ctx) => {
  const ttls: Partial<Record<CacheResource, number>> = {};
  for (const item of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name = "", value = ""] = item.split("=").map((s) => s.trim());
    const ms = Number(value);
    if (!(CACHE_RESOURCES as readonly string[]).includes(name)) {
      ctx.addIssue({ code: "custom", message: `unknown resource (one of ${CACHE_RESOURCES.join(", ")})` });
    } else if (!/^\d+$/.test(value) || !Number.isSafeInteger(ms)) {
      ctx.addIssue({ code: "custom", message: "each entry must be <resource>=<milliseconds>" });
    } else {
      ttls[name as CacheResource] = ms;
    }
  }
  return ttls;
});

export const readCacheEnvSchema = z.object({
  /** The cross-request read cache (README "Read cache"); off: every read goes to Pleo. */
  READ_CACHE_ENABLED: flag.default(true),
  /** Master data (accounts, tax codes, tag groups, tags, vendors, employees). */
  READ_CACHE_TTL_MS: z.coerce.number().int().min(0).default(DEFAULT_MASTER_DATA_TTL_MS),
  /** Companies and organisations (discovery). */
  READ_CACHE_COMPANIES_TTL_MS: z.coerce.number().int().min(0).default(DEFAULT_COMPANIES_TTL_MS),
  /** Per-resource overrides, `vendors=30000,export-jobs=5000`; 0 turns a resource off. */
  READ_CACHE_TTLS: ttlOverrides.default({}),
  /** How long past its TTL an answer may still be served while one refresh runs, as a share of the TTL. */
  READ_CACHE_STALE_RATIO: z.coerce.number().min(0).max(10).default(1),
  /** Bound of this instance's copies (answers' text, counted in bytes). */
  READ_CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(64 * 1024 * 1024),
});

export type ReadCacheEnv = z.infer<typeof readCacheEnvSchema>;

export interface ReadCacheOptions {
  /** Per resource; 0: not cached. */
  readonly ttlMs: Readonly<Record<CacheResource, number>>;
  readonly staleRatio: number;
  readonly maxBytes: number;
}

/** Nothing cached (a gateway built without cache options, as in tests that assemble their own). */
export const NO_READ_CACHE: ReadCacheOptions = {
  ttlMs: Object.fromEntries(CACHE_RESOURCES.map((r) => [r, 0])) as Record<CacheResource, number>,
  staleRatio: 0,
  maxBytes: 64 * 1024,
};

/** The cache's options; turned off, every TTL is 0 (nothing cached, invalidations cost nothing). */
export function readCacheOptionsFrom(env: ReadCacheEnv): ReadCacheOptions {
  const ttlOf = (resource: CacheResource): number => {
    if (!env.READ_CACHE_ENABLED) return 0;
    const configured = env.READ_CACHE_TTLS[resource];
    if (configured !== undefined) return configured;
    if (resource === "companies") return env.READ_CACHE_COMPANIES_TTL_MS;
    return UNCACHED_BY_DEFAULT.includes(resource) ? 0 : env.READ_CACHE_TTL_MS;
  };
  const ttlMs = Object.fromEntries(CACHE_RESOURCES.map((r) => [r, ttlOf(r)])) as Record<
    CacheResource,
    number
  >;
  return { ttlMs, staleRatio: env.READ_CACHE_STALE_RATIO, maxBytes: env.READ_CACHE_MAX_BYTES };
}
