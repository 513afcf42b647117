import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode, GatewayError } from "../../errors.ts";
import type { CompanyEventType } from "../../events/company-events.ts";
import { readAllPages } from "../../pleo/all-pages.ts";
import { listSubscriptions } from "../../pleo/apis/subscriptions.ts";
import type { Subscription } from "../../pleo/models/subscription.ts";
import { COMPANY_EVENT_TYPES, eventKindOf } from "../../webhooks/event-types.ts";
import { webhooksOf } from "../../webhooks/pleo-webhooks.ts";
import { type StoredSubscription, WebhookSecretStoreUnavailableError } from "../../webhooks/secret-store.ts";
import { builder } from "../builder.ts";
import { uuidOrGlobalId } from "../global-id.ts";

/*
 * A company's Pleo webhook subscriptions (Pleo's Subscriptions API), listed with the company's own
 * credential: Pleo scopes subscriptions to the calling credential's company and defines no scope for
 * them, so any credential bound to the company may list and manage them. The signing secret is never
 * a field: `secretHeld` only says whether the gateway keeps it (and so can verify deliveries).
 */

/** No Pleo scope is defined for subscriptions: a credential bound to the company is what is required. */
export const SUBSCRIPTIONS_SCOPE = "";

export const WebhookEventType = builder.enumType("WebhookEventType", {
  description: "Pleo webhook events the gateway subscribes to and publishes as company events.",
  values: Object.fromEntries(COMPANY_EVENT_TYPES.map((kind) => [kind, { value: kind }])) as Record<
    CompanyEventType,
    { value: CompanyEventType }
  >,
});

const WebhookSubscriptionStatus = builder.enumType("WebhookSubscriptionStatus", {
  values: ["ACTIVE", "INACTIVE"] as const,
});

export interface WebhookSubscriptionView {
  readonly companyId: string;
  readonly subscription: Subscription;
  readonly secretHeld: boolean;
}

export const WebhookSubscription = builder
  .objectRef<WebhookSubscriptionView>("WebhookSubscription")
  .implement({
    description: "One of a company's Pleo webhook subscriptions. Its signing secret is never returned.",
    fields: (t) => ({
      id: t.field({ type: "UUID", resolve: (v) => v.subscription.id }),
      companyId: t.field({ type: "UUID", resolve: (v) => v.companyId }),
      eventTypes: t.field({
        type: [WebhookEventType],
        description: "The events it delivers that the gateway publishes (under either of Pleo's spellings).",
        resolve: (v) =>
          v.subscription.eventTypes.flatMap((type) => {
            const kind = eventKindOf(type);
            return kind ? [kind] : [];
          }),
      }),
      pleoEventTypes: t.stringList({
        description: "Pleo's event types, as Pleo reports them.",
        resolve: (v) => v.subscription.eventTypes,
      }),
      endpointUrl: t.string({ resolve: (v) => v.subscription.endpointUrl }),
      status: t.field({ type: WebhookSubscriptionStatus, resolve: (v) => v.subscription.status }),
      createdAt: t.field({ type: "DateTime", resolve: (v) => v.subscription.createdAt }),
      updatedAt: t.field({ type: "DateTime", resolve: (v) => v.subscription.updatedAt }),
      secretHeld: t.boolean({
        description: "The gateway keeps this subscription's secret (sealed), so it accepts its deliveries.",
        resolve: (v) => v.secretHeld,
      }),
    }),
  });

/** What the gateway shows of a subscription: whether it holds its secret, never the secret. */
async function subscriptionViews(
  ctx: GatewayContext,
  companyId: string,
  subscriptions: readonly Subscription[],
): Promise<WebhookSubscriptionView[]> {
  const webhooks = webhooksOf(ctx);
  let held: readonly StoredSubscription[] = [];
  try {
    held = webhooks ? await webhooks.secrets.forCompany(companyId) : [];
  } catch (error) {
    if (!(error instanceof WebhookSecretStoreUnavailableError)) throw error;
    throw new GatewayError(
      ErrorCode.WEBHOOK_SECRET_STORE_UNAVAILABLE,
      "The gateway's webhook secret store cannot be reached.",
      { companyId },
    );
  }
  const ids = new Set(held.map((s) => s.subscriptionId));
  return subscriptions.map((subscription) => ({
    companyId,
    subscription,
    secretHeld: ids.has(subscription.id),
  }));
}

builder.queryField("companyEventSubscriptions", (t) =>
  t.field({
    type: [WebhookSubscription],
    nullable: true,
    description:
      "The company's Pleo webhook subscriptions (GET /v1/subscriptions with the company's credential). Null with a typed error when the request holds no credential bound to the company.",
    args: { companyId: t.arg.id({ required: true, description: "Pleo's UUID or a Company global ID." }) },
    resolve: async (_root, args, ctx) => {
      const companyId = uuidOrGlobalId("Company", args.companyId);
      const { credential } = await ctx.access.credentialFor(companyId, SUBSCRIPTIONS_SCOPE);
      const { items } = await readAllPages((page) =>
        listSubscriptions(ctx.pleo, credential, companyId, page),
      );
      return subscriptionViews(ctx, companyId, items);
    },
  }),
);
