import { z } from "zod";
import { dateTime, uuid } from "./common.ts";

/**
 * Pleo's Subscriptions API (webhooks, beta): `SubscriptionModel`, `SubscriptionRequest` and the secret.
 * Subscriptions carry no `companyId`: Pleo scopes them to the company the calling credential is bound
 * to, so the gateway only ever lists or changes them with that company's own credential.
 */
export const subscriptionStatus = z.enum(["ACTIVE", "INACTIVE"]);

/** `SubscriptionModel`. `customHeaders` and `endpointAuth` are not read: the gateway never sets them. */
export const subscription = z.object({
  id: uuid,
  endpointUrl: z.string(),
  eventTypes: z.array(z.string()),
  status: subscriptionStatus,
  createdAt: dateTime,
  updatedAt: dateTime,
  deletedAt: dateTime.nullish(),
});
export type Subscription = z.infer<typeof subscription>;

/** `SubscriptionRequest`, as the gateway sends it. */
export interface SubscriptionCreate {
  readonly endpointUrl: string;
  readonly eventTypes: readonly string[];
  readonly status: z.infer<typeof subscriptionStatus>;
}

/** `SubscriptionSecretModel`: `whsec_<base64>` (Standard Webhooks). Held in memory only while sealing it. */
export const subscriptionSecret = z.object({ secretKey: z.string().startsWith("whsec_") });
