import { createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { CompanyAccess } from "../../src/context/company-access.ts";
import { ContextFactory, type GatewayContext } from "../../src/context/context.ts";
import {
  DEFAULT_INTROSPECTION_GUARD,
  IntrospectionGuard,
} from "../../src/credentials/introspection-guard.ts";
import { type CachedBinding, CredentialIntrospector } from "../../src/credentials/introspector.ts";
import { LoaderRegistry } from "../../src/loaders/registry.ts";
import { gatewaySchema } from "../../src/schema/index.ts";
import { COMPANIES, CREDENTIALS, ORGANISATIONS } from "../../src/simulator/seed/identities.ts";
import { LruCache } from "../../src/support/lru-cache.ts";
import { apiKeys, NL_KEY } from "../support/auth-headers.ts";
import type { Connection } from "../support/connection.ts";
import { typedDocument } from "../support/execute.ts";
import { exportCalls, useExportJobs } from "./export-jobs-reads.ts";

/** Export jobs and items (v3) through the gateway: which credentials and scopes may read them. */

const nlNoExportScopes = apiKeys(CREDENTIALS.nlReadOnlyAccounts);

describe("export jobs and export items (v3)", () => {
  const { h, execute, nlJobs, nlJob } = useExportJobs();
  describe("credential gate", () => {
    it("shows NL's export jobs to the NL bookkeeper and nulls DE/BE without calling Pleo for them", async () => {
      const { headers } = await h.persona("nl-bookkeeper");
      const response = await execute(
        typedDocument<{
          organisation: {
            companies: {
              edges: {
                node: {
                  companyId: string;
                  exportJobs: Connection<{ exportJobId: string; company: { companyId: string } }> | null;
                };
              }[];
            };
          };
        }>(`query($org: ID!) { organisation(id: $org) { companies(first: 10) { edges { node {
            companyId
            exportJobs(first: 3) { totalCount edges { node { exportJobId company { companyId } } } }
        } } } } }`),
        { org: ORGANISATIONS.loveCremeBrulee.id },
        { headers },
      );
      const byId = new Map(
        (response.data?.organisation.companies.edges ?? []).map((e) => [e.node.companyId, e.node]),
      );
      const nl = byId.get(COMPANIES.nl.id)?.exportJobs;
      expect(nl?.totalCount).toBe(nlJobs.length);
      expect(nl?.edges.map((e) => e.node.exportJobId)).toEqual(nlJobs.slice(0, 3).map((j) => j.exportJobId));
      for (const edge of nl?.edges ?? []) expect(edge.node.company.companyId).toBe(COMPANIES.nl.id);
      expect(byId.get(COMPANIES.de.id)?.exportJobs).toBeNull();
      expect(byId.get(COMPANIES.be.id)?.exportJobs).toBeNull();

      const errors = response.errors;
      expect(errors.map((e) => e.extensions?.code)).toEqual([
        "NO_CREDENTIAL_FOR_COMPANY",
        "NO_CREDENTIAL_FOR_COMPANY",
      ]);
      expect(new Set(errors.map((e) => e.extensions?.companyId))).toEqual(
        new Set([COMPANIES.de.id, COMPANIES.be.id]),
      );
      for (const e of errors) expect(e.path?.at(-1)).toBe("exportJobs");

      const calls = exportCalls(await h.simRequests());
      expect(calls).toHaveLength(1);
      for (const call of calls) {
        expect(call.targetCompanyId).toBe(COMPANIES.nl.id);
        expect(call.credentialLabel).toBe(CREDENTIALS.nl.label);
      }
    });

    it("refuses a credential without export-jobs:read (MISSING_SCOPE) before any upstream call", async () => {
      const job = nlJob("PENDING");
      const response = await execute(
        typedDocument<{
          company: { name: string; exportJobs: unknown; exportJob: unknown };
          node: unknown;
        }>(`query($nl: ID!, $job: ID!, $raw: ID!) {
          company(id: $nl) { name exportJobs(first: 2) { totalCount } exportJob(id: $raw) { status } }
          node(id: $job) { id }
        }`),
        { nl: COMPANIES.nl.id, job: job.id, raw: job.exportJobId },
        { headers: nlNoExportScopes },
      );
      expect(response.data?.company.name).toBe(COMPANIES.nl.name);
      expect(response.data?.company.exportJobs).toBeNull();
      expect(response.data?.company.exportJob).toBeNull();
      expect(response.data?.node).toBeNull();
      response.expectErrors("MISSING_SCOPE", "MISSING_SCOPE", "MISSING_SCOPE");
      for (const e of response.errors) expect(e.extensions?.scope).toBe("export-jobs:read");
      expect(exportCalls(await h.simRequests())).toEqual([]);
    });

    it("refuses exportItems without export-items:read while the job and its items resolve", async () => {
      // No seeded credential has export-jobs:read without export-items:read, so this runs the real schema,
      // context factory and Pleo client against the simulator, with NL's key bound by real introspection
      // and then narrowed by dropping export-items:read from its binding (as if Pleo had issued it so).
      const introspector = new CredentialIntrospector(h.gateway.pleo, {
        cache: new LruCache<CachedBinding>(10),
        ttlMs: 60_000,
        guard: new IntrospectionGuard(DEFAULT_INTROSPECTION_GUARD),
        onBound: undefined,
      });
      const contexts = new ContextFactory({
        pleo: h.gateway.pleo,
        introspector,
        store: h.env.credentialStore,
        verifier: undefined,
        maxDirectCredentials: 5,
        settings: { accountingEntriesScope: "accounting-entries:read" },
      });
      const yoga = createYoga<Record<string, unknown>, GatewayContext>({
        schema: gatewaySchema(),
        maskedErrors: false,
        logging: false,
        context: async ({ request }) => {
          const base = await contexts.create(request);
          const direct = base.access.directCredentials.map((b) => ({
            ...b,
            binding: {
              ...b.binding,
              scopes: new Set([...b.binding.scopes].filter((s) => s !== "export-items:read")),
            },
          }));
          const access = new CompanyAccess({
            direct,
            grant: undefined,
            store: h.env.credentialStore,
            introspector,
          });
          return { ...base, access, loaders: new LoaderRegistry({ pleo: h.gateway.pleo, access }) };
        },
      });
      const job = nlJob("PENDING");
      const response = await yoga.fetch("http://gateway.test/graphql", {
        method: "POST",
        headers: { ...NL_KEY, "content-type": "application/json" },
        body: JSON.stringify({
          query: `query($nl: ID!, $job: ID!) { company(id: $nl) { exportJob(id: $job) {
            status items(first: 2) { totalCount } exportItems(first: 2) { totalCount }
          } } }`,
          variables: { nl: COMPANIES.nl.id, job: job.id },
        }),
      });
      const body = (await response.json()) as {
        data: {
          company: { exportJob: { status: string; items: { totalCount: number }; exportItems: unknown } };
        };
        errors?: { path: string[]; extensions: Record<string, unknown> }[];
      };
      expect(body.data.company.exportJob.status).toBe("PENDING");
      expect(body.data.company.exportJob.items.totalCount).toBe(job.numberOfItems);
      expect(body.data.company.exportJob.exportItems).toBeNull();
      expect(body.errors?.map((e) => [e.path.join("."), e.extensions.code, e.extensions.scope])).toEqual([
        ["company.exportJob.exportItems", "MISSING_SCOPE", "export-items:read"],
      ]);
      const calls = exportCalls(await h.simRequests());
      expect(calls.map((c) => c.path)).toEqual([
        `/v3/export-jobs/${job.exportJobId}`,
        `/v3/export-jobs/${job.exportJobId}/items`,
      ]);
    });

    it("refuses BE's vendors-only key for export jobs", async () => {
      const response = await execute(
        typedDocument(`query($be: ID!) { company(id: $be) { exportJobs { totalCount } } }`),
        { be: COMPANIES.be.id },
        { headers: apiKeys(CREDENTIALS.beVendorsOnly) },
      );
      response.expectErrors("MISSING_SCOPE");
      expect(exportCalls(await h.simRequests())).toEqual([]);
    });
  });
});
