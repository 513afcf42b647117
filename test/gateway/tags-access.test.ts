import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { apiKeys, DE_KEY, NL_KEY } from "../support/auth-headers.ts";
import { typedDocument } from "../support/execute.ts";
import { ownedGlobalId, UNKNOWN_UUID } from "../support/ids.ts";
import { isTagCall, type TagConnection, useTagGroups } from "./tag-queries.ts";

/**
 * Tag groups and tags through the gateway: who may read them (credential per company, tag-groups:read),
 * and refusals of another company's ids and cursors, unknown and malformed ids.
 */

const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;

describe("tag groups and tags", () => {
  const { h, execute, groupByCode, groupTags, tagsOf } = useTagGroups();
  it("serves NL's tags to the nl-bookkeeper and refuses DE's without any request for DE", async () => {
    const { headers } = await h.persona("nl-bookkeeper");
    const response = await execute(
      typedDocument<{
        nl: { tagGroups: { code: string; tags: TagConnection }[] };
        de: { name: string; tagGroups: unknown; tag: unknown; tagGroup: unknown };
      }>(`query($nl: ID!, $de: ID!, $any: ID!) {
        nl: company(id: $nl) {
          tagGroups { code tags(first: 3) { edges { node { code group { code } } } } }
        }
        de: company(id: $de) { name tagGroups { code } tag(id: $any) { code } tagGroup(id: $any) { code } }
      }`),
      { nl: NL, de: DE, any: groupByCode("AFD").tagGroupId },
      { headers },
    );
    const nl = response.data?.nl;
    expect(nl?.tagGroups).toHaveLength(3);
    for (const group of nl?.tagGroups ?? []) {
      expect(group.tags.edges).toHaveLength(3);
      // Every tag's group resolves, from the one list call already made.
      for (const edge of group.tags.edges) expect(edge.node).toMatchObject({ group: { code: group.code } });
    }
    // DE's discovery fields resolve through the organisation key; its tag data does not.
    expect(response.data?.de).toEqual({
      name: COMPANIES.de.name,
      tagGroups: null,
      tag: null,
      tagGroup: null,
    });
    response.expectErrors(
      "NO_CREDENTIAL_FOR_COMPANY",
      "NO_CREDENTIAL_FOR_COMPANY",
      "NO_CREDENTIAL_FOR_COMPANY",
    );

    const log = await h.simRequests();
    expect(log.filter((r) => r.targetCompanyId === DE && !r.path.startsWith("/v1/companies"))).toEqual([]);
    const tagCalls = log.filter((r) => isTagCall(r.path));
    for (const call of tagCalls) {
      expect(call.credentialLabel).toBe(CREDENTIALS.nl.label);
      expect(call.targetCompanyId).toBe(NL);
    }
    // One group list for the whole query, one tag page per group.
    expect(tagCalls.filter((r) => r.path === "/v0/tag-groups")).toHaveLength(1);
    expect(tagCalls.filter((r) => /^\/v0\/tag-groups\/[^/]+\/tags$/.test(r.path))).toHaveLength(3);
    expect(tagCalls).toHaveLength(4);
  });

  it("needs tag-groups:read: MISSING_SCOPE and no upstream call otherwise", async () => {
    const afd = groupByCode("AFD");
    // NL's accounts-and-tax-codes key: a credential for NL, without tag-groups:read.
    const response = await execute(
      typedDocument(
        `query($nl: ID!, $g: ID!) { company(id: $nl) { name tagGroups { code } tagGroup(id: $g) { code } tag(id: $g) { code } } }`,
      ),
      { nl: NL, g: afd.tagGroupId },
      { headers: apiKeys(CREDENTIALS.nlReadOnlyAccounts) },
    );
    expect(response.data?.company).toEqual({
      name: COMPANIES.nl.name,
      tagGroups: null,
      tagGroup: null,
      tag: null,
    });
    response.expectErrors("MISSING_SCOPE", "MISSING_SCOPE", "MISSING_SCOPE");
    expect(response.errors[0]?.extensions).toMatchObject({ companyId: NL, scope: "tag-groups:read" });
    expect((await h.simRequests()).filter((r) => isTagCall(r.path))).toEqual([]);

    // BE's vendors-only key: the same refusal for BE.
    const be = await execute(
      typedDocument(`query($be: ID!) { company(id: $be) { tagGroups { code } } }`),
      { be: COMPANIES.be.id },
      { headers: apiKeys(CREDENTIALS.beVendorsOnly) },
    );
    be.expectErrors("MISSING_SCOPE");
    expect((await h.simRequests()).filter((r) => isTagCall(r.path))).toEqual([]);
  });

  it("refuses a DE tag's global ID under NL (FOREIGN_ID) and via node(id:) with only NL's key", async () => {
    const de = await execute(
      typedDocument<{
        company: { tagGroups: { id: string; tags: { edges: { node: { id: string; tagId: string } }[] } }[] };
      }>(
        `query($de: ID!) { company(id: $de) { tagGroups { id tags(first: 1) { edges { node { id tagId } } } } } }`,
      ),
      { de: DE },
      { headers: DE_KEY },
    );
    const deGroup = de.data?.company.tagGroups[0];
    const deTag = deGroup?.tags.edges[0]?.node;
    expect(deTag).toBeDefined();
    await h.resetSim();

    const viaNode = await execute(
      typedDocument(
        `query($t: ID!, $g: ID!) { t: node(id: $t) { id ... on Tag { code } } g: node(id: $g) { id } }`,
      ),
      { t: deTag?.id, g: deGroup?.id },
      { headers: NL_KEY },
    );
    expect(viaNode.data).toEqual({ t: null, g: null });
    viaNode.expectErrors("NO_CREDENTIAL_FOR_COMPANY", "NO_CREDENTIAL_FOR_COMPANY");

    const underNl = await execute(
      typedDocument(
        `query($nl: ID!, $t: ID!, $g: ID!) { company(id: $nl) { tag(id: $t) { code } tagGroup(id: $g) { code } } }`,
      ),
      { nl: NL, t: deTag?.id, g: deGroup?.id },
      { headers: NL_KEY },
    );
    underNl.expectErrors("FOREIGN_ID", "FOREIGN_ID");

    // A raw DE tag UUID under NL is searched for in NL's tags only, and is not there.
    const raw = await execute(
      typedDocument(`query($nl: ID!, $t: ID!) { company(id: $nl) { tag(id: $t) { code } } }`),
      { nl: NL, t: deTag?.tagId },
      { headers: NL_KEY },
    );
    raw.expectErrors("NOT_FOUND");

    const log = await h.simRequests();
    expect(log.filter((r) => r.targetCompanyId === DE)).toEqual([]);
    for (const call of log.filter((r) => isTagCall(r.path))) expect(call.credentialLabel).toBe("lcb-nl");

    // With NL's own key, an NL tag's global ID resolves through node(id:).
    const nlTag = tagsOf(await groupTags({ group: groupByCode("AFD").id, first: 1 })).edges[0]?.node;
    const own = await execute(
      typedDocument<{ node: { tagId: string; group: { code: string } } }>(
        `query($t: ID!) { node(id: $t) { ... on Tag { tagId group { code } } } }`,
      ),
      { t: nlTag?.id },
      { headers: NL_KEY },
    );
    expect(own.data?.node).toEqual({ tagId: nlTag?.tagId, group: { code: "AFD" } });
  });

  it("refuses a cursor of another company's or another group's tag list before calling Pleo", async () => {
    const admin = (await h.persona("group-admin")).headers;
    const nlPage = tagsOf(await groupTags({ group: groupByCode("AFD").id, first: 2 }, admin));
    const cursor = nlPage.pageInfo.endCursor;
    expect(cursor).toBeTruthy();
    const deGroups = await execute(
      typedDocument<{ company: { tagGroups: { id: string }[] } }>(
        `query($de: ID!) { company(id: $de) { tagGroups { id } } }`,
      ),
      { de: DE },
      { headers: admin },
    );
    const deGroup = deGroups.data?.company.tagGroups[0]?.id as string;
    await h.resetSim();

    const foreign = await groupTags({ company: DE, group: deGroup, first: 2, after: cursor }, admin);
    foreign.expectErrors("FOREIGN_CURSOR");
    const otherList = await groupTags({ group: groupByCode("PRJ").id, first: 2, after: cursor }, admin);
    otherList.expectErrors("FOREIGN_CURSOR");
    const tagPageCalls = (await h.simRequests()).filter((r) => /\/tags/.test(r.path));
    expect(tagPageCalls).toEqual([]);
  });

  it("reports unknown ids as NOT_FOUND and malformed ones as INVALID_ID", async () => {
    const unknown = UNKNOWN_UUID;
    const response = await execute(
      typedDocument(`query($nl: ID!, $u: ID!, $forged: ID!) {
        company(id: $nl) { tag(id: $u) { code } tagGroup(id: $u) { code } forged: tag(id: $forged) { code } }
      }`),
      { nl: NL, u: unknown, forged: ownedGlobalId("Tag", NL, "nope") },
      { headers: NL_KEY },
    );
    expect([...response.codes].sort()).toEqual(["INVALID_ID", "NOT_FOUND", "NOT_FOUND"]);
    const log = (await h.simRequests()).filter((r) => isTagCall(r.path));
    expect(log.map((r) => r.path).sort()).toEqual(["/v0/tag-groups", "/v0/tags:search"]);
  });
});
