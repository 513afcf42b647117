import { z } from "zod";
import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { dataResponse, type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import {
  type Subscription,
  type SubscriptionCreate,
  subscription,
  subscriptionSecret,
} from "../models/subscription.ts";

/*
 * Pleo's Subscriptions API (webhook subscriptions). Pleo scopes every call to the calling credential's
 * company (there is no company parameter), so each function takes the company only to attribute errors:
 * callers pass that company's own credential, obtained through CompanyAccess.
 */

const page = paginatedResponse(subscription);
const one = dataResponse(subscription);
const secret = dataResponse(subscriptionSecret);
const noContent = z.unknown();

/** GET /v1/subscriptions: one page of the credential's company's subscriptions. */
export async function listSubscriptions(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  paging: PageRequest,
): Promise<Page<Subscription>> {
  const body = await client.call(credential, {
    method: "GET",
    path: "/v1/subscriptions",
    query: pageQuery(paging),
    schema: page,
    companyId,
    operation: "subscription list",
  });
  return { items: body.data, pageInfo: body.pagination };
}

/** POST /v1/subscriptions (Pleo answers 200 with the new subscription). */
export async function createSubscription(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  request: SubscriptionCreate,
): Promise<Subscription> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v1/subscriptions",
    body: request,
    schema: one,
    companyId,
    operation: "subscription create",
  });
  return body.data;
}

/** GET /v1/subscriptions/{id}/secret: the `whsec_…` signing secret. Never logged, never returned. */
export async function getSubscriptionSecret(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  subscriptionId: string,
): Promise<string> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v1/subscriptions/${encodeURIComponent(subscriptionId)}/secret`,
    schema: secret,
    companyId,
    operation: "subscription secret",
  });
  return body.data.secretKey;
}

/** DELETE /v1/subscriptions/{id} (204). */
export async function deleteSubscription(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  subscriptionId: string,
): Promise<void> {
  await client.call(credential, {
    method: "DELETE",
    path: `/v1/subscriptions/${encodeURIComponent(subscriptionId)}`,
    schema: noContent,
    companyId,
    operation: "subscription delete",
  });
}
