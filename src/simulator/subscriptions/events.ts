/**
 * The events the simulator announces by webhook. Pleo's docs spell two of them two ways; subscriptions
 * accept either spelling, deliveries always carry the canonical one.
 */
export type WebhookEventType = "v1.vendor.created" | "v1.export-job.created";

const ALIASES: Readonly<Record<string, WebhookEventType>> = {
  "v1.vendor.created": "v1.vendor.created",
  "v1.vendors.created": "v1.vendor.created",
  "v1.export-job.created": "v1.export-job.created",
  "v1.export.job-created": "v1.export-job.created",
};

/** The canonical event type a subscription's spelling stands for; undefined for an unknown one. */
export function canonicalEventType(spelling: string): WebhookEventType | undefined {
  return ALIASES[spelling];
}

/** Every spelling a subscription may use. */
export const ACCEPTED_EVENT_TYPE_SPELLINGS: readonly string[] = Object.keys(ALIASES);

/**
 * What a route tells the webhook machinery after it created something: the type and the object's id and
 * company. Deliberately thin (Pleo publishes no payload schema, and receivers are told to re-fetch).
 */
export interface WebhookEventSink {
  emit(eventType: WebhookEventType, resource: { readonly id: string; readonly companyId: string }): void;
}
