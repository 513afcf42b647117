import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { ErrorCode } from "../errors.ts";
import { LruCache } from "../support/lru-cache.ts";

export interface CallerRateLimit {
  /** Requests a caller may make per window. */
  readonly requests: number;
  readonly windowMs: number;
  /** Bound on distinct callers tracked (least recently seen evicted). */
  readonly maxCallers: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Takes one token for a caller: 0 when allowed, else the seconds until one is available. */
export interface CallerLimiter {
  take(key: string): number | Promise<number>;
}

/**
 * A token bucket per caller, so one caller cannot spend the upstream budget of everyone behind the
 * gateway. Callers are keyed by a hash of what identifies them (the caller JWT, or the Pleo credentials
 * they send), else by network address; never by a raw secret.
 */
export class CallerRateLimiter implements CallerLimiter {
  readonly #limit: CallerRateLimit;
  readonly #buckets: LruCache<Bucket>;
  readonly #now: () => number;

  constructor(limit: CallerRateLimit, now: () => number = Date.now) {
    this.#limit = limit;
    this.#buckets = new LruCache<Bucket>(limit.maxCallers, now);
    this.#now = now;
  }

  /** Takes one token; returns 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const now = this.#now();
    const rate = this.#limit.requests / this.#limit.windowMs;
    const bucket = this.#buckets.getSync(key) ?? { tokens: this.#limit.requests, updatedAt: now };
    bucket.tokens = Math.min(this.#limit.requests, bucket.tokens + (now - bucket.updatedAt) * rate);
    bucket.updatedAt = now;
    let retryAfter = 0;
    if (bucket.tokens >= 1) bucket.tokens -= 1;
    else retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
    this.#buckets.setSync(key, bucket, this.#limit.windowMs * 2);
    return retryAfter;
  }
}

export function callerKey(headers: Headers, address: string | undefined): string {
  const identity = ["authorization", "x-pleo-api-key", "x-pleo-access-token"]
    .map((name) => headers.get(name) ?? "")
    .join("\u0000");
  if (identity.replaceAll("\u0000", "") === "") return `ip:${address ?? "unknown"}`;
  return `caller:${createHash("sha256").update(identity).digest("hex")}`;
}

/** Yoga plugin: 429 with `Retry-After` and a typed error once a caller exceeds its rate. */
export function useCallerRateLimit(
  limiter: CallerLimiter,
): Plugin<Record<string, unknown>, { req?: { socket?: { remoteAddress?: string } } }> {
  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI, url }) {
      if (!url.pathname.startsWith("/graphql")) return;
      const retryAfter = await limiter.take(
        callerKey(request.headers, serverContext?.req?.socket?.remoteAddress),
      );
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
            headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(retryAfter) },
          },
        ),
      );
    },
  };
}
