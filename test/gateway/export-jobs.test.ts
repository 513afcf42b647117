import { createYoga } from "graphql-yoga";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
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
import { apiKeys, DE_KEY, NL_KEY } from "../support/auth-headers.ts";
import { type Connection, pageBackward, pageForward } from "../support/connection.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { ownedGlobalId } from "../support/ids.ts";
import { useHarness } from "../support/use-harness.ts";

const nlNoExportScopes = apiKeys(CREDENTIALS.nlReadOnlyAccounts);

interface JobNode {
  id: string;
  exportJobId: string;
  status: string;
  numberOfItems: number;
}

interface ItemNode {
  accountingEntryId: string;
  exportJobId: string;
  status: string;
  failureReasonType: string | null;
  externalId: string | null;
}

const JOBS = typedDocument<{ company: { exportJobs: Connection<JobNode> | null } | null }>(`
  query Jobs($id: ID!, $status: [ExportJobStatus!], $first: Int, $after: String, $last: Int, $before: String) {
    company(id: $id) {
      exportJobs(status: $status, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id exportJobId status numberOfItems } }
      }
    }
  }
`);

const ITEMS = typedDocument<{
  company: { exportJob: { items: Connection<ItemNode> | null } | null } | null;
}>(`
  query Items($id: ID!, $job: ID!, $status: ExportJobItemStatus, $first: Int, $after: String, $last: Int, $before: String) {
    company(id: $id) {
      exportJob(id: $job) {
        items(status: $status, first: $first, after: $after, last: $last, before: $before) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { accountingEntryId exportJobId status failureReasonType externalId } }
        }
      }
    }
  }
`);

const exportCalls = <T extends { path: string }>(log: T[]) =>
  log.filter((r) => r.path.startsWith("/v3/export"));

describe("export jobs and export items (v3)", () => {
  const h = useHarness();
  const execute = executor(h);
  /** NL's seeded jobs, in the order Pleo lists them. */
  let nlJobs: JobNode[] = [];
  const nlJob = (status: string): JobNode => {
    const job = nlJobs.find((j) => j.status === status);
    if (!job) throw new Error(`no NL job in status ${status}`);
    return job;
  };

  const jobs = (headers: Record<string, string>, variables: Record<string, unknown>) =>
    execute(JOBS, variables, { headers });
  const jobsOf = (r: Awaited<ReturnType<typeof jobs>>) => {
    const c = r.expectData().company?.exportJobs;
    if (!c) throw new Error(`exportJobs missing from a data answer\n${r.describe()}`);
    return c;
  };
  const items = (variables: Record<string, unknown>) =>
    execute(ITEMS, { id: COMPANIES.nl.id, ...variables }, { headers: NL_KEY });
  const itemsOf = (r: Awaited<ReturnType<typeof items>>) => {
    const c = r.expectData().company?.exportJob?.items;
    if (!c) throw new Error(`items missing from a data answer\n${r.describe()}`);
    return c;
  };

  beforeAll(async () => {
    nlJobs = jobsOf(await jobs(NL_KEY, { id: COMPANIES.nl.id, first: 100 })).edges.map((e) => e.node);
    expect(nlJobs.length).toBeGreaterThanOrEqual(5);
  });
  beforeEach(() => h.resetSim());

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

  describe("pagination", () => {
    it("pages export jobs forwards and backwards with no gaps or repeats", async () => {
      const all = nlJobs.map((j) => j.exportJobId);
      const jobIds = (edges: readonly { node: JobNode }[]) => edges.map((e) => e.node.exportJobId);
      const nlPage = async (args: Record<string, unknown>) =>
        jobsOf(await jobs(NL_KEY, { id: COMPANIES.nl.id, ...args }));
      expect(jobIds(await pageForward(nlPage, 2))).toEqual(all);

      const full = await nlPage({ first: 100 });
      const before = full.edges.at(-1)?.cursor as string;
      expect(jobIds(await pageBackward(nlPage, 2, before))).toEqual(all.slice(0, -1));
    });

    it("pages a job's items forwards and backwards with no gaps or repeats", async () => {
      const job = [...nlJobs].sort((a, b) => b.numberOfItems - a.numberOfItems)[0] as JobNode;
      expect(job.numberOfItems).toBeGreaterThan(10);
      const entryIds = (edges: readonly { node: ItemNode }[]) => edges.map((e) => e.node.accountingEntryId);
      const jobItems = async (args: Record<string, unknown>) => {
        const c = itemsOf(await items({ job: job.id, ...args }));
        expect(c.totalCount).toBe(job.numberOfItems);
        return c;
      };
      const whole = await pageForward(jobItems, 100);
      const all = entryIds(whole);
      expect(all).toHaveLength(job.numberOfItems);
      expect(new Set(all).size).toBe(all.length);

      expect(entryIds(await pageForward(jobItems, 9))).toEqual(all);

      // Backwards from the cursor of the last item (reached by paging forward).
      const before = whole.at(-1)?.cursor as string;
      expect(entryIds(await pageBackward(jobItems, 8, before))).toEqual(all.slice(0, -1));
    });
  });

  describe("filters", () => {
    it("filters jobs by status with Pleo's repeated `statuses` parameter", async () => {
      const open = jobsOf(
        await jobs(NL_KEY, { id: COMPANIES.nl.id, first: 100, status: ["PENDING", "IN_PROGRESS"] }),
      );
      const expected = nlJobs.filter((j) => j.status === "PENDING" || j.status === "IN_PROGRESS");
      expect(expected.length).toBeGreaterThan(0);
      expect(open.edges.map((e) => e.node.exportJobId)).toEqual(expected.map((j) => j.exportJobId));
      expect(open.totalCount).toBe(expected.length);

      const failed = jobsOf(await jobs(NL_KEY, { id: COMPANIES.nl.id, first: 100, status: ["FAILED"] }));
      expect(failed.edges.map((e) => e.node.status)).toEqual(
        nlJobs.filter((j) => j.status === "FAILED").map((j) => j.status),
      );

      const calls = exportCalls(await h.simRequests());
      expect(calls.map((c) => c.path)).toEqual(["/v3/export-jobs", "/v3/export-jobs"]);
    });

    it("filters a job's items by status", async () => {
      const job = nlJob("COMPLETED_WITH_ERRORS");
      const failed = itemsOf(await items({ job: job.id, first: 100, status: "FAILED" }));
      expect(failed.edges.length).toBeGreaterThan(0);
      for (const { node } of failed.edges) {
        expect(node.status).toBe("FAILED");
        expect(node.exportJobId).toBe(job.exportJobId);
        expect(node.failureReasonType).toBe("ACCOUNT_UNKNOWN");
      }
      const ok = itemsOf(await items({ job: job.id, first: 100, status: "SUCCESSFUL" }));
      for (const { node } of ok.edges) {
        expect(node.status).toBe("SUCCESSFUL");
        expect(node.externalId).toBeTruthy();
      }
      expect((failed.totalCount ?? 0) + (ok.totalCount ?? 0)).toBe(job.numberOfItems);
    });
  });

  describe("isolation of ids and cursors", () => {
    it("refuses a DE export job's global ID under NL (FOREIGN_ID) without calling Pleo", async () => {
      const de = jobsOf(await jobs(DE_KEY, { id: COMPANIES.de.id, first: 1 }));
      const deJob = de.edges[0]?.node as JobNode;
      expect(deJob).toBeDefined();
      await h.resetSim();

      const underNl = await execute(
        typedDocument(`query($nl: ID!, $job: ID!) { company(id: $nl) { exportJob(id: $job) { status } } }`),
        { nl: COMPANIES.nl.id, job: deJob.id },
        { headers: NL_KEY },
      );
      underNl.expectErrors("FOREIGN_ID");

      const viaNode = await execute(
        typedDocument(`query($job: ID!) { node(id: $job) { id ... on ExportJob { status } } }`),
        { job: deJob.id },
        { headers: NL_KEY },
      );
      expect(viaNode.data?.node).toBeNull();
      viaNode.expectErrors("NO_CREDENTIAL_FOR_COMPANY");

      const log = await h.simRequests();
      expect(exportCalls(log)).toEqual([]);
      expect(log.filter((r) => r.targetCompanyId === COMPANIES.de.id)).toEqual([]);
    });

    it("never serves a DE job asked for by its raw UUID under NL", async () => {
      const deJob = jobsOf(await jobs(DE_KEY, { id: COMPANIES.de.id, first: 1 })).edges[0]?.node as JobNode;
      await h.resetSim();
      const response = await execute(
        typedDocument<{ company: { exportJob: unknown } }>(
          `query($nl: ID!, $job: ID!) { company(id: $nl) { exportJob(id: $job) { status } } }`,
        ),
        { nl: COMPANIES.nl.id, job: deJob.exportJobId },
        { headers: NL_KEY },
      );
      expect(response.data?.company.exportJob).toBeNull();
      // Pleo addresses jobs by id alone; it refuses NL's credential for DE's job (403), and so does the gateway.
      response.expectErrors("UPSTREAM_FORBIDDEN");
      expect(response.errors[0]?.extensions).toMatchObject({
        companyId: COMPANIES.nl.id,
        upstreamStatus: 403,
      });
      // Only NL's credential was used, and Pleo refused it for the DE job.
      for (const call of exportCalls(await h.simRequests())) {
        expect(call.credentialLabel).toBe(CREDENTIALS.nl.label);
        expect(call.status).toBeGreaterThanOrEqual(400);
      }
    });

    it("resolves an export job by global ID through node(id:)", async () => {
      const job = nlJob("PENDING");
      const response = await execute(
        typedDocument<{ node: { exportJobId: string; status: string } }>(
          `query($id: ID!) { node(id: $id) { ... on ExportJob { exportJobId status } } }`,
        ),
        { id: job.id },
        { headers: NL_KEY },
      );
      expect(response.data?.node).toEqual({ exportJobId: job.exportJobId, status: "PENDING" });
    });

    it("refuses a cursor of NL's export jobs on DE's, and a cursor of one job's items on another job's", async () => {
      const admin = (await h.persona("group-admin")).headers;
      const nl = jobsOf(await jobs(admin, { id: COMPANIES.nl.id, first: 2 }));
      const cursor = nl.pageInfo.endCursor;
      expect(cursor).toBeTruthy();
      await h.resetSim();

      const onDe = await jobs(admin, { id: COMPANIES.de.id, first: 2, after: cursor });
      onDe.expectErrors("FOREIGN_CURSOR");
      expect(exportCalls(await h.simRequests())).toEqual([]);

      const [a, b] = nlJobs;
      const first = itemsOf(await items({ job: a?.id, first: 2 }));
      await h.resetSim();
      const onOtherJob = await items({ job: b?.id, first: 2, after: first.pageInfo.endCursor });
      onOtherJob.expectErrors("FOREIGN_CURSOR");
      // Only the job lookup was made; no item page was fetched with the foreign cursor.
      expect(exportCalls(await h.simRequests()).map((c) => c.path)).toEqual([
        `/v3/export-jobs/${b?.exportJobId}`,
      ]);
    });
  });

  describe("upstream errors", () => {
    it("maps an unknown job to NOT_FOUND", async () => {
      const unknown = "00000000-0000-4000-8000-0000000000ab";
      const raw = await execute(
        typedDocument(`query($nl: ID!, $job: ID!) { company(id: $nl) { exportJob(id: $job) { status } } }`),
        { nl: COMPANIES.nl.id, job: unknown },
        { headers: NL_KEY },
      );
      raw.expectErrors("NOT_FOUND");
      expect(raw.errors[0]?.extensions).toMatchObject({
        companyId: COMPANIES.nl.id,
        upstreamStatus: 404,
      });

      const global = ownedGlobalId("ExportJob", COMPANIES.nl.id, unknown);
      const viaNode = await execute(
        typedDocument(`query($id: ID!) { node(id: $id) { id } }`),
        { id: global },
        { headers: NL_KEY },
      );
      viaNode.expectErrors("NOT_FOUND");
    });

    it("reads export items of an open job and refuses those of a finished job on that field only", async () => {
      const pending = nlJob("PENDING");
      const completed = nlJob("COMPLETED");
      const response = await execute(
        typedDocument<{
          company: {
            open: {
              status: string;
              exportItems: Connection<{
                accountingEntryId: string;
                exportJobId: string;
                amount: { inWalletCurrency: { currency: string; minorUnits: number; amount: string } };
                lines: { accountingEntryLineId: string; account: { accountId: string } | null }[];
                files: { url: string; mimeType: string; sizeInBytes: number }[];
                links: { web: { name: string; url: string }[] };
                additionalInformation: { reconciliationId: string };
              }> | null;
            };
            finished: { status: string; exportItems: unknown };
          };
        }>(`query($nl: ID!, $open: ID!, $done: ID!) { company(id: $nl) {
          open: exportJob(id: $open) { status exportItems(first: 5) { totalCount edges { node {
            accountingEntryId exportJobId
            amount { inWalletCurrency { currency minorUnits amount } }
            lines { accountingEntryLineId account { accountId } }
            files { url mimeType sizeInBytes }
            links { web { name url } }
            additionalInformation { reconciliationId }
          } } } }
          finished: exportJob(id: $done) { status exportItems(first: 5) { totalCount } }
        } }`),
        { nl: COMPANIES.nl.id, open: pending.id, done: completed.id },
        { headers: NL_KEY },
      );
      const open = response.data?.company.open;
      expect(open?.status).toBe("PENDING");
      expect(open?.exportItems?.totalCount).toBe(pending.numberOfItems);
      expect(open?.exportItems?.edges.length).toBe(Math.min(5, pending.numberOfItems));
      for (const { node } of open?.exportItems?.edges ?? []) {
        expect(node.exportJobId).toBe(pending.exportJobId);
        expect(node.lines.length).toBeGreaterThan(0);
        const money = node.amount.inWalletCurrency;
        expect(money.currency).toBe("EUR");
        expect(Number.isSafeInteger(money.minorUnits)).toBe(true);
        expect(money.amount).toBe((money.minorUnits / 100).toFixed(2));
        expect(node.additionalInformation.reconciliationId).toBeTruthy();
      }

      expect(response.data?.company.finished).toEqual({ status: "COMPLETED", exportItems: null });
      expect(response.errors).toHaveLength(1);
      const error = response.errors[0];
      expect(error?.path).toEqual(["company", "finished", "exportItems"]);
      expect(error?.extensions).toMatchObject({
        code: "UPSTREAM_REJECTED",
        upstreamStatus: 422,
        upstreamType: "EXPORT_JOB_STATUS_UNPROCESSABLE",
        companyId: COMPANIES.nl.id,
      });
    });
  });

  describe("upstream call counts", () => {
    it("lists jobs with their items in one list call plus one item call per job, deduped", async () => {
      const response = await execute(
        typedDocument<{
          company: {
            exportJobs: Connection<{
              exportJobId: string;
              a: Connection<{ exportJobId: string }>;
              b: Connection<{ exportJobId: string }>;
            }>;
          };
        }>(`query($nl: ID!) { company(id: $nl) { exportJobs(first: 100) { edges { node {
          exportJobId
          a: items(first: 3) { edges { node { exportJobId accountingEntryId status } } }
          b: items(first: 3) { totalCount edges { node { exportJobId } } }
        } } } } }`),
        { nl: COMPANIES.nl.id },
        { headers: NL_KEY },
      );
      const edges = response.expectData().company.exportJobs.edges ?? [];
      expect(edges).toHaveLength(nlJobs.length);
      for (const { node } of edges) {
        for (const item of node.a.edges) expect(item.node.exportJobId).toBe(node.exportJobId);
      }

      const calls = exportCalls(await h.simRequests());
      expect(calls.filter((c) => c.path === "/v3/export-jobs")).toHaveLength(1);
      const itemCalls = calls.filter((c) => /^\/v3\/export-jobs\/[^/]+\/items$/.test(c.path));
      expect(itemCalls).toHaveLength(nlJobs.length);
      expect(new Set(itemCalls.map((c) => c.path)).size).toBe(nlJobs.length);
      expect(calls).toHaveLength(1 + nlJobs.length);
      for (const call of calls) {
        expect(call.targetCompanyId).toBe(COMPANIES.nl.id);
        expect(call.credentialLabel).toBe(CREDENTIALS.nl.label);
      }
    });

    it("fetches an export job by id once per request however often it is asked for", async () => {
      const job = nlJob("IN_PROGRESS");
      const response = await execute(
        typedDocument(`query($nl: ID!, $raw: ID!, $global: ID!) {
          company(id: $nl) { a: exportJob(id: $raw) { status } b: exportJob(id: $global) { exportJobId } }
          node(id: $global) { ... on ExportJob { numberOfItems } }
        }`),
        { nl: COMPANIES.nl.id, raw: job.exportJobId.toUpperCase(), global: job.id },
        { headers: NL_KEY },
      );
      response.expectData();
      const calls = exportCalls(await h.simRequests());
      expect(calls.map((c) => c.path)).toEqual([`/v3/export-jobs/${job.exportJobId}`]);

      // A new request has new loaders: the job is fetched again, never served from another request.
      await execute(
        typedDocument(`query($id: ID!) { node(id: $id) { id } }`),
        { id: job.id },
        { headers: NL_KEY },
      );
      expect(exportCalls(await h.simRequests())).toHaveLength(2);
    });
  });
});
