import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { DE_KEY, NL_KEY } from "../support/auth-headers.ts";
import { typedDocument } from "../support/execute.ts";
import { exportCalls, type JobNode, useExportJobs } from "./export-jobs-reads.ts";

/** Export jobs and items (v3) through the gateway: another company's ids and cursors are refused. */

describe("export jobs and export items (v3)", () => {
  const { h, execute, nlJobs, nlJob, jobs, jobsOf, items, itemsOf } = useExportJobs();
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
});
