import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPANIES, CREDENTIALS, ORGANISATIONS, type SimRequestLogEntry } from "../../src/simulator/index.ts";
import { useFleetCluster } from "../support/fleet-cluster.ts";
import { eventually } from "./fixture.ts";

/**
 * Issue 12's fleet proof: three gateway processes, one simulator process and one redis-server (the
 * vault's backend, the refresh lock and the pending connect flows), an OAuth grant whose access tokens
 * live three seconds, and a steady crowd of callers spread over the instances. The simulator's own
 * record of its token endpoint says whether the fleet refreshed each token exactly once: every refresh
 * it answered rotated the pair (a refresh token presented twice is refused and revokes the grant), and
 * consecutive refreshes are one token lifetime apart (less the refresher's margin), never closer.
 *
 * The fleet's public address is a name only: the test plays the balancer in front of it, sending the
 * browser's callback to another instance than the one that started the flow.
 */
const INSTANCES = 3;
const ACCESS_TOKEN_TTL_S = 3;
/** src/connections/token-refresher.ts refreshes once a fifth of a token's lifetime is left. */
const REFRESH_AFTER_MS = ACCESS_TOKEN_TTL_S * 1_000 * 0.8;
const LOAD_MS = 24_000;
/** Callers at any moment, each sending its next request when the last one answered. */
const CONCURRENT_CALLERS = 120;
const REQUEST_TIMEOUT_MS = 10_000;

const DE = COMPANIES.de.id;
const NL = COMPANIES.nl.id;
const PUBLIC_URL = "https://gateway.example.test";
const CALLBACK_PATH = "/oauth/pleo/callback";
const RETURN_TO = "https://app.example.test/settings/connections";
const OAUTH_CLIENT = {
  clientId: "fleet-gateway",
  clientSecret: randomBytes(24).toString("base64url"),
  redirectUris: [`${PUBLIC_URL}${CALLBACK_PATH}`],
};

/** The identity provider whose caller JWTs the fleet trusts (its public key given inline). */
const issuer = await callerTokenIssuer();

const fleet = useFleetCluster({
  instances: INSTANCES,
  gatewayEnv: {
    // Repeated identical reads drive budgets, breakers and refreshes here: no read cache in the way.
    READ_CACHE_ENABLED: "false",
    LOG_LEVEL: "info",
    // The crowd is one caller: its own limit is not what this test is about.
    CALLER_RATE_LIMIT_PER_MINUTE: "0",
    AUTH_JWT_ISSUER: issuer.issuer,
    AUTH_JWT_AUDIENCE: issuer.audience,
    AUTH_JWT_ALGORITHMS: "ES256",
    AUTH_JWKS: issuer.jwks,
    // NL is held statically: the company that must keep resolving when DE's grant is revoked.
    PLEO_CREDENTIALS: JSON.stringify({ companies: { [NL]: { apiKey: CREDENTIALS.nl.secret } } }),
    PLEO_OAUTH_CLIENT_ID: OAUTH_CLIENT.clientId,
    PLEO_OAUTH_CLIENT_SECRET: OAUTH_CLIENT.clientSecret,
    PLEO_OAUTH_REDIRECT_URI: `${PUBLIC_URL}${CALLBACK_PATH}`,
    OAUTH_RETURN_TO_ALLOWLIST: new URL(RETURN_TO).origin,
    VAULT_BACKEND: "redis",
    VAULT_KEYS: `fleet-1:${randomBytes(32).toString("base64")}`,
    // The crowd costs Pleo some 30 calls a second on the one token of the moment: more than the
    // default per-credential budget allows, and budgets are not what this test is about.
    PLEO_RATE_LIMIT_PER_MINUTE: "600",
    PLEO_RATE_LIMIT_BURST: "500",
  },
  simulatorEnv: { SIM_OAUTH_ACCESS_TOKEN_TTL_S: String(ACCESS_TOKEN_TTL_S) },
});

/** Every token the simulator issues starts so (src/simulator/oauth/grants.ts). */
const ISSUED_TOKEN = /sim_o[ar]t_/;
const DE_VENDORS = "query($id: ID!) { company(id: $id) { vendors(first: 1) { totalCount } } }";
const BOTH_VENDORS = `query {
  de: company(id: "${DE}") { vendors(first: 1) { totalCount } }
  nl: company(id: "${NL}") { vendors(first: 1) { totalCount } }
}`;
const CONNECTIONS = "{ connections { status kind subject { id } } }";
const START = `mutation($returnTo: String!) {
  startPleoConnection(input: { returnTo: $returnTo }) {
    ... on StartPleoConnectionPayload { authorizationUrl }
    ... on ConnectionFailure { code message }
  }
}`;

let admin: Record<string, string>;
let reader: Record<string, string>;
let grantId: string;

beforeAll(async () => {
  const response = await fetch(`${fleet().simulatorUrl}/__sim/oauth/clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(OAUTH_CLIENT),
  });
  expect(response.status).toBe(201);
  admin = await issuer.headers("user:fleet-admin", { pleo_manage: [ORGANISATIONS.loveCremeBrulee.id] });
  reader = await issuer.headers("user:fleet-reader", { pleo_companies: [NL, DE] });
});

describe("a fleet of three holding one OAuth grant", () => {
  it("connects DE through the flow, started on one instance and finished on another", async () => {
    grantId = await connect(DE, { startOn: 0, callbackOn: 1 });
    for (let i = 0; i < INSTANCES; i++) {
      const { body } = await fleet().gql(i, DE_VENDORS, {
        variables: { id: DE },
        headers: reader,
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.company.vendors.totalCount).toBeGreaterThan(0);
    }
  }, 30_000);

  it(
    "refreshes the grant exactly once per expiry under a crowd of callers, none failing",
    async () => {
      const before = await lastSeq();
      const started = Date.now();
      const { served, failures } = await crowd(LOAD_MS);
      const elapsedMs = Date.now() - started;

      expect(failures).toEqual({});
      expect(served).toBeGreaterThan(500);

      const refreshes = (await tokenCalls(before)).filter((c) => c.grantType === "refresh_token");
      // Every refresh Pleo answered rotated the current pair: none presented a token twice.
      expect(refreshes.map((c) => c.status).filter((s) => s !== 200)).toEqual([]);
      const gaps = refreshes.slice(1).map((c, i) => Date.parse(c.at) - Date.parse(refreshes[i]?.at ?? c.at));
      // One refresh per token: two instances refreshing the same token would be milliseconds apart.
      expect(Math.min(...gaps)).toBeGreaterThan(REFRESH_AFTER_MS - 400);
      expect(refreshes.length).toBeGreaterThanOrEqual(
        Math.floor(elapsedMs / (ACCESS_TOKEN_TTL_S * 1_000)) - 1,
      );
      expect(refreshes.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / REFRESH_AFTER_MS) + 1);

      const grant = await grantSummary(grantId);
      expect(grant.status).toBe("ACTIVE");
      expect(grant.revokedReason).toBeNull();
      // The grant's whole life: each rotation the simulator counted is one refresh call the fleet made.
      const allRefreshes = (await tokenCalls(0)).filter((c) => c.grantType === "refresh_token");
      expect(grant.refreshCount).toBe(allRefreshes.length);

      // The tokens live in Redis (the vault) and pass through every process: sealed, and never logged.
      const inClear = (await fleet().storedKeys()).filter((k) => ISSUED_TOKEN.test(k.content));
      expect(inClear.map((k) => k.key)).toEqual([]);
      expect(
        fleet()
          .logLines()
          .filter((line) => ISSUED_TOKEN.test(line)),
      ).toEqual([]);
    },
    LOAD_MS + 30_000,
  );

  it("marks the grant REAUTHORIZATION_REQUIRED after a stale refresh token revoked it, for DE only", async () => {
    const hook = await fetch(
      `${fleet().simulatorUrl}/__sim/oauth/grants/${grantId}/present-stale-refresh-token`,
      { method: "POST" },
    );
    expect(hook.status).toBe(200);
    expect((await grantSummary(grantId)).status).toBe("REVOKED");
    const afterHook = await lastSeq();

    const deCodes = async (i: number) => {
      const { body } = await fleet().gql(i, BOTH_VENDORS, { headers: reader, timeoutMs: REQUEST_TIMEOUT_MS });
      // NL is untouched by DE's grant, whatever state DE is in.
      expect(body.data.nl.vendors.totalCount).toBeGreaterThan(0);
      return codesOf(body);
    };
    // The first call after the revocation meets Pleo's 401; the one refresh it triggers is refused.
    let seen: string[] = [];
    await eventually(async () => {
      seen = await deCodes(0);
      return seen.includes("REAUTHORIZATION_REQUIRED");
    }, 10_000).catch(() => expect(seen).toContain("REAUTHORIZATION_REQUIRED"));
    for (let i = 0; i < INSTANCES; i++) expect(await deCodes(i)).toEqual(["REAUTHORIZATION_REQUIRED"]);

    // Pleo refused the fleet's refresh once; no instance kept presenting the revoked grant's token.
    const refused = (await tokenCalls(afterHook)).filter((c) => c.grantType === "refresh_token");
    expect(refused.map((c) => c.status)).toEqual([400]);

    const { body } = await fleet().gql(2, CONNECTIONS, { headers: admin, timeoutMs: REQUEST_TIMEOUT_MS });
    expect(body.errors).toBeUndefined();
    const de = body.data.connections.find((c: { subject: { id: string } }) => c.subject.id === DE);
    expect(de).toMatchObject({ status: "REAUTHORIZATION_REQUIRED", kind: "OAUTH" });
  }, 40_000);
});

/**
 * The whole connect flow over HTTP, as a browser would walk it: start (instance `startOn`), the consent
 * form posted with the company picked, the callback (through the balancer, to `callbackOn`) with the
 * flow's cookie. Returns the simulator's id of the new grant.
 */
async function connect(company: string, route: { startOn: number; callbackOn: number }): Promise<string> {
  const cluster = fleet();
  const started = await fetch(`${cluster.gateways[route.startOn]}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...admin },
    body: JSON.stringify({ query: START, variables: { returnTo: RETURN_TO } }),
  });
  const { data, errors } = (await started.json()) as {
    data?: { startPleoConnection: { authorizationUrl: string } };
    errors?: unknown;
  };
  expect(errors).toBeUndefined();
  const cookie = started.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const authorizationUrl = new URL(data?.startPleoConnection.authorizationUrl ?? "");
  expect(authorizationUrl.origin).toBe(cluster.simulatorUrl);

  const consent = await fetch(authorizationUrl);
  expect(consent.status).toBe(200);
  const form = new URLSearchParams(authorizationUrl.searchParams);
  form.set("subject", `urn:pleo:company:${company}`);
  form.set("decision", "approve");
  const decided = await fetch(`${cluster.simulatorUrl}/oauth/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
  expect(decided.status).toBe(302);
  const callback = new URL(decided.headers.get("location") ?? "");
  expect(`${callback.origin}${callback.pathname}`).toBe(`${PUBLIC_URL}${CALLBACK_PATH}`);

  const finished = await fetch(`${cluster.gateways[route.callbackOn]}${CALLBACK_PATH}${callback.search}`, {
    headers: { cookie },
    redirect: "manual",
  });
  expect(finished.status).toBe(302);
  const back = new URL(finished.headers.get("location") ?? "");
  expect(`${back.origin}${back.pathname}`).toBe(RETURN_TO);
  expect(back.searchParams.get("connection")).toBe("connected");

  const grants = await listGrants();
  const grant = grants.find(
    (g) => g.clientId === OAUTH_CLIENT.clientId && g.subject.id === company && g.status === "ACTIVE",
  );
  if (!grant) throw new Error(`no active grant for ${company}: ${JSON.stringify(grants)}`);
  return grant.id;
}

/** CONCURRENT_CALLERS callers, round robin over the instances, asking for DE's vendors for `ms`. */
async function crowd(ms: number): Promise<{ served: number; failures: Record<string, number> }> {
  const end = Date.now() + ms;
  let served = 0;
  const failures = new Map<string, number>();
  const fail = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
  await Promise.all(
    Array.from({ length: CONCURRENT_CALLERS }, async (_, caller) => {
      while (Date.now() < end) {
        const instance = caller % INSTANCES;
        try {
          const { status, body } = await fleet().gql(instance, DE_VENDORS, {
            variables: { id: DE },
            headers: reader,
            timeoutMs: REQUEST_TIMEOUT_MS,
          });
          if (status === 200 && !body.errors && body.data?.company?.vendors?.totalCount > 0) served += 1;
          else fail(`instance ${instance}: ${status} ${codesOf(body).join(",") || JSON.stringify(body)}`);
        } catch (error) {
          fail(String(error));
        }
      }
    }),
  );
  return { served, failures: Object.fromEntries(failures) };
}

interface GrantSummary {
  id: string;
  clientId: string;
  subject: { type: string; id: string };
  status: "ACTIVE" | "REVOKED";
  revokedReason: string | null;
  refreshCount: number;
}

async function listGrants(): Promise<GrantSummary[]> {
  const response = await fetch(`${fleet().simulatorUrl}/__sim/oauth/grants`);
  return ((await response.json()) as { data: GrantSummary[] }).data;
}

async function grantSummary(id: string): Promise<GrantSummary> {
  const grant = (await listGrants()).find((g) => g.id === id);
  if (!grant) throw new Error(`no grant ${id}`);
  return grant;
}

/** Token-endpoint calls for the grant after log position `after`, oldest first. */
async function tokenCalls(after: number): Promise<SimRequestLogEntry[]> {
  return (await fleet().pleoCalls()).filter(
    (e) => e.seq > after && e.path === "/oauth/token" && e.grantId === grantId,
  );
}

async function lastSeq(): Promise<number> {
  return (await fleet().pleoCalls()).at(-1)?.seq ?? 0;
}

// biome-ignore lint/suspicious/noExplicitAny: GraphQL error lists are read field by field.
function codesOf(body: any): string[] {
  return ((body?.errors ?? []) as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code ?? "");
}

/** An ES256 issuer of caller JWTs, as the fleet's identity provider; claims as given. */
async function callerTokenIssuer() {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = "fleet-test";
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  const iss = "urn:pleo-gateway:fleet-test-issuer";
  const aud = "pleo-gateway";
  return {
    issuer: iss,
    audience: aud,
    jwks: JSON.stringify({ keys: [jwk] }),
    async headers(subject: string, claims: Record<string, string[]>): Promise<Record<string, string>> {
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: "ES256", kid })
        .setIssuer(iss)
        .setAudience(aud)
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey);
      return { authorization: `Bearer ${token}` };
    },
  };
}
