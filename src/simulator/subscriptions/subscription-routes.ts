import { notFound } from "../errors.ts";
import { data, ok, type RequestContext } from "../http-types.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { enumListParam, enumParam, uuidPathParam } from "../query.ts";
import type { RouteDefinition } from "../router.ts";
import { ACCEPTED_EVENT_TYPE_SPELLINGS, canonicalEventType } from "./events.ts";
import { SUBSCRIPTION_OPERATIONS, SUBSCRIPTION_STATUSES } from "./models.ts";
import { parseSubscriptionRequest } from "./subscription-request.ts";
import type { ActivityRecord, SubscriptionRecord, SubscriptionStore } from "./subscription-store.ts";

const subscriptionPages: PageSpec<SubscriptionRecord> = {
  keys: {
    createdAt: (r) => r.seq,
    updatedAt: (r) => r.model.updatedAt,
    status: (r) => r.model.status,
    id: (r) => r.model.id,
  },
  defaultSort: ["createdAt"],
  id: (r) => r.model.id,
};

const activityPages: PageSpec<ActivityRecord> = {
  keys: {
    createdAt: (a) => a.seq,
    operationType: (a) => a.model.operationType,
    id: (a) => a.model.id,
  },
  defaultSort: ["createdAt"],
  id: (a) => a.model.id,
};

/** Subscriptions belong to the company of the credential that created them (company credentials only). */
function callerCompany(ctx: RequestContext): string {
  ctx.addressed.companyId = ctx.credential.subject.id;
  return ctx.credential.subject.id;
}

const actorUrn = (ctx: RequestContext) =>
  `urn:pleo:${ctx.credential.subject.type}:${ctx.credential.subject.id}`;

/**
 * Subscriptions API (`/v1/subscriptions…`). Another company's subscription is answered exactly like a
 * missing one (404), so ids reveal nothing across companies. The spec names no scope, so any company
 * credential may manage its own company's subscriptions.
 */
export function subscriptionRoutes(subscriptions: SubscriptionStore): RouteDefinition[] {
  const subscription = (
    ctx: RequestContext,
    options: { includeDeleted?: boolean } = {},
  ): SubscriptionRecord => {
    const id = uuidPathParam(ctx.params, "id");
    const record = subscriptions.find(callerCompany(ctx), id, options);
    if (!record) throw notFound(`Subscription ${id} not found.`);
    return record;
  };
  const owner: RouteDefinition["pathOwner"] = (_store, params) =>
    subscriptions.companyOf(params.id?.toLowerCase() ?? "");

  return [
    {
      method: "GET",
      path: "/v1/subscriptions",
      scope: null,
      handle: (ctx) => {
        const companyId = callerCompany(ctx);
        const status = enumParam(ctx.request.query, "status", SUBSCRIPTION_STATUSES);
        // Either spelling of an event finds subscriptions made with either.
        const eventTypes = enumListParam(ctx.request.query, "event_types", ACCEPTED_EVENT_TYPE_SPELLINGS).map(
          canonicalEventType,
        );
        const page = parsePageRequest(ctx.request.query, subscriptionPages);
        const matching = subscriptions
          .forCompany(companyId)
          .filter(
            (r) =>
              (status === undefined || r.model.status === status) &&
              (eventTypes.length === 0 ||
                r.model.eventTypes.some((type) => eventTypes.includes(canonicalEventType(type)))),
          );
        const result = paginate(matching, page, subscriptionPages);
        return ok({ ...result, data: result.data.map((r) => r.model) });
      },
    },
    {
      method: "POST",
      path: "/v1/subscriptions",
      scope: null,
      handle: (ctx) => {
        const companyId = callerCompany(ctx);
        const settings = parseSubscriptionRequest(ctx);
        // Pleo answers a created subscription with 200, not 201.
        return data(subscriptions.create(companyId, settings, actorUrn(ctx)).model);
      },
    },
    {
      method: "GET",
      path: "/v1/subscriptions/{id}",
      scope: null,
      pathOwner: owner,
      handle: (ctx) => data(subscription(ctx).model),
    },
    {
      method: "PUT",
      path: "/v1/subscriptions/{id}",
      scope: null,
      pathOwner: owner,
      handle: (ctx) => {
        const record = subscription(ctx);
        subscriptions.update(record, parseSubscriptionRequest(ctx), actorUrn(ctx));
        return data(record.model);
      },
    },
    {
      method: "DELETE",
      path: "/v1/subscriptions/{id}",
      scope: null,
      pathOwner: owner,
      handle: (ctx) => {
        subscriptions.remove(subscription(ctx), actorUrn(ctx));
        return { status: 204 };
      },
    },
    {
      method: "GET",
      path: "/v1/subscriptions/{id}/activities",
      scope: null,
      pathOwner: owner,
      handle: (ctx) => {
        const record = subscription(ctx, { includeDeleted: true });
        const operations = enumListParam(ctx.request.query, "operation_types", SUBSCRIPTION_OPERATIONS);
        const page = parsePageRequest(ctx.request.query, activityPages);
        const matching = record.activities.filter(
          (a) => operations.length === 0 || operations.includes(a.model.operationType),
        );
        const result = paginate(matching, page, activityPages);
        return ok({ ...result, data: result.data.map((a) => a.model) });
      },
    },
    {
      method: "GET",
      path: "/v1/subscriptions/{id}/secret",
      scope: null,
      pathOwner: owner,
      handle: (ctx) => data({ secretKey: subscription(ctx).secret }),
    },
  ];
}
