import { encodeGlobalID } from "@pothos/plugin-relay";
import { createYoga } from "graphql-yoga";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CompanyAccess } from "../../src/context/company-access.ts";
import { ContextFactory, type GatewayContext } from "../../src/context/context.ts";
import { type CachedBinding, CredentialIntrospector } from "../../src/credentials/introspector.ts";
import { LoaderRegistry } from "../../src/loaders/registry.ts";
import { gatewaySchema } from "../../src/schema/index.ts";
import { COMPANIES, CREDENTIALS, ORGANISATIONS } from "../../src/simulator/seed/identities.ts";
import { LruCache } from "../../src/support/lru-cache.ts";
import { codes, type GraphQLResponse, type Harness, startHarness } from "../support/harness.ts";

const nlKey = { "x-pleo-api-key": CREDENTIALS.nl.secret };
const deKey = { "x-pleo-api-key": CREDENTIALS.de.secret };
const nlNoExportScopes = { "x-pleo-api-key": CREDENTIALS.nlReadOnlyAccounts.secret };

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Connection<N> {
  totalCount: number | null;
  pageInfo: PageInfo;
  edges: { cursor: string; node: N }[];
}
interface JobNode {
  id: string;
  exportJobId: string;
  status: string;
  numberOfItems: number;
}

const JOBS = /* GraphQL */ `
  query Jobs($id: ID!, $status: [ExportJobStatus!], $first: Int, $after: String, $last: Int, $before: String) {
    company(id: $id) {
      exportJobs(status: $status, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id exportJobId status numberOfItems } }
      }
    }
  }
`;

const ITEMS = /* GraphQL */ `
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
`;

const exportCalls = <T extends { path: string }>(log: T[]) =>
  log.filter((r) => r.path.startsWith("/v3/export"));

describe("export jobs and export items (v3)", () => {
  let h: Harness;
  /** NL's seeded jobs, in the order Pleo lists them. */
  let nlJobs: JobNode[] = [];
  const nlJob = (status: string): JobNode => {
    const job = nlJobs.find((j) => j.status === status);
    if (!job) throw new Error(`no NL job in status ${status}`);
    return job;
  };

  const jobs = async (headers: Record<string, string>, variables: Record<string, unknown>) =>
    h.gql<{ company: { exportJobs: Connection<JobNode> | null } | null }>(JOBS, { headers, variables });
  const jobsOf = (r: GraphQLResponse<{ company: { exportJobs: Connection<JobNode> | null } | null }>) => {
    const c = r.body.data?.company?.exportJobs;
    if (!c) throw new Error(JSON.stringify(r.body.errors));
    return c;
  };
  interface ItemNode {
    accountingEntryId: string;
    exportJobId: string;
    status: string;
    failureReasonType: string | null;
    externalId: string | null;
  }
  type ItemsResponse = GraphQLResponse<{
    company: { exportJob: { items: Connection<ItemNode> | null } | null } | null;
  }>;
  const items = async (variables: Record<string, unknown>): Promise<ItemsResponse> =>
    h.gql(ITEMS, { headers: nlKey, variables: { id: COMPANIES.nl.id, ...variables } });
  const itemsOf = (r: ItemsResponse) => {
    const c = r.body.data?.company?.exportJob?.items;
    if (!c) throw new Error(JSON.stringify(r.body.errors));
    return c;
  };

  beforeAll(async () => {
    h = await startHarness();
    nlJobs = jobsOf(await jobs(nlKey, { id: COMPANIES.nl.id, first: 100 })).edges.map((e) => e.node);
    expect(nlJobs.length).toBeGreaterThanOrEqual(5);
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetSim());

  describe("credential gate", () => {
    it("shows NL's export jobs to the NL bookkeeper and nulls DE/BE without calling Pleo for them", async () => {
      const { headers } = await h.persona("nl-bookkeeper");
      const response = await h.gql<{
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
      }>(
        `query($org: ID!) { organisation(id: $org) { companies(first: 10) { edges { node {
            companyId
            exportJobs(first: 3) { totalCount edges { node { exportJobId company { companyId } } } }
        } } } } }`,
        { headers, variables: { org: ORGANISATIONS.loveCremeBrulee.id } },
      );
      const byId = new Map(
        (response.body.data?.organisation.companies.edges ?? []).map((e) => [e.node.companyId, e.node]),
      );
      const nl = byId.get(COMPANIES.nl.id)?.exportJobs;
      expect(nl?.totalCount).toBe(nlJobs.length);
      expect(nl?.edges.map((e) => e.node.exportJobId)).toEqual(nlJobs.slice(0, 3).map((j) => j.exportJobId));
      for (const edge of nl?.edges ?? []) expect(edge.node.company.companyId).toBe(COMPANIES.nl.id);
      expect(byId.get(COMPANIES.de.id)?.exportJobs).toBeNull();
      expect(byId.get(COMPANIES.be.id)?.exportJobs).toBeNull();

      const errors = response.body.errors ?? [];
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
      const response = await h.gql<{
        company: { name: string; exportJobs: unknown; exportJob: unknown };
        node: unknown;
      }>(
        `query($nl: ID!, $job: ID!, $raw: ID!) {
          company(id: $nl) { name exportJobs(first: 2) { totalCount } exportJob(id: $raw) { status } }
          node(id: $job) { id }
        }`,
        { headers: nlNoExportScopes, variables: { nl: COMPANIES.nl.id, job: job.id, raw: job.exportJobId } },
      );
      expect(response.body.data?.company.name).toBe(COMPANIES.nl.name);
      expect(response.body.data?.company.exportJobs).toBeNull();
      expect(response.body.data?.company.exportJob).toBeNull();
      expect(response.body.data?.node).toBeNull();
      expect(codes(response)).toEqual(["MISSING_SCOPE", "MISSING_SCOPE", "MISSING_SCOPE"]);
      for (const e of response.body.errors ?? []) expect(e.extensions?.scope).toBe("export-jobs:read");
      expect(exportCalls(await h.simRequests())).toEqual([]);
    });

    it("refuses exportItems without export-items:read while the job and its items resolve", async () => {
      // No seeded credential has export-jobs:read without export-items:read, so this runs the real schema,
      // context factory and Pleo client against the simulator, with NL's key bound by real introspection
      // and then narrowed by dropping export-items:read from its binding (as if Pleo had issued it so).
      const introspector = new CredentialIntrospector(
        h.gateway.pleo,
        new LruCache<CachedBinding>(10),
        60_000,
      );
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
        headers: { ...nlKey, "content-type": "application/json" },
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
      const response = await h.gql(`query($be: ID!) { company(id: $be) { exportJobs { totalCount } } }`, {
        headers: { "x-pleo-api-key": CREDENTIALS.beVendorsOnly.secret },
        variables: { be: COMPANIES.be.id },
      });
      expect(codes(response)).toEqual(["MISSING_SCOPE"]);
      expect(exportCalls(await h.simRequests())).toEqual([]);
    });
  });

  describe("pagination", () => {
    it("pages export jobs forwards and backwards with no gaps or repeats", async () => {
      const all = nlJobs.map((j) => j.exportJobId);
      const forward: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const c = jobsOf(await jobs(nlKey, { id: COMPANIES.nl.id, first: 2, after }));
        forward.push(...c.edges.map((e) => e.node.exportJobId));
        expect(c.pageInfo.hasPreviousPage).toBe(i > 0);
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      expect(forward).toEqual(all);

      const full = jobsOf(await jobs(nlKey, { id: COMPANIES.nl.id, first: 100 }));
      const backward: string[] = [all.at(-1) as string];
      let before: string | null = full.edges.at(-1)?.cursor ?? null;
      for (let i = 0; i < 10; i++) {
        const c = jobsOf(await jobs(nlKey, { id: COMPANIES.nl.id, last: 2, before }));
        backward.unshift(...c.edges.map((e) => e.node.exportJobId));
        expect(c.pageInfo.hasNextPage).toBe(true);
        if (!c.pageInfo.hasPreviousPage) break;
        before = c.pageInfo.startCursor;
      }
      expect(backward).toEqual(all);
    });

    it("pages a job's items forwards and backwards with no gaps or repeats", async () => {
      const job = [...nlJobs].sort((a, b) => b.numberOfItems - a.numberOfItems)[0] as JobNode;
      expect(job.numberOfItems).toBeGreaterThan(10);
      const all: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const c = itemsOf(await items({ job: job.id, first: 100, after }));
        all.push(...c.edges.map((e) => e.node.accountingEntryId));
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      expect(all).toHaveLength(job.numberOfItems);
      expect(new Set(all).size).toBe(all.length);

      const forward: string[] = [];
      after = null;
      for (let i = 0; i < 100; i++) {
        const c = itemsOf(await items({ job: job.id, first: 9, after }));
        expect(c.totalCount).toBe(job.numberOfItems);
        forward.push(...c.edges.map((e) => e.node.accountingEntryId));
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      expect(forward).toEqual(all);

      // Backwards from the cursor of the last item (reached by paging forward).
      let tail = itemsOf(await items({ job: job.id, first: 100 }));
      while (tail.pageInfo.hasNextPage) {
        tail = itemsOf(await items({ job: job.id, first: 100, after: tail.pageInfo.endCursor }));
      }
      const backward: string[] = [all.at(-1) as string];
      let before: string | null = tail.edges.at(-1)?.cursor ?? null;
      for (let i = 0; i < 100; i++) {
        const c = itemsOf(await items({ job: job.id, last: 8, before }));
        backward.unshift(...c.edges.map((e) => e.node.accountingEntryId));
        if (!c.pageInfo.hasPreviousPage) break;
        before = c.pageInfo.startCursor;
      }
      expect(backward).toEqual(all);
    });
  });

  describe("filters", () => {
    it("filters jobs by status with Pleo's repeated `statuses` parameter", async () => {
      const open = jobsOf(
        await jobs(nlKey, { id: COMPANIES.nl.id, first: 100, status: ["PENDING", "IN_PROGRESS"] }),
      );
      const expected = nlJobs.filter((j) => j.status === "PENDING" || j.status === "IN_PROGRESS");
      expect(expected.length).toBeGreaterThan(0);
      expect(open.edges.map((e) => e.node.exportJobId)).toEqual(expected.map((j) => j.exportJobId));
      expect(open.totalCount).toBe(expected.length);

      const failed = jobsOf(await jobs(nlKey, { id: COMPANIES.nl.id, first: 100, status: ["FAILED"] }));
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
      const de = jobsOf(await jobs(deKey, { id: COMPANIES.de.id, first: 1 }));
      const deJob = de.edges[0]?.node as JobNode;
      expect(deJob).toBeDefined();
      await h.resetSim();

      const underNl = await h.gql(
        `query($nl: ID!, $job: ID!) { company(id: $nl) { exportJob(id: $job) { status } } }`,
        {
          headers: nlKey,
          variables: { nl: COMPANIES.nl.id, job: deJob.id },
        },
      );
      expect(codes(underNl)).toEqual(["FOREIGN_ID"]);

      const viaNode = await h.gql(`query($job: ID!) { node(id: $job) { id ... on ExportJob { status } } }`, {
        headers: nlKey,
        variables: { job: deJob.id },
      });
      expect(viaNode.body.data?.node).toBeNull();
      expect(codes(viaNode)).toEqual(["NO_CREDENTIAL_FOR_COMPANY"]);

      const log = await h.simRequests();
      expect(exportCalls(log)).toEqual([]);
      expect(log.filter((r) => r.targetCompanyId === COMPANIES.de.id)).toEqual([]);
    });

    it("never serves a DE job asked for by its raw UUID under NL", async () => {
      const deJob = jobsOf(await jobs(deKey, { id: COMPANIES.de.id, first: 1 })).edges[0]?.node as JobNode;
      await h.resetSim();
      const response = await h.gql<{ company: { exportJob: unknown } }>(
        `query($nl: ID!, $job: ID!) { company(id: $nl) { exportJob(id: $job) { status } } }`,
        { headers: nlKey, variables: { nl: COMPANIES.nl.id, job: deJob.exportJobId } },
      );
      expect(response.body.data?.company.exportJob).toBeNull();
      // Pleo addresses jobs by id alone; it refuses NL's credential for DE's job (403), and so does the gateway.
      expect(codes(response)).toEqual(["UPSTREAM_FORBIDDEN"]);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({
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
      const response = await h.gql<{ node: { exportJobId: string; status: string } }>(
        `query($id: ID!) { node(id: $id) { ... on ExportJob { exportJobId status } } }`,
        { headers: nlKey, variables: { id: job.id } },
      );
      expect(response.body.data?.node).toEqual({ exportJobId: job.exportJobId, status: "PENDING" });
    });

    it("refuses a cursor of NL's export jobs on DE's, and a cursor of one job's items on another job's", async () => {
      const admin = (await h.persona("group-admin")).headers;
      const nl = jobsOf(await jobs(admin, { id: COMPANIES.nl.id, first: 2 }));
      const cursor = nl.pageInfo.endCursor;
      expect(cursor).toBeTruthy();
      await h.resetSim();

      const onDe = await jobs(admin, { id: COMPANIES.de.id, first: 2, after: cursor });
      expect(codes(onDe)).toEqual(["FOREIGN_CURSOR"]);
      expect(exportCalls(await h.simRequests())).toEqual([]);

      const [a, b] = nlJobs;
      const first = itemsOf(await items({ job: a?.id, first: 2 }));
      await h.resetSim();
      const onOtherJob = await items({ job: b?.id, first: 2, after: first.pageInfo.endCursor });
      expect(codes(onOtherJob)).toEqual(["FOREIGN_CURSOR"]);
      // Only the job lookup was made; no item page was fetched with the foreign cursor.
      expect(exportCalls(await h.simRequests()).map((c) => c.path)).toEqual([
        `/v3/export-jobs/${b?.exportJobId}`,
      ]);
    });
  });

  describe("upstream errors", () => {
    it("maps an unknown job to NOT_FOUND", async () => {
      const unknown = "00000000-0000-4000-8000-0000000000ab";
      const raw = await h.gql(
        `query($nl: ID!, $job: ID!) { company(id: $nl) { exportJob(id: $job) { status } } }`,
        {
          headers: nlKey,
          variables: { nl: COMPANIES.nl.id, job: unknown },
        },
      );
      expect(codes(raw)).toEqual(["NOT_FOUND"]);
      expect(raw.body.errors?.[0]?.extensions).toMatchObject({
        companyId: COMPANIES.nl.id,
        upstreamStatus: 404,
      });

      const global = encodeGlobalID("ExportJob", `${COMPANIES.nl.id}:${unknown}`);
      const viaNode = await h.gql(`query($id: ID!) { node(id: $id) { id } }`, {
        headers: nlKey,
        variables: { id: global },
      });
      expect(codes(viaNode)).toEqual(["NOT_FOUND"]);
    });

    it("reads export items of an open job and refuses those of a finished job on that field only", async () => {
      const pending = nlJob("PENDING");
      const completed = nlJob("COMPLETED");
      const response = await h.gql<{
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
      }>(
        `query($nl: ID!, $open: ID!, $done: ID!) { company(id: $nl) {
          open: exportJob(id: $open) { status exportItems(first: 5) { totalCount edges { node {
            accountingEntryId exportJobId
            amount { inWalletCurrency { currency minorUnits amount } }
            lines { accountingEntryLineId account { accountId } }
            files { url mimeType sizeInBytes }
            links { web { name url } }
            additionalInformation { reconciliationId }
          } } } }
          finished: exportJob(id: $done) { status exportItems(first: 5) { totalCount } }
        } }`,
        { headers: nlKey, variables: { nl: COMPANIES.nl.id, open: pending.id, done: completed.id } },
      );
      const open = response.body.data?.company.open;
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

      expect(response.body.data?.company.finished).toEqual({ status: "COMPLETED", exportItems: null });
      expect(response.body.errors).toHaveLength(1);
      const error = response.body.errors?.[0];
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
      const response = await h.gql<{
        company: {
          exportJobs: Connection<{
            exportJobId: string;
            a: Connection<{ exportJobId: string }>;
            b: Connection<{ exportJobId: string }>;
          }>;
        };
      }>(
        `query($nl: ID!) { company(id: $nl) { exportJobs(first: 100) { edges { node {
          exportJobId
          a: items(first: 3) { edges { node { exportJobId accountingEntryId status } } }
          b: items(first: 3) { totalCount edges { node { exportJobId } } }
        } } } } }`,
        { headers: nlKey, variables: { nl: COMPANIES.nl.id } },
      );
      expect(response.body.errors).toBeUndefined();
      const edges = response.body.data?.company.exportJobs.edges ?? [];
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
      const response = await h.gql(
        `query($nl: ID!, $raw: ID!, $global: ID!) {
          company(id: $nl) { a: exportJob(id: $raw) { status } b: exportJob(id: $global) { exportJobId } }
          node(id: $global) { ... on ExportJob { numberOfItems } }
        }`,
        {
          headers: nlKey,
          variables: { nl: COMPANIES.nl.id, raw: job.exportJobId.toUpperCase(), global: job.id },
        },
      );
      expect(response.body.errors).toBeUndefined();
      const calls = exportCalls(await h.simRequests());
      expect(calls.map((c) => c.path)).toEqual([`/v3/export-jobs/${job.exportJobId}`]);

      // A new request has new loaders: the job is fetched again, never served from another request.
      await h.gql(`query($id: ID!) { node(id: $id) { id } }`, { headers: nlKey, variables: { id: job.id } });
      expect(exportCalls(await h.simRequests())).toHaveLength(2);
    });
  });
});
