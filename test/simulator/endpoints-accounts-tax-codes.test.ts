import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { call, useSimulator } from "./helpers.ts";
import { must } from "./must.ts";

/** The simulator's read endpoints: the chart of accounts and tax codes. */
const sim = useSimulator();
const nl = seededCompany("lcb-nl");
const de = seededCompany("lcb-de");
const be = seededCompany("lcb-be");
const gb = seededCompany("alexey");
describe("Chart of accounts", () => {
  const search = (body: Record<string, unknown>, query: Record<string, string | number> = {}) =>
    call(sim(), CREDENTIALS.nl, "POST", "/v1/chart-of-accounts:search", {
      body: { companyId: COMPANIES.nl.id, ...body },
      query,
    });

  it("searches a company's accounts, ordered by code", async () => {
    const res = await search({}, { limit: 100 });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(nl.accounts.length);
    const codes = res.body.data.map((a: { code: string }) => a.code);
    expect(codes).toEqual([...codes].sort());
    expect(res.body.data).toContainEqual(expect.objectContaining({ code: "4000", name: "Autokosten" }));
  });

  it("requires companyId in the body", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "POST", "/v1/chart-of-accounts:search", { body: {} });
    expect(res.status).toBe(400);
    const none = await call(sim(), CREDENTIALS.nl, "POST", "/v1/chart-of-accounts:search");
    expect(none.status).toBe(400);
  });

  it("filters by ids, codes, the deprecated code, externalId, name and archived", async () => {
    const account = must(
      nl.accounts.find((a) => a.code === "4310"),
      "4310",
    );
    expect((await search({ ids: [account.id] })).body.data).toEqual([account]);
    expect(
      (await search({ codes: ["4310", "4320"] })).body.data.map((a: { code: string }) => a.code),
    ).toEqual(["4310", "4320"]);
    expect((await search({ code: "4310" })).body.data).toEqual([account]);
    expect((await search({ externalId: account.externalId })).body.data).toEqual([account]);
    expect((await search({ name: "reiskosten" })).body.data.map((a: { code: string }) => a.code)).toContain(
      "4310",
    );
    const archived = (await search({ archived: true })).body.data;
    expect(archived.length).toBeGreaterThan(0);
    expect(archived.every((a: { archived: boolean }) => a.archived)).toBe(true);
  });

  it("excludes the contra account and category accounts on request", async () => {
    const all = (await search({}, { limit: 100 })).body.data.length;
    const withoutContra = (await search({ excludeIfAssignedToContraAccount: true }, { limit: 100 })).body
      .data;
    expect(withoutContra).toHaveLength(all - 1);
    expect(withoutContra.map((a: { id: string }) => a.id)).not.toContain(nl.contraAccountId);
    const withoutCategories = (await search({ excludeIfAssignedToCategory: true }, { limit: 100 })).body.data;
    expect(withoutCategories).toHaveLength(all - nl.categoryAccountIds.length);
  });

  it("gets one account", async () => {
    const account = must(
      de.accounts.find((a) => a.code === "4200"),
      "DE 4200",
    );
    const res = await call(sim(), CREDENTIALS.de, "GET", `/v1/chart-of-accounts/${account.id}`);
    expect(res.body).toEqual({ data: account });
    expect(account.name).toBe("Raumkosten");
  });
});

describe("Tax codes", () => {
  const search = (credentialBody: unknown) =>
    call(sim(), CREDENTIALS.be, "POST", "/v0/tax-codes:search", {
      query: { company_id: COMPANIES.be.id },
      body: credentialBody,
    });

  it("searches with the country's real rates", async () => {
    const res = await search({});
    expect(res.status).toBe(200);
    const rates = new Set(res.body.data.map((t: { rate: number }) => t.rate));
    for (const rate of [0.21, 0.12, 0.06, 0]) expect(rates).toContain(rate);
    expect(res.body.data.some((t: { type: string }) => t.type === "reverse")).toBe(true);
  });

  it("works without a body", async () => {
    const res = await call(sim(), CREDENTIALS.be, "POST", "/v0/tax-codes:search", {
      query: { company_id: COMPANIES.be.id },
    });
    expect(res.body.data).toHaveLength(be.taxCodes.length);
  });

  it("filters by archived, code, taxCodeIds and type", async () => {
    expect((await search({ archived: true })).body.data.every((t: { archived: boolean }) => t.archived)).toBe(
      true,
    );
    expect((await search({ code: "21" })).body.data.map((t: { name: string }) => t.name)).toEqual([
      "TVA 21%",
    ]);
    const ids = be.taxCodes.slice(0, 2).map((t) => t.id);
    expect((await search({ taxCodeIds: ids })).body.data.map((t: { id: string }) => t.id).sort()).toEqual(
      [...ids].sort(),
    );
    const reverse = (await search({ type: "reverse" })).body.data;
    expect(reverse.length).toBeGreaterThan(0);
    expect(reverse.every((t: { type: string }) => t.type === "reverse")).toBe(true);
    expect((await search({ type: "sideways" })).status).toBe(400);
  });

  it("gets one tax code", async () => {
    const taxCode = must(
      gb.taxCodes.find((t) => t.code === "INPUT2"),
      "INPUT2",
    );
    const res = await call(sim(), CREDENTIALS.alexey, "GET", `/v0/tax-codes/${taxCode.id}`);
    expect(res.body).toEqual({ data: taxCode });
    expect(taxCode.rate).toBe(0.2);
  });
});
