import { Counter, Gauge, type Registry } from "prom-client";
import { METRIC_PREFIX } from "../support/metrics.ts";
import { CACHE_RESOURCES } from "./cache-resource.ts";
import type { ReadCache, ReadCacheEvent } from "./read-cache.ts";

/**
 * The read cache's Prometheus metrics, in the gateway's registry: what it served, what it sent on, what
 * was invalidated, by resource (a fixed set of label values), and how much this instance holds.
 */
export function bindReadCacheMetrics(registry: Registry, cache: ReadCache): void {
  const registers = [registry];
  const p = `${METRIC_PREFIX}read_cache_`;
  const counter = (name: string, help: string) =>
    new Counter({ name: `${p}${name}_total`, help, labelNames: ["resource"], registers });
  const counters: Record<ReadCacheEvent["type"], Counter<"resource">> = {
    hit: counter("hits", "Pleo reads answered by the cache within their TTL."),
    stale: counter("stale_serves", "Pleo reads answered past their TTL while one refresh ran."),
    miss: counter("misses", "Cacheable Pleo reads the cache could not answer (sent to Pleo, then kept)."),
    bypass: counter("bypasses", "Cacheable Pleo reads sent fresh (Cache-Control: no-cache, mutations)."),
    invalidation: counter("invalidations", "Company resources invalidated (writes, webhook events)."),
    "refresh-failed": counter("refresh_failures", "Background refreshes of stale answers that failed."),
  };
  // Every series exists from the start, so rates are defined before the first event.
  for (const resource of CACHE_RESOURCES) for (const c of Object.values(counters)) c.inc({ resource }, 0);
  cache.onEvent((event) => counters[event.type].inc({ resource: event.resource }));
  new Gauge({
    name: `${p}local_bytes`,
    help: "Text of the answers this instance keeps (bounded by READ_CACHE_MAX_BYTES).",
    registers,
    collect() {
      this.set(cache.localBytes);
    },
  });
}
