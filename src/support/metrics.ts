import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { PleoClient, UpstreamCallEvent } from "../pleo/client.ts";
import type { UpstreamEvent } from "../upstream/events.ts";

/**
 * The gateway's Prometheus metrics, in a registry of its own (several gateways may share a process, as
 * in tests). Label values are bounded: endpoints are path templates, companies are ids some credential
 * was bound to by introspection (any other company id — a caller may look up whatever id it likes — is
 * `other`), operation names are capped, and nothing carries a credential or a secret.
 */
export const METRIC_PREFIX = "pleo_gateway_";

const BREAKER_STATE_VALUE = { closed: 0, "half-open": 1, open: 2 } as const;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const MAX_OPERATION_NAMES = 200;
/** Companies with a label of their own; beyond (only ever reached with that many real credentials), `other`. */
const MAX_COMPANY_LABELS = 1_000;

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly graphqlRequests: Counter<"operation" | "type" | "outcome">;
  readonly graphqlDuration: Histogram<"operation" | "outcome">;
  readonly graphqlErrors: Counter<"code">;
  readonly httpInFlight: Gauge;
  readonly upstreamRequests: Counter<"endpoint" | "status" | "company">;
  readonly upstreamDuration: Histogram<"endpoint" | "status">;
  readonly upstreamRetries: Counter<"endpoint" | "reason">;
  readonly retryBudgetExhausted: Counter<"endpoint">;
  readonly sharedReads: Counter<"endpoint">;
  readonly queueRejections: Counter<"endpoint">;
  readonly rateBudgetWaits: Counter<"company">;
  readonly rateBudgetWaitSeconds: Histogram;
  readonly rateBudgetRejections: Counter<"company">;
  readonly rateLimitPauses: Counter<"company">;
  readonly breakerState: Gauge<"company">;
  readonly breakerTransitions: Counter<"company" | "to">;
  readonly breakerRejections: Counter<"company">;
  readonly credentialQuarantines: Counter<"status">;
  readonly quarantineRejections: Counter<"status">;
  readonly loaderBatchSize: Histogram<"loader">;
  readonly #operationNames = new Set<string>();
  readonly #companies = new Set<string>();

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    const p = METRIC_PREFIX;
    this.graphqlRequests = new Counter({
      name: `${p}graphql_requests_total`,
      help: "GraphQL requests by operation name, operation type and outcome (success, partial, error).",
      labelNames: ["operation", "type", "outcome"],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: `${p}graphql_request_duration_seconds`,
      help: "GraphQL request latency, arrival to response.",
      labelNames: ["operation", "outcome"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.graphqlErrors = new Counter({
      name: `${p}graphql_errors_total`,
      help: "Errors in GraphQL responses by extensions.code.",
      labelNames: ["code"],
      registers,
    });
    this.httpInFlight = new Gauge({
      name: `${p}http_requests_in_flight`,
      help: "HTTP requests being served.",
      registers,
    });
    this.upstreamRequests = new Counter({
      name: `${p}upstream_requests_total`,
      help: "Attempts sent to Pleo by endpoint (method and path template), status (or network failure kind) and company.",
      labelNames: ["endpoint", "status", "company"],
      registers,
    });
    this.upstreamDuration = new Histogram({
      name: `${p}upstream_request_duration_seconds`,
      help: "Latency of attempts sent to Pleo.",
      labelNames: ["endpoint", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.upstreamRetries = new Counter({
      name: `${p}upstream_retries_total`,
      help: "Retries of safe reads (and of writes that never left) by endpoint and reason.",
      labelNames: ["endpoint", "reason"],
      registers,
    });
    this.retryBudgetExhausted = new Counter({
      name: `${p}upstream_retry_budget_exhausted_total`,
      help: "Retries not made because the retry budget was spent.",
      labelNames: ["endpoint"],
      registers,
    });
    this.sharedReads = new Counter({
      name: `${p}upstream_shared_reads_total`,
      help: "Reads that joined an identical read already in flight (no call of their own).",
      labelNames: ["endpoint"],
      registers,
    });
    this.queueRejections = new Counter({
      name: `${p}upstream_queue_rejections_total`,
      help: "Calls refused because the upstream queue was full.",
      labelNames: ["endpoint"],
      registers,
    });
    this.rateBudgetWaits = new Counter({
      name: `${p}rate_budget_waits_total`,
      help: "Calls that waited for their credential's rate budget.",
      labelNames: ["company"],
      registers,
    });
    this.rateBudgetWaitSeconds = new Histogram({
      name: `${p}rate_budget_wait_seconds`,
      help: "How long calls waited for their credential's rate budget.",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.rateBudgetRejections = new Counter({
      name: `${p}rate_budget_rejections_total`,
      help: "Calls failed with RATE_LIMITED because no slot came within their deadline.",
      labelNames: ["company"],
      registers,
    });
    this.rateLimitPauses = new Counter({
      name: `${p}upstream_rate_limited_total`,
      help: "429 answers from Pleo (each pauses the credential for Retry-After).",
      labelNames: ["company"],
      registers,
    });
    this.breakerState = new Gauge({
      name: `${p}circuit_breaker_state`,
      help: "Circuit breaker state per company, as last changed (0 closed, 1 half-open, 2 open).",
      labelNames: ["company"],
      registers,
    });
    this.breakerTransitions = new Counter({
      name: `${p}circuit_breaker_transitions_total`,
      help: "Circuit breaker state changes per company and new state.",
      labelNames: ["company", "to"],
      registers,
    });
    this.breakerRejections = new Counter({
      name: `${p}circuit_breaker_rejections_total`,
      help: "Calls failed fast with CIRCUIT_OPEN.",
      labelNames: ["company"],
      registers,
    });
    this.credentialQuarantines = new Counter({
      name: `${p}credential_quarantines_total`,
      help: "Credentials (401) or credential endpoints (company-wide 403) set aside after Pleo refused them.",
      labelNames: ["status"],
      registers,
    });
    this.quarantineRejections = new Counter({
      name: `${p}credential_quarantine_rejections_total`,
      help: "Calls failed fast because their credential was set aside.",
      labelNames: ["status"],
      registers,
    });
    this.loaderBatchSize = new Histogram({
      name: `${p}dataloader_batch_size`,
      help: "Keys per DataLoader batch, by loader.",
      labelNames: ["loader"],
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      registers,
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: p });
  }

  /** Records every upstream attempt and resilience decision of `client`, and its queue gauges. */
  bindClient(client: PleoClient): void {
    client.observe((event) => this.#onAttempt(event));
    client.onEvent((event) => this.#onEvent(event));
    const p = METRIC_PREFIX;
    const stats = () => client.stats();
    new Gauge({
      name: `${p}upstream_requests_in_flight`,
      help: "Calls to Pleo holding a connection slot.",
      registers: [this.registry],
      collect() {
        this.set(stats().active);
      },
    });
    new Gauge({
      name: `${p}upstream_requests_queued`,
      help: "Calls to Pleo waiting for a connection slot.",
      registers: [this.registry],
      collect() {
        this.set(stats().queued);
      },
    });
    new Gauge({
      name: `${p}upstream_retry_budget_tokens`,
      help: "Retries the retry budget would allow right now.",
      registers: [this.registry],
      collect() {
        this.set(stats().retryTokens);
      },
    });
  }

  /** A company a credential was bound to by introspection: from now on its id is a label value. */
  knowCompany(companyId: string): void {
    if (this.#companies.size < MAX_COMPANY_LABELS) this.#companies.add(companyId.toLowerCase());
  }

  observeLoaderBatch(loader: string, size: number): void {
    this.loaderBatchSize.observe({ loader }, size);
  }

  /** A bounded label for a caller-chosen operation name. */
  operationLabel(name: string | undefined): string {
    if (!name) return "anonymous";
    if (!OPERATION_NAME.test(name)) return "invalid";
    if (this.#operationNames.has(name)) return name;
    if (this.#operationNames.size >= MAX_OPERATION_NAMES) return "other";
    this.#operationNames.add(name);
    return name;
  }

  #companyLabel(companyId: string | undefined): string {
    if (companyId === undefined) return "none";
    const id = companyId.toLowerCase();
    return this.#companies.has(id) ? id : "other";
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  #onAttempt(event: UpstreamCallEvent): void {
    const status =
      event.status === "network-error"
        ? (event.error ?? "network_error").replace("-", "_")
        : String(event.status);
    this.upstreamRequests.inc({
      endpoint: event.endpoint,
      status,
      company: this.#companyLabel(event.companyId),
    });
    this.upstreamDuration.observe({ endpoint: event.endpoint, status }, event.durationMs / 1000);
  }

  #onEvent(event: UpstreamEvent): void {
    const company = this.#companyLabel(event.companyId);
    switch (event.type) {
      case "retry":
        this.upstreamRetries.inc({ endpoint: event.endpoint, reason: event.reason });
        break;
      case "retry-budget-exhausted":
        this.retryBudgetExhausted.inc({ endpoint: event.endpoint });
        break;
      case "rate-wait":
        this.rateBudgetWaits.inc({ company });
        this.rateBudgetWaitSeconds.observe(event.waitMs / 1000);
        break;
      case "rate-rejected":
        this.rateBudgetRejections.inc({ company });
        break;
      case "rate-paused":
        this.rateLimitPauses.inc({ company });
        break;
      case "breaker":
        this.breakerState.set({ company }, BREAKER_STATE_VALUE[event.to]);
        this.breakerTransitions.inc({ company, to: event.to });
        break;
      case "breaker-rejected":
        this.breakerRejections.inc({ company });
        break;
      case "quarantined":
        this.credentialQuarantines.inc({ status: String(event.status) });
        break;
      case "quarantine-rejected":
        this.quarantineRejections.inc({ status: String(event.status) });
        break;
      case "shared":
        this.sharedReads.inc({ endpoint: event.endpoint });
        break;
      case "queue-rejected":
        this.queueRejections.inc({ endpoint: event.endpoint });
        break;
    }
  }
}
