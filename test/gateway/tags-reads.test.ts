import { describe, expect, it } from "vitest";
import { COMPANIES } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import { pageBackward, pageForward } from "../support/connection.ts";
import { typedDocument } from "../support/execute.ts";
import {
  GROUPS,
  type GroupTagsArgs,
  isTagCall,
  type TagConnection,
  type TagNode,
  useTagGroups,
} from "./tag-queries.ts";

/**
 * Tag groups and tags through the gateway: listing, archived filtering and search, cursor paging both
 * ways, and how tags of one query are batched into few upstream calls, each with its company's credential.
 */

const NL = COMPANIES.nl.id;
const DE = COMPANIES.de.id;

describe("tag groups and tags", () => {
  const { h, execute, groupByCode, groupTags, tagsOf } = useTagGroups();
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
