import type { Plugin } from "graphql-yoga";
import type { ProbeResult } from "../pleo/client.ts";

export interface HealthOptions {
  /** Is Pleo reachable? (an unauthenticated probe; any HTTP answer counts) */
  readonly probe: () => Promise<ProbeResult>;
  /** True once shutdown has begun: the instance must leave the load balancer. */
  readonly draining: () => boolean;
  /** How long a probe result is reused, so frequent readiness checks cost Pleo at most one call. */
  readonly cacheMs: number;
  /** In a fleet: whether Redis answers. */
  readonly redis?: () => "up" | "degraded";
}

/**
 * `GET /health`: liveness, 200 while the process serves HTTP at all.
 * `GET /ready`: readiness, 200 only when the configuration was valid (the process would not have
 * started otherwise), Pleo answers, and the gateway is not draining; else 503 with the failing check.
 * In a fleet, a Redis that does not answer turns the status to "degraded" (still 200, see below).
 */
export function useHealthChecks(options: HealthOptions): Plugin {
  let cached: { at: number; result: Promise<ProbeResult> } | undefined;
  const probe = (): Promise<ProbeResult> => {
    const now = Date.now();
    if (!cached || now - cached.at >= options.cacheMs) {
      const result = options.probe();
      cached = { at: now, result };
      // A failed probe is not reused: the next check tries again.
      void result.then((r) => {
        if (!r.reachable && cached?.result === result) cached = undefined;
      });
    }
    return cached.result;
  };
  return {
    // Synchronous for every other path: an `async` hook would cost each GraphQL request a promise and a
    // microtask in Yoga's hook loop, and this is one of several `onRequest` hooks every request passes.
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== "/health" && url.pathname !== "/ready") return;
      const json = (status: number, body: unknown) =>
        new fetchAPI.Response(JSON.stringify(body), {
          status,
          headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
        });
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: "GET, HEAD" } }));
        return;
      }
      if (url.pathname === "/health") {
        endResponse(json(200, { status: "ok" }));
        return;
      }
      if (options.draining()) {
        endResponse(json(503, { status: "draining", checks: { config: "ok", draining: true } }));
        return;
      }
      return probe().then((upstream) => {
        const redis = options.redis?.();
        const checks = {
          config: "ok",
          draining: false,
          upstream: upstream.reachable ? "ok" : `unreachable (${upstream.error ?? "error"})`,
          ...(redis ? { redis: redis === "up" ? "ok" : "degraded" } : {}),
        };
        // A degraded Redis keeps the instance in the load balancer: it still serves, on per-instance
        // shares of every budget, and Redis is shared, so a 503 here would take the whole fleet out at once.
        const status = !upstream.reachable ? "not ready" : redis === "degraded" ? "degraded" : "ready";
        endResponse(json(upstream.reachable ? 200 : 503, { status, checks }));
      });
    },
  };
}
