import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seededCompany } from "../../src/simulator/index.ts";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { type Harness, startHarness } from "../support/harness.ts";

/**
 * Master-data mutations through the gateway, against the simulator: each mutation's success (and that
 * reads see it), and each typed error it can produce.
 */

const nlKey = { "x-pleo-api-key": CREDENTIALS.nl.secret };
const nlAccountsOnly = { "x-pleo-api-key": CREDENTIALS.nlReadOnlyAccounts.secret };
const nl = seededCompany("lcb-nl");
const NL = COMPANIES.nl.id;

// biome-ignore lint/suspicious/noExplicitAny: results are inspected field by field.
type Json = any;

const ERRORS = /* GraphQL */ `
  __typename
  ... on MutationError { code message companyId }
  ... on ValidationFailed { issues { path message code } }
  ... on AccessDenied { scope }
  ... on UpstreamRejected { upstreamStatus upstreamType }
  ... on Conflict {
    upstreamType
    existing {
      __typename id
      ... on Vendor { vendorId name externalId vendorCode: code }
      ... on Account { accountId accountExternalId: externalId name }
      ... on TaxCode { taxCodeId taxCode: code name }
      ... on TagGroup { tagGroupId groupCode: code }
      ... on Tag { tagId tagCode: code }
    }
  }
`;

const globalId = (typename: string, companyId: string, id: string) =>
  encodeGlobalID(typename, `${companyId}:${id}`);

describe("master-data mutations", () => {
  let h: Harness;

  /** Runs one mutation field and returns its result (failing the test on GraphQL errors). */
  async function mutate(
    field: string,
    inputType: string,
    selection: string,
    input: Json,
    headers: Record<string, string> = nlKey,
  ): Promise<Json> {
    const response = await h.gql<Record<string, Json>>(
      `mutation($input: ${inputType}!) { ${field}(input: $input) { ${ERRORS} ${selection} } }`,
      { headers, variables: { input } },
    );
    expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
    return response.body.data?.[field];
  }

  const writes = async (prefix: string) =>
    (await h.simRequests()).filter(
      (r) => r.method !== "GET" && r.path.startsWith(prefix) && !r.path.endsWith(":search"),
    );

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetSim());

  describe("chart of accounts", () => {
    const ACCOUNT =
      "... on AccountPayload { account { id accountId externalId name code archived taxCodeExternalId metadata } }";

    it("creates an account; a read in the same request's company sees it", async () => {
      const created = await mutate("createAccount", "CreateAccountInput", ACCOUNT, {
        companyId: NL,
        externalId: "ERP-8100",
        name: "Software subscriptions",
        code: "8100",
        metadata: { erp: { ledger: "main" } },
      });
      expect(created.__typename).toBe("AccountPayload");
      expect(created.account).toMatchObject({ externalId: "ERP-8100", code: "8100", archived: false });
      const read = await h.gql<Json>(
        `query($id: ID!) { company(id: $id) { accounts(filter: { externalId: "ERP-8100" }) { edges { node { id name } } } } }`,
        { headers: nlKey, variables: { id: NL } },
      );
      expect(read.body.data.company.accounts.edges).toEqual([
        { node: { id: created.account.id, name: "Software subscriptions" } },
      ]);
    });

    it("returns the existing account for an identical create, and a Conflict carrying it otherwise", async () => {
      const existing = nl.accounts.find((a) => a.code && !a.metadata) as (typeof nl.accounts)[number];
      const same = {
        companyId: NL,
        externalId: existing.externalId,
        name: existing.name,
        code: existing.code,
        taxCodeExternalId: existing.taxCodeExternalId,
        archived: existing.archived,
      };
      const matched = await mutate("createAccount", "CreateAccountInput", ACCOUNT, same);
      expect(matched.account.accountId).toBe(existing.id);
      const clash = await mutate("createAccount", "CreateAccountInput", ACCOUNT, { ...same, name: "Other" });
      expect(clash).toMatchObject({
        __typename: "Conflict",
        code: "CONFLICT",
        companyId: NL,
        existing: { __typename: "Account", accountId: existing.id, accountExternalId: existing.externalId },
      });
    });

    it("batch-creates accounts and reports Pleo's per-item failures by position", async () => {
      const existing = nl.accounts[0]?.externalId;
      const result = await mutate(
        "createAccounts",
        "CreateAccountsInput",
        "... on CreateAccountsPayload { createdCount failedCount created { externalId } failed { index externalId reasons } }",
        {
          companyId: NL,
          accounts: [
            { externalId: "B-1", name: "One" },
            { externalId: existing, name: "Exists" },
            { externalId: "B-2", name: "Two", taxCodeExternalId: "NO-SUCH-CODE" },
            { externalId: "B-3", name: "Three", archived: true },
          ],
        },
      );
      expect(result).toMatchObject({ createdCount: 2, failedCount: 2 });
      expect(result.created.map((a: Json) => a.externalId)).toEqual(["B-1", "B-3"]);
      expect(result.failed).toEqual([
        { index: 1, externalId: existing, reasons: ["EXTERNAL_ID_ALREADY_EXISTS"] },
        { index: 2, externalId: "B-2", reasons: ["OTHER"] },
      ]);
      expect(await writes("/v1/chart-of-accounts")).toHaveLength(1);
    });

    it("refuses an invalid batch with every problem at once, sending nothing", async () => {
      const result = await mutate("createAccounts", "CreateAccountsInput", "", {
        companyId: NL,
        accounts: [
          { externalId: "X", name: "a".repeat(256) },
          { externalId: " ", name: "b", code: "c".repeat(256) },
          { externalId: "X", name: "dup", metadata: { notAnObject: 3 } },
        ],
      });
      expect(result.__typename).toBe("ValidationFailed");
      expect(result.issues.map((i: Json) => i.path).sort()).toEqual([
        "input.accounts.0.name",
        "input.accounts.1.code",
        "input.accounts.1.externalId",
        "input.accounts.2.externalId",
        "input.accounts.2.metadata.notAnObject",
      ]);
      expect(await writes("/v1/chart-of-accounts")).toEqual([]);
      const empty = await mutate("createAccounts", "CreateAccountsInput", "", {
        companyId: NL,
        accounts: [],
      });
      expect(empty.issues).toEqual([
        { path: "input.accounts", message: "at least one entry is required", code: "VALIDATION_FAILED" },
      ]);
    });

    it("updates with patch semantics, archives and restores an account", async () => {
      const account = nl.accounts.find((a) => a.code && a.taxCodeExternalId) as (typeof nl.accounts)[number];
      const id = globalId("Account", NL, account.id);
      const updated = await mutate("updateAccount", "UpdateAccountInput", ACCOUNT, { id, name: "Renamed" });
      expect(updated.account).toMatchObject({
        name: "Renamed",
        code: account.code,
        taxCodeExternalId: account.taxCodeExternalId,
      });
      const cleared = await mutate("updateAccount", "UpdateAccountInput", ACCOUNT, {
        id,
        taxCodeExternalId: null,
      });
      expect(cleared.account).toMatchObject({ name: "Renamed", taxCodeExternalId: null });
      const archived = await mutate("archiveAccount", "ArchiveAccountInput", ACCOUNT, { id });
      expect(archived.account.archived).toBe(true);
      const restored = await mutate("archiveAccount", "ArchiveAccountInput", ACCOUNT, {
        id,
        archived: false,
      });
      expect(restored.account.archived).toBe(false);
      const bad = await mutate("updateAccount", "UpdateAccountInput", ACCOUNT, {
        id,
        taxCodeExternalId: "NOPE",
      });
      expect(bad).toMatchObject({
        __typename: "UpstreamRejected",
        upstreamStatus: 400,
        upstreamType: "VALIDATION_FAILED",
      });
    });

    it("deletes an unused account; one that entries use is AccountInUse, pointing at archiveAccount", async () => {
      const created = await mutate("createAccount", "CreateAccountInput", ACCOUNT, {
        companyId: NL,
        externalId: "TMP-1",
        name: "Temporary",
      });
      const deleted = await mutate(
        "deleteAccount",
        "DeleteAccountInput",
        "... on DeleteAccountPayload { deletedAccountId }",
        { id: created.account.id },
      );
      expect(deleted.deletedAccountId).toBe(created.account.accountId);
      const again = await mutate("deleteAccount", "DeleteAccountInput", "", { id: created.account.id });
      expect(again).toMatchObject({ __typename: "NotFound", code: "NOT_FOUND" });

      const used = nl.accounts.find((a) => nl.accountingEntries.some((e) => e.accountId === a.id));
      const refused = await mutate(
        "deleteAccount",
        "DeleteAccountInput",
        "... on AccountInUse { accountId suggestedMutation }",
        { id: used?.id, companyId: NL },
      );
      expect(refused).toMatchObject({
        __typename: "AccountInUse",
        code: "ACCOUNT_IN_USE",
        accountId: used?.id,
        suggestedMutation: "archiveAccount",
      });
      expect(refused.message).toMatch(/archiveAccount/);
    });

    it("needs accounts:write: MISSING_SCOPE, and nothing is sent", async () => {
      const result = await mutate(
        "createAccount",
        "CreateAccountInput",
        "",
        { companyId: NL, externalId: "X", name: "X" },
        nlAccountsOnly,
      );
      expect(result).toMatchObject({
        __typename: "AccessDenied",
        code: "MISSING_SCOPE",
        scope: "accounts:write",
      });
      expect(await writes("/v1/chart-of-accounts")).toEqual([]);
    });
  });

  describe("tax codes", () => {
    const TAX =
      "... on TaxCodePayload { taxCode { id taxCodeId code name rate type archived ingoingTaxAccount } }";
    const input = {
      companyId: NL,
      name: "Verlegd 0%",
      rate: 0,
      type: "REVERSE",
      code: "NL-RC",
      ingoingTaxAccount: "1510",
    };

    it("creates, updates, archives and deletes a tax code", async () => {
      const created = await mutate("createTaxCode", "CreateTaxCodeInput", TAX, input);
      expect(created.taxCode).toMatchObject({ code: "NL-RC", rate: 0, type: "REVERSE", archived: false });
      const id = created.taxCode.id;
      const updated = await mutate("updateTaxCode", "UpdateTaxCodeInput", TAX, {
        id,
        rate: 0.09,
        name: "Laag",
      });
      expect(updated.taxCode).toMatchObject({
        rate: 0.09,
        name: "Laag",
        code: "NL-RC",
        ingoingTaxAccount: "1510",
      });
      const archived = await mutate("archiveTaxCode", "ArchiveTaxCodeInput", TAX, { id });
      expect(archived.taxCode.archived).toBe(true);
      const read = await h.gql<Json>(
        `query($id: ID!) { node(id: $id) { ... on TaxCode { archived rate } } }`,
        {
          headers: nlKey,
          variables: { id },
        },
      );
      expect(read.body.data.node).toEqual({ archived: true, rate: 0.09 });
      const deleted = await mutate(
        "deleteTaxCode",
        "DeleteTaxCodeInput",
        "... on DeleteTaxCodePayload { deletedTaxCodeId }",
        { id },
      );
      expect(deleted.deletedTaxCodeId).toBe(created.taxCode.taxCodeId);
    });

    it("a duplicate code is a Conflict carrying the existing tax code; a used one cannot be deleted", async () => {
      const existing = nl.taxCodes.find((t) => t.code) as (typeof nl.taxCodes)[number];
      const clash = await mutate("createTaxCode", "CreateTaxCodeInput", TAX, {
        ...input,
        code: existing.code,
      });
      expect(clash).toMatchObject({
        __typename: "Conflict",
        upstreamType: "TAX_CODE_ALREADY_EXISTS",
        existing: { __typename: "TaxCode", taxCodeId: existing.id, taxCode: existing.code },
      });
      const used = nl.taxCodes.find((t) => nl.accountingEntries.some((e) => e.taxCodeId === t.id));
      const refused = await mutate("deleteTaxCode", "DeleteTaxCodeInput", "", {
        id: used?.id,
        companyId: NL,
      });
      expect(refused).toMatchObject({ __typename: "Conflict", upstreamType: "TAX_CODE_IN_USE" });
      expect(refused.message).toMatch(/archiveTaxCode/);
    });

    it("validates every field at once before anything is sent", async () => {
      const result = await mutate("createTaxCode", "CreateTaxCodeInput", TAX, {
        ...input,
        name: "",
        rate: 21,
        code: "x".repeat(300),
      });
      expect(result.__typename).toBe("ValidationFailed");
      expect(result.issues.map((i: Json) => i.path).sort()).toEqual([
        "input.code",
        "input.name",
        "input.rate",
      ]);
      expect(await writes("/v0/tax-codes")).toEqual([]);
    });
  });

  describe("tag groups and tags", () => {
    const GROUP = "... on TagGroupPayload { tagGroup { id tagGroupId code name archived metadata } }";
    const TAG = "... on TagPayload { tag { id tagId code name archived group { tagGroupId } } }";

    it("creates a group and tags, renames and archives them; reads see the changes", async () => {
      const group = await mutate("createTagGroup", "CreateTagGroupInput", GROUP, {
        companyId: NL,
        code: "PROJECT",
        name: "Projects",
        metadata: { owner: "finance" },
      });
      expect(group.tagGroup).toMatchObject({
        code: "PROJECT",
        archived: false,
        metadata: { owner: "finance" },
      });
      const tag = await mutate("createTag", "CreateTagInput", TAG, {
        tagGroupId: group.tagGroup.id,
        code: "P-100",
        name: "Launch",
      });
      expect(tag.tag).toMatchObject({
        code: "P-100",
        name: "Launch",
        group: { tagGroupId: group.tagGroup.tagGroupId },
      });
      const renamed = await mutate("updateTag", "UpdateTagInput", TAG, {
        id: tag.tag.id,
        name: "Launch 2027",
      });
      expect(renamed.tag).toMatchObject({ code: "P-100", name: "Launch 2027" });
      const second = await mutate("createTag", "CreateTagInput", TAG, {
        tagGroupId: group.tagGroup.tagGroupId,
        companyId: NL,
        code: "P-200",
      });
      const archived = await mutate(
        "archiveTags",
        "ArchiveTagsInput",
        "... on ArchiveTagsPayload { tags { tagId archived } }",
        { companyId: NL, tagIds: [tag.tag.id, second.tag.tagId] },
      );
      expect(archived.tags.map((t: Json) => t.archived)).toEqual([true, true]);
      const groupRenamed = await mutate("updateTagGroup", "UpdateTagGroupInput", GROUP, {
        id: group.tagGroup.id,
        name: "Projects 2027",
      });
      expect(groupRenamed.tagGroup).toMatchObject({
        code: "PROJECT",
        name: "Projects 2027",
        metadata: { owner: "finance" },
      });
      const groupArchived = await mutate("archiveTagGroup", "ArchiveTagGroupInput", GROUP, {
        id: group.tagGroup.id,
      });
      expect(groupArchived.tagGroup.archived).toBe(true);
      const read = await h.gql<Json>(
        `query($id: ID!) { node(id: $id) { ... on TagGroup { archived tags(includeArchived: true) { edges { node { code archived } } } } } }`,
        { headers: nlKey, variables: { id: group.tagGroup.id } },
      );
      expect(read.body.data.node.archived).toBe(true);
      expect(read.body.data.node.tags.edges.map((e: Json) => e.node)).toEqual([
        { code: "P-100", archived: true },
        { code: "P-200", archived: true },
      ]);
    });

    it("duplicate codes are Conflicts carrying the existing group or tag", async () => {
      const group = nl.tagGroups[0] as (typeof nl.tagGroups)[number];
      const clash = await mutate("createTagGroup", "CreateTagGroupInput", GROUP, {
        companyId: NL,
        code: group.code,
        name: "Again",
      });
      expect(clash).toMatchObject({
        __typename: "Conflict",
        existing: { __typename: "TagGroup", tagGroupId: group.id, groupCode: group.code },
      });
      const tag = nl.tags.find((t) => t.groupId === group.id) as (typeof nl.tags)[number];
      const tagClash = await mutate("createTag", "CreateTagInput", TAG, {
        tagGroupId: globalId("TagGroup", NL, group.id),
        code: tag.code,
      });
      expect(tagClash).toMatchObject({
        __typename: "Conflict",
        existing: { __typename: "Tag", tagId: tag.id },
      });
    });

    it("a tag group of another company is refused before anything is written", async () => {
      const deGroup = seededCompany("lcb-de").tagGroups[0]?.id;
      const result = await mutate(
        "createTag",
        "CreateTagInput",
        TAG,
        { tagGroupId: deGroup, companyId: NL, code: "X" },
        { "x-pleo-api-key": `${CREDENTIALS.nl.secret}, ${CREDENTIALS.de.secret}` },
      );
      expect(["AccessDenied", "NotFound"]).toContain(result.__typename);
      expect(await writes("/v0/tag")).toEqual([]);
    });
  });

  describe("vendors", () => {
    const VENDOR =
      "... on VendorPayload { vendor { id vendorId name state externalId code country defaultCurrency } }";
    const input = {
      companyId: NL,
      name: "Koffiebranderij Noord",
      defaultCurrency: "EUR",
      externalId: "CRED-77001",
      code: "77001",
      country: "NL",
    };

    it("creates a vendor (ACTIVE with an externalId, DRAFT without) and the vendor list shows it", async () => {
      const created = await mutate("createVendor", "CreateVendorInput", VENDOR, input);
      expect(created.vendor).toMatchObject({ name: input.name, state: "ACTIVE", externalId: "CRED-77001" });
      const draft = await mutate("createVendor", "CreateVendorInput", VENDOR, {
        companyId: NL,
        name: "Nieuwe leverancier",
        defaultCurrency: "EUR",
      });
      expect(draft.vendor.state).toBe("DRAFT");
      const read = await h.gql<Json>(
        `query($id: ID!) { company(id: $id) { vendors(filter: { externalIds: ["CRED-77001"] }) { totalCount edges { node { id } } } } }`,
        { headers: nlKey, variables: { id: NL } },
      );
      expect(read.body.data.company.vendors.edges).toEqual([{ node: { id: created.vendor.id } }]);
    });

    it("Pleo's 409 for an existing vendor is a Conflict carrying the existing vendor", async () => {
      const existing = nl.vendors.find((v) => v.externalId && v.code) as (typeof nl.vendors)[number];
      const byExternalId = await mutate("createVendor", "CreateVendorInput", VENDOR, {
        ...input,
        externalId: existing.externalId,
      });
      expect(byExternalId).toMatchObject({
        __typename: "Conflict",
        code: "CONFLICT",
        companyId: NL,
        upstreamType: "VENDOR_ALREADY_EXISTS",
        existing: { __typename: "Vendor", vendorId: existing.id, name: existing.name },
      });
      expect(byExternalId.existing.id).toBe(globalId("Vendor", NL, existing.id));
      const byCode = await mutate("createVendor", "CreateVendorInput", VENDOR, {
        ...input,
        code: existing.code,
      });
      expect(byCode.existing.vendorId).toBe(existing.id);
      expect(await writes("/v1/vendors")).toHaveLength(2);
    });

    it("updates with patch semantics, archives, and restores a vendor", async () => {
      const vendor = nl.vendors.find((v) => v.externalId && v.country) as (typeof nl.vendors)[number];
      const id = globalId("Vendor", NL, vendor.id);
      const updated = await mutate("updateVendor", "UpdateVendorInput", VENDOR, { id, name: "Renamed B.V." });
      expect(updated.vendor).toMatchObject({
        name: "Renamed B.V.",
        country: vendor.country,
        externalId: vendor.externalId,
        defaultCurrency: vendor.defaultCurrency,
      });
      const archived = await mutate(
        "archiveVendor",
        "ArchiveVendorInput",
        "... on ArchiveVendorPayload { vendorId vendor { state } }",
        { id },
      );
      expect(archived).toEqual({
        __typename: "ArchiveVendorPayload",
        vendorId: vendor.id,
        vendor: { state: "ARCHIVED" },
      });
      const restored = await mutate("updateVendor", "UpdateVendorInput", VENDOR, {
        id,
        state: "ACTIVE",
        country: null,
      });
      expect(restored.vendor).toMatchObject({ state: "ACTIVE", country: null });
    });

    it("a DRAFT vendor needs an externalId to be updated; a clash on update is a Conflict", async () => {
      const draft = await mutate("createVendor", "CreateVendorInput", VENDOR, {
        companyId: NL,
        name: "Draft",
        defaultCurrency: "EUR",
      });
      const refused = await mutate("updateVendor", "UpdateVendorInput", VENDOR, {
        id: draft.vendor.id,
        name: "x",
      });
      expect(refused).toMatchObject({
        __typename: "ValidationFailed",
        issues: [{ path: "input.externalId", code: "VALIDATION_FAILED" }],
      });
      const existing = nl.vendors.find((v) => v.externalId) as (typeof nl.vendors)[number];
      const clash = await mutate("updateVendor", "UpdateVendorInput", VENDOR, {
        id: draft.vendor.id,
        externalId: existing.externalId,
      });
      expect(clash).toMatchObject({ __typename: "Conflict", existing: { vendorId: existing.id } });
    });

    it("validates currency, country and lengths at once; unknown ids are NotFound", async () => {
      const result = await mutate("createVendor", "CreateVendorInput", VENDOR, {
        ...input,
        name: " ",
        defaultCurrency: "euro",
        country: "Holland",
        registrationNumber: "r".repeat(256),
      });
      expect(result.issues.map((i: Json) => i.path).sort()).toEqual([
        "input.country",
        "input.defaultCurrency",
        "input.name",
        "input.registrationNumber",
      ]);
      const missing = await mutate("archiveVendor", "ArchiveVendorInput", "", {
        id: "0b7c9d3e-1111-4222-8333-944455556666",
        companyId: NL,
      });
      expect(missing).toMatchObject({ __typename: "NotFound", companyId: NL });
    });
  });
});
