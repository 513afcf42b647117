import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { simulatorClock } from "../../src/simulator/clock.ts";
import {
  COMPANIES,
  CREDENTIALS,
  type RunningSimulator,
  type SimCredential,
  seededCompany,
  startSimulator,
  type WebhookLogEntry,
} from "../../src/simulator/index.ts";
import { call, type Json } from "./helpers.ts";
import { type ReceivedWebhook, useWebhookReceiver } from "./subscriptions-receiver.ts";
import { subscribe } from "./subscriptions-spec.ts";

/**
 * Webhook delivery: creating a vendor or an export job through the API POSTs a Standard Webhooks message
 * to each active subscription of that company (verified here with the `standardwebhooks` package, which
 * the simulator does not use), retried with backoff, logged without secrets, and replayable.
 */
let sim: RunningSimulator;
beforeAll(async () => {
  // Short pauses between attempts keep the retry tests quick; the defaults are exercised below too.
  sim = await startSimulator({ webhookRetryDelaysMs: [50, 100, 150] });
});
afterAll(() => sim.close());
const receiver = useWebhookReceiver();
beforeEach(() => sim.reset());
afterEach(() => simulatorClock.reset());

const createVendor = async (as: SimCredential = CREDENTIALS.nl, companyId: string = COMPANIES.nl.id) => {
  const res = await call(sim, as, "POST", "/v1/vendors", {
    body: { companyId, name: `Webhook Vendor ${Math.random()}`, defaultCurrency: "EUR" },
  });
  expect(res.status).toBe(201);
  return res.body.data as Json;
};

const received = (count: number) =>
  vi.waitFor(() => expect(receiver().received).toHaveLength(count), { timeout: 5000, interval: 20 });

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The verified payload; throws if the signature, id or timestamp does not verify. */
function verified(secret: string, webhook: ReceivedWebhook): Json {
  return new Webhook(secret).verify(webhook.body, webhook.headers as Record<string, string>);
}

describe("delivery", () => {
  it("POSTs a signed v1.vendor.created webhook when a vendor is created", async () => {
    const { id, secret } = await subscribe(sim, receiver().url, ["v1.vendor.created"], {
      body: {
        customHeaders: { "x-tenant": "lcb-nl" },
        endpointAuth: { type: "BASIC", credentials: { username: "gateway", password: "pw" } },
      },
    });
    const vendor = await createVendor();
    await received(1);
    const [webhook] = receiver().received;
    if (!webhook) throw new Error("no webhook");
    const payload = verified(secret, webhook);
    expect(payload).toEqual({
      eventId: webhook.headers["webhook-id"],
      eventType: "v1.vendor.created",
      data: { id: vendor.id, companyId: COMPANIES.nl.id },
    });
    expect(webhook.path).toBe("/webhooks/pleo");
    expect(webhook.headers).toMatchObject({
      "content-type": "application/json",
      "x-tenant": "lcb-nl",
      authorization: `Basic ${Buffer.from("gateway:pw").toString("base64")}`,
    });
    expect(Math.abs(Number(webhook.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(10);
    // A wrong secret does not verify.
    const other = await subscribe(sim, receiver().url, ["v1.export-job.created"]);
    expect(() => verified(other.secret, webhook)).toThrow();
    expect(sim.webhooks.list()).toEqual([
      expect.objectContaining({ subscriptionId: id, eventType: "v1.vendor.created", state: "delivered" }),
    ]);
  });

  it("POSTs v1.export-job.created to a subscription using the other spelling", async () => {
    const { secret } = await subscribe(sim, receiver().url, ["v1.export.job-created"]);
    // The seeded running jobs must expire before a new job may start.
    simulatorClock.advance(61 * 60_000);
    const entryIds = seededCompany("lcb-nl")
      .accountingEntries.filter((e) => !e.deletedAt)
      .slice(0, 2)
      .map((e) => e.id);
    const job = await call(sim, CREDENTIALS.nl, "POST", "/v3/export-jobs", {
      body: { companyId: COMPANIES.nl.id, accountingEntryIds: entryIds },
    });
    expect(job.status).toBe(201);
    await received(1);
    const [webhook] = receiver().received;
    if (!webhook) throw new Error("no webhook");
    expect(verified(secret, webhook)).toMatchObject({
      eventType: "v1.export-job.created",
      data: { id: job.body.data.id, companyId: COMPANIES.nl.id },
    });
  });

  it("delivers only to the creating company's active subscriptions to that event", async () => {
    const nlVendors = await subscribe(sim, receiver().url, ["v1.vendor.created"]);
    await subscribe(sim, receiver().url, ["v1.export-job.created"]);
    await subscribe(sim, receiver().url, ["v1.vendor.created"], { body: { status: "INACTIVE" } });
    const deVendors = await subscribe(sim, receiver().url, ["v1.vendor.created"], { as: CREDENTIALS.de });
    await createVendor(CREDENTIALS.de, COMPANIES.de.id);
    await createVendor();
    await received(2);
    const deliveries = sim.webhooks.list();
    expect(deliveries.map((d) => [d.subscriptionId, d.companyId]).sort()).toEqual(
      [
        [deVendors.id, COMPANIES.de.id],
        [nlVendors.id, COMPANIES.nl.id],
      ].sort(),
    );
    const companies = receiver().received.map((w) => JSON.parse(w.body).data.companyId);
    expect(companies.sort()).toEqual([COMPANIES.de.id, COMPANIES.nl.id].sort());
  });

  it("sends nothing for a failed create or after the subscription is deleted", async () => {
    const { id } = await subscribe(sim, receiver().url, ["v1.vendor.created"]);
    const refused = await call(sim, CREDENTIALS.de, "POST", "/v1/vendors", {
      body: { companyId: COMPANIES.nl.id, name: "Not allowed", defaultCurrency: "EUR" },
    });
    expect(refused.status).toBe(403);
    expect((await call(sim, CREDENTIALS.nl, "DELETE", `/v1/subscriptions/${id}`)).status).toBe(204);
    await createVendor();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver().received).toEqual([]);
    expect(sim.webhooks.list()).toEqual([]);
  });
});

describe("retries", () => {
  it("retries a failing receiver with the same webhook-id until it answers 2xx", async () => {
    const { secret } = await subscribe(sim, receiver().url, ["v1.vendor.created"]);
    receiver().answerWith(500, 302, 204);
    await createVendor();
    await received(3);
    const ids = receiver().received.map((w) => w.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(1);
    for (const webhook of receiver().received) expect(verified(secret, webhook)).toBeDefined();
    await vi.waitFor(() => expect(sim.webhooks.list()[0]?.state).toBe("delivered"));
    expect(sim.webhooks.list()[0]?.attempts.map((a) => a.status)).toEqual([500, 302, 204]);
  });

  it("gives up after the last attempt, and a receiver that is down counts as a failure", async () => {
    await subscribe(sim, receiver().url, ["v1.vendor.created"]);
    receiver().answerWith(503, 503, 503, 503, 503);
    await createVendor();
    await received(4);
    await vi.waitFor(() => expect(sim.webhooks.list()[0]?.state).toBe("failed"));
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(receiver().received).toHaveLength(4);

    sim.reset();
    await subscribe(sim, `http://127.0.0.1:${await closedPort()}/closed`, ["v1.vendor.created"]);
    await createVendor();
    await vi.waitFor(() => expect(sim.webhooks.list()[0]?.state).toBe("failed"), { timeout: 5000 });
    const attempts = sim.webhooks.list()[0]?.attempts ?? [];
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, null],
    ]);
    expect(attempts[0]?.error).toBe("ECONNREFUSED");
  });

  it("stops pending retries on reset", async () => {
    await subscribe(sim, receiver().url, ["v1.vendor.created"]);
    receiver().answerWith(500, 500, 500, 500);
    await createVendor();
    await received(1);
    sim.reset();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver().received).toHaveLength(1);
    expect(sim.webhooks.list()).toEqual([]);
  });

  it("waits 0.2 s before the first retry by default", async () => {
    const defaults = await startSimulator();
    try {
      await subscribe(defaults, receiver().url, ["v1.vendor.created"]);
      receiver().answerWith(500);
      const started = Date.now();
      const res = await call(defaults, CREDENTIALS.nl, "POST", "/v1/vendors", {
        body: { companyId: COMPANIES.nl.id, name: "Default Backoff", defaultCurrency: "EUR" },
      });
      expect(res.status).toBe(201);
      await received(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    } finally {
      await defaults.close();
    }
  });
});

describe("observability and replay", () => {
  it("logs every attempt with event, subscription and status, and never the secret", async () => {
    const { id, secret } = await subscribe(sim, receiver().url, ["v1.vendor.created"]);
    receiver().answerWith(500);
    await createVendor();
    await received(2);
    await vi.waitFor(() => expect(sim.requests().filter((e) => "webhook" in e)).toHaveLength(2));
    const attempts = sim.requests().filter((e) => "webhook" in e) as unknown as WebhookLogEntry[];
    expect(
      attempts.map((e) => [e.webhook.attempt, e.status, e.webhook.subscriptionId, e.webhook.eventType]),
    ).toEqual([
      [1, 500, id, "v1.vendor.created"],
      [2, 204, id, "v1.vendor.created"],
    ]);
    expect(attempts[0]).toMatchObject({
      method: "POST",
      path: "/webhooks/pleo",
      targetCompanyId: COMPANIES.nl.id,
    });
    const everything = JSON.stringify([
      sim.requests(),
      (await fetch(`${sim.url}/__sim/requests`).then((r) => r.json())) as Json,
      (await fetch(`${sim.url}/__sim/webhooks`).then((r) => r.json())) as Json,
    ]);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(secret.slice("whsec_".length));
  });

  it("lists deliveries at /__sim/webhooks and redelivers an event with its original webhook-id", async () => {
    const { secret } = await subscribe(sim, receiver().url, ["v1.vendor.created"]);
    await createVendor();
    await received(1);
    const listed = (await fetch(`${sim.url}/__sim/webhooks`).then((r) => r.json())) as Json;
    expect(listed.data).toHaveLength(1);
    const eventId: string = listed.data[0].eventId;

    const redelivered = await fetch(`${sim.url}/__sim/webhooks/redeliver/${eventId}`, { method: "POST" });
    expect(redelivered.status).toBe(202);
    await received(2);
    const [first, replay] = receiver().received;
    if (!first || !replay) throw new Error("missing webhooks");
    expect(replay.headers["webhook-id"]).toBe(eventId);
    expect(replay.body).toBe(first.body);
    expect(verified(secret, replay)).toEqual(verified(secret, first));
    await vi.waitFor(() =>
      expect(sim.webhooks.list().map((d) => [d.redelivery, d.state])).toEqual([
        [false, "delivered"],
        [true, "delivered"],
      ]),
    );

    const unknown = await fetch(`${sim.url}/__sim/webhooks/redeliver/00000000-0000-4000-8000-000000000000`, {
      method: "POST",
    });
    expect(unknown.status).toBe(404);
  });
});
