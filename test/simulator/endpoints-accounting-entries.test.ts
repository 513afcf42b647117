import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { NIL_UUID } from "../../src/simulator/seed/ids.ts";
import { call, collectAll, useSimulator } from "./helpers.ts";
import { must } from "./must.ts";

/** The simulator's read endpoints: the accounting entries search and lookup. */
const sim = useSimulator();
const de = seededCompany("lcb-de");
describe("Accounting entries", () => {
  const search = (body: unknown, query: Record<string, string | number> = {}) =>
    collectAll<Record<string, unknown> & { id: string }>(
      sim(),
      CREDENTIALS.de,
      "POST",
      "/v1/accounting-entries:search",
      {
        query: { company_id: COMPANIES.de.id, ...query },
        body,
      },
    );
  const live = de.accountingEntries.filter((e) => e.deletedAt === undefined);
  const count = (predicate: (e: (typeof de.accountingEntries)[number]) => boolean) =>
    live.filter(predicate).length;

  it("needs company_id or organization_id", async () => {
    const res = await call(sim(), CREDENTIALS.de, "POST", "/v1/accounting-entries:search", { body: {} });
    expect(res.status).toBe(400);
  });

  it("hides deleted entries unless includeDeleted", async () => {
    expect(await search({})).toHaveLength(live.length);
    expect(await search({ includeDeleted: true })).toHaveLength(de.accountingEntries.length);
  });

  it("accepts the caller's own organisation as organization_id", async () => {
    const res = await call(sim(), CREDENTIALS.de, "POST", "/v1/accounting-entries:search", {
      query: { organization_id: COMPANIES.de.organisationId, limit: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body.data[0].companyId).toBe(COMPANIES.de.id);
  });

  it("filters by id lists", async () => {
    const entry = must(
      live.find((e) => e.accountId && e.employeeId && e.taxCodeId && e.teamId && e.splitItems.length === 0),
      "a fully coded entry",
    );
    const accountId = entry.accountId ?? "";
    expect(await search({ accountIds: [accountId] })).toHaveLength(
      count((e) => e.accountId === accountId || e.splitItems.some((s) => s.accountId === accountId)),
    );
    expect(await search({ employeeIds: [entry.employeeId] })).toHaveLength(
      count((e) => e.employeeId === entry.employeeId),
    );
    expect(await search({ teamIds: [entry.teamId] })).toHaveLength(count((e) => e.teamId === entry.teamId));
    const taxCodeId = entry.taxCodeId ?? "";
    expect(await search({ taxCodeIds: [taxCodeId] })).toHaveLength(
      count((e) => e.taxCodeId === taxCodeId || e.splitItems.some((s) => s.taxCodeId === taxCodeId)),
    );
  });

  it("filters by currency, families, statuses and flags", async () => {
    expect(await search({ transactionValueCurrencies: ["USD"] })).toHaveLength(
      count((e) => e.transactionValue.currency === "USD"),
    );
    expect(await search({ families: ["MILEAGE", "PER_DIEM"] })).toHaveLength(
      count((e) => e.family === "MILEAGE" || e.family === "PER_DIEM"),
    );
    expect(await search({ status: ["PENDING"] })).toHaveLength(count((e) => e.status === "PENDING"));
    expect(await search({ exportStatus: ["QUEUED"] })).toHaveLength(
      count((e) => e.exportStatus === "QUEUED"),
    );
    expect(await search({ reviewStatus: ["OK"] })).toHaveLength(count((e) => e.reviewStatus === "OK"));
    expect(await search({ hasAccount: false })).toHaveLength(
      count((e) => !e.accountId || e.accountId === NIL_UUID),
    );
    expect(await search({ settled: false })).toHaveLength(count((e) => !e.settledAt));
    expect(await search({ hasNote: true })).toHaveLength(count((e) => Boolean(e.note)));
  });

  it("filters by one date range and refuses two", async () => {
    const start = "2026-06-01T00:00:00Z";
    const end = "2026-06-30T23:59:59Z";
    const inJune = await search({ performedAtStart: start, performedAtEnd: end });
    expect(inJune).toHaveLength(count((e) => e.performedAt >= start && e.performedAt <= end));
    expect(inJune.length).toBeGreaterThan(0);
    const res = await call(sim(), CREDENTIALS.de, "POST", "/v1/accounting-entries:search", {
      query: { company_id: COMPANIES.de.id },
      body: { performedAtStart: start, settledAtEnd: end },
    });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe("VALIDATION_FAILED");
  });

  it("gets one entry, and a deleted one only with include_deleted", async () => {
    const entry = must(live[0], "entry");
    expect((await call(sim(), CREDENTIALS.de, "GET", `/v1/accounting-entries/${entry.id}`)).body).toEqual({
      data: entry,
    });
    const deleted = must(
      de.accountingEntries.find((e) => e.deletedAt),
      "a deleted entry",
    );
    expect((await call(sim(), CREDENTIALS.de, "GET", `/v1/accounting-entries/${deleted.id}`)).status).toBe(
      404,
    );
    const withDeleted = await call(sim(), CREDENTIALS.de, "GET", `/v1/accounting-entries/${deleted.id}`, {
      query: { include_deleted: true },
    });
    expect(withDeleted.body.data.deletedAt).toBe(deleted.deletedAt);
  });
});
