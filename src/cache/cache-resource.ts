/**
 * What the read cache caches, by Pleo resource: each resource has its own TTL and is invalidated as a
 * whole for one company (a write through the gateway, a webhook event), never object by object, so a
 * list and the lookups it contains cannot disagree after a change.
 */
export const CACHE_RESOURCES = [
  "companies",
  "accounts",
  "tax-codes",
  "tag-groups",
  "tags",
  "vendors",
  "employees",
  "export-jobs",
  "accounting-entries",
] as const;

export type CacheResource = (typeof CACHE_RESOURCES)[number];

export interface ReadCacheInvalidator {
  /** Drops company X's cached reads of `resource` on every instance (generation bump + pub/sub). */
  invalidate(companyId: string, resource: CacheResource): Promise<void>;
}
