import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simulatorClock } from "../../src/simulator/clock.ts";
import { seededCompany } from "../../src/simulator/index.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { type Harness, startHarness } from "../support/harness.ts";

/**
 * What mutations must never do: act on another company than the one they name, act with an
 * organisation credential, or send a write twice. Writes that may have reached Pleo without an answer
 * (timeout, dropped connection) are WriteOutcomeUnknown and are not replayed; the simulator's request
 * log proves each write arrived exactly once. Failures are injected by a small HTTP proxy between the
 * gateway and the simulator, so the simulator itself stays untouched.
 */

// biome-ignore lint/suspicious/noExplicitAny: results are inspected field by field.
type Json = any;

const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;
const nl = seededCompany("lcb-nl");
const de = seededCompany("lcb-de");
const nlKey = { "x-pleo-api-key": CREDENTIALS.nl.secret };
const nlAndDe = { "x-pleo-api-key": `${CREDENTIALS.nl.secret}, ${CREDENTIALS.de.secret}` };
const gid = (typename: string, companyId: string, id: string) =>
  encodeGlobalID(typename, `${companyId}:${id}`);
const MINUTE = 60_000;

// ------------------------------------------------------------------------------------ the fault proxy

type Fault =
  /** Forward the request, then cut the connection instead of answering. */
  | { readonly kind: "drop-after-forward" }
  /** Forward the request, then answer only after `ms`. */
  | { readonly kind: "delay-after-forward"; readonly ms: number }
  /** Answer this without forwarding. */
  | { readonly kind: "respond"; readonly status: number; readonly headers?: Record<string, string> };

interface Rule {
  readonly method: string;
  readonly path: RegExp;
  readonly fault: Fault;
  /** Matching requests let through untouched before the fault applies. */
  readonly skip?: number;
  /** How many matching requests get the fault (default 1). */
  readonly times?: number;
}

interface Proxy {
  readonly url: string;
  /** Requests the proxy received, as `METHOD path`. */
  readonly seen: string[];
  fault(rule: Rule): void;
  clear(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function startProxy(target: string): Promise<Proxy> {
  const rules: { rule: Rule; matched: number }[] = [];
  const seen: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    seen.push(`${req.method} ${url.pathname}`);
    const entry = rules.find((r) => r.rule.method === req.method && r.rule.path.test(url.pathname));
    let fault: Fault | undefined;
    if (entry) {
      entry.matched++;
      const skip = entry.rule.skip ?? 0;
      if (entry.matched > skip && entry.matched <= skip + (entry.rule.times ?? 1)) fault = entry.rule.fault;
    }
    if (fault?.kind === "respond") {
      res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
      res.end(JSON.stringify({ type: "INJECTED", message: "Injected by the test proxy." }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ["authorization", "content-type", "accept", "user-agent"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: body.length > 0 ? body.toString("utf8") : undefined,
    });
    const text = await upstream.text();
    if (fault?.kind === "drop-after-forward") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "delay-after-forward") await sleep(fault.ms);
    try {
      const contentType = upstream.headers.get("content-type");
      res.writeHead(upstream.status, contentType ? { "content-type": contentType } : {});
      res.end(text);
    } catch {
      // The gateway gave up waiting and closed the connection.
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    fault: (rule) => rules.push({ rule, matched: 0 }),
    clear: () => {
      rules.length = 0;
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------- tests

const ERRORS = /* GraphQL */ `
  __typename
  ... on MutationError { code message companyId }
  ... on ValidationFailed { issues { path code } }
  ... on AccessDenied { scope }
  ... on WriteOutcomeUnknown { operation check cause }
  ... on UpstreamUnavailable { upstreamStatus retryable }
  ... on RateLimited { retryAfterSeconds }
`;

describe("mutation safety", () => {
  let h: Harness;
  let proxy: Proxy | undefined;
  const faults = () => {
    if (!proxy) throw new Error("proxy not started");
    return proxy;
  };

  async function mutate(
    field: string,
    inputType: string,
    input: Json,
    headers: Record<string, string> = nlKey,
    selection = "",
  ): Promise<Json> {
    const response = await h.gql<Record<string, Json>>(
      `mutation($input: ${inputType}!) { ${field}(input: $input) { ${ERRORS} ${selection} } }`,
      { headers, variables: { input } },
    );
    expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
    return response.body.data?.[field];
  }

  /** Everything the simulator saw except credential introspection. */
  const upstreamCalls = async () => (await h.simRequests()).filter((r) => r.path !== "/v1/introspect");

  beforeAll(async () => {
    h = await startHarness({
      pleoBaseUrl: async (simulatorUrl) => {
        proxy = await startProxy(simulatorUrl);
        return proxy.url;
      },
      pleoHeadersTimeoutMs: 1_000,
    });
  });
  afterAll(async () => {
    await h.close();
    await proxy?.close();
  });
  beforeEach(async () => {
    simulatorClock.reset();
    faults().clear();
    await h.resetSim();
  });
  afterEach(() => simulatorClock.reset());

  describe("one company per mutation", () => {
    const nlVendor = nl.vendors[0]?.id as string;
    const nlAccount = nl.accounts[0]?.id as string;
    const nlTaxCode = nl.taxCodes[0]?.id as string;
    const nlGroup = nl.tagGroups[0]?.id as string;
    const nlJob = nl.exportJobs.find((j) => j.status === "pending")?.id as string;
    const nlEntry = nl.accountingEntries[0]?.id as string;
    const deJob = de.exportJobs.find((j) => j.status === "pending")?.id as string;

    const foreign: [string, string, Json, string][] = [
      [
        "updateVendor",
        "UpdateVendorInput",
        { id: gid("Vendor", NL, nlVendor), companyId: DE, name: "x" },
        "input.id",
      ],
      ["archiveVendor", "ArchiveVendorInput", { id: gid("Vendor", NL, nlVendor), companyId: DE }, "input.id"],
      [
        "deleteAccount",
        "DeleteAccountInput",
        { id: gid("Account", NL, nlAccount), companyId: DE },
        "input.id",
      ],
      [
        "archiveAccount",
        "ArchiveAccountInput",
        { id: gid("Account", NL, nlAccount), companyId: DE },
        "input.id",
      ],
      [
        "updateTaxCode",
        "UpdateTaxCodeInput",
        { id: gid("TaxCode", NL, nlTaxCode), companyId: DE, rate: 0.1 },
        "input.id",
      ],
      [
        "createTag",
        "CreateTagInput",
        { tagGroupId: gid("TagGroup", NL, nlGroup), companyId: DE, code: "X" },
        "input.tagGroupId",
      ],
      [
        "startExportJob",
        "StartExportJobInput",
        { jobId: gid("ExportJob", NL, nlJob), companyId: DE },
        "input.jobId",
      ],
      [
        "createExportJob",
        "CreateExportJobInput",
        { companyId: DE, accountingEntryIds: [gid("AccountingEntry", NL, nlEntry)] },
        "input.accountingEntryIds.0",
      ],
      [
        "reportExportJobItems",
        "ReportExportJobItemsInput",
        {
          jobId: gid("ExportJob", DE, deJob),
          items: [{ accountingEntryId: gid("AccountingEntry", NL, nlEntry), status: "SUCCESSFUL" }],
        },
        "input.items.0.accountingEntryId",
      ],
    ];

    it.each(foreign)(
      "%s: a global ID of company A with company B is FOREIGN_ID, and nothing reaches Pleo",
      async (field, inputType, input, path) => {
        const result = await mutate(field, inputType, input, nlAndDe);
        expect(result).toMatchObject({ __typename: "ValidationFailed", code: "FOREIGN_ID", companyId: DE });
        expect(result.issues).toContainEqual({ path, code: "FOREIGN_ID" });
        expect(await upstreamCalls()).toEqual([]);
      },
    );

    it("takes the company from a global ID alone; a raw UUID needs companyId", async () => {
      const viaGlobal = await mutate("archiveVendor", "ArchiveVendorInput", {
        id: gid("Vendor", NL, nlVendor),
      });
      expect(viaGlobal.__typename).toBe("ArchiveVendorPayload");
      await h.resetSim();
      const raw = await mutate("archiveVendor", "ArchiveVendorInput", { id: nlVendor });
      expect(raw).toMatchObject({
        __typename: "ValidationFailed",
        issues: [{ path: "input.id", code: "VALIDATION_FAILED" }],
      });
      const badCompany = await mutate("archiveVendor", "ArchiveVendorInput", {
        id: nlVendor,
        companyId: "NL",
      });
      expect(badCompany).toMatchObject({
        code: "INVALID_ID",
        issues: [{ path: "input.companyId", code: "INVALID_ID" }],
      });
      const wrongType = await mutate("archiveVendor", "ArchiveVendorInput", {
        id: gid("Account", NL, nlAccount),
      });
      expect(wrongType.code).toBe("INVALID_ID");
      expect(await upstreamCalls()).toEqual([]);
    });

    it("a Company global ID is as good as its UUID", async () => {
      const result = await mutate(
        "createTaxCode",
        "CreateTaxCodeInput",
        {
          companyId: encodeGlobalID("Company", NL),
          name: "Via global id",
          rate: 0.05,
          type: "INCLUSIVE",
          code: "GID-5",
        },
        nlKey,
        "... on TaxCodePayload { taxCode { code } }",
      );
      expect(result.taxCode.code).toBe("GID-5");
    });
  });

  describe("credentials", () => {
    it("an organisation credential never writes: NO_CREDENTIAL_FOR_COMPANY, no call", async () => {
      const { headers } = await h.persona("org-discovery");
      const vendor = await mutate(
        "createVendor",
        "CreateVendorInput",
        { companyId: NL, name: "X", defaultCurrency: "EUR" },
        headers,
      );
      expect(vendor).toMatchObject({
        __typename: "AccessDenied",
        code: "NO_CREDENTIAL_FOR_COMPANY",
        companyId: NL,
      });
      const job = await mutate(
        "startExportJob",
        "StartExportJobInput",
        { jobId: nl.exportJobs[0]?.id, companyId: NL },
        headers,
      );
      expect(job.code).toBe("NO_CREDENTIAL_FOR_COMPANY");
      const sync = await h.gql<Json>(
        `mutation { syncTaxCodes(input: { taxCodes: [{ code: "X", name: "X", rate: 0, type: EXCLUSIVE }] }) {
          ... on SyncTaxCodesPayload { outcomes { companyId } } } }`,
        { headers },
      );
      expect(sync.body.data.syncTaxCodes.outcomes).toEqual([]);
      expect((await upstreamCalls()).filter((r) => r.method !== "GET")).toEqual([]);
      expect((await upstreamCalls()).every((r) => r.path.startsWith("/v1/companies"))).toBe(true);
    });

    it("a caller JWT without a grant for the company is refused; with one, the stored credential writes", async () => {
      const alexey = await h.persona("alexey-owner");
      const refused = await mutate(
        "createVendor",
        "CreateVendorInput",
        { companyId: NL, name: "X", defaultCurrency: "EUR" },
        alexey.headers,
      );
      expect(refused.code).toBe("NO_CREDENTIAL_FOR_COMPANY");
      const admin = await h.persona("group-admin");
      const created = await mutate(
        "createVendor",
        "CreateVendorInput",
        { companyId: DE, name: "Über GmbH", defaultCurrency: "EUR" },
        admin.headers,
      );
      expect(created.__typename).toBe("VendorPayload");
      const [write] = (await upstreamCalls()).filter((r) => r.method === "POST" && r.path === "/v1/vendors");
      // DE's stored credential is an OAuth access token.
      expect(write?.credentialLabel).toBe(CREDENTIALS.deOAuth.label);
    });
  });

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
        { headers: nlKey },
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
        jobId: gid("ExportJob", NL, job),
      });
      expect(result).toMatchObject({ __typename: "WriteOutcomeUnknown", cause: "UPSTREAM_UNAVAILABLE" });
      const events = (await upstreamCalls()).filter((r) => r.path === "/v3/export-job-events");
      expect(events.map((e) => e.status)).toEqual([202]);
      const read = await h.gql<Json>(`query($id: ID!) { node(id: $id) { ... on ExportJob { status } } }`, {
        headers: nlKey,
        variables: { id: gid("ExportJob", NL, job) },
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
        id: gid("Account", NL, account),
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
        nlKey,
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
        nlKey,
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
        nlKey,
        "... on ExportJobPayload { job { id } }",
      );
      faults().fault({ method: "PUT", path: /\/items$/, skip: 1, fault: { kind: "respond", status: 503 } });
      const second = await mutate(
        "reportExportJobItems",
        "ReportExportJobItemsInput",
        { jobId: again.job.id, items },
        nlKey,
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
        jobId: gid("ExportJob", NL, job?.id as string),
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
