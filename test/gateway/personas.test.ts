import { beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, ORGANISATIONS } from "../../src/simulator/seed/identities.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { useHarness } from "../support/use-harness.ts";

/** The group overview each persona runs: discovery plus one accounting field per company. */
const OVERVIEW = typedDocument<Overview, { org: string }>(`
  query Overview($org: ID!) {
    viewer { authenticated credentials { subjectType companyId organisationId source } }
    organisation(id: $org) {
      organisationId
      companies(first: 10) {
        totalCount
        edges {
          node {
            companyId
            name
            address { country }
            access { hasCredential }
            vendors(first: 5) { totalCount edges { node { name defaultCurrency company { companyId } } } }
          }
        }
      }
    }
  }
`);

interface OverviewCompany {
  companyId: string;
  name: string;
  address: { country: string };
  access: { hasCredential: boolean };
  vendors: null | {
    totalCount: number;
    edges: { node: { name: string; defaultCurrency: string; company: { companyId: string } } }[];
  };
}
interface Overview {
  viewer: {
    authenticated: boolean;
    credentials: { subjectType: string; companyId: string | null; source: string }[];
  };
  organisation: null | {
    organisationId: string;
    companies: { totalCount: number; edges: { node: OverviewCompany }[] };
  };
}

const groupIds = [COMPANIES.nl.id, COMPANIES.de.id, COMPANIES.be.id];

describe("demo personas", () => {
  const h = useHarness();
  const execute = executor(h);
  beforeEach(() => h.resetSim());

  const run = async (persona: string, org: string = ORGANISATIONS.loveCremeBrulee.id) => {
    const { headers } = await h.persona(persona);
    return execute(OVERVIEW, { org }, { headers });
  };
  const byCountry = (overview: Overview) =>
    Object.fromEntries(
      (overview.organisation?.companies.edges ?? []).map((e) => [e.node.address.country, e.node]),
    );

  it("lists every persona with the exact headers to send, in embedded mode", async () => {
    const response = await fetch(`${h.url}/dev/personas`);
    expect(response.status).toBe(200);
    const personas = (await response.json()) as {
      name: string;
      description: string;
      headers: Record<string, string>;
    }[];
    expect(personas.map((p) => p.name)).toEqual(
      expect.arrayContaining(["group-admin", "nl-bookkeeper", "org-discovery", "alexey-owner", "anonymous"]),
    );
    for (const p of personas) expect(p.description.length).toBeGreaterThan(10);
    expect(personas.find((p) => p.name === "group-admin")?.headers.authorization).toMatch(/^Bearer ey/);
    expect(personas.find((p) => p.name === "anonymous")?.headers).toEqual({});
  });

  it("group-admin sees all three companies' vendors in one query", async () => {
    const response = await run("group-admin");
    expect(response.status).toBe(200);
    const companies = byCountry(response.expectData());
    expect(Object.keys(companies).sort()).toEqual(["BE", "DE", "NL"]);
    for (const company of Object.values(companies)) {
      expect(company.vendors?.edges.length).toBe(5);
      expect(company.vendors?.totalCount).toBeGreaterThan(5);
      // Every vendor shown under a company is that company's own.
      for (const edge of company.vendors?.edges ?? [])
        expect(edge.node.company.companyId).toBe(company.companyId);
    }
    const viewer = (response.data as Overview).viewer;
    expect(viewer.authenticated).toBe(true);
    expect(viewer.credentials.every((c) => c.source === "GATEWAY")).toBe(true);
  });

  it("nl-bookkeeper sees the whole group's names but vendors only for NL, with typed errors for DE and BE", async () => {
    const response = await run("nl-bookkeeper");
    expect(response.status).toBe(200);
    const companies = byCountry(response.data as Overview);
    expect(
      Object.values(companies)
        .map((c) => c.name)
        .sort(),
    ).toEqual([COMPANIES.be.name, COMPANIES.de.name, COMPANIES.nl.name].sort());
    expect(companies.NL?.vendors?.edges.length).toBe(5);
    expect(companies.NL?.access.hasCredential).toBe(true);
    expect(companies.DE?.vendors).toBeNull();
    expect(companies.BE?.vendors).toBeNull();
    expect(companies.DE?.access.hasCredential).toBe(false);
    const errors = response.errors;
    expect(errors).toHaveLength(2);
    for (const error of errors) {
      expect(error.extensions?.code).toBe("NO_CREDENTIAL_FOR_COMPANY");
      expect(error.path?.slice(-1)).toEqual(["vendors"]);
      expect([COMPANIES.de.id, COMPANIES.be.id]).toContain(error.extensions?.companyId);
    }
  });

  it("org-discovery sees the companies and no accounting data", async () => {
    const response = await run("org-discovery");
    const companies = byCountry(response.data as Overview);
    expect(Object.keys(companies).sort()).toEqual(["BE", "DE", "NL"]);
    for (const company of Object.values(companies)) expect(company.vendors).toBeNull();
    expect(response.codes).toEqual(Array(3).fill("NO_CREDENTIAL_FOR_COMPANY"));
    const accounting = (await h.simRequests()).filter((r) => r.path.startsWith("/v1/vendors"));
    expect(accounting).toEqual([]);
  });

  it("alexey-owner sees only its own single-company organisation", async () => {
    const response = await run("alexey-owner", ORGANISATIONS.alexey.id);
    const companies = response.expectData().organisation?.companies.edges ?? [];
    expect(companies.map((e) => e.node.companyId)).toEqual([COMPANIES.alexey.id]);
    expect(companies[0]?.node.vendors?.edges.length).toBeGreaterThan(0);

    const other = await run("alexey-owner", ORGANISATIONS.loveCremeBrulee.id);
    expect(other.data?.organisation).toBeNull();
    other.expectErrors("ORGANISATION_NOT_ACCESSIBLE");
  });

  it("anonymous gets an empty viewer and typed errors, never data", async () => {
    const { headers } = await h.persona("anonymous");
    const response = await execute(
      typedDocument<{
        viewer: { authenticated: boolean; credentials: unknown[] };
        organisations: unknown[];
        company: unknown;
      }>(
        `query($id: ID!) { viewer { authenticated credentials { id } } organisations { organisationId } company(id: $id) { name } }`,
      ),
      { id: COMPANIES.nl.id },
      { headers },
    );
    expect(response.status).toBe(200);
    expect(response.data?.viewer).toEqual({ authenticated: false, credentials: [] });
    expect(response.data?.organisations).toEqual([]);
    expect(response.data?.company).toBeNull();
    response.expectErrors("NO_CREDENTIAL_FOR_COMPANY");
    expect(await h.simRequests()).toEqual([]);
  });

  it("nl-accounts-only gets MISSING_SCOPE for vendors, not a missing credential", async () => {
    const { headers } = await h.persona("nl-accounts-only");
    const response = await execute(
      typedDocument(`query($id: ID!) { company(id: $id) { name vendors(first: 1) { totalCount } } }`),
      { id: COMPANIES.nl.id },
      { headers },
    );
    expect(response.data?.company).toEqual({ name: COMPANIES.nl.name, vendors: null });
    response.expectErrors("MISSING_SCOPE");
    expect(response.errors[0]?.extensions?.scope).toBe("vendors:read");
    expect((await h.simRequests()).some((r) => r.path.startsWith("/v1/vendors"))).toBe(false);
  });

  it("de-oauth-app's access token is sent as Bearer and bound to DE", async () => {
    const { headers } = await h.persona("de-oauth-app");
    const response = await execute(
      typedDocument<{
        viewer: { credentials: { kind: string; companyId: string; authMethod: string }[] };
      }>(`{ viewer { credentials { kind companyId authMethod } } }`),
      {},
      { headers },
    );
    expect(response.data?.viewer.credentials).toEqual([
      { kind: "ACCESS_TOKEN", companyId: COMPANIES.de.id, authMethod: "OAUTH2" },
    ]);
  });

  it("GraphiQL offers the personas as tabs", async () => {
    const response = await fetch(`${h.url}/graphql`, { headers: { accept: "text/html" } });
    const html = await response.text();
    expect(response.status).toBe(200);
    for (const name of ["group-admin", "nl-bookkeeper", "org-discovery", "alexey-owner", "anonymous"]) {
      expect(html).toContain(`Persona: ${name}`);
    }
  });

  it("uses each group company exactly once per resource in the group-admin query", async () => {
    await run("group-admin");
    const vendorCalls = (await h.simRequests()).filter((r) => r.path === "/v1/vendors:search");
    expect(vendorCalls.map((r) => r.targetCompanyId).sort()).toEqual([...groupIds].sort());
  });
});
