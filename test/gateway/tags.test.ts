import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { codes, type Harness, startHarness } from "../support/harness.ts";

const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;
const nlKey = { "x-pleo-api-key": CREDENTIALS.nl.secret };
const deKey = { "x-pleo-api-key": CREDENTIALS.de.secret };

interface TagNode {
  id: string;
  tagId: string;
  code: string;
  name: string | null;
  archived: boolean;
  group: { code: string } | null;
}
interface TagConnection {
  totalCount: number | null;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: TagNode }[];
}
interface GroupNode {
  id: string;
  tagGroupId: string;
  code: string;
  name: string;
  archived: boolean;
  totalTagsCount: number | null;
  metadata: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

const GROUPS = /* GraphQL */ `
  query Groups($id: ID!, $archived: Boolean) {
    company(id: $id) {
      tagGroups(includeArchived: $archived) {
        id tagGroupId code name archived totalTagsCount metadata createdAt updatedAt
      }
    }
  }
`;

const GROUP_TAGS = /* GraphQL */ `
  query GroupTags($company: ID!, $group: ID!, $first: Int, $after: String, $last: Int, $before: String,
                  $archived: Boolean, $search: String) {
    company(id: $company) {
      tagGroup(id: $group) {
        code
        tags(first: $first, after: $after, last: $last, before: $before, includeArchived: $archived, search: $search) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { id tagId code name archived group { code } } }
        }
      }
    }
  }
`;

/** `/v0/...` requests: everything the tag resources send to Pleo. */
const isTagCall = (path: string) => path.startsWith("/v0/tag");

describe("tag groups and tags", () => {
  let h: Harness;
  let nlGroups: GroupNode[] = [];
  const groupByCode = (code: string) => {
    const group = nlGroups.find((g) => g.code === code);
    if (!group) throw new Error(`no NL tag group ${code}`);
    return group;
  };

  const groupTags = async (
    variables: {
      group: string;
      company?: string;
      first?: number;
      after?: string | null;
      last?: number;
      before?: string | null;
      archived?: boolean;
      search?: string;
    },
    headers: Record<string, string> = nlKey,
  ) =>
    h.gql<{ company: { tagGroup: { code: string; tags: TagConnection | null } | null } }>(GROUP_TAGS, {
      headers,
      variables: { company: NL, ...variables },
    });
  const tagsOf = (response: Awaited<ReturnType<typeof groupTags>>): TagConnection => {
    const tags = response.body.data?.company.tagGroup?.tags;
    if (!tags) throw new Error(JSON.stringify(response.body.errors));
    return tags;
  };

  beforeAll(async () => {
    h = await startHarness();
    const response = await h.gql<{ company: { tagGroups: GroupNode[] } }>(GROUPS, {
      headers: nlKey,
      variables: { id: NL, archived: true },
    });
    nlGroups = response.body.data?.company.tagGroups ?? [];
    expect(nlGroups.map((g) => g.code).sort()).toEqual(["AFD", "KPL", "PRJ"]);
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetSim());

  it("lists a company's tag groups with one unpaged call, archived ones only on request", async () => {
    const response = await h.gql<{ company: { tagGroups: GroupNode[] } }>(GROUPS, {
      headers: nlKey,
      variables: { id: NL },
    });
    expect(response.body.errors).toBeUndefined();
    const groups = response.body.data?.company.tagGroups ?? [];
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => !g.archived)).toBe(true);
    const afd = groups.find((g) => g.code === "AFD");
    expect(afd).toMatchObject({ name: "Afdeling", archived: false });
    expect(afd?.totalTagsCount).toBeGreaterThan(0);
    expect(afd?.metadata).toMatchObject({ externalDimension: "afd" });
    expect(afd?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const log = (await h.simRequests()).filter((r) => isTagCall(r.path));
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v0/tag-groups"]);
    expect(log[0]?.query).toMatchObject({ company_id: [NL], include_archived: ["true"] });
  });

  it("serves NL's tags to the nl-bookkeeper and refuses DE's without any request for DE", async () => {
    const { headers } = await h.persona("nl-bookkeeper");
    const response = await h.gql<{
      nl: { tagGroups: { code: string; tags: TagConnection }[] };
      de: { name: string; tagGroups: unknown; tag: unknown; tagGroup: unknown };
    }>(
      `query($nl: ID!, $de: ID!, $any: ID!) {
        nl: company(id: $nl) {
          tagGroups { code tags(first: 3) { edges { node { code group { code } } } } }
        }
        de: company(id: $de) { name tagGroups { code } tag(id: $any) { code } tagGroup(id: $any) { code } }
      }`,
      { headers, variables: { nl: NL, de: DE, any: groupByCode("AFD").tagGroupId } },
    );
    const nl = response.body.data?.nl;
    expect(nl?.tagGroups).toHaveLength(3);
    for (const group of nl?.tagGroups ?? []) {
      expect(group.tags.edges).toHaveLength(3);
      // Every tag's group resolves, from the one list call already made.
      for (const edge of group.tags.edges) expect(edge.node).toMatchObject({ group: { code: group.code } });
    }
    // DE's discovery fields resolve through the organisation key; its tag data does not.
    expect(response.body.data?.de).toEqual({
      name: COMPANIES.de.name,
      tagGroups: null,
      tag: null,
      tagGroup: null,
    });
    expect(codes(response)).toEqual([
      "NO_CREDENTIAL_FOR_COMPANY",
      "NO_CREDENTIAL_FOR_COMPANY",
      "NO_CREDENTIAL_FOR_COMPANY",
    ]);

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
    const response = await h.gql(
      `query($nl: ID!, $g: ID!) { company(id: $nl) { name tagGroups { code } tagGroup(id: $g) { code } tag(id: $g) { code } } }`,
      {
        headers: { "x-pleo-api-key": CREDENTIALS.nlReadOnlyAccounts.secret },
        variables: { nl: NL, g: afd.tagGroupId },
      },
    );
    expect(response.body.data?.company).toEqual({
      name: COMPANIES.nl.name,
      tagGroups: null,
      tagGroup: null,
      tag: null,
    });
    expect(codes(response)).toEqual(["MISSING_SCOPE", "MISSING_SCOPE", "MISSING_SCOPE"]);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ companyId: NL, scope: "tag-groups:read" });
    expect((await h.simRequests()).filter((r) => isTagCall(r.path))).toEqual([]);

    // BE's vendors-only key: the same refusal for BE.
    const be = await h.gql(`query($be: ID!) { company(id: $be) { tagGroups { code } } }`, {
      headers: { "x-pleo-api-key": CREDENTIALS.beVendorsOnly.secret },
      variables: { be: COMPANIES.be.id },
    });
    expect(codes(be)).toEqual(["MISSING_SCOPE"]);
    expect((await h.simRequests()).filter((r) => isTagCall(r.path))).toEqual([]);
  });

  it("filters archived tags unless asked, and searches a group's tags by name", async () => {
    const kpl = groupByCode("KPL").id;
    const active = tagsOf(await groupTags({ group: kpl, first: 100 }));
    const all = tagsOf(await groupTags({ group: kpl, first: 100, archived: true }));
    expect(active.edges.every((e) => !e.node.archived)).toBe(true);
    expect(all.edges.some((e) => e.node.archived)).toBe(true);
    expect(all.edges.length).toBe(active.edges.length + all.edges.filter((e) => e.node.archived).length);

    await h.resetSim();
    const found = tagsOf(await groupTags({ group: kpl, first: 100, search: "Winkel" }));
    expect(found.edges.length).toBeGreaterThan(0);
    for (const edge of found.edges) {
      expect(edge.node.name).toMatch(/winkel/i);
      expect(edge.node.archived).toBe(false);
      expect(edge.node.group?.code).toBe("KPL");
    }
    const search = (await h.simRequests()).filter((r) => r.path === "/v0/tags:search");
    expect(search).toHaveLength(1);
    expect(search[0]?.query).toMatchObject({ company_id: [NL] });

    const invalid = await groupTags({ group: kpl, first: 5, search: "" });
    expect(codes(invalid)).toEqual(["VALIDATION_FAILED"]);
  });

  it("pages a group's tags forwards and backwards with no gaps or repeats", async () => {
    const prj = groupByCode("PRJ").id;
    const full = tagsOf(await groupTags({ group: prj, first: 100, archived: true }));
    const all = full.edges.map((e) => e.node.tagId);
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(new Set(all).size).toBe(all.length);

    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page = tagsOf(await groupTags({ group: prj, first: 3, after, archived: true }));
      forward.push(...page.edges.map((e) => e.node.tagId));
      expect(page.pageInfo.hasPreviousPage).toBe(i > 0);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);

    const backward: string[] = [all[all.length - 1] as string];
    let before: string | null = full.edges[full.edges.length - 1]?.cursor ?? null;
    for (let i = 0; i < 20; i++) {
      const page = tagsOf(await groupTags({ group: prj, last: 4, before, archived: true }));
      backward.unshift(...page.edges.map((e) => e.node.tagId));
      expect(page.pageInfo.hasNextPage).toBe(true);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);
  });

  it("refuses a DE tag's global ID under NL (FOREIGN_ID) and via node(id:) with only NL's key", async () => {
    const de = await h.gql<{
      company: { tagGroups: { id: string; tags: { edges: { node: { id: string; tagId: string } }[] } }[] };
    }>(
      `query($de: ID!) { company(id: $de) { tagGroups { id tags(first: 1) { edges { node { id tagId } } } } } }`,
      {
        headers: deKey,
        variables: { de: DE },
      },
    );
    const deGroup = de.body.data?.company.tagGroups[0];
    const deTag = deGroup?.tags.edges[0]?.node;
    expect(deTag).toBeDefined();
    await h.resetSim();

    const viaNode = await h.gql(
      `query($t: ID!, $g: ID!) { t: node(id: $t) { id ... on Tag { code } } g: node(id: $g) { id } }`,
      { headers: nlKey, variables: { t: deTag?.id, g: deGroup?.id } },
    );
    expect(viaNode.body.data).toEqual({ t: null, g: null });
    expect(codes(viaNode)).toEqual(["NO_CREDENTIAL_FOR_COMPANY", "NO_CREDENTIAL_FOR_COMPANY"]);

    const underNl = await h.gql(
      `query($nl: ID!, $t: ID!, $g: ID!) { company(id: $nl) { tag(id: $t) { code } tagGroup(id: $g) { code } } }`,
      { headers: nlKey, variables: { nl: NL, t: deTag?.id, g: deGroup?.id } },
    );
    expect(codes(underNl)).toEqual(["FOREIGN_ID", "FOREIGN_ID"]);

    // A raw DE tag UUID under NL is searched for in NL's tags only, and is not there.
    const raw = await h.gql(`query($nl: ID!, $t: ID!) { company(id: $nl) { tag(id: $t) { code } } }`, {
      headers: nlKey,
      variables: { nl: NL, t: deTag?.tagId },
    });
    expect(codes(raw)).toEqual(["NOT_FOUND"]);

    const log = await h.simRequests();
    expect(log.filter((r) => r.targetCompanyId === DE)).toEqual([]);
    for (const call of log.filter((r) => isTagCall(r.path))) expect(call.credentialLabel).toBe("lcb-nl");

    // With NL's own key, an NL tag's global ID resolves through node(id:).
    const nlTag = tagsOf(await groupTags({ group: groupByCode("AFD").id, first: 1 })).edges[0]?.node;
    const own = await h.gql<{ node: { tagId: string; group: { code: string } } }>(
      `query($t: ID!) { node(id: $t) { ... on Tag { tagId group { code } } } }`,
      { headers: nlKey, variables: { t: nlTag?.id } },
    );
    expect(own.body.data?.node).toEqual({ tagId: nlTag?.tagId, group: { code: "AFD" } });
  });

  it("refuses a cursor of another company's or another group's tag list before calling Pleo", async () => {
    const admin = (await h.persona("group-admin")).headers;
    const nlPage = tagsOf(await groupTags({ group: groupByCode("AFD").id, first: 2 }, admin));
    const cursor = nlPage.pageInfo.endCursor;
    expect(cursor).toBeTruthy();
    const deGroups = await h.gql<{ company: { tagGroups: { id: string }[] } }>(
      `query($de: ID!) { company(id: $de) { tagGroups { id } } }`,
      { headers: admin, variables: { de: DE } },
    );
    const deGroup = deGroups.body.data?.company.tagGroups[0]?.id as string;
    await h.resetSim();

    const foreign = await groupTags({ company: DE, group: deGroup, first: 2, after: cursor }, admin);
    expect(codes(foreign)).toEqual(["FOREIGN_CURSOR"]);
    const otherList = await groupTags({ group: groupByCode("PRJ").id, first: 2, after: cursor }, admin);
    expect(codes(otherList)).toEqual(["FOREIGN_CURSOR"]);
    const tagPageCalls = (await h.simRequests()).filter((r) => /\/tags/.test(r.path));
    expect(tagPageCalls).toEqual([]);
  });

  it("reports unknown ids as NOT_FOUND and malformed ones as INVALID_ID", async () => {
    const unknown = "00000000-0000-4000-8000-000000000001";
    const response = await h.gql(
      `query($nl: ID!, $u: ID!, $forged: ID!) {
        company(id: $nl) { tag(id: $u) { code } tagGroup(id: $u) { code } forged: tag(id: $forged) { code } }
      }`,
      { headers: nlKey, variables: { nl: NL, u: unknown, forged: encodeGlobalID("Tag", `${NL}:nope`) } },
    );
    expect(codes(response).sort()).toEqual(["INVALID_ID", "NOT_FOUND", "NOT_FOUND"]);
    const log = (await h.simRequests()).filter((r) => isTagCall(r.path));
    expect(log.map((r) => r.path).sort()).toEqual(["/v0/tag-groups", "/v0/tags:search"]);
  });

  it("batches N tags of a query into one tags:search plus one tag-group list per company", async () => {
    const all = await h.gql<{ company: { tagGroups: { tags: TagConnection }[] } }>(
      `query($nl: ID!) { company(id: $nl) { tagGroups { tags(first: 100, includeArchived: true) { edges { node { id tagId code group { code } } } } } } }`,
      { headers: nlKey, variables: { nl: NL } },
    );
    const tags = (all.body.data?.company.tagGroups ?? []).flatMap((g) => g.tags.edges.map((e) => e.node));
    expect(tags.length).toBeGreaterThanOrEqual(20);
    const picked = tags.slice(0, 20);
    await h.resetSim();

    // 20 tags by raw id and by global id under Company, and through node(id:): one search.
    const aliases = picked
      .map((t, i) => `t${i}: tag(id: "${i % 2 ? t.tagId : t.id}") { tagId code archived group { code } }`)
      .join("\n");
    const response = await h.gql<{ company: Record<string, TagNode> }>(
      `query($nl: ID!) { company(id: $nl) { ${aliases} } }`,
      { headers: nlKey, variables: { nl: NL } },
    );
    expect(response.body.errors).toBeUndefined();
    const got = Object.values(response.body.data?.company ?? {});
    expect(got.map((t) => t.tagId)).toEqual(picked.map((t) => t.tagId));
    expect(got.map((t) => t.group?.code)).toEqual(picked.map((t) => t.group?.code));
    let log = (await h.simRequests()).filter((r) => isTagCall(r.path));
    expect(log.filter((r) => r.path === "/v0/tags:search")).toHaveLength(1);
    expect(log.filter((r) => r.path === "/v0/tag-groups")).toHaveLength(1);
    expect(log).toHaveLength(2);
    expect(log.find((r) => r.path === "/v0/tags:search")?.query).toMatchObject({ company_id: [NL] });

    await h.resetSim();
    const nodes = picked.map((t, i) => `n${i}: node(id: "${t.id}") { ... on Tag { code group { code } } }`);
    const viaNode = await h.gql(`{ ${nodes.join("\n")} }`, { headers: nlKey });
    expect(viaNode.body.errors).toBeUndefined();
    log = (await h.simRequests()).filter((r) => isTagCall(r.path));
    expect(log.map((r) => r.path).sort()).toEqual(["/v0/tag-groups", "/v0/tags:search"]);
  });

  it("fetches each company's tags with that company's own credential when one query spans companies", async () => {
    const admin = (await h.persona("group-admin")).headers;
    const response = await h.gql<{ nl: { tagGroups: unknown[] }; de: { tagGroups: unknown[] } }>(
      `query($nl: ID!, $de: ID!) {
        nl: company(id: $nl) { tagGroups { code tags(first: 2) { edges { node { code group { code } } } } } }
        de: company(id: $de) { tagGroups { code tags(first: 2) { edges { node { code group { code } } } } } }
      }`,
      { headers: admin, variables: { nl: NL, de: DE } },
    );
    expect(response.body.errors).toBeUndefined();
    const log = (await h.simRequests()).filter((r) => isTagCall(r.path));
    expect(log.filter((r) => r.path === "/v0/tag-groups")).toHaveLength(2);
    for (const call of log) {
      expect(call.credentialSubject).toEqual({ type: "company", id: call.targetCompanyId });
    }
    expect(new Set(log.map((r) => r.targetCompanyId))).toEqual(new Set([NL, DE]));
  });
});
