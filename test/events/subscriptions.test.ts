import { afterEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { apiKeys } from "../support/auth-headers.ts";
import { useHarness } from "../support/use-harness.ts";
import {
  COMPANY_EVENTS,
  event,
  type Subscription,
  settle,
  subscribe,
  type Transport,
  VENDOR_CREATED,
} from "./subscription-clients.ts";

/**
 * Subscriptions out, through real clients of both transports: a subscriber of a company hears that
 * company's events with the resource re-fetched under its own credential, and nothing else.
 */
const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;
const nlVendor = seededCompany(NL).vendors[0];
const deVendor = seededCompany(DE).vendors[0];
const nlJob = seededCompany(NL).exportJobs[0];
if (!nlVendor || !deVendor || !nlJob) throw new Error("the seed has vendors and export jobs");

const h = useHarness();
const open: Subscription[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function subscriber(transport: Transport, headers: Record<string, string>, query: string, companyId: string) {
  const subscription = subscribe(transport, h.url, headers, query, { companyId });
  open.push(subscription);
  return subscription;
}

describe.each<Transport>(["sse", "ws"])("over %s", (transport) => {
  it("delivers vendorCreated, re-fetched with the subscriber's credential, within a second", async () => {
    const nl = subscriber(transport, apiKeys(CREDENTIALS.nl), VENDOR_CREATED, NL);
    expect(await nl.quietFor(300)).toBe(true);
    const started = performance.now();
    await h.gateway.companyEvents.publish(event("VENDOR_CREATED", NL, nlVendor.id));
    const payload = await nl.next(1_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(payload).toEqual({
      data: { vendorCreated: { vendorId: nlVendor.id, name: nlVendor.name, company: { companyId: NL } } },
    });
  });

  it("never gives an NL subscriber a DE event", async () => {
    const nl = subscriber(transport, apiKeys(CREDENTIALS.nl, CREDENTIALS.de), COMPANY_EVENTS, NL);
    await settle();
    // The DE vendor's id published as if NL's: the re-fetch under NL finds nothing, nothing is sent.
    await h.gateway.companyEvents.publish(event("VENDOR_CREATED", DE, deVendor.id));
    await h.gateway.companyEvents.publish(event("VENDOR_CREATED", NL, deVendor.id));
    expect(await nl.quietFor(500)).toBe(true);
    const job = event("EXPORT_JOB_CREATED", NL, nlJob.id);
    await h.gateway.companyEvents.publish(job);
    const payload = await nl.next();
    expect(payload).toEqual({
      data: {
        companyEvents: {
          id: job.id,
          type: "EXPORT_JOB_CREATED",
          companyId: NL,
          resourceId: nlJob.id,
          occurredAt: job.occurredAt,
          vendor: null,
          exportJob: { exportJobId: nlJob.id, status: nlJob.status.toUpperCase() },
        },
      },
    });
  });

  it("refuses a subscriber without the scope: a typed error and no stream", async () => {
    const narrow = subscriber(transport, apiKeys(CREDENTIALS.nlReadOnlyAccounts), VENDOR_CREATED, NL);
    const refused = await narrow.next();
    expect(refused).not.toBe("done");
    expect((refused as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code).toBe(
      "MISSING_SCOPE",
    );
    expect(await narrow.next()).toBe("done");
  });

  it("refuses a subscriber with no credential for the company", async () => {
    const de = subscriber(transport, apiKeys(CREDENTIALS.de), VENDOR_CREATED, NL);
    const refused = await de.next();
    expect((refused as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code).toBe(
      "NO_CREDENTIAL_FOR_COMPANY",
    );
    expect(await de.next()).toBe("done");
  });
});

describe("over graphql-ws", () => {
  it("carries subscriptions only", async () => {
    const query = subscribe("ws", h.url, apiKeys(CREDENTIALS.nl), "{ viewer { companies { name } } }", {});
    open.push(query);
    const refused = await query.next();
    expect(refused).toMatchObject({ errors: [{ extensions: { code: "VALIDATION_FAILED" } }] });
  });
});
