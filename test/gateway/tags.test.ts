import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { apiKeys, DE_KEY, NL_KEY } from "../support/auth-headers.ts";
import { type Connection, pageBackward, pageForward } from "../support/connection.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { ownedGlobalId, UNKNOWN_UUID } from "../support/ids.ts";
import { useHarness } from "../support/use-harness.ts";

const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;

interface TagNode {
  id: string;
  tagId: string;
  code: string;
  name: string | null;
  archived: boolean;
  group: { code: string } | null;
}
type TagConnection = Connection<TagNode>;
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

const GROUPS = typedDocument<{ company: { tagGroups: GroupNode[] } }, { id: string; archived?: boolean }>(`
  query Groups($id: ID!, $archived: Boolean) {
    company(id: $id) {
      tagGroups(includeArchived: $archived) {
        id tagGroupId code name archived totalTagsCount metadata createdAt updatedAt
      }
    }
  }
`);

interface GroupTagsArgs {
  group: string;
  company?: string;
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
  archived?: boolean;
  search?: string;
}

const GROUP_TAGS = typedDocument<
  { company: { tagGroup: { code: string; tags: TagConnection | null } | null } },
  GroupTagsArgs
>(`
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
`);

/** `/v0/...` requests: everything the tag resources send to Pleo. */
const isTagCall = (path: string) => path.startsWith("/v0/tag");

describe("tag groups and tags", () => {
  const h = useHarness();
  const execute = executor(h);
  let nlGroups: GroupNode[] = [];
  const groupByCode = (code: string) => {
    const group = nlGroups.find((g) => g.code === code);
    if (!group) throw new Error(`no NL tag group ${code}`);
    return group;
  };

  const groupTags = (variables: GroupTagsArgs, headers: Record<string, string> = NL_KEY) =>
    execute(GROUP_TAGS, { company: NL, ...variables }, { headers });
  const tagsOf = (response: Awaited<ReturnType<typeof groupTags>>): TagConnection => {
    const tags = response.expectData().company.tagGroup?.tags;
    if (!tags) throw new Error(`tags missing from a data answer\n${response.describe()}`);
    return tags;
  };

  beforeAll(async () => {
    const response = await execute(GROUPS, { id: NL, archived: true }, { headers: NL_KEY });
    nlGroups = response.data?.company.tagGroups ?? [];
    expect(nlGroups.map((g) => g.code).sort()).toEqual(["AFD", "KPL", "PRJ"]);
  });
  beforeEach(() => h.resetSim());

  it("lists a company's tag groups with one unpaged call, archived ones only on request", async () => {
    const response = await execute(GROUPS, { id: NL }, { headers: NL_KEY });
    const groups = response.expectData().company.tagGroups ?? [];
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
    invalid.expectErrors("VALIDATION_FAILED");
  });

  it("pages a group's tags forwards and backwards with no gaps or repeats", async () => {
    const prj = groupByCode("PRJ").id;
    const full = tagsOf(await groupTags({ group: prj, first: 100, archived: true }));
    const all = full.edges.map((e) => e.node.tagId);
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(new Set(all).size).toBe(all.length);

    const tagIds = (edges: readonly { node: TagNode }[]) => edges.map((e) => e.node.tagId);
    const tags = async (args: Omit<GroupTagsArgs, "group">) =>
      tagsOf(await groupTags({ group: prj, archived: true, ...args }));
    expect(tagIds(await pageForward(tags, 3))).toEqual(all);
    const before = full.edges.at(-1)?.cursor as string;
    expect(tagIds(await pageBackward(tags, 4, before))).toEqual(all.slice(0, -1));
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

  it("batches N tags of a query into one tags:search plus one tag-group list per company", async () => {
    const all = await execute(
      typedDocument<{ company: { tagGroups: { tags: TagConnection }[] } }>(
        `query($nl: ID!) { company(id: $nl) { tagGroups { tags(first: 100, includeArchived: true) { edges { node { id tagId code group { code } } } } } } }`,
      ),
      { nl: NL },
      { headers: NL_KEY },
    );
    const tags = (all.data?.company.tagGroups ?? []).flatMap((g) => g.tags.edges.map((e) => e.node));
    expect(tags.length).toBeGreaterThanOrEqual(20);
    const picked = tags.slice(0, 20);
    await h.resetSim();

    // 20 tags by raw id and by global id under Company, and through node(id:): one search.
    const aliases = picked
      .map((t, i) => `t${i}: tag(id: "${i % 2 ? t.tagId : t.id}") { tagId code archived group { code } }`)
      .join("\n");
    const response = await execute(
      typedDocument<{ company: Record<string, TagNode> }>(
        `query($nl: ID!) { company(id: $nl) { ${aliases} } }`,
      ),
      { nl: NL },
      { headers: NL_KEY },
    );
    response.expectData();
    const got = Object.values(response.data?.company ?? {});
    expect(got.map((t) => t.tagId)).toEqual(picked.map((t) => t.tagId));
    expect(got.map((t) => t.group?.code)).toEqual(picked.map((t) => t.group?.code));
    let log = (await h.simRequests()).filter((r) => isTagCall(r.path));
    expect(log.filter((r) => r.path === "/v0/tags:search")).toHaveLength(1);
    expect(log.filter((r) => r.path === "/v0/tag-groups")).toHaveLength(1);
    expect(log).toHaveLength(2);
    expect(log.find((r) => r.path === "/v0/tags:search")?.query).toMatchObject({ company_id: [NL] });

    await h.resetSim();
    const nodes = picked.map((t, i) => `n${i}: node(id: "${t.id}") { ... on Tag { code group { code } } }`);
    const viaNode = await execute(typedDocument(`{ ${nodes.join("\n")} }`), {}, { headers: NL_KEY });
    viaNode.expectData();
    log = (await h.simRequests()).filter((r) => isTagCall(r.path));
    expect(log.map((r) => r.path).sort()).toEqual(["/v0/tag-groups", "/v0/tags:search"]);
  });

  it("fetches each company's tags with that company's own credential when one query spans companies", async () => {
    const admin = (await h.persona("group-admin")).headers;
    const response = await execute(
      typedDocument<{
        nl: { tagGroups: unknown[] };
        de: { tagGroups: unknown[] };
      }>(`query($nl: ID!, $de: ID!) {
        nl: company(id: $nl) { tagGroups { code tags(first: 2) { edges { node { code group { code } } } } } }
        de: company(id: $de) { tagGroups { code tags(first: 2) { edges { node { code group { code } } } } } }
      }`),
      { nl: NL, de: DE },
      { headers: admin },
    );
    response.expectData();
    const log = (await h.simRequests()).filter((r) => isTagCall(r.path));
    expect(log.filter((r) => r.path === "/v0/tag-groups")).toHaveLength(2);
    for (const call of log) {
      expect(call.credentialSubject).toEqual({ type: "company", id: call.targetCompanyId });
    }
    expect(new Set(log.map((r) => r.targetCompanyId))).toEqual(new Set([NL, DE]));
  });
});
