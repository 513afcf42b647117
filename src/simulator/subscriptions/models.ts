/** The Subscriptions API's wire shapes (`pleo-subscriptions-api-openapi.yml`). */

export const SUBSCRIPTION_STATUSES = ["ACTIVE", "INACTIVE"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const SUBSCRIPTION_OPERATIONS = ["CREATE", "UPDATE", "DELETE"] as const;
export type SubscriptionOperation = (typeof SUBSCRIPTION_OPERATIONS)[number];

/** `SubscriptionModel`. `endpointAuth` is echoed without its credentials. */
export interface SubscriptionModel {
  id: string;
  endpointUrl: string;
  eventTypes: string[];
  status: SubscriptionStatus;
  customHeaders?: Record<string, string>;
  endpointAuth?: { type: "NONE" | "BASIC" };
  createdAt: string;
  updatedAt: string;
}

/** `SubscriptionActivityModel`. */
export interface SubscriptionActivityModel {
  id: string;
  subscriptionId: string;
  operationType: SubscriptionOperation;
  description: string;
  actorUrn: string;
  createdAt: string;
}
