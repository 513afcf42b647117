import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode } from "../../src/simulator/base32.ts";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { call, collectAll, useSimulator } from "./helpers.ts";

const sim = useSimulator();
const nl = seededCompany("lcb-nl");

const searchVendors = (query: Record<string, string | number | readonly string[]>, body: unknown = {}) =>
  call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors:search", {
    query: { company_id: COMPANIES.nl.id, ...query },
    body,
  });
const searchEntries = (query: Record<string, string | number | readonly string[]>, body: unknown = {}) =>
  call(sim(), CREDENTIALS.nl, "POST", "/v1/accounting-entries:search", {
    query: { company_id: COMPANIES.nl.id, ...query },
    body,
  });

const ids = (body: { data: { id: string }[] }) => body.data.map((item) => item.id);

describe("base32 cursors", () => {
  it("round-trips arbitrary bytes and only emits the spec's cursor alphabet", () => {
    for (const text of ["", "a", "ab", "abc", "abcd", "abcde", '["Love Crème",null,"x"]']) {
      const encoded = base32Encode(new TextEncoder().encode(text));
      if (text !== "") expect(encoded).toMatch(/^[A-Z2-7=~]+$/);
      expect(new TextDecoder().decode(base32Decode(encoded) ?? new Uint8Array())).toBe(text);
    }
  });

  it("refuses text that is not base32", () => {
    expect(base32Decode("abc")).toBeUndefined();
    expect(base32Decode("AAAAAAA1")).toBeUndefined();
  });
});

describe("cursor pagination", () => {
  it("defaults to 20 items and reports the total", async () => {
    const res = await searchVendors({});
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(20);
    expect(res.body.pagination).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      total: nl.vendors.length,
      currentRequestPagination: { limit: 20, parameters: { company_id: [COMPANIES.nl.id] } },
    });
    expect(res.body.pagination.startCursor).toMatch(/^[A-Z2-7=~]+$/);
    expect(res.body.pagination.endCursor).toMatch(/^[A-Z2-7=~]+$/);
  });

  it("walks forward with after=endCursor without gaps or repeats, in a stable order", async () => {
    const all = await searchVendors({ limit: 100 });
    const pages: string[] = [];
    let after: string | undefined;
    let previous = false;
    for (;;) {
      const res = await searchVendors({ limit: 7, ...(after ? { after } : {}) });
      expect(res.body.pagination.hasPreviousPage).toBe(previous);
      expect(res.body.pagination.currentRequestPagination.after).toBe(after);
      pages.push(...ids(res.body));
      if (!res.body.pagination.hasNextPage) break;
      after = res.body.pagination.endCursor;
      previous = true;
    }
    expect(pages).toEqual(ids(all.body));
    const names = all.body.data.map((v: { name: string }) => v.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("walks backward with before=startCursor, returning the items just before, in the same order", async () => {
    const all = ids((await searchVendors({ limit: 100 })).body);
    const third = await searchVendors({ offset: 10, limit: 5 });
    const back = await searchVendors({ before: third.body.pagination.startCursor, limit: 5 });
    expect(ids(back.body)).toEqual(all.slice(5, 10));
    expect(back.body.pagination.hasPreviousPage).toBe(true);
    expect(back.body.pagination.hasNextPage).toBe(true);
    const start = await searchVendors({ before: back.body.pagination.startCursor, limit: 20 });
    expect(ids(start.body)).toEqual(all.slice(0, 5));
    expect(start.body.pagination.hasPreviousPage).toBe(false);
  });

  it("pages by offset", async () => {
    const all = ids((await searchVendors({ limit: 100 })).body);
    const res = await searchVendors({ offset: 30, limit: 10 });
    expect(ids(res.body)).toEqual(all.slice(30, 40));
    expect(res.body.pagination.currentRequestPagination.offset).toBe(30);
    expect(res.body.pagination.hasPreviousPage).toBe(true);
    expect(res.body.pagination.hasNextPage).toBe(all.length > 40);
  });

  it("returns an empty page past the end, without cursors", async () => {
    const res = await searchVendors({ offset: 1000 });
    expect(res.body.data).toEqual([]);
    expect(res.body.pagination.startCursor).toBeUndefined();
    expect(res.body.pagination.endCursor).toBeUndefined();
    expect(res.body.pagination.hasNextPage).toBe(false);
  });

  it("sorts by sorting_keys/sorting_order and keeps cursors consistent with that order", async () => {
    const desc = await searchVendors({ sorting_keys: ["createdAt"], sorting_order: ["DESC"], limit: 100 });
    const created = desc.body.data.map((v: { createdAt: string }) => v.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(desc.body.pagination.currentRequestPagination).toMatchObject({
      sortingKeys: ["createdAt"],
      sortingOrder: ["DESC"],
    });
    const firstPage = await searchVendors({ sorting_keys: ["createdAt"], sorting_order: ["DESC"], limit: 4 });
    const next = await searchVendors({
      sorting_keys: ["createdAt"],
      sorting_order: ["DESC"],
      limit: 4,
      after: firstPage.body.pagination.endCursor,
    });
    expect(ids(next.body)).toEqual(ids(desc.body).slice(4, 8));
  });

  it("collects every accounting entry of a company through cursor pages", async () => {
    const entries = await collectAll<{ id: string; companyId: string }>(
      sim(),
      CREDENTIALS.nl,
      "POST",
      "/v1/accounting-entries:search",
      { query: { company_id: COMPANIES.nl.id }, body: {} },
    );
    const expected = nl.accountingEntries.filter((e) => e.deletedAt === undefined);
    expect(entries).toHaveLength(expected.length);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it("sorts accounting entries by settledAt with nulls last for ASC and first for DESC", async () => {
    const asc = await collectAll<{ settledAt?: string }>(
      sim(),
      CREDENTIALS.nl,
      "POST",
      "/v1/accounting-entries:search",
      {
        query: { company_id: COMPANIES.nl.id, sorting_keys: "settledAt", sorting_order: "ASC" },
      },
    );
    const firstUnsettled = asc.findIndex((e) => e.settledAt === undefined);
    expect(firstUnsettled).toBeGreaterThan(0);
    expect(asc.slice(firstUnsettled).every((e) => e.settledAt === undefined)).toBe(true);
    const desc = await searchEntries({ sorting_keys: "settledAt", sorting_order: "DESC", limit: 3 });
    expect(desc.body.data[0].settledAt).toBeUndefined();
  });
});

describe("pagination errors", () => {
  const invalid: [string, Record<string, string | number>][] = [
    ["limit above 100", { limit: 101 }],
    ["limit 0", { limit: 0 }],
    ["negative limit", { limit: -5 }],
    ["non-numeric limit", { limit: "ten" }],
    ["negative offset", { offset: -1 }],
    ["before with after", { before: "AAAAAAAA", after: "AAAAAAAA" }],
    ["before with offset", { before: "AAAAAAAA", offset: 1 }],
    ["after with offset", { after: "AAAAAAAA", offset: 1 }],
    ["a cursor outside the base32 alphabet", { after: "not-a-cursor" }],
    ["a base32 cursor that decodes to garbage", { after: "MFRGGZDF" }],
    ["an unknown sorting key", { sorting_keys: "colour" }],
    ["sorting_order without keys", { sorting_order: "ASC" }],
    ["an invalid sorting order", { sorting_keys: "name", sorting_order: "UP" }],
  ];
  it.each(invalid)("rejects %s with 400 VALIDATION_FAILED", async (_name, query) => {
    const res = await searchVendors(query);
    expect(res.status).toBe(400);
    expect(res.body.type).toBe("VALIDATION_FAILED");
  });

  it("rejects a cursor minted for a different sort order", async () => {
    const byName = await searchVendors({ limit: 2 });
    const res = await searchVendors({
      after: byName.body.pagination.endCursor,
      sorting_keys: ["createdAt", "name"],
      sorting_order: ["ASC", "ASC"],
    });
    expect(res.status).toBe(400);
  });

  it("accepts limit 100 and 1", async () => {
    expect((await searchVendors({ limit: 100 })).status).toBe(200);
    expect((await searchVendors({ limit: 1 })).body.data).toHaveLength(1);
  });

  it("rejects offset on accounting entries (cursor-only paging)", async () => {
    const res = await searchEntries({ offset: 20 });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("cursor");
  });

  it("rejects accounting-entry sorting keys outside the spec's list", async () => {
    expect((await searchEntries({ sorting_keys: "amount" })).status).toBe(400);
    expect((await searchEntries({ sorting_keys: "bookkeepingDate" })).status).toBe(200);
  });
});
