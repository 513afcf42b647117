import { randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CompanyEvent } from "../../src/events/company-events.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/index.ts";
import type { Json } from "../gateway/run-mutation.ts";
import { apiKeys, basic, DE_KEY, NL_KEY } from "../support/auth-headers.ts";
import { codes, type Harness, startHarness } from "../support/harness.ts";
import { type FrontDoor, startFrontDoor } from "./front-door.ts";

/**
 * Pleo webhooks in, end to end: a company subscribed through the gateway, the simulator delivering
 * signed webhooks to the gateway's public URL (a loopback front door), the gateway verifying,
 * deduplicating and publishing them as company events (read here straight from `companyEvents`).
 * Deliveries the test signs itself (with secrets it reads from the simulator as the company) cover
 * everything that must be refused: each answered 4xx, counted, and never published.
 */
const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;
const BE = COMPANIES.be.id;

const SUBSCRIBE = `mutation($input: SubscribeCompanyToEventsInput!) {
  subscribeCompanyToEvents(input: $input) {
    __typename
    ... on SubscribeCompanyToEventsPayload { subscription { id companyId eventTypes pleoEventTypes endpointUrl status secretHeld } }
    ... on MutationError { code message }
    ... on WebhooksUnavailable { webhooksCode: code message }
  }
}`;

let front: FrontDoor;
let h: Harness;
const published: CompanyEvent[] = [];
const listening = new AbortController();

async function listen(companyId: string): Promise<void> {
  for await (const event of h.gateway.companyEvents.subscribe(companyId, listening.signal))
    published.push(event);
}

async function until<T>(find: () => T | undefined | Promise<T | undefined>, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function subscribe(headers: Record<string, string>, companyId: string, eventTypes: string[]) {
  const response = await h.gql<Json>(SUBSCRIBE, { headers, variables: { input: { companyId, eventTypes } } });
  if (!response.body.data?.subscribeCompanyToEvents) throw new Error(response.text);
  return { result: response.body.data.subscribeCompanyToEvents, text: response.text };
}

/** The subscription's secret, read from the simulator as the company itself (the gateway never shows it). */
async function secretOf(subscriptionId: string, credential: { secret: string }): Promise<string> {
  const response = await fetch(`${h.simulatorUrl}/v1/subscriptions/${subscriptionId}/secret`, {
    headers: { authorization: basic(credential.secret) },
  });
  return ((await response.json()) as { data: { secretKey: string } }).data.secretKey;
}

interface Delivery {
  readonly secret: string;
  readonly eventType: string;
  readonly companyId?: string;
  readonly data?: Record<string, unknown>;
  readonly id?: string;
  readonly timestamp?: Date;
  readonly path?: string;
  readonly signature?: (valid: string) => string;
}

/** Posts a delivery signed as Pleo signs one; returns the status and the webhook-id used. */
async function deliver(d: Delivery): Promise<{ status: number; id: string; resourceId: string }> {
  const id = d.id ?? `msg_${randomUUID()}`;
  const resourceId = randomUUID();
  const timestamp = d.timestamp ?? new Date();
  const body = JSON.stringify({
    eventId: id,
    eventType: d.eventType,
    data: d.data ?? { id: resourceId, companyId: d.companyId ?? NL },
  });
  const valid = new Webhook(d.secret).sign(id, timestamp, body);
  const response = await fetch(`${front.url}${d.path ?? `/webhooks/pleo/${d.companyId ?? NL}`}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": d.signature ? d.signature(valid) : valid,
    },
    body,
  });
  return { status: response.status, id, resourceId };
}

const otherSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

describe("Pleo webhooks in", () => {
  let nlSubscription: Json;
  let nlSecret: string;
  let deSecret: string;

  beforeAll(async () => {
    front = await startFrontDoor();
    h = await startHarness({ security: { PUBLIC_BASE_URL: front.url } });
    front.forwardTo(h.url);
    for (const company of [NL, DE, BE]) void listen(company);
    const nl = await subscribe(NL_KEY, NL, ["VENDOR_CREATED", "EXPORT_JOB_CREATED"]);
    nlSubscription = nl.result.subscription;
    nlSecret = await secretOf(nlSubscription.id, CREDENTIALS.nl);
    const de = await subscribe(DE_KEY, DE, ["VENDOR_CREATED"]);
    deSecret = await secretOf(de.result.subscription.id, CREDENTIALS.de);
  });
  afterAll(async () => {
    listening.abort();
    await h?.close();
    await front?.close();
  });

  it("subscribes with the company's credential and the public URL; the secret is held, never returned", async () => {
    expect(nlSubscription).toMatchObject({
      companyId: NL,
      eventTypes: ["VENDOR_CREATED", "EXPORT_JOB_CREATED"],
      pleoEventTypes: ["v1.vendor.created", "v1.export-job.created"],
      endpointUrl: `${front.url}/webhooks/pleo/${NL}`,
      status: "ACTIVE",
      secretHeld: true,
    });
    const listed = await h.gql<Json>(
      `query($c: ID!) { companyEventSubscriptions(companyId: $c) { id endpointUrl secretHeld } }`,
      { headers: NL_KEY, variables: { c: NL } },
    );
    expect(listed.body.data?.companyEventSubscriptions).toEqual([
      { id: nlSubscription.id, endpointUrl: nlSubscription.endpointUrl, secretHeld: true },
    ]);
    expect(listed.text).not.toContain("whsec_");
    // Another company's credential lists nothing of NL's.
    const foreign = await h.gql<Json>(`query($c: ID!) { companyEventSubscriptions(companyId: $c) { id } }`, {
      headers: DE_KEY,
      variables: { c: NL },
    });
    expect(foreign.body.data?.companyEventSubscriptions).toBeNull();
    expect(codes(foreign)).toEqual(["NO_CREDENTIAL_FOR_COMPANY"]);
  });

  it("a vendor created through the gateway is delivered by the simulator and published once; a redelivery is refused", async () => {
    const created = await h.gql<Json>(
      `mutation($input: CreateVendorInput!) { createVendor(input: $input) { ... on VendorPayload { vendor { vendorId } } } }`,
      {
        headers: NL_KEY,
        variables: { input: { companyId: NL, name: "Webhook BV", defaultCurrency: "EUR" } },
      },
    );
    const vendorId = created.body.data?.createVendor.vendor.vendorId as string;
    const event = await until(() => published.find((e) => e.resourceId === vendorId));
    expect(event).toMatchObject({ type: "VENDOR_CREATED", companyId: NL, resourceId: vendorId });
    expect(new Date(event.occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const redelivered = await fetch(
      `${h.simulatorUrl}/__sim/webhooks/redeliver/${encodeURIComponent(event.id)}`,
      {
        method: "POST",
      },
    );
    expect(redelivered.status).toBe(202);
    const deliveries = async () =>
      ((await (await fetch(`${h.simulatorUrl}/__sim/webhooks`)).json()) as { data: Json[] }).data;
    const replay = await until(async () =>
      (await deliveries()).find((d) => d.eventId === event.id && d.redelivery && d.attempts.length > 0),
    );
    expect(replay.attempts[0].status).toBe(409);
    expect(published.filter((e) => e.id === event.id)).toHaveLength(1);
  });

  it("accepts both spellings of each event type, by path or by the payload's company; drops the cached reads", async () => {
    const invalidate = vi.spyOn(h.gateway.readCache, "invalidate");
    const sent = [
      await deliver({ secret: nlSecret, eventType: "v1.vendor.created" }),
      await deliver({ secret: nlSecret, eventType: "v1.vendors.created" }),
      await deliver({ secret: nlSecret, eventType: "v1.export-job.created" }),
      await deliver({ secret: nlSecret, eventType: "v1.export.job-created", path: "/webhooks/pleo" }),
    ];
    expect(sent.map((s) => s.status)).toEqual([202, 202, 202, 202]);
    const types = await until(() => {
      const found = sent.map((s) => published.find((e) => e.id === s.id)?.type);
      return found.every(Boolean) ? found : undefined;
    });
    expect(types).toEqual(["VENDOR_CREATED", "VENDOR_CREATED", "EXPORT_JOB_CREATED", "EXPORT_JOB_CREATED"]);
    expect(published.find((e) => e.id === sent[0]?.id)?.resourceId).toBe(sent[0]?.resourceId);
    expect(invalidate.mock.calls).toEqual(
      expect.arrayContaining([
        [NL, "vendors"],
        [NL, "export-jobs"],
      ]),
    );
    invalidate.mockRestore();
  });

  it("accepts a delivery signed during a secret rotation (one of several signatures valid)", async () => {
    const rotated = await deliver({
      secret: nlSecret,
      eventType: "v1.vendor.created",
      signature: (valid) => `${new Webhook(otherSecret()).sign("x", new Date(), "y")} ${valid}`,
    });
    expect(rotated.status).toBe(202);
  });

  it("refuses forged, replayed, stale, wrongly keyed, foreign and unknown deliveries, and publishes none of them", async () => {
    const replayId = `msg_${randomUUID()}`;
    const first = await deliver({ secret: nlSecret, eventType: "v1.vendor.created", id: replayId });
    expect(first.status).toBe(202);
    await until(() => published.find((e) => e.id === replayId));
    const before = published.length;
    const refused = {
      forged: await deliver({ secret: otherSecret(), eventType: "v1.vendor.created" }),
      replayed: await deliver({ secret: nlSecret, eventType: "v1.vendor.created", id: replayId }),
      stale: await deliver({
        secret: nlSecret,
        eventType: "v1.vendor.created",
        timestamp: new Date(Date.now() - 400_000),
      }),
      future: await deliver({
        secret: nlSecret,
        eventType: "v1.vendor.created",
        timestamp: new Date(Date.now() + 400_000),
      }),
      wronglyKeyed: await deliver({ secret: deSecret, eventType: "v1.vendor.created" }),
      foreignPayload: await deliver({
        secret: nlSecret,
        eventType: "v1.vendor.created",
        path: `/webhooks/pleo/${NL}`,
        data: { id: randomUUID(), companyId: DE },
      }),
      unknownSubscription: await deliver({ secret: nlSecret, eventType: "v1.vendor.created", companyId: BE }),
      tampered: await deliver({
        secret: nlSecret,
        eventType: "v1.vendor.created",
        signature: (valid) => `${valid.slice(0, -4)}AAA=`,
      }),
      malformedCompany: await deliver({
        secret: nlSecret,
        eventType: "v1.vendor.created",
        path: "/webhooks/pleo/nl",
      }),
    };
    expect(Object.fromEntries(Object.entries(refused).map(([k, v]) => [k, v.status]))).toEqual({
      forged: 401,
      replayed: 409,
      stale: 401,
      future: 401,
      wronglyKeyed: 401,
      foreignPayload: 400,
      unknownSubscription: 404,
      tampered: 401,
      malformedCompany: 400,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(published.slice(before)).toEqual([]);

    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    for (const outcome of [
      "invalid_signature",
      "replayed",
      "stale",
      "company_mismatch",
      "unknown_subscription",
      "malformed",
      "accepted",
    ])
      expect(metrics).toMatch(new RegExp(`pleo_gateway_webhooks_total\\{outcome="${outcome}"\\} [1-9]`));
  });

  it("removes a subscription and forgets its secret: its deliveries are then refused", async () => {
    const removed = await h.gql<Json>(
      `mutation($input: RemoveCompanyEventSubscriptionInput!) { removeCompanyEventSubscription(input: $input) {
        __typename ... on RemoveCompanyEventSubscriptionPayload { subscriptionId } ... on MutationError { code } } }`,
      { headers: NL_KEY, variables: { input: { companyId: NL, subscriptionId: nlSubscription.id } } },
    );
    expect(removed.body.data?.removeCompanyEventSubscription).toEqual({
      __typename: "RemoveCompanyEventSubscriptionPayload",
      subscriptionId: nlSubscription.id,
    });
    expect((await deliver({ secret: nlSecret, eventType: "v1.vendor.created" })).status).toBe(404);
    // DE's subscription id under NL's credential: Pleo knows no such subscription of NL.
    const again = await h.gql<Json>(
      `mutation($input: RemoveCompanyEventSubscriptionInput!) { removeCompanyEventSubscription(input: $input) {
        __typename ... on MutationError { code } } }`,
      { headers: NL_KEY, variables: { input: { companyId: NL, subscriptionId: nlSubscription.id } } },
    );
    expect(again.body.data?.removeCompanyEventSubscription).toEqual({
      __typename: "NotFound",
      code: "NOT_FOUND",
    });
  });

  it("refuses to subscribe without a credential bound to the company", async () => {
    const denied = await subscribe(apiKeys(CREDENTIALS.de), NL, ["VENDOR_CREATED"]);
    expect(denied.result).toMatchObject({ __typename: "AccessDenied", code: "NO_CREDENTIAL_FOR_COMPANY" });
    const empty = await subscribe(NL_KEY, NL, []);
    expect(empty.result).toMatchObject({ __typename: "ValidationFailed", code: "VALIDATION_FAILED" });
  });

  it("never writes a subscription secret to a response or the log", () => {
    const log = h.logLines.join("\n");
    for (const secret of [nlSecret, deSecret]) {
      expect(log).not.toContain(secret);
      expect(log).not.toContain(secret.slice("whsec_".length));
    }
  });
});
