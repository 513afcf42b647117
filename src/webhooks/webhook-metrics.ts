import { Counter, type Registry } from "prom-client";
import { METRIC_PREFIX } from "../support/metrics.ts";

/** What became of one webhook delivery (the `outcome` label: a fixed, small set). */
export type WebhookOutcome =
  | "accepted"
  | "ignored"
  | "replayed"
  | "invalid_signature"
  | "stale"
  | "unknown_subscription"
  | "company_mismatch"
  | "malformed"
  | "unavailable";

/**
 * `pleo_gateway_webhooks_total{outcome}`: every delivery counted once, refused ones included, in the
 * gateway's registry (absent when metrics are off: then nothing is counted).
 */
export class WebhookMetrics {
  readonly #deliveries: Counter<"outcome"> | undefined;

  constructor(registry: Registry | undefined) {
    this.#deliveries = registry
      ? new Counter({
          name: `${METRIC_PREFIX}webhooks_total`,
          help: "Pleo webhook deliveries received, by outcome (accepted, replayed, invalid_signature, stale, …).",
          labelNames: ["outcome"],
          registers: [registry],
        })
      : undefined;
  }

  count(outcome: WebhookOutcome): void {
    this.#deliveries?.inc({ outcome });
  }
}
