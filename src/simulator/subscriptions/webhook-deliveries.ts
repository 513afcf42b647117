import { randomUUID } from "node:crypto";
import { type RequestLog, requestLogEntry, type SimRequestLogEntry } from "../request-log.ts";
import { attemptDelivery, type WebhookMessage } from "./delivery-attempt.ts";
import type { WebhookEventSink, WebhookEventType } from "./events.ts";
import type { SubscriptionStore } from "./subscription-store.ts";

/** Pauses before the 2nd, 3rd and 4th attempt; after the last one a delivery has failed. */
const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [200, 1000, 5000];
const DEFAULT_TIMEOUT_MS = 5000;
/** Events and deliveries kept for `/__sim/webhooks` and redelivery; older ones are forgotten. */
const RETAINED = 1000;

interface WebhookAttempt {
  readonly attempt: number;
  readonly at: string;
  /** The receiver's status; null when it did not answer. */
  readonly status: number | null;
  readonly error?: string;
}

/** One event on its way to one subscription (`GET /__sim/webhooks`). */
export interface WebhookDelivery {
  readonly eventId: string;
  readonly eventType: WebhookEventType;
  readonly subscriptionId: string;
  readonly companyId: string;
  /** Sent again through `POST /__sim/webhooks/redeliver/{eventId}`. */
  readonly redelivery: boolean;
  state: "pending" | "delivered" | "failed";
  readonly attempts: WebhookAttempt[];
}

/** A delivery attempt in the request log: what went where, never the secret or the endpoint's query. */
export type WebhookLogEntry = Omit<SimRequestLogEntry, "seq"> & {
  readonly webhook: {
    readonly eventId: string;
    readonly eventType: WebhookEventType;
    readonly subscriptionId: string;
    readonly attempt: number;
    readonly redelivery: boolean;
  };
};

interface SentEvent {
  readonly eventType: WebhookEventType;
  readonly companyId: string;
  readonly message: WebhookMessage;
  readonly subscriptionIds: readonly string[];
}

interface WebhookDeliveryOptions {
  readonly retryDelaysMs?: readonly number[];
  readonly timeoutMs?: number;
}

/**
 * Turns created objects into signed webhook deliveries to the company's active subscriptions, each retried
 * with backoff until a 2xx or the last attempt. Delivery starts after the creating request has been
 * answered and never delays it. `reset()` cancels everything pending and in flight.
 */
export class WebhookDeliveries implements WebhookEventSink {
  private readonly events = new Map<string, SentEvent>();
  private deliveries: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  /** Bumped by reset, so an attempt that finishes afterwards changes nothing. */
  private generation = 0;
  private readonly retryDelaysMs: readonly number[];
  private readonly timeoutMs: number;

  constructor(
    private readonly subscriptions: SubscriptionStore,
    private readonly log: RequestLog,
    options: WebhookDeliveryOptions = {},
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  emit(eventType: WebhookEventType, resource: { readonly id: string; readonly companyId: string }): void {
    const subscribers = this.subscriptions.subscribersOf(resource.companyId, eventType);
    if (subscribers.length === 0) return;
    const eventId = randomUUID();
    const body = JSON.stringify({
      eventId,
      eventType,
      data: { id: resource.id, companyId: resource.companyId },
    });
    const event: SentEvent = {
      eventType,
      companyId: resource.companyId,
      message: { id: eventId, body },
      subscriptionIds: subscribers.map((s) => s.model.id),
    };
    this.events.set(eventId, event);
    for (const oldest of this.events.keys()) {
      if (this.events.size <= RETAINED) break;
      this.events.delete(oldest);
    }
    for (const subscriptionId of event.subscriptionIds) this.start(event, subscriptionId, false);
  }

  /** Sends a past event again, same id and body, to its subscriptions that still exist; undefined if unknown. */
  redeliver(eventId: string): WebhookDelivery[] | undefined {
    const event = this.events.get(eventId);
    if (!event) return undefined;
    return event.subscriptionIds
      .filter((id) => this.subscriptions.live(id) !== undefined)
      .map((id) => this.start(event, id, true));
  }

  /** Every delivery retained, oldest first; copies. */
  list(): WebhookDelivery[] {
    return this.deliveries.map((delivery) => structuredClone(delivery));
  }

  reset(): void {
    this.generation++;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
    this.events.clear();
    this.deliveries = [];
  }

  private start(event: SentEvent, subscriptionId: string, redelivery: boolean): WebhookDelivery {
    const delivery: WebhookDelivery = {
      eventId: event.message.id,
      eventType: event.eventType,
      subscriptionId,
      companyId: event.companyId,
      redelivery,
      state: "pending",
      attempts: [],
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > RETAINED) this.deliveries.splice(0, this.deliveries.length - RETAINED);
    this.schedule(delivery, event, 0);
    return delivery;
  }

  private schedule(delivery: WebhookDelivery, event: SentEvent, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery, event);
    }, delayMs);
    // Pending retries never keep a process alive that is otherwise done.
    timer.unref();
    this.timers.add(timer);
  }

  private async attempt(delivery: WebhookDelivery, event: SentEvent): Promise<void> {
    const subscription = this.subscriptions.live(delivery.subscriptionId);
    const attempt = delivery.attempts.length + 1;
    if (!subscription) {
      delivery.attempts.push({
        attempt,
        at: new Date().toISOString(),
        status: null,
        error: "subscription deleted",
      });
      delivery.state = "failed";
      return;
    }
    const generation = this.generation;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const outcome = await attemptDelivery(subscription.settings, subscription.secret, event.message, {
      timeoutMs: this.timeoutMs,
      signal: controller.signal,
    });
    this.inFlight.delete(controller);
    if (generation !== this.generation) return;
    delivery.attempts.push({
      attempt,
      at: new Date().toISOString(),
      status: outcome.status,
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
    });
    const entry: WebhookLogEntry = {
      ...requestLogEntry(
        { method: "POST", path: new URL(subscription.settings.endpointUrl).pathname, query: {} },
        {
          credentialLabel: null,
          credentialFingerprint: null,
          credentialSubject: null,
          targetCompanyId: event.companyId,
        },
        outcome.status ?? 0,
        outcome.durationMs,
      ),
      webhook: {
        eventId: delivery.eventId,
        eventType: delivery.eventType,
        subscriptionId: delivery.subscriptionId,
        attempt,
        redelivery: delivery.redelivery,
      },
    };
    this.log.record(entry);
    const retryDelay = this.retryDelaysMs[attempt - 1];
    if (outcome.delivered) delivery.state = "delivered";
    else if (outcome.final || retryDelay === undefined) delivery.state = "failed";
    else this.schedule(delivery, event, retryDelay);
  }
}
