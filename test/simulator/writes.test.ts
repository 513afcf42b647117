import { beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, type SimCredential, seededCompany } from "../../src/simulator/index.ts";
import {
  declaredResponse,
  describeErrors,
  requestBodySchema,
  specsAvailable,
  validatorFor,
} from "../contract/openapi.ts";
import { type CallOptions, type CallResult, call, type Json, useSimulator } from "./helpers.ts";

/**
 * The simulator's master-data writes: each endpoint's success (validated against the response schema of
 * Pleo's spec, with the request body validated against the request schema) and each documented failure.
 * Writes persist until a reset, and reads see them.
 */
const sim = useSimulator();
const nl = seededCompany("lcb-nl");
const de = seededCompany("lcb-de");

const FILES = {
  accounts: "pleo-accounts-api-openapi.yml",
  taxCodes: "pleo-tax-codes-api-openapi.yml",
  tagGroups: "pleo-tag-groups-api-openapi.yml",
  tags: "pleo-tags-api-openapi.yml",
  vendors: "pleo-external-vendors-api-openapi.yml",
} as const;

beforeEach(() => sim().reset());

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed has no ${what}`);
  return value;
}

/** Sends a write as NL (unless told otherwise) and checks request and response against the spec. */
async function write(
  file: string,
  method: "POST" | "PUT" | "DELETE",
  template: string,
  path: string,
  options: CallOptions & {
    as?: SimCredential;
    /**
     * The body breaks the spec on purpose (per-item failures of a batch); the response then echoes the
     * offending items, so it is not checked against the schema either.
     */
    invalidRequest?: boolean;
  } = {},
): Promise<CallResult> {
  const res = await call(sim(), options.as ?? CREDENTIALS.nl, method, path, options);
  if (specsAvailable) {
    const requestSchema = requestBodySchema(file, method, template);
    if (requestSchema && options.body !== undefined && !options.invalidRequest) {
      const validate = validatorFor(file, requestSchema);
      expect(validate(options.body), describeErrors(validate)).toBe(true);
    }
    const declared = declaredResponse(file, method, template, res.status);
    if (declared && res.body !== undefined && !options.invalidRequest) {
      const validate = validatorFor(file, declared.schema);
      expect(validate(res.body), describeErrors(validate)).toBe(true);
    }
  }
  return res;
}

const search = (path: string, query: Record<string, string>, body: Json = {}) =>
  call(sim(), CREDENTIALS.nl, "POST", path, { query: { ...query, limit: "100" }, body });

describe("chart of accounts", () => {
  const create = (body: Json, as: SimCredential = CREDENTIALS.nl) =>
    write(FILES.accounts, "POST", "/v1/chart-of-accounts", "/v1/chart-of-accounts", { body, as });

  it("creates an account (201), then a search finds it", async () => {
    const res = await create({
      companyId: COMPANIES.nl.id,
      externalId: "ERP-9000",
      name: "Kantoorbenodigdheden",
      code: "9000",
      archived: false,
      metadata: { erp: { ledger: "main" } },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.body.data).toMatchObject({ companyId: COMPANIES.nl.id, externalId: "ERP-9000", code: "9000" });
    const found = await search(
      "/v1/chart-of-accounts:search",
      {},
      { companyId: COMPANIES.nl.id, externalId: "ERP-9000" },
    );
    expect(found.body.data).toEqual([res.body.data]);
  });

  it("answers 200 with the existing account for an identical request, 409 for a different one", async () => {
    const existing = must(nl.accounts[0], "account");
    const same = {
      companyId: COMPANIES.nl.id,
      externalId: existing.externalId,
      name: existing.name,
      archived: existing.archived,
      code: existing.code ?? null,
      taxCodeExternalId: existing.taxCodeExternalId ?? null,
      metadata: existing.metadata ?? null,
    };
    const matched = await create(same);
    expect(matched.status).toBe(200);
    expect(matched.body.data).toEqual(existing);
    const clash = await create({ ...same, name: "Something else" });
    expect(clash.status).toBe(409);
    expect(clash.body.type).toBe("ACCOUNT_ALREADY_EXISTS");
  });

  it("refuses an unknown tax code (400), a foreign company (403) and a read-only key (403)", async () => {
    const body = { companyId: COMPANIES.nl.id, externalId: "X-1", name: "X", archived: false };
    expect((await create({ ...body, taxCodeExternalId: "NOPE" })).status).toBe(400);
    expect((await create({ ...body, companyId: COMPANIES.de.id })).status).toBe(403);
    const readOnly = await create(body, CREDENTIALS.nlReadOnlyAccounts);
    expect([readOnly.status, readOnly.body.type]).toEqual([403, "INSUFFICIENT_SCOPE"]);
    const organisation = await create(body, CREDENTIALS.lcbOrg);
    expect(organisation.status).toBe(403);
  });

  it("batch-creates, reporting each failed item with its reasons", async () => {
    const existing = must(nl.accounts[0], "account");
    const res = await write(
      FILES.accounts,
      "POST",
      "/v1/chart-of-accounts/batch",
      "/v1/chart-of-accounts/batch",
      {
        body: {
          companyId: COMPANIES.nl.id,
          items: [
            { externalId: "B-1", name: "One", archived: false },
            { externalId: existing.externalId, name: "Dup", archived: false },
            { externalId: "B-1", name: "Dup in batch", archived: false },
            { externalId: "B-2", name: "", archived: false, code: "x".repeat(256) },
          ],
        },
        invalidRequest: true,
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.data.created.map((a: Json) => a.externalId)).toEqual(["B-1"]);
    expect(res.body.data.failed.map((f: Json) => [f.request.externalId, f.reasons])).toEqual([
      [existing.externalId, ["EXTERNAL_ID_ALREADY_EXISTS"]],
      ["B-1", ["EXTERNAL_ID_ALREADY_EXISTS"]],
      ["B-2", ["NAME_EMPTY", "CODE_TOO_LONG"]],
    ]);
    const tooMany = await call(sim(), CREDENTIALS.nl, "POST", "/v1/chart-of-accounts/batch", {
      body: { companyId: COMPANIES.nl.id, items: [] },
    });
    expect(tooMany.status).toBe(400);
  });

  it("updates (archives) an account; PUT replaces the optional fields", async () => {
    const account = must(
      nl.accounts.find((a) => a.code),
      "account with a code",
    );
    const res = await write(
      FILES.accounts,
      "PUT",
      "/v1/chart-of-accounts/{accountId}",
      `/v1/chart-of-accounts/${account.id}`,
      {
        body: { name: "Renamed", archived: true },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: account.id, name: "Renamed", archived: true, code: null });
    const got = await call(sim(), CREDENTIALS.nl, "GET", `/v1/chart-of-accounts/${account.id}`);
    expect(got.body.data).toEqual(res.body.data);
    const missing = await call(
      sim(),
      CREDENTIALS.nl,
      "PUT",
      "/v1/chart-of-accounts/00000000-0000-4000-8000-000000000001",
      {
        body: { name: "x", archived: false },
      },
    );
    expect(missing.status).toBe(404);
    const foreign = await call(sim(), CREDENTIALS.de, "PUT", `/v1/chart-of-accounts/${account.id}`, {
      body: { name: "x", archived: false },
    });
    expect(foreign.status).toBe(403);
  });

  it("deletes an unused account (204) but refuses one linked to accounting entries (409)", async () => {
    const used = must(
      nl.accounts.find((a) => nl.accountingEntries.some((e) => e.accountId === a.id)),
      "used account",
    );
    const refused = await call(sim(), CREDENTIALS.nl, "DELETE", `/v1/chart-of-accounts/${used.id}`);
    expect([refused.status, refused.body.type]).toEqual([409, "ACCOUNT_LINKED_TO_ACCOUNTING_ENTRIES"]);
    const created = await create({
      companyId: COMPANIES.nl.id,
      externalId: "TMP",
      name: "Tmp",
      archived: false,
    });
    const deleted = await call(
      sim(),
      CREDENTIALS.nl,
      "DELETE",
      `/v1/chart-of-accounts/${created.body.data.id}`,
    );
    expect(deleted.status).toBe(204);
    expect(
      (await call(sim(), CREDENTIALS.nl, "GET", `/v1/chart-of-accounts/${created.body.data.id}`)).status,
    ).toBe(404);
  });
});

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
