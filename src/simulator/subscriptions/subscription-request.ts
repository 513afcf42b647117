import { z } from "zod";
import { parseBody } from "../body.ts";
import { validationFailed } from "../errors.ts";
import type { RequestContext } from "../http-types.ts";
import { ACCEPTED_EVENT_TYPE_SPELLINGS, canonicalEventType } from "./events.ts";
import { isLoopbackEndpoint } from "./loopback.ts";
import { SUBSCRIPTION_STATUSES } from "./models.ts";
import type { SubscriptionSettings } from "./subscription-store.ts";

const text = z.string().max(1000);

/** `SubscriptionRequest`, for create (POST) and full replacement (PUT). */
const subscriptionRequest = z.strictObject({
  endpointUrl: z.string().min(1).max(2000),
  eventTypes: z.array(z.string()).min(1, "at least one event type is required").max(20),
  customHeaders: z
    .record(z.string(), text)
    .refine((headers) => Object.keys(headers).length <= 20, "at most 20 custom headers")
    .nullish(),
  endpointAuth: z
    .strictObject({
      type: z.enum(["NONE", "BASIC"]).nullish(),
      credentials: z
        .strictObject({ username: text.nullish(), password: text.nullish(), token: text.nullish() })
        .nullish(),
    })
    .nullish(),
  status: z.enum(SUBSCRIPTION_STATUSES).nullish(),
});

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Visible characters, spaces and tabs: no line breaks that could smuggle another header. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Headers the delivery itself sets; a custom header must not replace the signature or the framing. */
const RESERVED_HEADERS = new Set([
  "authorization",
  "connection",
  "content-length",
  "content-type",
  "host",
  "transfer-encoding",
  "webhook-id",
  "webhook-signature",
  "webhook-timestamp",
]);

/**
 * The request body as subscription settings, or a 400: unknown or repeated event types, an endpoint that is
 * not on this machine, a custom header that would break the delivery, BASIC auth without a username.
 * Messages never quote the URL, headers or credentials sent.
 */
export function parseSubscriptionRequest(ctx: RequestContext): SubscriptionSettings {
  const body = parseBody(ctx, subscriptionRequest, { required: true });
  for (const spelling of body.eventTypes) {
    if (canonicalEventType(spelling) === undefined)
      throw validationFailed(
        `Unknown event type '${spelling.slice(0, 100)}'; known: ${ACCEPTED_EVENT_TYPE_SPELLINGS.join(", ")}.`,
      );
  }
  if (new Set(body.eventTypes).size !== body.eventTypes.length)
    throw validationFailed("'eventTypes' must not repeat an event type.");
  if (!isLoopbackEndpoint(body.endpointUrl))
    throw validationFailed(
      "'endpointUrl' must be an http(s) URL on this machine (127.0.0.0/8, ::1 or localhost) without" +
        " credentials: the simulator delivers webhooks to loopback only.",
    );
  const customHeaders = body.customHeaders ?? undefined;
  for (const [name, value] of Object.entries(customHeaders ?? {})) {
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value))
      throw validationFailed("'customHeaders' must hold valid HTTP header names and single-line values.");
    if (RESERVED_HEADERS.has(name.toLowerCase()))
      throw validationFailed(
        "'customHeaders' may not set authorization, framing or webhook-* headers; use 'endpointAuth' for authorization.",
      );
  }
  const auth = body.endpointAuth;
  const type = auth?.type ?? "NONE";
  const username = auth?.credentials?.username ?? undefined;
  const password = auth?.credentials?.password ?? "";
  if (type === "BASIC" && (username === undefined || username === "" || username.includes(":")))
    throw validationFailed("'endpointAuth' of type BASIC needs a username without ':'.");
  return {
    endpointUrl: body.endpointUrl,
    eventTypes: body.eventTypes,
    status: body.status ?? "ACTIVE",
    ...(customHeaders === undefined ? {} : { customHeaders }),
    ...(auth == null ? {} : { endpointAuth: type === "BASIC" ? { type, username, password } : { type } }),
  };
}
