import type { InputObjectRef, ObjectRef } from "@pothos/core";
import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode } from "../../errors.ts";
import type { CompanyEventType } from "../../events/company-events.ts";
import {
  createSubscription,
  deleteSubscription,
  getSubscriptionSecret,
} from "../../pleo/apis/subscriptions.ts";
import type { PleoCredential } from "../../pleo/credential.ts";
import { pleoEventType } from "../../webhooks/event-types.ts";
import { type PleoWebhooks, webhooksOf } from "../../webhooks/pleo-webhooks.ts";
import { WebhookSecretStoreUnavailableError } from "../../webhooks/secret-store.ts";
import { WEBHOOKS_FAILURE_CODES, WebhooksUnavailable } from "../../webhooks/webhooks-failure.ts";
import { builder } from "../builder.ts";
import {
  SUBSCRIPTIONS_SCOPE,
  WebhookEventType,
  WebhookSubscription,
  type WebhookSubscriptionView,
} from "../types/webhook-subscription.ts";
import { COMMON_ERRORS } from "./error-members.ts";
import { failureFrom } from "./failure-classification.ts";
import { NotFound } from "./failures.ts";
import { prepare, zodIssues } from "./prepare.ts";
import type { GatewayTypes } from "./schema-types.ts";
import { bestEffort, read, write } from "./upstream-calls.ts";

/*
 * Managing a company's Pleo webhook subscriptions, with the company's own credential (the mutation
 * gate of every write: a credential Pleo bound to that company). Subscribing creates the subscription
 * at Pleo for the gateway's public webhook URL, fetches its secret and keeps it sealed; if the secret
 * cannot be fetched or kept, the subscription is removed again, as Pleo would otherwise deliver events
 * nobody can verify. No result carries the secret.
 */

builder.objectType(WebhooksUnavailable, {
  name: "WebhooksUnavailable",
  description:
    "The gateway cannot manage webhook subscriptions now: no public URL or vault key configured (WEBHOOKS_NOT_CONFIGURED), or its secret store is unreachable (WEBHOOK_SECRET_STORE_UNAVAILABLE). Nothing is left subscribed.",
  isTypeOf: (value) => value instanceof WebhooksUnavailable,
  fields: (t) => ({
    code: t.field({
      type: builder.enumType("WebhooksErrorCode", { values: WEBHOOKS_FAILURE_CODES }),
      resolve: (e) => e.code,
    }),
    message: t.string({ resolve: (e) => e.message }),
    companyId: t.field({ type: "UUID", nullable: true, resolve: (e) => e.companyId }),
  }),
});

/** A subscriptions mutation: `name(input)` → `<Name>Result` = payload | the common errors | WebhooksUnavailable. */
function subscriptionMutation<Input extends object, Payload>(
  name: string,
  options: {
    description: string;
    input: InputObjectRef<GatewayTypes, Input>;
    payload: ObjectRef<GatewayTypes, Payload>;
    resolve: (input: Input, ctx: GatewayContext, webhooks: PleoWebhooks) => Promise<Payload>;
  },
): void {
  builder.mutationField(name, (t) =>
    t.field({
      type: options.payload,
      nullable: true,
      description: options.description,
      args: { input: t.arg({ type: options.input, required: true }) },
      errors: {
        types: [...COMMON_ERRORS, WebhooksUnavailable],
        directResult: true,
        union: { name: `${name.charAt(0).toUpperCase()}${name.slice(1)}Result` },
      },
      resolve: (async (_root: unknown, args: { input: Input }, ctx: GatewayContext) => {
        try {
          const webhooks = webhooksOf(ctx);
          if (!webhooks)
            throw new WebhooksUnavailable(
              ErrorCode.WEBHOOKS_NOT_CONFIGURED,
              "This gateway keeps no webhook secrets (no vault key configured: set VAULT_KEYS).",
              null,
            );
          return await options.resolve(args.input, ctx, webhooks);
        } catch (error) {
          if (error instanceof WebhooksUnavailable) throw error;
          throw failureFrom(error, { companyId: null });
        }
      }) as never,
    }),
  );
}

/** A secret store call; its outage is the typed WEBHOOK_SECRET_STORE_UNAVAILABLE. */
async function inStore<T>(companyId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof WebhookSecretStoreUnavailableError)) throw error;
    throw new WebhooksUnavailable(
      ErrorCode.WEBHOOK_SECRET_STORE_UNAVAILABLE,
      "The gateway's webhook secret store cannot be reached; nothing is left subscribed.",
      companyId,
    );
  }
}

const SubscribePayload = builder
  .objectRef<{ subscription: WebhookSubscriptionView }>("SubscribeCompanyToEventsPayload")
  .implement({
    fields: (t) => ({ subscription: t.field({ type: WebhookSubscription, resolve: (p) => p.subscription }) }),
  });

const eventTypesSchema = z.object({ eventTypes: z.array(z.string()).min(1, "name at least one event type") });

subscriptionMutation<
  { companyId: string; eventTypes: CompanyEventType[] },
  { subscription: WebhookSubscriptionView }
>("subscribeCompanyToEvents", {
  description:
    "Subscribes a company to Pleo webhook events (POST /v1/subscriptions with the company's credential, delivering to this gateway's PUBLIC_BASE_URL/webhooks/pleo/<companyId>). The subscription's secret is fetched and kept sealed by the gateway, never returned. Delivered events are published to the company's event subscribers.",
  input: builder.inputType("SubscribeCompanyToEventsInput", {
    fields: (t) => ({
      companyId: t.id({ required: true, description: "Pleo's UUID or a Company global ID." }),
      eventTypes: t.field({ type: [WebhookEventType], required: true }),
    }),
  }),
  payload: SubscribePayload,
  resolve: async (input, ctx, webhooks) => {
    const target = await prepare(ctx, {
      companyId: input.companyId,
      scopes: { manage: SUBSCRIPTIONS_SCOPE },
      validate: () => zodIssues(eventTypesSchema, input, "input"),
    });
    const { companyId } = target;
    const { credential } = target.credentials.manage;
    const endpointUrl = webhooks.endpointFor(companyId);
    const created = await write(
      {
        companyId,
        operation: "subscription create",
        check: `List companyEventSubscriptions(companyId: "${companyId}") for one delivering to ${endpointUrl}.`,
      },
      () =>
        createSubscription(ctx.pleo, credential, companyId, {
          endpointUrl,
          eventTypes: [...new Set(input.eventTypes)].map(pleoEventType),
          status: "ACTIVE",
        }),
    );
    try {
      const secret = await read(companyId, () =>
        getSubscriptionSecret(ctx.pleo, credential, companyId, created.id),
      );
      await inStore(companyId, () => webhooks.secrets.put({ companyId, subscriptionId: created.id, secret }));
    } catch (error) {
      await bestEffort(() => deleteSubscription(ctx.pleo, credential, companyId, created.id));
      throw error;
    }
    return { subscription: { companyId, subscription: created, secretHeld: true } };
  },
});

const RemovePayload = builder
  .objectRef<{ companyId: string; subscriptionId: string }>("RemoveCompanyEventSubscriptionPayload")
  .implement({
    fields: (t) => ({
      companyId: t.field({ type: "UUID", resolve: (p) => p.companyId }),
      subscriptionId: t.field({ type: "UUID", resolve: (p) => p.subscriptionId }),
    }),
  });

subscriptionMutation<
  { companyId: string; subscriptionId: string },
  { companyId: string; subscriptionId: string }
>("removeCompanyEventSubscription", {
  description:
    "Removes one of a company's Pleo webhook subscriptions (DELETE /v1/subscriptions/{id} with the company's credential) and forgets its secret. Pleo only finds subscriptions of the credential's own company: another company's id is NotFound.",
  input: builder.inputType("RemoveCompanyEventSubscriptionInput", {
    fields: (t) => ({
      companyId: t.id({ required: true, description: "Pleo's UUID or a Company global ID." }),
      subscriptionId: t.field({ type: "UUID", required: true }),
    }),
  }),
  payload: RemovePayload,
  resolve: async (input, ctx, webhooks) => {
    const target = await prepare(ctx, {
      companyId: input.companyId,
      scopes: { manage: SUBSCRIPTIONS_SCOPE },
      validate: () => zodIssues(z.object({ subscriptionId: z.uuid() }), input, "input"),
    });
    const { companyId } = target;
    const subscriptionId = input.subscriptionId.toLowerCase();
    await removeAtPleo(ctx, target.credentials.manage.credential, companyId, subscriptionId, webhooks);
    return { companyId, subscriptionId };
  },
});

/** Deletes at Pleo, then forgets the secret — also when Pleo no longer knows the subscription. */
async function removeAtPleo(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  subscriptionId: string,
  webhooks: PleoWebhooks,
): Promise<void> {
  const forget = () => inStore(companyId, () => webhooks.secrets.delete(companyId, subscriptionId));
  try {
    await write(
      {
        companyId,
        operation: "subscription delete",
        check: `List companyEventSubscriptions(companyId: "${companyId}"): it is removed once it is not listed.`,
      },
      () => deleteSubscription(ctx.pleo, credential, companyId, subscriptionId),
    );
  } catch (error) {
    if (error instanceof NotFound) await forget();
    throw error;
  }
  await forget();
}
