import { describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, seededCompany } from "../../src/simulator/index.ts";
import { call, useSimulator } from "./helpers.ts";
import { must } from "./must.ts";

/** The simulator's read endpoints: content types and unknown routes, companies and employees. */
const sim = useSimulator();
const nl = seededCompany("lcb-nl");
const de = seededCompany("lcb-de");
const gb = seededCompany("alexey");
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
