import type { CompanyEventType } from "../events/company-events.ts";

/**
 * Pleo's webhook event types and the gateway's names for them. Pleo's documentation spells each event
 * two ways (`v1.export-job.created` and `v1.export.job-created`; `v1.vendor.created` and
 * `v1.vendors.created`): deliveries under either spelling are accepted, subscriptions are made with the
 * first (the one the Subscriptions API's own example uses).
 */
export const COMPANY_EVENT_TYPES: readonly CompanyEventType[] = ["VENDOR_CREATED", "EXPORT_JOB_CREATED"];

const SPELLINGS: Readonly<Record<CompanyEventType, readonly [string, ...string[]]>> = {
  VENDOR_CREATED: ["v1.vendor.created", "v1.vendors.created"],
  EXPORT_JOB_CREATED: ["v1.export-job.created", "v1.export.job-created"],
};

/** The read-cache resource an event of this kind makes stale. */
export const STALE_RESOURCE = {
  VENDOR_CREATED: "vendors",
  EXPORT_JOB_CREATED: "export-jobs",
} as const satisfies Record<CompanyEventType, string>;

/** The event type the gateway subscribes to at Pleo for `kind`. */
export function pleoEventType(kind: CompanyEventType): string {
  return SPELLINGS[kind][0];
}

/** The kind a Pleo event type names under any of its spellings; undefined for events the gateway ignores. */
export function eventKindOf(pleoType: string): CompanyEventType | undefined {
  return COMPANY_EVENT_TYPES.find((kind) => SPELLINGS[kind].includes(pleoType));
}
