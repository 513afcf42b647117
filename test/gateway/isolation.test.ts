import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InMemoryCredentialStore } from "../../src/credentials/store.ts";
import { seededCompany } from "../../src/simulator/index.ts";
import { COMPANIES, CREDENTIALS, ORGANISATIONS } from "../../src/simulator/seed/identities.ts";
import { codes, type Harness, startHarness } from "../support/harness.ts";

const nlKey = { "x-pleo-api-key": CREDENTIALS.nl.secret };

/** The company every simulated credential is bound to, by its label in the simulator's log. */
const companyOfLabel = new Map<string, string>(
  Object.values(CREDENTIALS).map((c) => [
    c.label,
    c.subject.type === "company" ? c.subject.id : `org:${c.subject.id}`,
  ]),
);

describe("company isolation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetSim());

  /** Every request Pleo saw for a company carried a credential bound to that very company. */
  async function expectEveryCompanyRequestUsedItsOwnCredential() {
    const log = await h.simRequests();
    for (const entry of log) {
      if (entry.targetCompanyId === null) continue;
      if (entry.credentialSubject?.type === "organisation") {
        // Organisation credentials are only ever used for discovery.
        expect(entry.path.startsWith("/v1/companies")).toBe(true);
        continue;
      }
      expect(entry.credentialSubject).toEqual({ type: "company", id: entry.targetCompanyId });
      expect(companyOfLabel.get(String(entry.credentialLabel))).toBe(entry.targetCompanyId);
      expect(entry.status).toBeLessThan(400);
    }
    return log;
  }

  it("refuses company A's credential for company B's data and never forwards it", async () => {
    const response = await h.gql(
      `query($de: ID!) { company(id: $de) { name vendors(first: 5) { totalCount } } }`,
      { headers: nlKey, variables: { de: COMPANIES.de.id } },
    );
    expect(response.body.data?.company).toBeNull();
    expect(codes(response)).toEqual(["NO_CREDENTIAL_FOR_COMPANY"]);
    const log = await expectEveryCompanyRequestUsedItsOwnCredential();
    expect(log.filter((r) => r.targetCompanyId === COMPANIES.de.id)).toEqual([]);
  });

  it("makes no upstream request for companies without a credential (partial results per company)", async () => {
    const response = await h.gql(
      `query($org: ID!) { organisation(id: $org) { companies { edges { node { companyId vendors(first: 2) { totalCount } } } } } }`,
      {
        headers: { "x-pleo-api-key": `${CREDENTIALS.lcbOrg.secret},${CREDENTIALS.nl.secret}` },
        variables: { org: ORGANISATIONS.loveCremeBrulee.id },
      },
    );
    expect(codes(response).sort()).toEqual(["NO_CREDENTIAL_FOR_COMPANY", "NO_CREDENTIAL_FOR_COMPANY"]);
    const log = await expectEveryCompanyRequestUsedItsOwnCredential();
    const companiesTouched = new Set(
      log.filter((r) => r.path.startsWith("/v1/vendors")).map((r) => r.targetCompanyId),
    );
    expect([...companiesTouched]).toEqual([COMPANIES.nl.id]);
  });

  it("refuses a global ID of company B passed to node(id:) with only company A's credential", async () => {
    // Find a real DE vendor id with DE's own credential first.
    const de = await h.gql<{ company: { vendors: { edges: { node: { id: string; vendorId: string } }[] } } }>(
      `query($id: ID!) { company(id: $id) { vendors(first: 1) { edges { node { id vendorId } } } } }`,
      { headers: { "x-pleo-api-key": CREDENTIALS.de.secret }, variables: { id: COMPANIES.de.id } },
    );
    const deVendor = de.body.data?.company.vendors.edges[0]?.node;
    expect(deVendor).toBeDefined();
    await h.resetSim();

    const viaNode = await h.gql(`query($id: ID!) { node(id: $id) { id ... on Vendor { name } } }`, {
      headers: nlKey,
      variables: { id: deVendor?.id },
    });
    expect(viaNode.body.data?.node).toBeNull();
    expect(codes(viaNode)).toEqual(["NO_CREDENTIAL_FOR_COMPANY"]);

    // The same DE vendor id asked for under NL: a foreign id, refused before any call.
    const viaNl = await h.gql(`query($nl: ID!, $v: ID!) { company(id: $nl) { vendor(id: $v) { name } } }`, {
      headers: nlKey,
      variables: { nl: COMPANIES.nl.id, v: deVendor?.id },
    });
    expect(codes(viaNl)).toEqual(["FOREIGN_ID"]);

    // A raw DE vendor UUID under NL is looked up in NL's books only (and is not there).
    const rawUnderNl = await h.gql(
      `query($nl: ID!, $v: ID!) { company(id: $nl) { vendor(id: $v) { name } } }`,
      {
        headers: nlKey,
        variables: { nl: COMPANIES.nl.id, v: deVendor?.vendorId },
      },
    );
    expect(codes(rawUnderNl)).toEqual(["NOT_FOUND"]);

    const log = await expectEveryCompanyRequestUsedItsOwnCredential();
    expect(log.filter((r) => r.targetCompanyId === COMPANIES.de.id)).toEqual([]);
  });

  it("refuses a cursor of company A's list used on company B's list", async () => {
    const admin = (await h.persona("group-admin")).headers;
    const first = await h.gql<{ company: { vendors: { pageInfo: { endCursor: string } } } }>(
      `query($id: ID!) { company(id: $id) { vendors(first: 2) { pageInfo { endCursor } } } }`,
      { headers: admin, variables: { id: COMPANIES.nl.id } },
    );
    const cursor = first.body.data?.company.vendors.pageInfo.endCursor;
    expect(cursor).toBeTruthy();
    await h.resetSim();

    const response = await h.gql(
      `query($id: ID!, $after: String) { company(id: $id) { vendors(first: 2, after: $after) { totalCount } } }`,
      {
        headers: admin,
        variables: { id: COMPANIES.de.id, after: cursor },
      },
    );
    expect(codes(response)).toEqual(["FOREIGN_CURSOR"]);
    expect((await h.simRequests()).filter((r) => r.path.startsWith("/v1/vendors"))).toEqual([]);
  });

  it("rejects forged and malformed global IDs with typed errors", async () => {
    const forged = encodeGlobalID("Vendor", `${COMPANIES.nl.id}:not-a-uuid`);
    const response = await h.gql(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`,
      {
        headers: nlKey,
        variables: { a: forged, b: "%%%garbage" },
      },
    );
    expect(response.body.data).toEqual({ a: null, b: null });
    expect(codes(response).length).toBe(2);
    expect((await h.simRequests()).filter((r) => r.path.startsWith("/v1/vendors"))).toEqual([]);
  });

  it("never uses a gateway-held credential for a company Pleo did not bind it to", async () => {
    // A misconfigured store: NL's key filed under DE.
    const store = new InMemoryCredentialStore({
      companies: { [COMPANIES.de.id]: { apiKey: CREDENTIALS.nl.secret } },
      organisations: {},
    });
    const misconfigured = await startHarness({ credentialStore: store });
    try {
      const token = await misconfigured.env.auth.issue({ subject: "user:x", companies: [COMPANIES.de.id] });
      const response = await misconfigured.gql<{
        viewer: { credentialProblems: { code: string; subjectId: string }[] };
      }>(`query($de: ID!) { viewer { credentialProblems { code subjectId } } company(id: $de) { name } }`, {
        headers: { authorization: `Bearer ${token}` },
        variables: { de: COMPANIES.de.id },
      });
      expect(response.body.data?.viewer.credentialProblems).toEqual([
        { code: "CREDENTIAL_BINDING_MISMATCH", subjectId: COMPANIES.de.id },
      ]);
      expect(codes(response)).toEqual(["NO_CREDENTIAL_FOR_COMPANY"]);
      const log = await misconfigured.simRequests();
      expect(log.map((r) => r.path)).toEqual(["/v1/introspect"]);
    } finally {
      await misconfigured.close();
    }
  });

  it("caches introspection by credential hash across requests, and re-binds nothing per field", async () => {
    const query = `query($nl: ID!) { company(id: $nl) { vendors(first: 1) { totalCount } } }`;
    await h.gql(query, { headers: nlKey, variables: { nl: COMPANIES.nl.id } });
    await h.gql(query, { headers: nlKey, variables: { nl: COMPANIES.nl.id } });
    const introspections = (await h.simRequests()).filter((r) => r.path === "/v1/introspect");
    expect(introspections.length).toBeLessThanOrEqual(1);
  });

  it("dedupes identical selections within a request, and reads no company record it does not need", async () => {
    const admin = (await h.persona("group-admin")).headers;
    const response = await h.gql(
      `query($nl: ID!, $de: ID!, $be: ID!) {
        nl: company(id: $nl) { a: vendors(first: 3) { totalCount } b: vendors(first: 3) { totalCount } }
        de: company(id: $de) { vendors(first: 3) { totalCount } }
        be: company(id: $be) { vendors(first: 3) { totalCount } }
        again: company(id: $nl) { vendors(first: 3) { totalCount } }
      }`,
      { headers: admin, variables: { nl: COMPANIES.nl.id, de: COMPANIES.de.id, be: COMPANIES.be.id } },
    );
    expect(response.body.errors).toBeUndefined();
    const log = await expectEveryCompanyRequestUsedItsOwnCredential();
    const vendorCalls = log.filter((r) => r.path === "/v1/vendors:search");
    expect(vendorCalls).toHaveLength(3);
    // Each company is proven by a credential Pleo bound to it, and no discovery field is selected:
    // its record is never read (the accounting fields do not wait for it).
    const companyCalls = log.filter((r) => r.path.startsWith("/v1/companies/"));
    expect(companyCalls).toHaveLength(0);
  });

  it("never sends a write to another company's object addressed by raw id (found by the property test)", async () => {
    const nlVendor = seededCompany("lcb-nl").vendors[0]?.id as string;
    const response = await h.gql<{ archiveVendor: { __typename: string; code?: string } }>(
      `mutation($de: ID!, $v: ID!) { archiveVendor(input: { companyId: $de, id: $v }) { __typename ... on MutationError { code } } }`,
      {
        headers: { "x-pleo-api-key": CREDENTIALS.de.secret },
        variables: { de: COMPANIES.de.id, v: nlVendor },
      },
    );
    expect(response.body.data?.archiveVendor).toEqual({ __typename: "NotFound", code: "NOT_FOUND" });
    const log = await expectEveryCompanyRequestUsedItsOwnCredential();
    expect(log.filter((r) => r.path.includes(":archive"))).toEqual([]);
    expect(log.filter((r) => r.targetCompanyId === COMPANIES.nl.id)).toEqual([]);
  });
});
