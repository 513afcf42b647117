import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seededCompany } from "../../src/simulator/index.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { type Harness, startHarness } from "../support/harness.ts";

/**
 * Several companies in one request: each part runs with that company's own credential and reports its
 * own outcome; one company failing (no write scope, a conflict) never stops or undoes the others.
 */

// biome-ignore lint/suspicious/noExplicitAny: results are inspected field by field.
type Json = any;

const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;
const BE = COMPANIES.be.id;
/** NL and DE with full keys; BE with a key that may only read vendors. */
const threeKeys = {
  "x-pleo-api-key": `${CREDENTIALS.nl.secret}, ${CREDENTIALS.de.secret}, ${CREDENTIALS.beVendorsOnly.secret}`,
};

const SYNC_TAX_CODES = /* GraphQL */ `
  mutation($input: SyncTaxCodesInput!) {
    syncTaxCodes(input: $input) {
      __typename
      ... on ValidationFailed { code issues { path code } }
      ... on SyncTaxCodesPayload {
        succeeded failed
        outcomes {
          companyId status created updated unchanged failed skipped
          company { name }
          error { __typename code ... on AccessDenied { scope } }
          items { code action taxCode { taxCodeId rate } error { code } }
        }
      }
    }
  }
`;

const SYNC_VENDORS = /* GraphQL */ `
  mutation($input: SyncVendorsInput!) {
    syncVendors(input: $input) {
      ... on SyncVendorsPayload {
        outcomes {
          companyId status created updated unchanged failed
          error { code }
          items {
            externalId action vendor { vendorId state }
            error { __typename code ... on Conflict { existing { ... on Vendor { externalId } } } }
          }
        }
      }
    }
  }
`;

const PROCESS = /* GraphQL */ `
  mutation($input: ProcessOldestPendingExportJobInput) {
    processOldestPendingExportJob(input: $input) {
      ... on ProcessExportJobsPayload {
        outcomes {
          companyId status itemsReported failedStep
          itemErrors { accountingEntryId }
          error { __typename code }
          job { exportJobId status numberOfItems items(first: 1, status: SUCCESSFUL) { totalCount } }
        }
      }
    }
  }
`;

const taxCodes = [
  { code: "SYNC-H", name: "High rate (sync)", rate: 0.21, type: "EXCLUSIVE" },
  { code: "SYNC-0", name: "Zero rate (sync)", rate: 0, type: "EXCLUSIVE", outgoingTaxAccount: "1520" },
];

const byCompany = (outcomes: Json[]) => Object.fromEntries(outcomes.map((o) => [o.companyId, o]));

describe("multi-company orchestration", () => {
  let h: Harness;
  const writesTo = async (path: string) =>
    (await h.simRequests()).filter((r) => r.method !== "GET" && r.path === path);

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetSim());

  it("syncs tax codes into every company held; one without the write scope fails alone", async () => {
    const first = await h.gql<Json>(SYNC_TAX_CODES, {
      headers: threeKeys,
      variables: { input: { taxCodes } },
    });
    expect(first.body.errors).toBeUndefined();
    const result = first.body.data.syncTaxCodes;
    expect([result.succeeded, result.failed]).toEqual([2, 1]);
    const outcomes = byCompany(result.outcomes);
    for (const id of [NL, DE]) {
      expect(outcomes[id]).toMatchObject({
        status: "SUCCEEDED",
        created: 2,
        updated: 0,
        unchanged: 0,
        error: null,
      });
      expect(outcomes[id].items.map((i: Json) => [i.code, i.action])).toEqual([
        ["SYNC-H", "CREATED"],
        ["SYNC-0", "CREATED"],
      ]);
    }
    expect(outcomes[BE]).toMatchObject({
      status: "FAILED",
      skipped: 2,
      error: { __typename: "AccessDenied", code: "MISSING_SCOPE", scope: "tax-codes:write" },
    });

    // Each company was written with its own credential, BE not at all.
    const creates = await writesTo("/v0/tax-codes");
    expect(creates).toHaveLength(4);
    for (const write of creates) {
      expect(write.credentialSubject).toEqual({ type: "company", id: write.targetCompanyId });
      expect([NL, DE]).toContain(write.targetCompanyId);
    }
  });

  it("a second run leaves equal tax codes alone and updates the changed one", async () => {
    const headers = { "x-pleo-api-key": `${CREDENTIALS.nl.secret}, ${CREDENTIALS.de.secret}` };
    await h.gql(SYNC_TAX_CODES, { headers, variables: { input: { taxCodes } } });
    const before = (await writesTo("/v0/tax-codes")).length;
    const again = await h.gql<Json>(SYNC_TAX_CODES, { headers, variables: { input: { taxCodes } } });
    for (const outcome of again.body.data.syncTaxCodes.outcomes) {
      expect(outcome).toMatchObject({ status: "SUCCEEDED", created: 0, updated: 0, unchanged: 2 });
    }
    expect(
      (await h.simRequests()).filter(
        (r) => r.method === "PUT" || (r.method === "POST" && r.path === "/v0/tax-codes"),
      ).length,
    ).toBe(before);

    const changed = [{ ...taxCodes[0], rate: 0.22 }, taxCodes[1]];
    const third = await h.gql<Json>(SYNC_TAX_CODES, {
      headers,
      variables: { input: { taxCodes: changed, companyIds: [DE] } },
    });
    const [outcome] = third.body.data.syncTaxCodes.outcomes;
    expect(outcome).toMatchObject({ companyId: DE, updated: 1, unchanged: 1 });
    expect(outcome.items[0].taxCode.rate).toBe(0.22);
    const nl = await h.gql<Json>(
      `{ company(id: "${NL}") { taxCodes(filter: { code: "SYNC-H" }) { edges { node { rate } } } } }`,
      {
        headers,
      },
    );
    expect(nl.body.data.company.taxCodes.edges).toEqual([{ node: { rate: 0.21 } }]);
  });

  it("syncs vendors; a conflict in one company is reported there and never undoes the other", async () => {
    const headers = { "x-pleo-api-key": `${CREDENTIALS.nl.secret}, ${CREDENTIALS.de.secret}` };
    // DE already has a vendor with the code the ERP uses, under another externalId.
    const clash = await h.gql<Json>(
      `mutation { createVendor(input: { companyId: "${DE}", name: "Old", defaultCurrency: "EUR", externalId: "OLD-1", code: "SYNC-CODE" }) { __typename } }`,
      { headers },
    );
    expect(clash.body.data.createVendor.__typename).toBe("VendorPayload");
    const vendors = [
      {
        externalId: "ERP-V1",
        name: "Bakkerij Jansen",
        defaultCurrency: "EUR",
        code: "SYNC-CODE",
        country: "NL",
      },
      { externalId: "ERP-V2", name: "Papier & Co", defaultCurrency: "EUR" },
    ];
    const result = await h.gql<Json>(SYNC_VENDORS, {
      headers,
      variables: { input: { vendors, companyIds: [NL, DE] } },
    });
    expect(result.body.errors).toBeUndefined();
    const outcomes = byCompany(result.body.data.syncVendors.outcomes);
    expect(outcomes[NL]).toMatchObject({ status: "SUCCEEDED", created: 2 });
    expect(outcomes[DE]).toMatchObject({ status: "PARTIAL", created: 1, failed: 1, error: null });
    expect(
      outcomes[DE].items.map((i: Json) => [i.externalId, i.action, i.error?.__typename ?? null]),
    ).toEqual([
      ["ERP-V1", "FAILED", "Conflict"],
      ["ERP-V2", "CREATED", null],
    ]);
    expect(outcomes[DE].items[0].error.existing).toEqual({ externalId: "OLD-1" });
    expect(outcomes[NL].items.every((i: Json) => i.vendor.state === "ACTIVE")).toBe(true);
    // NL's vendors are there afterwards.
    const read = await h.gql<Json>(
      `{ company(id: "${NL}") { vendors(filter: { externalIds: ["ERP-V1", "ERP-V2"] }) { totalCount } } }`,
      { headers },
    );
    expect(read.body.data.company.vendors.totalCount).toBe(2);
  });

  it("an update refused as a conflict carries the vendor it clashed with", async () => {
    const headers = { "x-pleo-api-key": CREDENTIALS.de.secret };
    const create = (externalId: string, code?: string) =>
      h.gql<Json>(`mutation($input: CreateVendorInput!) { createVendor(input: $input) { __typename } }`, {
        headers,
        variables: { input: { companyId: DE, name: externalId, defaultCurrency: "EUR", externalId, code } },
      });
    // ERP-V1 exists already, so the sync updates it; the code it asks for is OLD-1's.
    expect((await create("OLD-1", "SYNC-CODE")).body.data.createVendor.__typename).toBe("VendorPayload");
    expect((await create("ERP-V1")).body.data.createVendor.__typename).toBe("VendorPayload");
    const result = await h.gql<Json>(SYNC_VENDORS, {
      headers,
      variables: {
        input: {
          vendors: [
            { externalId: "ERP-V1", name: "Bakkerij Jansen", defaultCurrency: "EUR", code: "SYNC-CODE" },
          ],
          companyIds: [DE],
        },
      },
    });
    expect(result.body.errors).toBeUndefined();
    const [outcome] = result.body.data.syncVendors.outcomes;
    expect(outcome).toMatchObject({ status: "FAILED", updated: 0, failed: 1 });
    expect(outcome.items[0]).toMatchObject({
      externalId: "ERP-V1",
      action: "FAILED",
      error: { __typename: "Conflict", code: "CONFLICT", existing: { externalId: "OLD-1" } },
    });
    // It was the update (a PUT) that Pleo refused.
    expect((await h.simRequests()).filter((r) => r.method === "PUT")).toHaveLength(1);
  });

  it("processes each company's oldest pending export job, each with its own credential", async () => {
    const { headers } = await h.persona("group-admin");
    const response = await h.gql<Json>(PROCESS, {
      headers,
      variables: { input: { companyIds: [NL, DE, BE] } },
    });
    expect(response.body.errors).toBeUndefined();
    const outcomes = byCompany(response.body.data.processOldestPendingExportJob.outcomes);
    for (const slug of ["lcb-nl", "lcb-de", "lcb-be"] as const) {
      const seed = seededCompany(slug);
      const pending = seed.exportJobs.find((j) => j.status === "pending");
      expect(outcomes[seed.identity.id]).toMatchObject({
        status: "COMPLETED",
        itemsReported: pending?.numberOfItems,
        failedStep: null,
        error: null,
        job: {
          exportJobId: pending?.id,
          status: "COMPLETED",
          items: { totalCount: pending?.numberOfItems },
        },
      });
    }
    const again = await h.gql<Json>(PROCESS, { headers, variables: { input: { companyIds: [NL, DE, BE] } } });
    for (const outcome of again.body.data.processOldestPendingExportJob.outcomes) {
      expect(outcome).toMatchObject({ status: "NO_PENDING_JOB", job: null, error: null });
    }
  });

  it("a company the caller cannot export for fails at ACCESS; the others complete", async () => {
    const response = await h.gql<Json>(PROCESS, { headers: threeKeys });
    const outcomes = byCompany(response.body.data.processOldestPendingExportJob.outcomes);
    expect(Object.keys(outcomes).sort()).toEqual([NL, DE, BE].sort());
    expect(outcomes[NL].status).toBe("COMPLETED");
    expect(outcomes[DE].status).toBe("COMPLETED");
    expect(outcomes[BE]).toMatchObject({
      status: "FAILED",
      failedStep: "ACCESS",
      error: { __typename: "AccessDenied", code: "MISSING_SCOPE" },
    });
    const forBe = (await h.simRequests()).filter(
      (r) => r.targetCompanyId === BE && r.path.startsWith("/v3/"),
    );
    expect(forBe).toEqual([]);
  });

  it("carries mutations for several companies in one request, each with its own credential", async () => {
    const response = await h.gql<Json>(
      `mutation($nl: CreateVendorInput!, $de: CreateVendorInput!, $be: CreateVendorInput!) {
        nl: createVendor(input: $nl) { __typename ... on VendorPayload { vendor { vendorId } } }
        de: createVendor(input: $de) { __typename ... on VendorPayload { vendor { vendorId } } }
        be: createVendor(input: $be) { __typename ... on AccessDenied { code scope companyId } }
      }`,
      {
        headers: threeKeys,
        variables: {
          nl: { companyId: NL, name: "Drukkerij", defaultCurrency: "EUR", externalId: "MULTI-1" },
          de: { companyId: DE, name: "Druckerei", defaultCurrency: "EUR", externalId: "MULTI-1" },
          be: { companyId: BE, name: "Imprimerie", defaultCurrency: "EUR", externalId: "MULTI-1" },
        },
      },
    );
    expect(response.body.data.nl.__typename).toBe("VendorPayload");
    expect(response.body.data.de.__typename).toBe("VendorPayload");
    expect(response.body.data.be).toEqual({
      __typename: "AccessDenied",
      code: "MISSING_SCOPE",
      scope: "vendors:write",
      companyId: BE,
    });
    const creates = await writesTo("/v1/vendors");
    expect(creates.map((c) => [c.targetCompanyId, c.credentialLabel])).toEqual([
      [NL, CREDENTIALS.nl.label],
      [DE, CREDENTIALS.de.label],
    ]);
  });

  it("refuses invalid orchestration input at once: bad company ids, duplicate codes", async () => {
    const response = await h.gql<Json>(SYNC_TAX_CODES, {
      headers: threeKeys,
      variables: {
        input: { taxCodes: [taxCodes[0], { ...taxCodes[0], rate: 2 }], companyIds: [NL, "not-a-company"] },
      },
    });
    const result = response.body.data.syncTaxCodes;
    expect(result.__typename).toBe("ValidationFailed");
    expect(result.issues.map((i: Json) => i.path).sort()).toEqual([
      "input.taxCodes.1.code",
      "input.taxCodes.1.rate",
    ]);
    const ids = await h.gql<Json>(SYNC_TAX_CODES, {
      headers: threeKeys,
      variables: { input: { taxCodes, companyIds: [NL, "not-a-company"] } },
    });
    expect(ids.body.data.syncTaxCodes).toMatchObject({
      code: "INVALID_ID",
      issues: [{ path: "input.companyIds.1", code: "INVALID_ID" }],
    });
    expect((await h.simRequests()).filter((r) => r.method !== "GET")).toEqual([]);
  });
});
