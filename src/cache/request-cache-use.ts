/**
 * One GraphQL request's use of the read cache: whether its reads must skip it (the caller sent
 * `Cache-Control: no-cache`/`no-store`, or the operation is a mutation or subscription, whose own
 * reads always go to Pleo), and what it cost upstream, for the `extensions.upstream` report and the
 * `Server-Timing` header. It lives on the request's Pleo client view, so every call the request makes
 * reads and counts through it.
 */
export class RequestCacheUse {
  /** Reads skip the cache (and refill it). */
  fresh: boolean;
  /** Calls this request sent to Pleo (or joined in flight): reads not served by the cache, and writes. */
  calls = 0;
  /** Reads served by the cache, fresh or stale. */
  cacheHits = 0;
  /** Of those, answers past their TTL served while a refresh ran. */
  staleServes = 0;

  constructor(fresh = false) {
    this.fresh = fresh;
  }

  /** `Cache-Control: no-cache` (or `no-store`) asks for fresh reads, as HTTP caches understand it. */
  static fromHeaders(headers: Headers): RequestCacheUse {
    const directives = (headers.get("cache-control") ?? "")
      .toLowerCase()
      .split(",")
      .map((d) => d.trim());
    return new RequestCacheUse(directives.includes("no-cache") || directives.includes("no-store"));
  }

  report(): { calls: number; cacheHits: number; staleServes: number } {
    return { calls: this.calls, cacheHits: this.cacheHits, staleServes: this.staleServes };
  }
}
