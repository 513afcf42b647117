import { Repeater } from "graphql-yoga";
import type { GatewayContext } from "../context/context.ts";
import { ErrorCode, GatewayError } from "../errors.ts";
import type { CompanyEvent, CompanyEventType } from "./company-events.ts";

/**
 * One company's events as one subscriber may see them. Nothing in an event is trusted beyond "look
 * again": before each one the subscriber is authenticated afresh and its gate decides again, then the
 * resource is re-fetched with the subscriber's own credential. What the subscription yields is either
 * that delivery or the typed error that ends the stream.
 */
export type Delivery<R> =
  | { readonly event: CompanyEvent; readonly resource: R; readonly error?: undefined }
  /** The re-fetch failed for a reason that may pass (Pleo unavailable, …): reported, the stream goes on. */
  | { readonly event: CompanyEvent; readonly resource: null; readonly error: GatewayError }
  /** The subscriber may no longer see this company: reported, then the stream ends. */
  | { readonly event?: undefined; readonly resource: null; readonly error: GatewayError };

export interface DeliveryPlan<R> {
  readonly companyId: string;
  /** The scope that keeps the stream open (re-checked before each event; "" = any credential of the company). */
  readonly streamScope: string;
  /** The read scope of an event's resource, or undefined for events this stream does not carry. */
  readonly scopeOf: (type: CompanyEventType) => string | undefined;
  /** Re-fetches the event's resource with the subscriber's context as renewed for this event. */
  readonly fetch: (ctx: GatewayContext, event: CompanyEvent) => Promise<R>;
}

/** Failures of a re-fetch that say the subscriber has lost the company, not that Pleo had a bad moment. */
const ENDS_STREAM: ReadonlySet<string> = new Set([
  ErrorCode.CREDENTIAL_REJECTED,
  // Set aside after Pleo refused it (e.g. revoked, seen first by another subscriber's re-fetch).
  ErrorCode.CREDENTIAL_UNUSABLE,
  ErrorCode.UPSTREAM_FORBIDDEN,
  ErrorCode.REAUTHORIZATION_REQUIRED,
  ErrorCode.VAULT_RECORD_UNREADABLE,
  ErrorCode.CREDENTIAL_BINDING_MISMATCH,
  ErrorCode.NO_CREDENTIAL_FOR_COMPANY,
]);

/**
 * Subscribes once the gate lets the subscriber in (else rejects with the gate's typed error and no
 * stream exists). The returned stream stops listening as soon as its consumer returns, even between
 * events (a Repeater, not an async generator, which could only notice at its next event).
 */
export async function gatedDeliveries<R>(
  ctx: GatewayContext,
  plan: DeliveryPlan<R>,
): Promise<AsyncIterable<Delivery<R>>> {
  const companyId = plan.companyId.toLowerCase();
  await ctx.access.credentialFor(companyId, plan.streamScope);
  return new Repeater<Delivery<R>>(async (push, stop) => {
    const listening = new AbortController();
    void stop.then(() => listening.abort());
    try {
      for await (const event of ctx.companyEvents.subscribe(companyId, listening.signal)) {
        const delivery = await deliver(ctx, plan, companyId, event);
        if (delivery === undefined) continue;
        await push(delivery);
        if (delivery.event === undefined) break;
      }
    } finally {
      listening.abort();
      ctx.deadline.dispose();
      stop();
    }
  });
}

/** The event as this subscriber may see it now, or undefined when it has nothing to see. */
async function deliver<R>(
  ctx: GatewayContext,
  plan: DeliveryPlan<R>,
  companyId: string,
  event: CompanyEvent,
): Promise<Delivery<R> | undefined> {
  // An event of another company cannot arrive here (routing is by company); checked anyway, as the
  // one property a bug anywhere upstream must never break.
  if (event.companyId !== companyId) return undefined;
  const scope = plan.scopeOf(event.type);
  if (scope === undefined) return undefined;
  try {
    await ctx.renew();
    await ctx.access.credentialFor(companyId, plan.streamScope);
  } catch (error) {
    return { resource: null, error: asGatewayError(error) };
  }
  try {
    await ctx.access.credentialFor(companyId, scope);
  } catch (error) {
    // The stream is open to a wider scope than this event's resource: this event is not for it.
    if (error instanceof GatewayError && error.code === ErrorCode.MISSING_SCOPE) return undefined;
    return { resource: null, error: asGatewayError(error) };
  }
  try {
    return { event, resource: await plan.fetch(ctx, event) };
  } catch (error) {
    const failure = asGatewayError(error);
    // Not there for this credential (or never was: the event is only a hint): nothing to deliver.
    if (failure.code === ErrorCode.NOT_FOUND) return undefined;
    if (ENDS_STREAM.has(failure.code)) return { resource: null, error: failure };
    return { event, resource: null, error: failure };
  }
}

/** Anything unexpected is rethrown for Yoga to mask and log; only typed errors travel to the subscriber. */
function asGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  throw error;
}
