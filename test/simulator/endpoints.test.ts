import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { NIL_UUID } from "../../src/simulator/seed/ids.ts";
import { call, collectAll, useSimulator } from "./helpers.ts";

const sim = useSimulator();
const nl = seededCompany("lcb-nl");
const de = seededCompany("lcb-de");
const be = seededCompany("lcb-be");
const gb = seededCompany("alexey");

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed lacks ${what}`);
  return value;
}

describe("content types and unknown routes", () => {
  it("answers with application/json;charset=UTF-8, and plain application/json on the Accounts API", async () => {
    const vendor = await call(
      sim(),
      CREDENTIALS.nl,
      "GET",
      `/v1/vendors/${must(nl.vendors[0], "vendor").id}`,
    );
    expect(vendor.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    const account = await call(
      sim(),
      CREDENTIALS.nl,
      "GET",
      `/v1/chart-of-accounts/${must(nl.accounts[0], "account").id}`,
    );
    expect(account.headers.get("content-type")).toBe("application/json");
  });

  it("answers an unknown route with 404 NOT_FOUND", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "GET", "/v9/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.type).toBe("NOT_FOUND");
  });

  it("answers a known path with an unsupported method with 405 and Allow", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "DELETE", "/v1/introspect");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });

  it("rejects an invalid UUID in the path with 400 VALIDATION_FAILED", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "GET", "/v1/vendors/not-a-uuid");
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ type: "VALIDATION_FAILED", message: expect.stringContaining("UUID") });
  });

  it("rejects malformed JSON and unknown body fields with 400", async () => {
    const malformed = await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.nl.id },
      rawBody: "{nope",
    });
    expect(malformed.status).toBe(400);
    const unknown = await call(sim(), CREDENTIALS.nl, "POST", "/v1/vendors:search", {
      query: { company_id: COMPANIES.nl.id },
      body: { nmae: "KPN" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.type).toBe("VALIDATION_FAILED");
  });
});

describe("Companies", () => {
  it("GET /v1/companies/{id} returns the seeded company", async () => {
    const res = await call(sim(), CREDENTIALS.de, "GET", `/v1/companies/${COMPANIES.de.id}`);
    expect(res.body).toEqual({ data: de.company });
    expect(res.body.data.address).toMatchObject({ locality: "Berlin", country: "DE", region: "Berlin" });
  });

  it("GET /v1/companies/{id} of an unknown company is 404", async () => {
    const res = await call(
      sim(),
      CREDENTIALS.lcbOrg,
      "GET",
      "/v1/companies/00000000-0000-4000-8000-00000000abcd",
    );
    expect(res.status).toBe(404);
  });
});

describe("Employees", () => {
  it("lists a company's employees, sorted by last name", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "GET", "/v2/employees", {
      query: { companyId: COMPANIES.nl.id, limit: 100 },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(nl.employees.length);
    expect(res.body.data.every((e: { companyId: string }) => e.companyId === COMPANIES.nl.id)).toBe(true);
    const lastNames = res.body.data.map((e: { lastName: string }) => e.lastName);
    expect(lastNames).toEqual([...lastNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("filters by email (case-insensitive) and by code", async () => {
    const employee = must(
      nl.employees.find((e) => e.code),
      "an employee with a code",
    );
    const byEmail = await call(sim(), CREDENTIALS.nl, "GET", "/v2/employees", {
      query: { email: employee.email.toUpperCase() },
    });
    expect(byEmail.body.data).toEqual([employee]);
    const byCode = await call(sim(), CREDENTIALS.nl, "GET", "/v2/employees", {
      query: { code: employee.code ?? "" },
    });
    expect(byCode.body.data).toEqual([employee]);
  });

  it("gets one employee", async () => {
    const employee = must(gb.employees[0], "employee");
    const res = await call(sim(), CREDENTIALS.alexey, "GET", `/v2/employees/${employee.id}`);
    expect(res.body).toEqual({ data: employee });
    expect(employee.email).toBe("alexey.ivanov@alexeysoftware.co.uk");
  });
});

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

describe("Export jobs and items", () => {
  const jobIn = (status: string) =>
    must(
      nl.exportJobs.find((j) => j.status === status),
      `${status} job`,
    );

  it("lists a company's jobs in every state, oldest first", async () => {
    const res = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-jobs", {
      query: { company_id: COMPANIES.nl.id },
    });
    expect(res.status).toBe(200);
    const statuses = new Set(res.body.data.map((j: { status: string }) => j.status));
    expect(statuses).toEqual(
      new Set(["pending", "in_progress", "completed", "completed_with_errors", "failed"]),
    );
    const created = res.body.data.map((j: { createdAt: string }) => j.createdAt);
    expect(created).toEqual([...created].sort());
  });

  it("filters jobs by repeated and comma-separated statuses", async () => {
    const repeated = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-jobs", {
      query: { statuses: ["pending", "in_progress"] },
    });
    expect(repeated.body.data.map((j: { status: string }) => j.status).sort()).toEqual([
      "in_progress",
      "pending",
    ]);
    const comma = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-jobs", {
      query: { statuses: "failed,completed" },
    });
    expect(comma.body.data.every((j: { status: string }) => ["failed", "completed"].includes(j.status))).toBe(
      true,
    );
    expect(
      (await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-jobs", { query: { statuses: "done" } })).status,
    ).toBe(400);
  });

  it("gets one job, and EXPORT_NOT_FOUND for an unknown one", async () => {
    const job = jobIn("failed");
    expect((await call(sim(), CREDENTIALS.nl, "GET", `/v3/export-jobs/${job.id}`)).body).toEqual({
      data: job,
    });
    expect(job.failureReasonType).toBe("job_expired");
    const missing = await call(
      sim(),
      CREDENTIALS.nl,
      "GET",
      "/v3/export-jobs/00000000-0000-4000-8000-000000000042",
    );
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe("EXPORT_NOT_FOUND");
  });

  it("lists a job's items, filtered by status", async () => {
    const job = jobIn("completed_with_errors");
    const all = await collectAll<{ status: string; exportJobId: string }>(
      sim(),
      CREDENTIALS.nl,
      "GET",
      `/v3/export-jobs/${job.id}/items`,
    );
    expect(all).toHaveLength(job.numberOfItems);
    expect(all.every((item) => item.exportJobId === job.id)).toBe(true);
    const failed = await call(sim(), CREDENTIALS.nl, "GET", `/v3/export-jobs/${job.id}/items`, {
      query: { status: "failed", limit: 100 },
    });
    expect(failed.body.data.length).toBeGreaterThan(0);
    expect(
      failed.body.data.every((i: { status: string; failureReasonType: string }) => i.status === "failed"),
    ).toBe(true);
    expect(failed.body.data[0].failureReasonType).toBe("account_unknown");
  });

  it("serves export items of pending and in-progress jobs, built from the company's own entries", async () => {
    for (const status of ["pending", "in_progress"]) {
      const job = jobIn(status);
      const items = await collectAll<{ accountingEntryId: string; companyId: string }>(
        sim(),
        CREDENTIALS.nl,
        "GET",
        "/v3/export-items",
        { query: { job_id: job.id } },
      );
      expect(items).toHaveLength(job.numberOfItems);
      const entryIds = new Set(nl.accountingEntries.map((e) => e.id));
      expect(
        items.every((item) => item.companyId === COMPANIES.nl.id && entryIds.has(item.accountingEntryId)),
      ).toBe(true);
      expect([...items].sort((a, b) => (a.accountingEntryId < b.accountingEntryId ? -1 : 1))).toEqual(
        [...(nl.exportItemsByJob[job.id] ?? [])].sort((a, b) =>
          a.accountingEntryId < b.accountingEntryId ? -1 : 1,
        ),
      );
    }
  });

  it("refuses export items of finished jobs with 422 EXPORT_JOB_STATUS_UNPROCESSABLE", async () => {
    for (const status of ["completed", "completed_with_errors", "failed"]) {
      const res = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-items", {
        query: { job_id: jobIn(status).id },
      });
      expect(res.status).toBe(422);
      expect(res.body.type).toBe("EXPORT_JOB_STATUS_UNPROCESSABLE");
    }
  });

  it("needs job_id and answers an unknown job with EXPORT_NOT_FOUND", async () => {
    expect((await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-items")).status).toBe(400);
    const missing = await call(sim(), CREDENTIALS.nl, "GET", "/v3/export-items", {
      query: { job_id: "00000000-0000-4000-8000-000000000042" },
    });
    expect(missing.body.type).toBe("EXPORT_NOT_FOUND");
  });
});

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
