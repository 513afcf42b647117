import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import type { Connection } from "../support/connection.ts";
import { typedDocument } from "../support/execute.ts";
import { ownedGlobalId } from "../support/ids.ts";
import { exportCalls, useExportJobs } from "./export-jobs-reads.ts";

/**
 * Export jobs and items (v3) through the gateway: Pleo's refusals as typed errors, and how few upstream
 * calls a query costs.
 */

describe("export jobs and export items (v3)", () => {
  const { h, execute, nlJobs, nlJob } = useExportJobs();
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
