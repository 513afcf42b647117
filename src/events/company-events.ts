import { createPubSub } from "graphql-yoga";
import { z } from "zod";
import type { Fleet } from "../fleet/fleet.ts";
import { FleetEventRelay } from "./fleet-relay.ts";

/**
 * Company events: something happened to one company's books (learned from Pleo's webhooks) and the
 * gateway's subscribers of that company should hear of it. An event names the resource, never carries
 * it: every subscriber re-fetches it with its own credential (src/schema/types/company-event.ts).
 *
 * Without a fleet the events stay in this process (graphql-yoga's in-memory pub/sub). In a fleet they
 * travel through Redis pub/sub so a webhook received by any instance reaches subscribers on every
 * instance. Either way delivery is at-most-once: a subscriber that was not connected, or an instance
 * that could not reach Redis at that moment, misses the event (docs/subscriptions.md says how to catch up).
 */
export type CompanyEventType = "VENDOR_CREATED" | "EXPORT_JOB_CREATED";

export interface CompanyEvent {
  /** The webhook-id (dedupe key; also the client's catch-up cursor). */
  readonly id: string;
  readonly type: CompanyEventType;
  /** Lower-case uuid. */
  readonly companyId: string;
  /** The vendor id / export job id (re-fetched before it reaches a subscriber). */
  readonly resourceId: string;
  /** ISO. */
  readonly occurredAt: string;
}

export interface CompanyEvents {
  /** Every instance's subscribers of the event's company get it. */
  publish(event: CompanyEvent): Promise<void>;
  /** The company's events from now on, until `signal` aborts or the consumer stops iterating. */
  subscribe(companyId: string, signal?: AbortSignal): AsyncIterable<CompanyEvent>;
}

type LocalTopics = { "company-event": [companyId: string, event: CompanyEvent] };

/** An event as it crosses Redis: a mixed-case company id would dodge its subscribers' routing. */
const relayedEvent = z.strictObject({
  id: z.string().min(1).max(200),
  type: z.enum(["VENDOR_CREATED", "EXPORT_JOB_CREATED"] satisfies CompanyEventType[]),
  companyId: z.uuid().regex(/^[0-9a-f-]+$/, "lower-case"),
  resourceId: z.string().min(1).max(200),
  occurredAt: z.iso.datetime({ offset: true }),
});

export function createCompanyEvents(options: { fleet?: Fleet }): CompanyEvents {
  const local = createPubSub<LocalTopics>();
  const deliverLocally = (event: CompanyEvent): void =>
    local.publish("company-event", event.companyId, event);
  const relay = options.fleet
    ? new FleetEventRelay<CompanyEvent>(options.fleet, {
        channel: companyEventsChannel(options.fleet),
        parse: (message) => relayedEvent.safeParse(message).data,
        deliver: deliverLocally,
      })
    : undefined;
  return {
    async publish(event) {
      const normalised = { ...event, companyId: event.companyId.toLowerCase() };
      if (relay) await relay.publish(normalised);
      else deliverLocally(normalised);
    },
    subscribe(companyId, signal) {
      const events = local.subscribe("company-event", companyId.toLowerCase());
      if (signal) {
        if (signal.aborted) void events.return();
        else signal.addEventListener("abort", () => void events.return(), { once: true });
      }
      return events;
    },
  };
}

/**
 * The fleet's channel for company events, under its key prefix. FleetKeys names only its own channels
 * (src/fleet/keys.ts), so the prefix is read off one of its channel names.
 */
function companyEventsChannel(fleet: Fleet): string {
  return fleet.keys.channel("company-events");
}
