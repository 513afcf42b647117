import { describe, expect, it } from "vitest";
import { seededCompany } from "../../src/simulator/index.ts";
import { CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { apiKeys, NL_KEY } from "../support/auth-headers.ts";
import { ownedGlobalId } from "../support/ids.ts";
import { NL, nl, useMasterDataMutations } from "./master-data-mutations.ts";
import type { Json } from "./run-mutation.ts";

/**
 * Tax-code, tag-group and tag mutations through the gateway, against the simulator: each mutation's
 * success (and that reads see it), and each typed error it can produce.
 */
describe("master-data mutations", () => {
  const { h, mutate, writes } = useMasterDataMutations();
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
          headers: NL_KEY,
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
        { headers: NL_KEY, variables: { id: group.tagGroup.id } },
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
        tagGroupId: ownedGlobalId("TagGroup", NL, group.id),
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
        apiKeys(CREDENTIALS.nl, CREDENTIALS.de),
      );
      expect(["AccessDenied", "NotFound"]).toContain(result.__typename);
      expect(await writes("/v0/tag")).toEqual([]);
    });
  });
});
