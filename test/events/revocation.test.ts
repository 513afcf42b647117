import { expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { apiKeys } from "../support/auth-headers.ts";
import { useHarness } from "../support/use-harness.ts";
import { event, type Payload, settle, subscribe, VENDOR_CREATED } from "./subscription-clients.ts";

/**
 * The gate is re-checked for every event: a credential revoked at Pleo while subscribed ends the stream
 * with a typed error at the next event (its own harness: the revoked key stays set aside afterwards).
 */
const NL = COMPANIES.nl.id;
const nlVendor = seededCompany(NL).vendors[0];
if (!nlVendor) throw new Error("the seed has NL vendors");

const h = useHarness();

it("ends every stream of a revoked credential with a typed error at the next event", async () => {
  const streams = (["sse", "ws"] as const).map((transport) =>
    subscribe(transport, h.url, apiKeys(CREDENTIALS.nl), VENDOR_CREATED, { companyId: NL }),
  );
  try {
    await settle();
    await h.gateway.companyEvents.publish(event("VENDOR_CREATED", NL, nlVendor.id));
    for (const stream of streams)
      expect(await stream.next()).toMatchObject({ data: { vendorCreated: { vendorId: nlVendor.id } } });

    await fetch(`${h.simulatorUrl}/__sim/credentials/${CREDENTIALS.nl.label}/revoke`, { method: "POST" });
    await h.gateway.companyEvents.publish(event("VENDOR_CREATED", NL, nlVendor.id));
    for (const stream of streams) {
      const ended = (await stream.next()) as Payload;
      expect(ended.data?.vendorCreated ?? null).toBeNull();
      // The first re-fetch meets Pleo's 401; a second finds the credential set aside after it.
      expect(["CREDENTIAL_REJECTED", "CREDENTIAL_UNUSABLE"]).toContain(ended.errors?.[0]?.extensions?.code);
      expect(await stream.next()).toBe("done");
    }
  } finally {
    await Promise.all(streams.map((stream) => stream.close()));
  }
});
