import type { BreakerState } from "./circuit-breaker.ts";

/** Who an event concerns. Never a secret: the credential's public fingerprint only. */
interface Subject {
  readonly companyId: string | undefined;
  readonly credentialId: string;
  /** `POST /v1/vendors:search`: method and path template. */
  readonly endpoint: string;
  readonly requestId: string | undefined;
}

/**
 * What the resilience layer decided, for metrics and logs. Each upstream attempt is reported separately
 * through `PleoClient.observe` (an `UpstreamCallEvent`).
 */
export type UpstreamEvent =
  | (Subject & {
      readonly type: "retry";
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: RetryReason;
    })
  | (Subject & { readonly type: "retry-budget-exhausted" })
  | (Subject & { readonly type: "rate-wait"; readonly waitMs: number })
  | (Subject & { readonly type: "rate-rejected"; readonly retryAfterMs: number })
  | (Subject & { readonly type: "rate-paused"; readonly pauseMs: number })
  | (Subject & { readonly type: "breaker-rejected"; readonly retryAfterMs: number })
  | (Subject & { readonly type: "quarantined"; readonly status: number })
  | (Subject & { readonly type: "quarantine-rejected"; readonly status: number })
  | (Subject & { readonly type: "shared" })
  | (Subject & { readonly type: "queue-rejected" })
  | {
      readonly type: "breaker";
      readonly companyId: string | undefined;
      readonly credentialId: string;
      readonly from: BreakerState;
      readonly to: BreakerState;
    };

export type RetryReason = "status-5xx" | "status-429" | "network" | "timeout";
