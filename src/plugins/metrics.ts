import type { Plugin } from "graphql-yoga";
import type { GatewayMetrics } from "../support/metrics.ts";
import { outcomeOf, requestInfo, requestPath } from "../support/request-info.ts";

/**
 * Prometheus metrics: `GET /metrics` serves the registry; every GraphQL request is counted by operation,
 * type and outcome, timed, and its error codes counted. (Upstream and DataLoader metrics are recorded
 * where they happen: the Pleo client and the loaders.)
 */
export function useMetrics(metrics: GatewayMetrics, path = "/metrics"): Plugin {
  const counted = new WeakSet<Request>();
  return {
    // Synchronous unless it serves the scrape: an async hook costs every GraphQL request a promise.
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname === path) {
        if (request.method !== "GET") {
          endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: "GET" } }));
          return;
        }
        return metrics.render().then(({ contentType, body }) =>
          endResponse(
            new fetchAPI.Response(body, {
              status: 200,
              headers: { "content-type": contentType, "cache-control": "no-store" },
            }),
          ),
        );
      }
      counted.add(request);
      metrics.httpInFlight.inc();
    },
    onResponse({ request, response }) {
      if (!counted.has(request)) return;
      counted.delete(request);
      metrics.httpInFlight.dec();
      if (requestPath(request) !== "/graphql") return;
      const info = requestInfo(request);
      const outcome = outcomeOf(info, response.status);
      const operation = metrics.operationLabel(info.operationName);
      metrics.graphqlRequests.inc({ operation, type: info.operationType ?? "none", outcome });
      metrics.graphqlDuration.observe({ operation, outcome }, (performance.now() - info.startedMark) / 1000);
      for (const code of info.errorCodes) metrics.graphqlErrors.inc({ code: code.slice(0, 64) });
    },
  };
}
