import { createServer, type Server } from "node:http";

/**
 * A small fake Pleo that does what the simulator never does: two companies each own a vendor with the
 * *same* id but different names. The gateway must serve each company its own, cache or no cache.
 */
export const SHARED_VENDOR_ID = "11111111-2222-4333-8444-555555555555";
export const COMPANY_A = "aaaaaaaa-0000-4000-8000-00000000000a";
export const COMPANY_B = "bbbbbbbb-0000-4000-8000-00000000000b";
export const KEY_A = "key-for-company-a-000";
export const KEY_B = "key-for-company-b-000";
const KEYS: Record<string, string> = { [KEY_A]: COMPANY_A, [KEY_B]: COMPANY_B };

/** Starts nothing: the caller listens. Every vendor search Pleo answers is recorded in `searches`. */
export function twoCompaniesPleo(searches: string[] = []): Server {
  return createServer((req, res) => {
    const key = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64")
      .toString("utf8")
      .replace(/:$/, "");
    const company = KEYS[key];
    const url = new URL(req.url ?? "/", "http://fake");
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    req.resume();
    if (!company) return send(401, { type: "UNAUTHORIZED" });
    if (url.pathname === "/v1/introspect") {
      return send(200, {
        data: {
          clientId: `client-${company}`,
          authMethod: "API_KEY",
          scope: "vendors:read companies:read",
          subjectURN: `urn:pleo:company:${company}`,
        },
      });
    }
    if (url.pathname === "/v1/vendors:search") {
      if (url.searchParams.get("company_id") !== company) return send(403, { type: "FORBIDDEN" });
      searches.push(company);
      const vendor = {
        id: SHARED_VENDOR_ID,
        companyId: company,
        name: `Vendor as company ${company === COMPANY_A ? "A" : "B"} knows it`,
        defaultCurrency: "EUR",
        state: "ACTIVE",
      };
      return send(200, {
        data: [vendor],
        pagination: { hasNextPage: false, hasPreviousPage: false, total: 1 },
      });
    }
    if (url.pathname === `/v1/companies/${company}`) {
      return send(200, { data: { id: company, name: `Company ${company.slice(0, 1)}`, address: {} } });
    }
    return send(404, { type: "NOT_FOUND" });
  });
}
