import { beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/index.ts";
import { type Json, useSimulator } from "./helpers.ts";
import { subscribe, subscriptionCall } from "./subscriptions-spec.ts";

/**
 * The simulator's Subscriptions API, checked against Pleo's spec: create (200), read, list, replace,
 * delete, activities and the secret; per-company ownership; loopback-only endpoints.
 */
const sim = useSimulator();
beforeEach(() => sim().reset());

const ENDPOINT = "http://127.0.0.1:9/webhooks/pleo";
const byId = (id: string) => `/v1/subscriptions/${id}`;

describe("subscription lifecycle", () => {
  it("creates, reads, lists, replaces and deletes a subscription, recording each as an activity", async () => {
    const created = await subscriptionCall(sim(), "POST", "/v1/subscriptions", "/v1/subscriptions", {
      body: { endpointUrl: ENDPOINT, eventTypes: ["v1.vendor.created"], customHeaders: { "x-tenant": "nl" } },
    });
    expect(created.status).toBe(200);
    const subscription = created.body.data;
    expect(subscription).toMatchObject({
      endpointUrl: ENDPOINT,
      eventTypes: ["v1.vendor.created"],
      status: "ACTIVE",
      customHeaders: { "x-tenant": "nl" },
    });
    const id: string = subscription.id;

    const read = await subscriptionCall(sim(), "GET", "/v1/subscriptions/{id}", byId(id));
    expect(read.body.data).toEqual(subscription);

    const replaced = await subscriptionCall(sim(), "PUT", "/v1/subscriptions/{id}", byId(id), {
      body: {
        endpointUrl: ENDPOINT,
        eventTypes: ["v1.export-job.created", "v1.vendor.created"],
        status: "INACTIVE",
      },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.data).toMatchObject({ id, status: "INACTIVE", createdAt: subscription.createdAt });
    expect(replaced.body.data.customHeaders).toBeUndefined();

    const listed = await subscriptionCall(sim(), "GET", "/v1/subscriptions", "/v1/subscriptions");
    expect(listed.body.data).toEqual([replaced.body.data]);

    const deleted = await subscriptionCall(sim(), "DELETE", "/v1/subscriptions/{id}", byId(id));
    expect(deleted.status).toBe(204);
    for (const path of [byId(id), `${byId(id)}/secret`])
      expect((await subscriptionCall(sim(), "GET", "/v1/subscriptions/{id}", path)).status).toBe(404);
    expect((await subscriptionCall(sim(), "DELETE", "/v1/subscriptions/{id}", byId(id))).status).toBe(404);
    expect(
      (await subscriptionCall(sim(), "GET", "/v1/subscriptions", "/v1/subscriptions")).body.data,
    ).toEqual([]);

    const activities = await subscriptionCall(
      sim(),
      "GET",
      "/v1/subscriptions/{id}/activities",
      `${byId(id)}/activities`,
    );
    expect(activities.status).toBe(200);
    expect(activities.body.data.map((a: Json) => a.operationType)).toEqual(["CREATE", "UPDATE", "DELETE"]);
    expect(activities.body.data[0]).toMatchObject({
      subscriptionId: id,
      actorUrn: `urn:pleo:company:${COMPANIES.nl.id}`,
    });
    const onlyDeletes = await subscriptionCall(
      sim(),
      "GET",
      "/v1/subscriptions/{id}/activities",
      `${byId(id)}/activities`,
      { query: { operation_types: ["DELETE"] } },
    );
    expect(onlyDeletes.body.data.map((a: Json) => a.operationType)).toEqual(["DELETE"]);
  });

  it("hands out a whsec_ secret of 24 random bytes, different per subscription", async () => {
    const first = await subscribe(sim(), ENDPOINT, ["v1.vendor.created"]);
    const second = await subscribe(sim(), ENDPOINT, ["v1.vendor.created"]);
    for (const { secret } of [first, second]) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(Buffer.from(secret.slice("whsec_".length), "base64")).toHaveLength(24);
    }
    expect(first.secret).not.toBe(second.secret);
  });

  it("lists by status and event type, a page at a time", async () => {
    const vendors = await subscribe(sim(), ENDPOINT, ["v1.vendor.created"]);
    const jobs = await subscribe(sim(), ENDPOINT, ["v1.export-job.created"], {
      body: { status: "INACTIVE" },
    });
    const list = (query: Json) =>
      subscriptionCall(sim(), "GET", "/v1/subscriptions", "/v1/subscriptions", { query });
    expect((await list({ status: "INACTIVE" })).body.data.map((s: Json) => s.id)).toEqual([jobs.id]);
    expect((await list({ event_types: ["v1.vendor.created"] })).body.data.map((s: Json) => s.id)).toEqual([
      vendors.id,
    ]);
    // Either spelling of an event type finds the subscription.
    expect((await list({ event_types: ["v1.vendors.created"] })).body.data.map((s: Json) => s.id)).toEqual([
      vendors.id,
    ]);
    expect((await list({ event_types: ["v1.invoice.created"] })).status).toBe(400);
    const first = await list({ limit: 1 });
    expect(first.body.data.map((s: Json) => s.id)).toEqual([vendors.id]);
    expect(first.body.pagination).toMatchObject({ hasNextPage: true, total: 2 });
    const next = await list({ limit: 1, after: first.body.pagination.endCursor });
    expect(next.body.data.map((s: Json) => s.id)).toEqual([jobs.id]);
    expect((await list({ status: "GONE" })).status).toBe(400);
  });

  it("never echoes the endpoint's credentials", async () => {
    const created = await subscriptionCall(sim(), "POST", "/v1/subscriptions", "/v1/subscriptions", {
      body: {
        endpointUrl: ENDPOINT,
        eventTypes: ["v1.vendor.created"],
        endpointAuth: { type: "BASIC", credentials: { username: "gateway", password: "hunter2-secret" } },
      },
    });
    expect(created.body.data.endpointAuth).toEqual({ type: "BASIC" });
    expect(JSON.stringify(created.body)).not.toContain("hunter2-secret");
  });
});

describe("ownership", () => {
  it("answers another company's subscription as missing, on every endpoint", async () => {
    const { id } = await subscribe(sim(), ENDPOINT, ["v1.vendor.created"]);
    const body = { endpointUrl: ENDPOINT, eventTypes: ["v1.vendor.created"] };
    const asDe = { as: CREDENTIALS.de };
    expect((await subscriptionCall(sim(), "GET", "/v1/subscriptions/{id}", byId(id), asDe)).status).toBe(404);
    expect(
      (await subscriptionCall(sim(), "PUT", "/v1/subscriptions/{id}", byId(id), { ...asDe, body })).status,
    ).toBe(404);
    expect((await subscriptionCall(sim(), "DELETE", "/v1/subscriptions/{id}", byId(id), asDe)).status).toBe(
      404,
    );
    for (const [template, path] of [
      ["/v1/subscriptions/{id}/secret", `${byId(id)}/secret`],
      ["/v1/subscriptions/{id}/activities", `${byId(id)}/activities`],
    ] as const)
      expect((await subscriptionCall(sim(), "GET", template, path, asDe)).status).toBe(404);
    const deList = await subscriptionCall(sim(), "GET", "/v1/subscriptions", "/v1/subscriptions", asDe);
    expect(deList.body.data).toEqual([]);
    // NL's subscription is untouched by DE's attempts.
    const read = await subscriptionCall(sim(), "GET", "/v1/subscriptions/{id}", byId(id));
    expect(read.body.data.status).toBe("ACTIVE");
  });

  it("refuses organisation credentials: subscriptions belong to a company", async () => {
    const res = await subscriptionCall(sim(), "GET", "/v1/subscriptions", "/v1/subscriptions", {
      as: CREDENTIALS.lcbOrg,
    });
    expect(res.status).toBe(403);
  });
});

describe("validation", () => {
  const create = (body: Json) =>
    subscriptionCall(sim(), "POST", "/v1/subscriptions", "/v1/subscriptions", { body, invalidRequest: true });

  it("accepts loopback endpoints only, without quoting the URL back", async () => {
    for (const endpointUrl of [
      "https://example.com/webhooks",
      "http://10.0.0.7/webhooks",
      "http://127.0.0.1.nip.io/webhooks",
      "http://user:pw-secret@127.0.0.1/webhooks",
      "ftp://127.0.0.1/webhooks",
      "http://[::ffff:127.0.0.1]/webhooks",
      "not a url",
    ]) {
      const res = await create({ endpointUrl, eventTypes: ["v1.vendor.created"] });
      expect(res.status, endpointUrl).toBe(400);
      expect(res.body.message).not.toContain(endpointUrl);
    }
    for (const endpointUrl of ["http://localhost:9/hook", "http://[::1]:9/hook", "https://127.8.9.10/hook"])
      expect((await create({ endpointUrl, eventTypes: ["v1.vendor.created"] })).status, endpointUrl).toBe(
        200,
      );
  });

  it("accepts both spellings of each event and refuses unknown or repeated ones", async () => {
    for (const eventTypes of [["v1.vendors.created"], ["v1.export.job-created", "v1.export-job.created"]])
      expect((await create({ endpointUrl: ENDPOINT, eventTypes })).status).toBe(200);
    for (const eventTypes of [[], ["v1.invoice.created"], ["v1.vendor.created", "v1.vendor.created"]])
      expect((await create({ endpointUrl: ENDPOINT, eventTypes })).status, JSON.stringify(eventTypes)).toBe(
        400,
      );
  });

  it("refuses custom headers that would replace the signature, framing or authorization", async () => {
    for (const name of ["webhook-signature", "Content-Type", "authorization", "bad header"]) {
      const res = await create({
        endpointUrl: ENDPOINT,
        eventTypes: ["v1.vendor.created"],
        customHeaders: { [name]: "x" },
      });
      expect(res.status, name).toBe(400);
    }
    const multiline = await create({
      endpointUrl: ENDPOINT,
      eventTypes: ["v1.vendor.created"],
      customHeaders: { "x-ok": "a\r\nx-injected: b" },
    });
    expect(multiline.status).toBe(400);
  });

  it("refuses a body without the required fields or with unknown ones", async () => {
    expect((await create({ eventTypes: ["v1.vendor.created"] })).status).toBe(400);
    expect((await create({ endpointUrl: ENDPOINT })).status).toBe(400);
    expect(
      (await create({ endpointUrl: ENDPOINT, eventTypes: ["v1.vendor.created"], colour: "red" })).status,
    ).toBe(400);
  });
});
