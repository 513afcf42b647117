import { describe, expect, it } from "vitest";
import { simulatorClock } from "../../src/simulator/clock.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import { ownedGlobalId } from "../support/ids.ts";
import { NL, nl, useMutationSafety } from "./mutation-safety.ts";
import type { Json } from "./run-mutation.ts";

/**
 * What mutations must never do, part two: send a write twice. Writes that may have reached Pleo without
 * an answer (timeout, dropped connection) are WriteOutcomeUnknown and are not replayed; the simulator's
 * request log and the fault proxy prove each write arrived exactly once.
 */

const MINUTE = 60_000;

describe("mutation safety", () => {
  const { h, faults, mutate, upstreamCalls } = useMutationSafety();
  describe("writes are never sent twice", () => {
    it("a write that times out is WriteOutcomeUnknown; it reached Pleo exactly once and was applied", async () => {
      faults().fault({
        method: "POST",
        path: /^\/v1\/vendors$/,
        fault: { kind: "delay-after-forward", ms: 3_000 },
      });
      const result = await mutate("createVendor", "CreateVendorInput", {
        companyId: NL,
        name: "Slow Supplier",
        defaultCurrency: "EUR",
        externalId: "SLOW-1",
      });
      expect(result).toMatchObject({
        __typename: "WriteOutcomeUnknown",
        code: "WRITE_OUTCOME_UNKNOWN",
        companyId: NL,
        operation: "vendor create",
        cause: "UPSTREAM_TIMEOUT",
      });
      expect(result.check).toMatch(/externalId/);
      const writes = (await upstreamCalls()).filter((r) => r.method === "POST" && r.path === "/v1/vendors");
      expect(writes.map((w) => w.status)).toEqual([201]);
      expect(faults().seen.filter((s) => s === "POST /v1/vendors")).toHaveLength(1);
      // What `check` suggests: the vendor is there.
      const read = await h.gql<Json>(
        `{ company(id: "${NL}") { vendors(filter: { externalIds: ["SLOW-1"] }) { totalCount } } }`,
        { headers: NL_KEY },
      );
      expect(read.body.data.company.vendors.totalCount).toBe(1);
    });

    it("a dropped connection after an export event is WriteOutcomeUnknown; the event was applied once", async () => {
      const job = nl.exportJobs.find((j) => j.status === "pending")?.id as string;
      faults().fault({
        method: "POST",
        path: /^\/v3\/export-job-events$/,
        fault: { kind: "drop-after-forward" },
      });
      const result = await mutate("startExportJob", "StartExportJobInput", {
        jobId: ownedGlobalId("ExportJob", NL, job),
      });
      expect(result).toMatchObject({ __typename: "WriteOutcomeUnknown", cause: "UPSTREAM_UNAVAILABLE" });
      const events = (await upstreamCalls()).filter((r) => r.path === "/v3/export-job-events");
      expect(events.map((e) => e.status)).toEqual([202]);
      const read = await h.gql<Json>(`query($id: ID!) { node(id: $id) { ... on ExportJob { status } } }`, {
        headers: NL_KEY,
        variables: { id: ownedGlobalId("ExportJob", NL, job) },
      });
      expect(read.body.data.node.status).toBe("IN_PROGRESS");
    });

    it("Pleo's 503 on a write is UpstreamUnavailable (nothing applied), and the write is not retried", async () => {
      faults().fault({ method: "POST", path: /^\/v0\/tax-codes$/, fault: { kind: "respond", status: 503 } });
      const result = await mutate("createTaxCode", "CreateTaxCodeInput", {
        companyId: NL,
        name: "X",
        rate: 0.1,
        type: "EXCLUSIVE",
      });
      expect(result).toMatchObject({
        __typename: "UpstreamUnavailable",
        upstreamStatus: 503,
        retryable: true,
      });
      expect(faults().seen.filter((s) => s === "POST /v0/tax-codes")).toHaveLength(1);
    });

    it("a 500 on a write is WriteOutcomeUnknown: Pleo may have applied it", async () => {
      faults().fault({
        method: "PUT",
        path: /^\/v1\/chart-of-accounts\//,
        fault: { kind: "respond", status: 500 },
      });
      const account = nl.accounts[0]?.id as string;
      const result = await mutate("archiveAccount", "ArchiveAccountInput", {
        id: ownedGlobalId("Account", NL, account),
      });
      expect(result).toMatchObject({ __typename: "WriteOutcomeUnknown", cause: "UPSTREAM_UNAVAILABLE" });
      expect(faults().seen.filter((s) => s.startsWith("PUT /v1/chart-of-accounts/"))).toHaveLength(1);
    });

    it("item results in batches: a batch lost mid-way is reported, the rest is not sent, nothing twice", async () => {
      simulatorClock.advance(61 * MINUTE);
      const entries = nl.accountingEntries
        .filter((e) => !e.deletedAt)
        .slice(0, 250)
        .map((e) => e.id);
      const created = await mutate(
        "createExportJob",
        "CreateExportJobInput",
        { companyId: NL, accountingEntryIds: entries },
        NL_KEY,
        "... on ExportJobPayload { job { id } }",
      );
      const jobId = created.job.id;
      await mutate("startExportJob", "StartExportJobInput", { jobId });
      faults().fault({
        method: "PUT",
        path: /\/items$/,
        skip: 1,
        fault: { kind: "drop-after-forward" },
      });
      const items = entries.map((accountingEntryId) => ({ accountingEntryId, status: "SUCCESSFUL" }));
      const report = await mutate(
        "reportExportJobItems",
        "ReportExportJobItemsInput",
        { jobId, items },
        NL_KEY,
        `
        ... on ReportExportJobItemsPayload {
          complete batches requestsSent appliedCount
          failure { __typename code ... on WriteOutcomeUnknown { cause } }
          outcomeUnknownAccountingEntryIds notSentAccountingEntryIds
        }
      `,
      );
      expect(report).toMatchObject({
        __typename: "ReportExportJobItemsPayload",
        complete: false,
        batches: 3,
        requestsSent: 2,
        appliedCount: 100,
        failure: { __typename: "WriteOutcomeUnknown", cause: "UPSTREAM_UNAVAILABLE" },
      });
      expect(report.outcomeUnknownAccountingEntryIds).toEqual(entries.slice(100, 200));
      expect(report.notSentAccountingEntryIds).toEqual(entries.slice(200));
      const puts = (await upstreamCalls()).filter((r) => r.method === "PUT");
      expect(puts.map((p) => p.status)).toEqual([200, 200]);

      // A batch Pleo refused outright (503) was not applied: it is "not sent" with the rest.
      await h.resetSim();
      faults().clear();
      simulatorClock.advance(61 * MINUTE);
      const again = await mutate(
        "createExportJob",
        "CreateExportJobInput",
        { companyId: NL, accountingEntryIds: entries },
        NL_KEY,
        "... on ExportJobPayload { job { id } }",
      );
      faults().fault({ method: "PUT", path: /\/items$/, skip: 1, fault: { kind: "respond", status: 503 } });
      const second = await mutate(
        "reportExportJobItems",
        "ReportExportJobItemsInput",
        { jobId: again.job.id, items },
        NL_KEY,
        "... on ReportExportJobItemsPayload { complete requestsSent failure { code } notSentAccountingEntryIds outcomeUnknownAccountingEntryIds }",
      );
      expect(second).toMatchObject({
        complete: false,
        requestsSent: 2,
        failure: { code: "UPSTREAM_UNAVAILABLE" },
        outcomeUnknownAccountingEntryIds: [],
      });
      expect(second.notSentAccountingEntryIds).toEqual(entries.slice(100));
      expect(faults().seen.filter((s) => s.startsWith("PUT "))).toHaveLength(2);
    });

    it("the first batch failing is the mutation's error (nothing was applied)", async () => {
      const job = nl.exportJobs.find((j) => j.status === "in_progress");
      faults().fault({ method: "PUT", path: /\/items$/, fault: { kind: "respond", status: 503 } });
      const result = await mutate("reportExportJobItems", "ReportExportJobItemsInput", {
        jobId: ownedGlobalId("ExportJob", NL, job?.id as string),
        items: [{ accountingEntryId: nl.accountingEntries[0]?.id, status: "SUCCESSFUL" }],
      });
      expect(result).toMatchObject({ __typename: "UpstreamUnavailable", upstreamStatus: 503 });
    });

    it("Pleo's 429 is RateLimited with its Retry-After", async () => {
      faults().fault({
        method: "POST",
        path: /^\/v1\/vendors$/,
        fault: { kind: "respond", status: 429, headers: { "retry-after": "7" } },
      });
      const result = await mutate(
        "createVendor",
        "CreateVendorInput",
        { companyId: COMPANIES.alexey.id, name: "Limited Ltd", defaultCurrency: "GBP" },
        { "x-pleo-api-key": CREDENTIALS.alexey.secret },
      );
      expect(result).toMatchObject({ __typename: "RateLimited", code: "RATE_LIMITED", retryAfterSeconds: 7 });
      expect(faults().seen.filter((s) => s === "POST /v1/vendors")).toHaveLength(1);
    });
  });
});
