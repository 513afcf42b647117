import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, ORGANISATIONS } from "../../src/simulator/seed/identities.ts";
import { apiKeys, DE_KEY, NL_KEY } from "../support/auth-headers.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { useHarness } from "../support/use-harness.ts";

/** Hostile or careless requests are refused before they cost anything upstream. */

const manifest = JSON.parse(
  readFileSync(new URL("../generated/persisted-documents.json", import.meta.url), "utf8"),
) as Record<string, string>;
const [viewerHash] = Object.entries(manifest).find(([, doc]) => doc.startsWith("query ViewerOverview")) ?? [];

async function post(h: Harness, body: string, headers: Record<string, string> = NL_KEY) {
  const response = await fetch(`${h.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : null };
}

function nested(depth: number): string {
  let inner = "name";
  for (let i = 0; i < depth; i++) inner = `organisation { companies { edges { node { ${inner} } } } }`;
  return `query Deep($id: ID!) { company(id: $id) { ${inner} } }`;
}

describe("request limits (default configuration)", () => {
  const h = useHarness();
  const execute = executor(h);
  beforeEach(() => h.resetSim());

  const expectNoUpstream = async () => {
    const log = await h.simRequests();
    expect(log.filter((r) => r.path !== "/v1/introspect")).toEqual([]);
  };

  it("refuses deep nesting", async () => {
    const response = await execute(typedDocument(nested(4)), { id: COMPANIES.nl.id }, { headers: NL_KEY });
    expect(response.status).toBe(400);
    expect(response.codes).toContain("QUERY_TOO_COMPLEX");
    expect(response.errors[0]?.extensions?.measure).toBe("depth");
    await expectNoUpstream();
  });

  it("refuses an alias flood", async () => {
    const aliases = Array.from(
      { length: 40 },
      (_, i) => `a${i}: company(id: "${COMPANIES.nl.id}") { name }`,
    ).join("\n");
    const response = await execute(typedDocument(`{ ${aliases} }`), {}, { headers: NL_KEY });
    expect(response.status).toBe(400);
    expect(response.codes).toContain("QUERY_TOO_COMPLEX");
    await expectNoUpstream();
  });

  it("refuses huge lists: costs multiply by first", async () => {
    const query = `query($org: ID!) { organisation(id: $org) { companies(first: 100) { edges { node {
      accountingEntries(first: 100) { edges { node { splitItems { account { name } taxCode { name } } tags { tag { code } } } } }
      vendors(first: 100) { edges { node { name } } } } } } } }`;
    const response = await execute(
      typedDocument(query),
      { org: ORGANISATIONS.loveCremeBrulee.id },
      { headers: NL_KEY },
    );
    expect(response.status).toBe(400);
    expect(response.errors[0]?.extensions?.measure).toBe("cost");
    await expectNoUpstream();
  });

  it("refuses circular fragments without following them", async () => {
    const response = await execute(
      typedDocument(
        `query($id: ID!) { company(id: $id) { ...A } } fragment A on Company { name ...B } fragment B on Company { companyId ...A }`,
      ),
      { id: COMPANIES.nl.id },
      { headers: NL_KEY },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.some((e) => /within itself|cycle/i.test(e.message))).toBe(true);
    await expectNoUpstream();
  });

  it("refuses an oversized body with 413", async () => {
    const padding = "x".repeat(200_000);
    const response = await post(h, JSON.stringify({ query: `{ viewer { authenticated } } # ${padding}` }));
    expect(response.status).toBe(413);
    expect(response.json.errors[0].extensions.code).toBe("REQUEST_TOO_LARGE");
    await expectNoUpstream();
  });

  it("refuses a document over the token limit", async () => {
    const fields = Array.from({ length: 6000 }, () => "authenticated").join(" ");
    const response = await post(h, JSON.stringify({ query: `{ viewer { ${fields} } }` }));
    expect(response.status).toBe(400);
    expect(response.json.errors[0].extensions.code).toBe("QUERY_TOO_LARGE");
    await expectNoUpstream();
  });

  it("refuses batched requests while batching is off", async () => {
    const one = { query: "{ viewer { authenticated } }" };
    const response = await post(h, JSON.stringify(Array.from({ length: 50 }, () => one)));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await expectNoUpstream();
  });

  it("refuses a simple cross-site request (CSRF) but serves JSON and scripts", async () => {
    const url = `${h.url}/graphql?query=${encodeURIComponent("{ viewer { authenticated } }")}`;
    const forged = await fetch(url, {
      headers: { "sec-fetch-site": "cross-site", accept: "application/json" },
    });
    expect(forged.status).toBe(403);
    expect((await forged.json()).errors[0].extensions.code).toBe("CSRF_CHECK_FAILED");
    const withHeader = await fetch(url, {
      headers: { "sec-fetch-site": "cross-site", "x-graphql-csrf": "1", accept: "application/json" },
    });
    expect(withHeader.status).toBe(200);
    const script = await fetch(url, { headers: { accept: "application/json" } });
    expect(script.status).toBe(200);
  });

  it("answers CORS only for configured origins (none by default)", async () => {
    const response = await fetch(`${h.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("production mode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      security: {
        GATEWAY_ENV: "production",
        PERSISTED_OPERATIONS: "require",
        PERSISTED_OPERATIONS_FILE: fileURLToPath(
          new URL("../generated/persisted-documents.json", import.meta.url),
        ),
        CORS_ORIGINS: "https://app.example",
        CALLER_RATE_LIMIT_PER_MINUTE: "5",
        BATCHING_LIMIT: "3",
      },
    });
  });
  afterAll(() => h.close());

  it("runs persisted operations by id and refuses arbitrary documents from JWT callers", async () => {
    const token = await h.env.auth.issue({ subject: "user:prod", companies: [COMPANIES.nl.id] });
    const headers = { authorization: `Bearer ${token}` };
    const refused = await post(h, JSON.stringify({ query: "{ viewer { authenticated } }" }), headers);
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].extensions.code).toBe("PERSISTED_QUERY_REQUIRED");

    expect(viewerHash).toBeDefined();
    const persisted = await post(h, JSON.stringify({ documentId: viewerHash }), headers);
    expect(persisted.status).toBe(200);
    expect(persisted.json.data.viewer.authenticated).toBe(true);

    const apq = await post(
      h,
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: viewerHash } } }),
      headers,
    );
    expect(apq.json.data.viewer.tokenSubject).toBe("user:prod");

    const unknown = await post(h, JSON.stringify({ documentId: "0".repeat(64) }), headers);
    expect(unknown.json.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("still lets trusted scripts (own Pleo credentials) send documents", async () => {
    const response = await post(h, JSON.stringify({ query: "{ viewer { authenticated } }" }), {
      "x-pleo-api-key": CREDENTIALS.be.secret,
    });
    expect(response.status).toBe(200);
    expect(response.json.data.viewer.authenticated).toBe(true);
  });

  it("has introspection and GraphiQL off", async () => {
    const introspection = await post(h, JSON.stringify({ query: "{ __schema { queryType { name } } }" }), {
      "x-pleo-api-key": CREDENTIALS.alexey.secret,
    });
    expect(introspection.status).toBe(400);
    expect(introspection.json.errors[0].message).toMatch(/introspection has been disabled/);
    const page = await fetch(`${h.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("GraphiQL");
  });

  it("answers CORS for the configured origin only", async () => {
    const allowed = await fetch(`${h.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example", "access-control-request-method": "POST" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const other = await fetch(`${h.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });

  it("bounds batches when batching is enabled", async () => {
    const one = { documentId: viewerHash };
    const ok = await post(h, JSON.stringify([one, one]), DE_KEY);
    expect(ok.status).toBe(200);
    expect(ok.json).toHaveLength(2);
    const flood = await post(h, JSON.stringify(Array.from({ length: 10 }, () => one)), {
      "x-pleo-api-key": CREDENTIALS.de.secret,
    });
    expect(flood.status).toBeGreaterThanOrEqual(400);
  });

  it("rate-limits each caller separately, with Retry-After", async () => {
    const caller = apiKeys(CREDENTIALS.nlReadOnlyAccounts);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 7; i++) {
      last = await post(h, JSON.stringify({ documentId: viewerHash }), caller);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[6]).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last?.json.errors[0].extensions.code).toBe("CALLER_RATE_LIMITED");
    // Another caller is unaffected.
    const other = await post(h, JSON.stringify({ documentId: viewerHash }), {
      "x-pleo-api-key": CREDENTIALS.alexeyOrg.secret,
    });
    expect(other.status).toBe(200);
  });
});

describe("introspection under the limits", () => {
  it("lets GraphiQL's standard introspection query through the depth limit (introspection has its own switch)", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const h = await startHarness();
    const execute = executor(h);
    try {
      const response = await execute(
        typedDocument<{ __schema: { queryType: { name: string } } }>(getIntrospectionQuery()),
        {},
        { headers: NL_KEY },
      );
      response.expectData();
      expect(response.data?.__schema.queryType.name).toBe("Query");
    } finally {
      await h.close();
    }
  });
});
