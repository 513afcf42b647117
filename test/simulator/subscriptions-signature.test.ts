import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { attemptDelivery } from "../../src/simulator/subscriptions/delivery-attempt.ts";
import { isLoopbackEndpoint } from "../../src/simulator/subscriptions/loopback.ts";
import { newWebhookSecret, webhookSignature } from "../../src/simulator/subscriptions/signature.ts";

/** The simulator's own Standard Webhooks signing agrees with the reference library byte for byte. */
describe("webhook signing", () => {
  it("signs exactly as the standardwebhooks package does", () => {
    for (let i = 0; i < 20; i++) {
      const secret = newWebhookSecret();
      const id = crypto.randomUUID();
      const timestamp = 1_700_000_000 + i * 7919;
      const body = JSON.stringify({
        eventId: id,
        eventType: "v1.vendor.created",
        data: { i, text: "ünïcödé" },
      });
      expect(webhookSignature(secret, id, timestamp, body)).toBe(
        new Webhook(secret).sign(id, new Date(timestamp * 1000), body),
      );
    }
  });

  it("refuses to deliver to a host that is not loopback, without trying", async () => {
    const outcome = await attemptDelivery(
      { endpointUrl: "http://192.0.2.1/webhooks", eventTypes: ["v1.vendor.created"], status: "ACTIVE" },
      newWebhookSecret(),
      { id: "evt", body: "{}" },
      { timeoutMs: 50, signal: new AbortController().signal },
    );
    expect(outcome).toMatchObject({ delivered: false, status: null, final: true });
  });

  it("knows loopback when it sees it", () => {
    expect(
      ["http://127.0.0.1/", "http://127.255.0.9:80/x", "https://localhost/", "http://[::1]:1/"].map(
        isLoopbackEndpoint,
      ),
    ).toEqual([true, true, true, true]);
    expect(
      [
        "http://128.0.0.1/",
        "http://localhost.example.com/",
        "http://0.0.0.0/",
        "http://[::2]/",
        "file:///etc",
      ].map(isLoopbackEndpoint),
    ).toEqual([false, false, false, false, false]);
  });
});
