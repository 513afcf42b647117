import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { call, useSimulator } from "./helpers.ts";
import { must } from "./must.ts";

/** The simulator's read endpoints: tag groups, tags and vendors. */
const sim = useSimulator();
const nl = seededCompany("lcb-nl");
const de = seededCompany("lcb-de");
const be = seededCompany("lcb-be");
describe("Tag groups and tags", () => {
  it("lists tag groups unpaged, with optional tag counts", async () => {
    const res = await call(sim(), CREDENTIALS.de, "GET", "/v0/tag-groups", {
      query: { company_id: COMPANIES.de.id, include_tags_count: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.pagination).toBeUndefined();
    expect(res.body.data.map((g: { name: string }) => g.name).sort()).toEqual([
      "Abteilung",
      "Kostenstelle",
      "Projekt",
    ]);
    for (const group of res.body.data) {
      expect(group.totalTagsCount).toBe(de.tags.filter((t) => t.groupId === group.id).length);
    }
    const plain = await call(sim(), CREDENTIALS.de, "GET", "/v0/tag-groups", {
      query: { company_id: COMPANIES.de.id },
    });
    expect(plain.body.data[0].totalTagsCount).toBeUndefined();
  });

  it("needs company_id or organization_id, and accepts the caller's own organisation", async () => {
    expect((await call(sim(), CREDENTIALS.de, "GET", "/v0/tag-groups")).status).toBe(400);
    const byOrg = await call(sim(), CREDENTIALS.de, "GET", "/v0/tag-groups", {
      query: { organization_id: COMPANIES.de.organisationId },
    });
    expect(byOrg.body.data).toHaveLength(de.tagGroups.length);
  });

  it("gets a tag group and lists its tags, hiding archived ones unless asked", async () => {
    const group = must(nl.tagGroups[1], "NL project group");
    expect((await call(sim(), CREDENTIALS.nl, "GET", `/v0/tag-groups/${group.id}`)).body).toEqual({
      data: group,
    });
    const tags = nl.tags.filter((t) => t.groupId === group.id);
    const active = await call(sim(), CREDENTIALS.nl, "GET", `/v0/tag-groups/${group.id}/tags`);
    expect(active.body.data).toHaveLength(tags.filter((t) => !t.archived).length);
    const all = await call(sim(), CREDENTIALS.nl, "GET", `/v0/tag-groups/${group.id}/tags`, {
      query: { include_archived: true },
    });
    expect(all.body.data).toHaveLength(tags.length);
    expect(all.body.pagination.total).toBe(tags.length);
  });

  it("searches tags by group, id, text and archived state", async () => {
    const search = (body: unknown) =>
      call(sim(), CREDENTIALS.nl, "POST", "/v0/tags:search", {
        query: { company_id: COMPANIES.nl.id, limit: 100 },
        body,
      });
    const activeCount = nl.tags.filter((t) => !t.archived).length;
    expect((await search({})).body.data).toHaveLength(activeCount);
    expect((await search({ includeArchived: true })).body.data).toHaveLength(nl.tags.length);
    const archived = (await search({ archived: true, includeArchived: false })).body.data;
    expect(archived).toHaveLength(nl.tags.filter((t) => t.archived).length);
    const group = must(nl.tagGroups[0], "group");
    const inGroup = (await search({ tagGroupIds: [group.id] })).body.data;
    expect(inGroup.every((t: { groupId: string }) => t.groupId === group.id)).toBe(true);
    const tag = must(nl.tags[0], "tag");
    expect((await search({ tagIds: [tag.id] })).body.data).toEqual([tag]);
    expect((await search({ textSearch: "utrecht" })).body.data.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(["Nieuwe winkel Utrecht", "Winkel Utrecht"]),
    );
  });

  it("gets one tag", async () => {
    const tag = must(be.tags[0], "tag");
    expect((await call(sim(), CREDENTIALS.be, "GET", `/v0/tags/${tag.id}`)).body).toEqual({ data: tag });
  });
});

describe("Vendors", () => {
  const search = (body: unknown, query: Record<string, string | number> = {}) =>
    call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.nl.id, limit: 100, ...query },
      body,
    });

  it("requires company_id", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors:search", { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("company_id");
  });

  it("lists the company's vendors: mostly domestic, in the company currency, some foreign", async () => {
    const vendors = (await search({})).body.data as {
      country: string;
      defaultCurrency: string;
      state: string;
    }[];
    expect(vendors).toHaveLength(nl.vendors.length);
    expect(vendors.filter((v) => v.country === "NL").length).toBeGreaterThan(vendors.length / 2);
    expect(new Set(vendors.map((v) => v.defaultCurrency))).toEqual(new Set(["EUR", "USD", "GBP", "SEK"]));
    expect(new Set(vendors.map((v) => v.state))).toEqual(new Set(["DRAFT", "ACTIVE", "ARCHIVED"]));
  });

  it("filters by every VendorSearchRequestV1 field", async () => {
    const vendor = must(
      nl.vendors.find((v) => v.name === "KPN B.V."),
      "KPN",
    );
    expect((await search({ ids: [vendor.id] })).body.data).toEqual([vendor]);
    expect((await search({ codes: [vendor.code] })).body.data).toEqual([vendor]);
    expect((await search({ externalIds: [vendor.externalId] })).body.data).toEqual([vendor]);
    expect((await search({ taxRegistrationNumbers: [vendor.taxRegistrationNumber] })).body.data).toEqual([
      vendor,
    ]);
    expect((await search({ name: "kpn" })).body.data).toEqual([vendor]);
    const us = (await search({ countries: ["US"] })).body.data;
    expect(us.length).toBeGreaterThan(0);
    expect(us.every((v: { country: string }) => v.country === "US")).toBe(true);
    const drafts = (await search({ states: ["DRAFT"] })).body.data;
    expect(
      drafts.every((v: { state: string; externalId?: string }) => v.state === "DRAFT" && !v.externalId),
    ).toBe(true);
    expect((await search({ accountingSystems: ["exact_online"] })).body.data.length).toBe(
      nl.vendors.filter((v) => v.accountingSystem === "exact_online").length,
    );
    expect((await search({ accountingSystems: ["xero"] })).body.data).toEqual([]);
  });

  it("rejects more than 4 states or a bad country code", async () => {
    expect((await search({ states: ["DRAFT", "ACTIVE", "ARCHIVED", "DRAFT", "ACTIVE"] })).status).toBe(400);
    expect((await search({ countries: ["nl"] })).status).toBe(400);
  });

  it("gets one vendor", async () => {
    const vendor = must(de.vendors[0], "vendor");
    expect((await call(sim(), CREDENTIALS.de, "GET", `/v1/vendors/${vendor.id}`)).body).toEqual({
      data: vendor,
    });
  });
});
