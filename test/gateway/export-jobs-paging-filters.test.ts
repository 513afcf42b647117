import { describe, expect, it } from "vitest";
import { COMPANIES } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import { pageBackward, pageForward } from "../support/connection.ts";
import { exportCalls, type ItemNode, type JobNode, useExportJobs } from "./export-jobs-reads.ts";

/** Export jobs and items (v3) through the gateway: cursor paging both ways, and status filters. */

describe("export jobs and export items (v3)", () => {
  const { h, nlJobs, nlJob, jobs, jobsOf, items, itemsOf } = useExportJobs();
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
});
