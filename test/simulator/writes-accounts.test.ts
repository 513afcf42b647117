import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, type SimCredential, seededCompany } from "../../src/simulator/index.ts";
import { call, type Json } from "./helpers.ts";
import { must } from "./must.ts";
import { FILES, useWritableSimulator } from "./spec-checked-writes.ts";

/**
 * The simulator's chart-of-accounts writes: each endpoint's success (validated against the response schema
 * of Pleo's spec, with the request body validated against the request schema) and each documented failure.
 * Writes persist until a reset, and reads see them.
 */
const { sim, write, search } = useWritableSimulator();
const nl = seededCompany("lcb-nl");
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
