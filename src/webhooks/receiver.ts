import type { CompanyEvent } from "../events/company-events.ts";
import { isUuid } from "../pleo/models/common.ts";
import type { Logger } from "../support/logger.ts";
import type { DeliveryDedupe } from "./delivery-dedupe.ts";
import { parseDeliveryPayload } from "./delivery-payload.ts";
import { eventKindOf, STALE_RESOURCE } from "./event-types.ts";
import { type WebhookSecretStore, WebhookSecretStoreUnavailableError } from "./secret-store.ts";
import { verifyDelivery } from "./verify-delivery.ts";
import type { WebhookMetrics, WebhookOutcome } from "./webhook-metrics.ts";

/**
 * `POST /webhooks/pleo/{companyId}` (and `/webhooks/pleo`, the company then taken from the payload's
 * `data.companyId`): verify, deduplicate, route, publish. In this order, so nothing unverified is
 * believed: the company named (by the path, else the payload) only selects which secrets to try; the
 * signature must match one of that company's subscriptions; a payload naming another company is
 * refused; only then is the `webhook-id` claimed (a replay is refused) and the answer given — before
 * the event is published and the company's cached reads dropped, so Pleo is never kept waiting on the
 * fan-out. Every delivery is counted by outcome; a refused one publishes nothing.
 */
export interface WebhookSinks {
  publish(event: CompanyEvent): Promise<void>;
  invalidate(
    companyId: string,
    resource: (typeof STALE_RESOURCE)[keyof typeof STALE_RESOURCE],
  ): Promise<void>;
}

export interface ReceiverAnswer {
  readonly status: number;
  readonly outcome: WebhookOutcome;
}

const WEBHOOK_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const MAX_SIGNATURE_HEADER = 4_096;
const STATUS: Readonly<Record<WebhookOutcome, number>> = {
  accepted: 202,
  ignored: 202,
  replayed: 409,
  invalid_signature: 401,
  stale: 401,
  unknown_subscription: 404,
  company_mismatch: 400,
  malformed: 400,
  unavailable: 503,
};

export class WebhookReceiver {
  readonly #store: WebhookSecretStore;
  readonly #dedupe: DeliveryDedupe;
  readonly #sinks: WebhookSinks;
  readonly #metrics: WebhookMetrics;
  readonly #toleranceSeconds: number;
  readonly #logger: Logger;

  constructor(options: {
    store: WebhookSecretStore;
    dedupe: DeliveryDedupe;
    sinks: WebhookSinks;
    metrics: WebhookMetrics;
    toleranceSeconds: number;
    logger: Logger;
  }) {
    this.#store = options.store;
    this.#dedupe = options.dedupe;
    this.#sinks = options.sinks;
    this.#metrics = options.metrics;
    this.#toleranceSeconds = options.toleranceSeconds;
    this.#logger = options.logger;
  }

  /** Handles one delivery; `pathCompanyId` is the path's last segment, if any. */
  async receive(
    headers: Headers,
    body: Uint8Array,
    pathCompanyId: string | undefined,
  ): Promise<ReceiverAnswer> {
    const outcome = await this.#decide(headers, body, pathCompanyId);
    this.#metrics.count(outcome.outcome);
    if (outcome.outcome !== "accepted")
      this.#logger.info(
        { outcome: outcome.outcome, companyId: outcome.companyId, webhookId: outcome.webhookId },
        "pleo webhook not published",
      );
    return { status: STATUS[outcome.outcome], outcome: outcome.outcome };
  }

  async #decide(
    headers: Headers,
    body: Uint8Array,
    pathCompanyId: string | undefined,
  ): Promise<{ outcome: WebhookOutcome; companyId?: string; webhookId?: string }> {
    const id = headers.get("webhook-id") ?? "";
    const timestamp = headers.get("webhook-timestamp") ?? "";
    const signature = headers.get("webhook-signature") ?? "";
    if (!WEBHOOK_ID.test(id) || !signature || signature.length > MAX_SIGNATURE_HEADER)
      return { outcome: "malformed" };
    const webhookId = id;
    // Unverified: it only says whose secrets to try.
    const named = pathCompanyId ?? parseDeliveryPayload(body)?.companyId;
    if (named === undefined || !isUuid(named)) return { outcome: "malformed", webhookId };
    const companyId = named.toLowerCase();
    let candidates: Awaited<ReturnType<WebhookSecretStore["forCompany"]>>;
    try {
      candidates = await this.#store.forCompany(companyId);
    } catch (error) {
      if (error instanceof WebhookSecretStoreUnavailableError)
        return { outcome: "unavailable", companyId, webhookId };
      throw error;
    }
    if (candidates.length === 0) return { outcome: "unknown_subscription", companyId, webhookId };
    const verified = verifyDelivery(body, { id, timestamp, signature }, candidates, this.#toleranceSeconds);
    if (!verified.ok) return { outcome: verified.outcome, companyId, webhookId };
    const payload = parseDeliveryPayload(body);
    if (!payload) return { outcome: "malformed", companyId, webhookId };
    if (payload.companyId !== undefined && payload.companyId !== companyId)
      return { outcome: "company_mismatch", companyId, webhookId };
    const kind = eventKindOf(payload.eventType);
    if (!kind) return { outcome: "ignored", companyId, webhookId };
    if (!payload.resourceId) return { outcome: "malformed", companyId, webhookId };
    // Claimed after verification, so a forged request cannot burn a real delivery's id; kept for
    // twice the tolerance, beyond which a replay is refused as stale anyway.
    if (!(await this.#dedupe.claim(companyId, webhookId, this.#toleranceSeconds * 2_000 + 60_000)))
      return { outcome: "replayed", companyId, webhookId };
    this.#fanOut({
      id: webhookId,
      type: kind,
      companyId,
      resourceId: payload.resourceId,
      occurredAt: new Date(Number(timestamp) * 1000).toISOString(),
    });
    return { outcome: "accepted", companyId, webhookId };
  }

  /**
   * Not awaited: the delivery is answered while the event goes out. The cache is dropped first, so a
   * subscriber re-fetching the new vendor or export job never reads an answer cached before it existed.
   */
  #fanOut(event: CompanyEvent): void {
    const log = (step: string) => (error: unknown) =>
      this.#logger.error(
        { step, companyId: event.companyId, webhookId: event.id, err: String(error) },
        "pleo webhook event could not be fanned out",
      );
    void this.#sinks
      .invalidate(event.companyId, STALE_RESOURCE[event.type])
      .catch(log("invalidate"))
      .then(() => this.#sinks.publish(event))
      .catch(log("publish"));
  }
}
