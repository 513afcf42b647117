import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimRequestLogEntry } from "../../src/simulator/index.ts";
import { COMPANIES } from "../../src/simulator/index.ts";
import {
  arrive,
  CONNECTIONS,
  type ConnectionsFixture,
  consent,
  GROUP_ORG,
  outcomeOf,
  startConnectionsFixture,
  startFlow,
} from "./fixture.ts";

const BE = COMPANIES.be;
const NL = COMPANIES.nl;
const TTL_MS = 2_000;
const BOTH = `query($be: ID!, $nl: ID!) {
  be: company(id: $be) { vendors(first: 1) { totalCount } }
  nl: company(id: $nl) { vendors(first: 1) { totalCount } }
}`;

let f: ConnectionsFixture;
let auth: { authorization: string };

beforeAll(async () => {
  f = await startConnectionsFixture({ accessTokenTtlMs: TTL_MS });
  auth = { authorization: `Bearer ${await f.token("user:admin", { manages: [GROUP_ORG] })}` };
  const flow = await startFlow(f, auth.authorization.slice("Bearer ".length));
  const callback = await consent(flow.authorizationUrl, "approve", `urn:pleo:company:${BE.id}`);
  expect(outcomeOf(await arrive(callback, flow.cookie))).toBe("connected");
});
afterAll(() => f?.close());

async function simLog(): Promise<SimRequestLogEntry[]> {
  return (
    (await (await fetch(`${f.env.simulator.url}/__sim/requests`)).json()) as { data: SimRequestLogEntry[] }
  ).data;
}

async function grants(): Promise<{ id: string; subjectUrn: string; status: string; refreshCount: number }[]> {
  return ((await (await fetch(`${f.env.simulator.url}/__sim/oauth/grants`)).json()) as { data: never[] })
    .data;
}

describe("refresh of OAuth connections", () => {
  it("refreshes proactively, exactly once per token lifetime, while every query succeeds", async () => {
    const startedAt = Date.now();
    const failures: string[] = [];
    // Several concurrent queries at a time, for about three and a half token lifetimes.
    while (Date.now() - startedAt < 3.5 * TTL_MS) {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => f.gql(BOTH, { be: BE.id, nl: NL.id }, auth)),
      );
      for (const a of answers) if (a.body.errors) failures.push(a.text);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const elapsed = Date.now() - startedAt;
    expect(failures).toEqual([]);
    const refreshes = (await simLog()).filter((r) => r.grantType === "refresh_token");
    // Refreshed when a fifth of the lifetime is left: one per 0.8 lifetimes of load, never more.
    expect(refreshes.length).toBeGreaterThanOrEqual(Math.floor(elapsed / TTL_MS));
    expect(refreshes.length).toBeLessThanOrEqual(Math.ceil(elapsed / (0.8 * TTL_MS)));
    expect(refreshes.every((r) => r.status === 200)).toBe(true);
    const [grant] = (await grants()).filter((g) => g.subjectUrn === `urn:pleo:company:${BE.id}`);
    expect(grant).toMatchObject({ status: "ACTIVE", refreshCount: refreshes.length });
    const listed = await f.gql(CONNECTIONS, {}, auth);
    expect(listed.body.data?.connections[0].lastRefreshAt).not.toBeNull();
  });

  it("a revoked grant (stale refresh token presented) → REAUTHORIZATION_REQUIRED for that company only", async () => {
    const [grant] = (await grants()).filter((g) => g.subjectUrn === `urn:pleo:company:${BE.id}`);
    const hook = await fetch(
      `${f.env.simulator.url}/__sim/oauth/grants/${grant?.id}/present-stale-refresh-token`,
      { method: "POST" },
    );
    expect(hook.status).toBe(200);
    // The current access token dies with the grant: the next use is refused (401), refreshed once, and
    // Pleo answers invalid_grant; from then on BE fails with the typed code and NL is unaffected.
    let codes: (string | undefined)[] = [];
    const giveUpAt = Date.now() + 3 * TTL_MS;
    while (Date.now() < giveUpAt) {
      const answer = await f.gql(BOTH, { be: BE.id, nl: NL.id }, auth);
      codes = (answer.body.errors ?? []).map((e) => e.extensions?.code);
      expect(answer.body.data?.nl?.vendors?.totalCount).toBeGreaterThan(0);
      if (codes.includes("REAUTHORIZATION_REQUIRED")) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(codes).toEqual(["REAUTHORIZATION_REQUIRED"]);
    const listed = await f.gql(CONNECTIONS, {}, auth);
    expect(listed.body.data?.connections[0]).toMatchObject({ status: "REAUTHORIZATION_REQUIRED" });
  });

  it("a caller granted only the revoked company (not its organisation) is told REAUTHORIZATION_REQUIRED", async () => {
    // Without the organisation's credential nothing else can discover BE: `company(id:)` itself fails,
    // with the store's code rather than "no credential".
    const onlyBe = {
      authorization: `Bearer ${await f.env.auth.issue({ subject: "user:be", companies: [BE.id] })}`,
    };
    const answer = await f.gql(
      `query($be: ID!) { company(id: $be) { name vendors(first: 1) { totalCount } } }`,
      { be: BE.id },
      onlyBe,
    );
    expect(answer.body.data?.company).toBeNull();
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(["REAUTHORIZATION_REQUIRED"]);
  });

  it("never logs a token", async () => {
    const log = f.logLines.join("\n");
    expect(log).not.toMatch(/sim_oat_|sim_ort_/);
  });
});
