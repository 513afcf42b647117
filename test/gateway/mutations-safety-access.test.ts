import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { seededCompany } from "../../src/simulator/index.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { apiKeys, NL_KEY } from "../support/auth-headers.ts";
import { ownedGlobalId } from "../support/ids.ts";
import { NL, nl, useMutationSafety } from "./mutation-safety.ts";
import type { Json } from "./run-mutation.ts";

/**
 * What mutations must never do, part one: act on another company than the one they name, or act with an
 * organisation credential (or a caller JWT without a grant for the company).
 */

const DE = COMPANIES.de.id;
const de = seededCompany("lcb-de");
const nlAndDe = apiKeys(CREDENTIALS.nl, CREDENTIALS.de);

describe("mutation safety", () => {
  const { h, mutate, upstreamCalls } = useMutationSafety();
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
        { id: ownedGlobalId("Vendor", NL, nlVendor), companyId: DE, name: "x" },
        "input.id",
      ],
      [
        "archiveVendor",
        "ArchiveVendorInput",
        { id: ownedGlobalId("Vendor", NL, nlVendor), companyId: DE },
        "input.id",
      ],
      [
        "deleteAccount",
        "DeleteAccountInput",
        { id: ownedGlobalId("Account", NL, nlAccount), companyId: DE },
        "input.id",
      ],
      [
        "archiveAccount",
        "ArchiveAccountInput",
        { id: ownedGlobalId("Account", NL, nlAccount), companyId: DE },
        "input.id",
      ],
      [
        "updateTaxCode",
        "UpdateTaxCodeInput",
        { id: ownedGlobalId("TaxCode", NL, nlTaxCode), companyId: DE, rate: 0.1 },
        "input.id",
      ],
      [
        "createTag",
        "CreateTagInput",
        { tagGroupId: ownedGlobalId("TagGroup", NL, nlGroup), companyId: DE, code: "X" },
        "input.tagGroupId",
      ],
      [
        "startExportJob",
        "StartExportJobInput",
        { jobId: ownedGlobalId("ExportJob", NL, nlJob), companyId: DE },
        "input.jobId",
      ],
      [
        "createExportJob",
        "CreateExportJobInput",
        { companyId: DE, accountingEntryIds: [ownedGlobalId("AccountingEntry", NL, nlEntry)] },
        "input.accountingEntryIds.0",
      ],
      [
        "reportExportJobItems",
        "ReportExportJobItemsInput",
        {
          jobId: ownedGlobalId("ExportJob", DE, deJob),
          items: [{ accountingEntryId: ownedGlobalId("AccountingEntry", NL, nlEntry), status: "SUCCESSFUL" }],
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
        id: ownedGlobalId("Vendor", NL, nlVendor),
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
        id: ownedGlobalId("Account", NL, nlAccount),
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
        NL_KEY,
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
});
