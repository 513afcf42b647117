import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPANIES } from "../../src/simulator/index.ts";
import {
  arrive,
  CONNECTIONS,
  type ConnectionsFixture,
  consent,
  GROUP_ORG,
  outcomeOf,
  START,
  startConnectionsFixture,
  startFlow,
} from "./fixture.ts";

const BE = COMPANIES.be;
const ALEXEY = COMPANIES.alexey;
const urn = (id: string) => `urn:pleo:company:${id}`;
const VENDORS = `query($id: ID!) { company(id: $id) { name vendors(first: 2) { totalCount } } }`;

let f: ConnectionsFixture;
let admin: string;
let secrets: string[] = [];

beforeAll(async () => {
  f = await startConnectionsFixture();
  admin = await f.token("user:admin", { manages: [GROUP_ORG] });
});
afterAll(() => f?.close());

async function connectionsOf(bearer: string) {
  return (await f.gql(CONNECTIONS, {}, { authorization: `Bearer ${bearer}` })).body;
}

describe("the OAuth connect flow, over HTTP like a browser", () => {
  it("connects a company: consent page, form POST, callback, then its data resolves", async () => {
    const flow = await startFlow(f, admin);
    expect(flow.cookie).toMatch(/^pleo_oauth_[0-9a-f]{16}=/);
    const callback = await consent(flow.authorizationUrl, "approve", urn(BE.id));
    expect(callback.startsWith(`${f.url}/oauth/pleo/callback?`)).toBe(true);
    const answer = await arrive(callback, flow.cookie);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(`${f.url}/settings?connection=connected`);
    expect(answer.headers.get("referrer-policy")).toBe("no-referrer");

    const listed = await connectionsOf(admin);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.connections).toEqual([
      expect.objectContaining({
        subject: { kind: "COMPANY", id: BE.id, name: BE.name, organisationId: GROUP_ORG },
        kind: "OAUTH",
        status: "ACTIVE",
        connectedBy: "user:admin",
        lastRefreshAt: null,
      }),
    ]);
    // The vault's OAuth connection now serves BE (it is served before the static credentials).
    const data = await f.gql(VENDORS, { id: BE.id }, { authorization: `Bearer ${admin}` });
    expect(data.body.errors).toBeUndefined();
    expect(data.body.data?.company?.vendors?.totalCount).toBeGreaterThan(0);
    const viewer = await f.gql(
      `{ viewer { credentials { kind authMethod companyId } } }`,
      {},
      {
        authorization: `Bearer ${admin}`,
      },
    );
    expect(viewer.body.data?.viewer.credentials).toContainEqual({
      kind: "ACCESS_TOKEN",
      authMethod: "OAUTH2",
      companyId: BE.id,
    });
    secrets = [new URL(callback).searchParams.get("code") ?? ""];
  });

  it("refuses a replayed callback (state single-use) with a plain page", async () => {
    const flow = await startFlow(f, admin);
    const callback = await consent(flow.authorizationUrl, "approve", urn(BE.id));
    expect(outcomeOf(await arrive(callback, flow.cookie))).toBe("connected");
    const replay = await arrive(callback, flow.cookie);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("unknown, expired or already finished");
  });

  it("refuses a flow finished in another caller's browser", async () => {
    const other = await f.token("user:other", { manages: [GROUP_ORG] });
    const mine = await startFlow(f, admin);
    const theirs = await startFlow(f, other);
    const callback = await consent(mine.authorizationUrl, "approve", urn(BE.id));
    const answer = await arrive(callback, theirs.cookie);
    expect(outcomeOf(answer)).toBe("foreign_browser");
    // And the flow is gone: the rightful browser cannot finish it afterwards either.
    expect((await arrive(callback, mine.cookie)).status).toBe(400);
  });

  it("reports denied consent", async () => {
    const flow = await startFlow(f, admin);
    const callback = await consent(flow.authorizationUrl, "deny", urn(BE.id));
    expect(outcomeOf(await arrive(callback, flow.cookie))).toBe("access_denied");
  });

  it("refuses a subject the caller may not manage, storing nothing", async () => {
    const flow = await startFlow(f, admin);
    const callback = await consent(flow.authorizationUrl, "approve", urn(ALEXEY.id));
    expect(outcomeOf(await arrive(callback, flow.cookie))).toBe("not_permitted");
    const all = await connectionsOf(await f.token("user:root", { manages: [ALEXEY.id, GROUP_ORG] }));
    expect(all.data?.connections.map((c: { subject: { id: string } }) => c.subject.id)).not.toContain(
      ALEXEY.id,
    );
  });

  it("refuses a code obtained with another PKCE challenge (PKCE mismatch)", async () => {
    const flow = await startFlow(f, admin);
    const tampered = new URL(flow.authorizationUrl);
    tampered.searchParams.set("code_challenge", "A".repeat(43));
    const callback = await consent(tampered.toString(), "approve", urn(ALEXEY.id));
    expect(outcomeOf(await arrive(callback, flow.cookie))).toBe("exchange_failed");
  });

  it("refuses a code that was already used (code reuse)", async () => {
    const first = await startFlow(f, admin);
    const used = await consent(first.authorizationUrl, "approve", urn(BE.id));
    expect(outcomeOf(await arrive(used, first.cookie))).toBe("connected");
    const second = await startFlow(f, admin);
    const fresh = new URL(await consent(second.authorizationUrl, "approve", urn(BE.id)));
    fresh.searchParams.set("code", new URL(used).searchParams.get("code") ?? "");
    expect(outcomeOf(await arrive(fresh.toString(), second.cookie))).toBe("exchange_failed");
  });

  it("refuses a code issued for another redirect_uri", async () => {
    const elsewhere = `${f.url}/elsewhere/callback`;
    f.env.simulator.registerOAuthClient({
      ...f.env.oauthDemo.client,
      redirectUris: [`${f.url}/oauth/pleo/callback`, elsewhere],
    });
    const flow = await startFlow(f, admin);
    const other = new URL(flow.authorizationUrl);
    other.searchParams.set("redirect_uri", elsewhere);
    const redirected = new URL(await consent(other.toString(), "approve", urn(BE.id)));
    const toGateway = new URL(`${f.url}/oauth/pleo/callback${redirected.search}`);
    expect(outcomeOf(await arrive(toGateway.toString(), flow.cookie))).toBe("exchange_failed");
  });

  it("refuses a returnTo outside the allowlist before anything starts", async () => {
    const response = await f.gql(
      START,
      { returnTo: "https://evil.example/steal" },
      { authorization: `Bearer ${admin}` },
    );
    expect(response.body.data?.startPleoConnection).toMatchObject({
      __typename: "ConnectionFailure",
      code: "RETURN_TO_NOT_ALLOWED",
    });
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses connections to callers without manage rights, and to anonymous ones", async () => {
    const plain = await f.token("user:plain");
    expect((await connectionsOf(plain)).errors?.[0]?.extensions?.code).toBe("CONNECTION_MANAGE_DENIED");
    const anonymous = await f.gql(CONNECTIONS, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("CONNECTION_MANAGE_DENIED");
    const start = await f.gql(START, { returnTo: `${f.url}/x` });
    expect(start.body.data?.startPleoConnection).toMatchObject({ code: "NOT_SIGNED_IN" });
  });

  it("writes an audit line per action and never a secret or code", () => {
    const audits = f.logLines.filter((line) => line.includes('"audit"'));
    expect(audits.some((l) => l.includes('"outcome":"connected"') && l.includes(urn(BE.id)))).toBe(true);
    expect(audits.some((l) => l.includes('"outcome":"not_permitted"'))).toBe(true);
    const log = f.logLines.join("\n");
    for (const secret of secrets) if (secret) expect(log).not.toContain(secret);
    expect(log).not.toContain("demo-client-secret");
  });
});
