import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode, GatewayError } from "../../errors.ts";
import type { CompanyEvent as CompanyEventModel, CompanyEventType } from "../../events/company-events.ts";
import { type Delivery, type DeliveryPlan, gatedDeliveries } from "../../events/gated-deliveries.ts";
import { exportJobById } from "../../loaders/export-jobs.ts";
import { vendorById } from "../../loaders/vendors.ts";
import { isUuid } from "../../pleo/models/common.ts";
import type { ExportJob as ExportJobModel } from "../../pleo/models/export.ts";
import type { Vendor as VendorModel } from "../../pleo/models/vendor.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { loadOwned } from "../company-fields.ts";
import { uuidOrGlobalId } from "../global-id.ts";
import { ExportJob } from "./export-job.ts";
import { Vendor } from "./vendor.ts";

/**
 * Subscriptions to one company's events (docs/subscriptions.md). Each is gated like the read field of
 * its resource, and every event is re-checked and re-fetched for the subscriber
 * (src/events/gated-deliveries.ts): the event only says "look again", never what to show.
 */
builder.subscriptionType({
  description:
    "One company's events, over GraphQL over SSE or graphql-ws. Delivery is at-most-once: after a reconnect, catch up by re-reading (docs/subscriptions.md).",
});

const CompanyEventTypeEnum = builder.enumType("CompanyEventType", {
  values: ["VENDOR_CREATED", "EXPORT_JOB_CREATED"] as const satisfies readonly CompanyEventType[],
});

/** The resource each event type names, with the scope that reads it. */
const RESOURCE_SCOPE: Record<CompanyEventType, string> = {
  VENDOR_CREATED: Scope.vendorsRead,
  EXPORT_JOB_CREATED: Scope.exportJobsRead,
};

interface EventResources {
  readonly vendor: VendorModel | null;
  readonly exportJob: ExportJobModel | null;
}

type EventDelivery = Delivery<EventResources>;

const CompanyEvent = builder.objectRef<EventDelivery & { readonly event: CompanyEventModel }>("CompanyEvent");

CompanyEvent.implement({
  description:
    "Something happened to one of a company's resources. `id` is the event's id: keep the last one seen to catch up after a reconnect.",
  fields: (t) => ({
    id: t.id({ resolve: (d) => d.event.id }),
    type: t.field({ type: CompanyEventTypeEnum, resolve: (d) => d.event.type }),
    companyId: t.field({ type: "UUID", resolve: (d) => d.event.companyId }),
    resourceId: t.field({
      type: "UUID",
      description: "The vendor's or export job's Pleo id.",
      resolve: (d) => d.event.resourceId.toLowerCase(),
    }),
    occurredAt: t.field({ type: "DateTime", resolve: (d) => d.event.occurredAt }),
    vendor: t.field({
      type: Vendor,
      nullable: true,
      description: "The created vendor as this caller's credential reads it now (VENDOR_CREATED).",
      resolve: (d) => resourceOf(d)?.vendor ?? null,
    }),
    exportJob: t.field({
      type: ExportJob,
      nullable: true,
      description: "The created export job as this caller's credential reads it now (EXPORT_JOB_CREATED).",
      resolve: (d) => resourceOf(d)?.exportJob ?? null,
    }),
  }),
});

/** Reports a delivery's error where the subscriber reads the resource (the stream's payload). */
function resourceOf<R>(delivery: Delivery<R>): R | null {
  if (delivery.error) throw delivery.error;
  return delivery.resource;
}

/** The re-fetch of an event's resource with the subscriber's credential. */
async function fetchResources(ctx: GatewayContext, event: CompanyEventModel): Promise<EventResources> {
  const id = event.resourceId.toLowerCase();
  // Pleo's ids are UUIDs: anything else names nothing (and must not reach a search filter).
  if (!isUuid(id))
    throw new GatewayError(ErrorCode.NOT_FOUND, "No such resource.", { companyId: event.companyId });
  const scope = RESOURCE_SCOPE[event.type];
  if (event.type === "VENDOR_CREATED")
    return { vendor: await loadOwned(ctx, event.companyId, scope, vendorById, id), exportJob: null };
  return { vendor: null, exportJob: await loadOwned(ctx, event.companyId, scope, exportJobById, id) };
}

/** A stream of one event type, gated by that type's read scope. */
function onlyType(companyId: string, type: CompanyEventType): DeliveryPlan<EventResources> {
  const scope = RESOURCE_SCOPE[type];
  return {
    companyId: uuidOrGlobalId("Company", companyId),
    streamScope: scope,
    scopeOf: (eventType) => (eventType === type ? scope : undefined),
    fetch: fetchResources,
  };
}

builder.subscriptionFields((t) => ({
  vendorCreated: t.field({
    type: Vendor,
    nullable: true,
    description:
      "Vendors created in this company from now on. Needs a credential bound to the company with `vendors:read`.",
    args: { companyId: t.arg.id({ required: true, description: "Pleo's UUID or a Company global ID." }) },
    subscribe: (_root, args, ctx) => gatedDeliveries(ctx, onlyType(args.companyId, "VENDOR_CREATED")),
    resolve: (delivery: EventDelivery) => resourceOf(delivery)?.vendor ?? null,
  }),
  exportJobCreated: t.field({
    type: ExportJob,
    nullable: true,
    description:
      "Export jobs created in this company from now on. Needs a credential bound to the company with `export-jobs:read`.",
    args: { companyId: t.arg.id({ required: true, description: "Pleo's UUID or a Company global ID." }) },
    subscribe: (_root, args, ctx) => gatedDeliveries(ctx, onlyType(args.companyId, "EXPORT_JOB_CREATED")),
    resolve: (delivery: EventDelivery) => resourceOf(delivery)?.exportJob ?? null,
  }),
  companyEvents: t.field({
    type: CompanyEvent,
    nullable: true,
    description:
      "Every event of this company the caller's credential may read: needs a credential bound to the company; each event is delivered only with its resource's read scope.",
    args: { companyId: t.arg.id({ required: true, description: "Pleo's UUID or a Company global ID." }) },
    subscribe: (_root, args, ctx) =>
      gatedDeliveries(ctx, {
        companyId: uuidOrGlobalId("Company", args.companyId),
        streamScope: "",
        scopeOf: (type) => RESOURCE_SCOPE[type],
        fetch: fetchResources,
      }),
    resolve: (delivery: EventDelivery) => {
      if (delivery.event === undefined) throw delivery.error;
      return delivery;
    },
  }),
}));
