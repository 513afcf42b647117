import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { call } from "./helpers.ts";
import { must } from "./must.ts";
import { FILES, useWritableSimulator } from "./spec-checked-writes.ts";

/**
 * The simulator's tax-code, tag-group, tag and vendor writes: each endpoint's success (checked against
 * Pleo's spec) and each documented failure. Writes persist until a reset, and reads see them.
 */
const { sim, write, search } = useWritableSimulator();
const nl = seededCompany("lcb-nl");
const de = seededCompany("lcb-de");
describe("tax codes", () => {
  const body = {
    companyId: COMPANIES.nl.id,
    name: "Hoog tarief export",
    rate: 0.21,
    type: "exclusive",
    archived: false,
    code: "NL-H-EXP",
  };

  it("creates, updates and deletes a tax code; reads see each change", async () => {
    const created = await write(FILES.taxCodes, "POST", "/v0/tax-codes", "/v0/tax-codes", { body });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ ...body, companyId: COMPANIES.nl.id });
    const id = created.body.data.id;
    const updated = await write(FILES.taxCodes, "PUT", "/v0/tax-codes/{taxCodeId}", `/v0/tax-codes/${id}`, {
      body: { ...body, archived: true, rate: 0.09 },
    });
    expect(updated.body.data).toMatchObject({ archived: true, rate: 0.09 });
    const listed = await search(
      "/v0/tax-codes:search",
      { company_id: COMPANIES.nl.id },
      { code: "NL-H-EXP" },
    );
    expect(listed.body.data).toEqual([updated.body.data]);
    expect((await call(sim(), CREDENTIALS.nl, "DELETE", `/v0/tax-codes/${id}`)).status).toBe(204);
    expect((await call(sim(), CREDENTIALS.nl, "GET", `/v0/tax-codes/${id}`)).status).toBe(404);
  });

  it("refuses a duplicate code (409), a bad rate (400) and deleting a tax code in use (409)", async () => {
    const existing = must(
      nl.taxCodes.find((t) => t.code),
      "tax code",
    );
    const dup = await call(sim(), CREDENTIALS.nl, "POST", "/v0/tax-codes", {
      body: { ...body, code: existing.code },
    });
    expect([dup.status, dup.body.type]).toEqual([409, "TAX_CODE_ALREADY_EXISTS"]);
    expect(
      (await call(sim(), CREDENTIALS.nl, "POST", "/v0/tax-codes", { body: { ...body, rate: 21 } })).status,
    ).toBe(400);
    const used = must(
      nl.taxCodes.find((t) => nl.accountingEntries.some((e) => e.taxCodeId === t.id)),
      "used tax code",
    );
    const refused = await call(sim(), CREDENTIALS.nl, "DELETE", `/v0/tax-codes/${used.id}`);
    expect([refused.status, refused.body.type]).toEqual([409, "TAX_CODE_IN_USE"]);
  });
});

describe("tag groups and tags", () => {
  it("creates a group and a tag in it, updates both and bulk-archives the tag", async () => {
    const group = await write(FILES.tagGroups, "POST", "/v0/tag-groups", "/v0/tag-groups", {
      query: { company_id: COMPANIES.nl.id },
      body: { code: "PROJ", name: "Projects", archived: false },
    });
    expect(group.status).toBe(201);
    expect(group.body.data).toMatchObject({ companyId: COMPANIES.nl.id, code: "PROJ", metadata: {} });
    const groupId = group.body.data.id;
    const tag = await write(
      FILES.tags,
      "POST",
      "/v0/tag-groups/{groupId}/tags",
      `/v0/tag-groups/${groupId}/tags`,
      {
        body: { code: "P-1", name: "Launch", archived: false },
      },
    );
    expect(tag.status).toBe(201);
    expect(tag.body.data).toMatchObject({ groupId, code: "P-1", name: "Launch", archived: false });
    const tagId = tag.body.data.id;

    const renamed = await write(
      FILES.tagGroups,
      "PUT",
      "/v0/tag-groups/{groupId}",
      `/v0/tag-groups/${groupId}`,
      {
        body: { code: "PROJ", name: "Projects 2027", archived: false, metadata: { owner: "finance" } },
      },
    );
    expect(renamed.body.data).toMatchObject({ name: "Projects 2027", metadata: { owner: "finance" } });
    const tagRenamed = await write(FILES.tags, "PUT", "/v0/tags/{tagId}", `/v0/tags/${tagId}`, {
      body: { code: "P-1", name: "Launch 2027", archived: false },
    });
    expect(tagRenamed.body.data.name).toBe("Launch 2027");

    const archived = await write(FILES.tags, "POST", "/v0/tags/archive", "/v0/tags/archive", {
      body: { companyId: COMPANIES.nl.id, tagIds: [tagId], archived: true },
    });
    expect(archived.body.data).toEqual([expect.objectContaining({ id: tagId, archived: true })]);
    const active = await call(sim(), CREDENTIALS.nl, "GET", `/v0/tag-groups/${groupId}/tags`);
    expect(active.body.data).toEqual([]);
  });

  it("refuses duplicate codes (409), another company's tags (404) and missing tags", async () => {
    const group = must(nl.tagGroups[0], "tag group");
    const dupGroup = await call(sim(), CREDENTIALS.nl, "POST", "/v0/tag-groups", {
      query: { company_id: COMPANIES.nl.id },
      body: { code: group.code, name: "Again", archived: false },
    });
    expect([dupGroup.status, dupGroup.body.type]).toEqual([409, "TAG_GROUP_ALREADY_EXISTS"]);
    const tag = must(
      nl.tags.find((t) => t.groupId === group.id),
      "tag",
    );
    const dupTag = await call(sim(), CREDENTIALS.nl, "POST", `/v0/tag-groups/${group.id}/tags`, {
      body: { code: tag.code, archived: false },
    });
    expect([dupTag.status, dupTag.body.type]).toEqual([409, "TAG_ALREADY_EXISTS"]);
    const deTag = must(de.tags[0], "DE tag");
    const foreign = await call(sim(), CREDENTIALS.nl, "POST", "/v0/tags/archive", {
      body: { companyId: COMPANIES.nl.id, tagIds: [deTag.id], archived: true },
    });
    expect(foreign.status).toBe(404);
    expect((await call(sim(), CREDENTIALS.de, "GET", `/v0/tags/${deTag.id}`)).body.data.archived).toBe(
      deTag.archived,
    );
  });
});

describe("vendors", () => {
  const body = {
    companyId: COMPANIES.nl.id,
    name: "Koffiebranderij Noord",
    defaultCurrency: "EUR",
    externalId: "CRED-77001",
    code: "77001",
    country: "NL",
  };

  it("creates an active vendor when it has an external id, updates and archives it", async () => {
    const created = await write(FILES.vendors, "POST", "/v1/vendors", "/v1/vendors", { body });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ ...body, state: "ACTIVE" });
    const id = created.body.data.id;
    const updated = await write(FILES.vendors, "PUT", "/v1/vendors/{id}", `/v1/vendors/${id}`, {
      body: { ...body, name: "Koffiebranderij Noord B.V.", state: "ACTIVE" },
    });
    expect(updated.body.data).toMatchObject({
      id,
      name: "Koffiebranderij Noord B.V.",
      createdAt: created.body.data.createdAt,
    });
    const archived = await call(sim(), CREDENTIALS.nl, "POST", `/v1/vendors/${id}:archive`);
    expect(archived.status).toBe(204);
    expect((await call(sim(), CREDENTIALS.nl, "GET", `/v1/vendors/${id}`)).body.data.state).toBe("ARCHIVED");
    const draft = await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors", {
      body: { companyId: COMPANIES.nl.id, name: "Nieuw", defaultCurrency: "EUR" },
    });
    expect(draft.body.data.state).toBe("DRAFT");
  });

  it("answers 409 when a vendor with the same externalId or code exists in that company only", async () => {
    const existing = must(
      nl.vendors.find((v) => v.externalId && v.code),
      "vendor with ids",
    );
    const sameExternal = await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors", {
      body: { ...body, externalId: existing.externalId },
    });
    expect([sameExternal.status, sameExternal.body.type]).toEqual([409, "VENDOR_ALREADY_EXISTS"]);
    const sameCode = await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors", {
      body: { ...body, code: existing.code },
    });
    expect(sameCode.status).toBe(409);
    // The same identifiers in another company are another vendor.
    const inDe = await call(sim(), CREDENTIALS.de, "POST", "/v1/vendors", {
      body: { ...body, companyId: COMPANIES.de.id, externalId: existing.externalId, code: existing.code },
    });
    expect(inDe.status).toBe(201);
  });

  it("validates currencies and countries (400)", async () => {
    const bad = await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors", {
      body: { ...body, defaultCurrency: "euro", country: "Netherlands" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/defaultCurrency/);
    expect(bad.body.message).toMatch(/country/);
  });
});
