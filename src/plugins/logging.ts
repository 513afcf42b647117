import type { Plugin } from "graphql-yoga";
import type { PleoClient } from "../pleo/client.ts";
import type { Logger } from "../support/logger.ts";
import { outcomeOf, REQUEST_ID_HEADER, requestInfo, requestPath } from "../support/request-info.ts";

const QUIET_PATHS = new Set(["/health", "/ready", "/metrics"]);

/**
 * Request id and access log. Every response carries `x-request-id` (the caller's, when sane, else a new
 * one; the same id goes upstream on every Pleo call). One JSON line per request: id, method, path,
 * status, operation, outcome, duration and error codes. Nothing header-shaped is logged, so no
 * credential can reach the log from here; probes and scrapes log at debug only.
 */
export function useRequestLogging(logger: Logger): Plugin {
  // The access line is built here from fixed keys, none of them a redact path, so redaction could
  // never change it: skipping the redactor's walk saves ~12 µs per request.
  const access = logger.child({}, { redact: { paths: [] } });
  return {
    onResponse({ request, response }) {
      const info = requestInfo(request);
      response.headers.set(REQUEST_ID_HEADER, info.requestId);
      const path = requestPath(request);
      const line = {
        requestId: info.requestId,
        method: request.method,
        path,
        status: response.status,
        durationMs: Math.round((performance.now() - info.startedMark) * 10) / 10,
        ...(info.operationName ? { operation: info.operationName.slice(0, 100) } : {}),
        ...(info.operationType ? { operationType: info.operationType } : {}),
        ...(path === "/graphql" ? { outcome: outcomeOf(info, response.status) } : {}),
        ...(info.errorCodes.length > 0 ? { errorCodes: [...new Set(info.errorCodes)].slice(0, 20) } : {}),
      };
      if (QUIET_PATHS.has(path)) access.debug(line, "request");
      else access.info(line, "request");
    },
  };
}

/**
 * Upstream activity in the log: every attempt at debug; retries, waits and rejections at debug/info;
 * breakers opening and credentials set aside at warn. Only credential ids (public fingerprints).
 */
export function logUpstream(client: PleoClient, logger: Logger): void {
  client.observe((event) => {
    logger.debug(
      {
        requestId: event.requestId,
        upstream: event.endpoint,
        status: event.status,
        ...(event.error ? { error: event.error } : {}),
        attempt: event.attempt,
        companyId: event.companyId,
        credentialId: event.credentialId,
        durationMs: Math.round(event.durationMs * 10) / 10,
      },
      "upstream call",
    );
  });
  client.onEvent((event) => {
    switch (event.type) {
      case "breaker":
        (event.to === "open" ? logger.warn : logger.info).call(
          logger,
          { companyId: event.companyId, credentialId: event.credentialId, from: event.from, to: event.to },
          `circuit breaker ${event.to}`,
        );
        break;
      case "quarantined":
        logger.warn(
          {
            requestId: event.requestId,
            companyId: event.companyId,
            credentialId: event.credentialId,
            status: event.status,
            upstream: event.endpoint,
          },
          "credential refused by Pleo; set aside",
        );
        break;
      case "rate-paused":
        logger.info(
          {
            requestId: event.requestId,
            companyId: event.companyId,
            credentialId: event.credentialId,
            pauseMs: event.pauseMs,
          },
          "Pleo rate limit (429): credential paused",
        );
        break;
      case "retry-budget-exhausted":
        logger.warn({ requestId: event.requestId, upstream: event.endpoint }, "retry budget exhausted");
        break;
      case "queue-rejected":
        logger.warn({ requestId: event.requestId, upstream: event.endpoint }, "upstream queue full");
        break;
      default:
        logger.debug({ ...event }, `upstream ${event.type}`);
    }
  });
}
