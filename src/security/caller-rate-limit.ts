import type { Plugin } from "graphql-yoga";
import { bearerTokenHash, callerIdentity } from "../context/caller-identity.ts";
import { sentCredentialHashes } from "../context/direct-credentials.ts";
import { ErrorCode } from "../errors.ts";
import { KeyedTokenBuckets } from "../support/keyed-token-buckets.ts";
import { isPromise } from "../support/maybe-async.ts";
import { requestInfo } from "../support/request-info.ts";

export interface CallerRateLimit {
  /** Requests a caller may make per window. */
  readonly requests: number;
  readonly windowMs: number;
  /** Bound on distinct callers tracked (least recently seen evicted). */
  readonly maxCallers: number;
}

/** Takes one token for a caller: 0 when allowed, else the seconds until one is available. */
export interface CallerLimiter {
  take(key: string): number | Promise<number>;
}

/**
 * A token bucket per caller, so one caller cannot spend the upstream budget of everyone behind the
 * gateway. Callers are keyed by `callerKey`, never by a raw secret.
 */
export class CallerRateLimiter implements CallerLimiter {
  readonly #buckets: KeyedTokenBuckets;

  constructor(limit: CallerRateLimit, now: () => number = Date.now) {
    this.#buckets = new KeyedTokenBuckets(
      { capacity: limit.requests, windowMs: limit.windowMs, maxKeys: limit.maxCallers },
      now,
    );
  }

  /** Takes one token; returns 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    return this.#buckets.take(key);
  }
}

/**
 * The caller a request counts against, before it is authenticated: its normalised identity (credential
 * fingerprints, the caller JWT's hash), else its network address (`address`, already resolved through
 * the trusted proxies).
 */
export function callerKey(headers: Headers, address: string | undefined): string {
  return callerIdentity({
    credentialHashes: sentCredentialHashes(headers),
    tokenHash: bearerTokenHash(headers.get("authorization")),
    address,
  });
}

/** Yoga plugin: 429 with `Retry-After` and a typed error once a caller exceeds its rate. */
export function useCallerRateLimit(limiter: CallerLimiter): Plugin {
  return {
    // Synchronous when the limiter answers at once (in memory): no promise per GraphQL request.
    onRequest({ request, endResponse, fetchAPI, url }) {
      if (!url.pathname.startsWith("/graphql")) return;
      const refuse = (retryAfter: number): void => {
        if (retryAfter === 0) return;
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [
                {
                  message: `Too many requests from this caller; retry after ${retryAfter} s.`,
                  extensions: { code: ErrorCode.CALLER_RATE_LIMITED, retryAfterSeconds: retryAfter },
                },
              ],
            }),
            {
              status: 429,
              headers: {
                "content-type": "application/json; charset=utf-8",
                "retry-after": String(retryAfter),
              },
            },
          ),
        );
      };
      // The address as the request-info plugin (first of all plugins) resolved it through trusted proxies.
      const retryAfter = limiter.take(callerKey(request.headers, requestInfo(request).clientAddress));
      return isPromise(retryAfter) ? retryAfter.then(refuse) : refuse(retryAfter);
    },
  };
}
