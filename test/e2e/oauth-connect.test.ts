import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { gatewayOptionsFromConfig } from "../../src/config-options.ts";
import { type EmbeddedEnvironment, startEmbedded } from "../../src/embedded/embedded.ts";
import { COMPANIES, ORGANISATIONS, type SimRequestLogEntry } from "../../src/simulator/index.ts";
import { launchBrowser, type TestBrowser } from "../support/browser.ts";
import { leakedSecrets } from "../support/harness.ts";
import { logCapture } from "../support/log-capture.ts";

/**
 * Issue 12's connect flow in a real browser (Debian's headless Chromium): the embedded wiring `npm start`
 * uses (simulator, demo OAuth client, file vault), an admin starting a connection, the simulator's
 * consent page clicked through, Pleo's redirect to the gateway's callback and on to the app's return
 * page, then the connection listed and the company's books resolving through the gateway.
 *
 * The gateway listens before it is built: in the embedded demo its callback URL (registered with the
 * simulator's demo client) is derived from the port it serves on.
 */
const COMPANY = COMPANIES.be;
const SUBJECT_URN = `urn:pleo:company:${COMPANY.id}`;
/** Every token the simulator issues starts so: none may reach a response, a page or a log line. */
const ISSUED_TOKEN = /sim_o[ar]t_/;
const START = `mutation($returnTo: String!) {
  startPleoConnection(input: { returnTo: $returnTo }) {
    ... on StartPleoConnectionPayload { authorizationUrl }
    ... on ConnectionFailure { code message }
  }
}`;
const CONNECTIONS = `{ connections { kind status scopes connectedBy subject { id } } }`;
const VENDORS = "query($id: ID!) { company(id: $id) { name vendors(first: 3) { totalCount } } }";

let app: ReturnToPage;
let gatewayServer: Server;
let gatewayUrl: string;
let env: EmbeddedEnvironment;
let gateway: Gateway;
let browser: TestBrowser;
let vaultDir: string;
let admin: Record<string, string>;
let reader: Record<string, string>;
const logLines: string[] = [];

beforeAll(async () => {
  app = await startReturnToPage();
  let handler: Gateway["handler"] | undefined;
  gatewayServer = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  const port = await listen(gatewayServer);
  gatewayUrl = `http://127.0.0.1:${port}`;
  env = await startEmbedded({ simulatorPort: 0 });
  vaultDir = mkdtempSync(join(tmpdir(), "pleo-gw-e2e-vault-"));
  const config = loadConfig({
    HOST: "127.0.0.1",
    PORT: String(port),
    OAUTH_RETURN_TO_ALLOWLIST: app.url,
    VAULT_FILE: join(vaultDir, "vault.json"),
    CALLER_RATE_LIMIT_PER_MINUTE: "0",
  });
  gateway = await createGateway(
    gatewayOptionsFromConfig(config, { logger: logCapture("info", logLines).logger, embedded: env }),
  );
  handler = gateway.handler;
  admin = bearer(
    await env.auth.issue({ subject: "user:e2e-admin", manages: [ORGANISATIONS.loveCremeBrulee.id] }),
  );
  reader = bearer(await env.auth.issue({ subject: "user:e2e-reader", companies: [COMPANY.id] }));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  gatewayServer?.closeAllConnections();
  await new Promise((resolve) => gatewayServer?.close(resolve));
  await gateway?.close();
  await env?.simulator.close();
  await app?.close();
  if (vaultDir) rmSync(vaultDir, { recursive: true, force: true });
  expect(leakedSecrets(logLines)).toEqual([]);
  expect(logLines.join("\n")).not.toMatch(ISSUED_TOKEN);
});

describe("connecting a company through Pleo's OAuth flow in a browser", () => {
  it("denied consent comes back as access_denied and stores nothing", async () => {
    const before = await connections();
    const { page, navigations } = await openConsent("/settings/connections?tab=pleo");
    await pickCompany(page);
    await Promise.all([page.waitForURL(`${app.url}/**`), page.getByRole("button", { name: "Deny" }).click()]);

    const back = new URL(page.url());
    expect(back.pathname).toBe("/settings/connections");
    expect(back.searchParams.get("tab")).toBe("pleo");
    expect(back.searchParams.get("connection")).toBe("access_denied");
    expect(navigations.some((u) => u.startsWith(`${gatewayUrl}/oauth/pleo/callback?`))).toBe(true);
    expect(await connections()).toEqual(before);
    await page.close();
  }, 30_000);

  it("approved consent connects the company, lists it, and its vendors resolve for a granted caller", async () => {
    const { page, navigations } = await openConsent("/settings/connections");
    await page.screenshot({ path: "/tmp/consent.png", fullPage: true });
    await pickCompany(page);
    await Promise.all([
      page.waitForURL(`${app.url}/**`),
      page.getByRole("button", { name: "Approve" }).click(),
    ]);

    const back = new URL(page.url());
    expect(back.searchParams.get("connection")).toBe("connected");
    // Pleo → the gateway's callback → the app: the code never reached the app's page.
    const callback = navigations.find((u) => u.startsWith(`${gatewayUrl}/oauth/pleo/callback?`));
    expect(new URL(callback ?? "http://x").searchParams.get("code")).toBeTruthy();
    expect(back.searchParams.has("code")).toBe(false);
    expect(await page.textContent("body")).toContain("connection=connected");
    await page.close();

    const listed = (await connections()).find((c) => c.subject.id === COMPANY.id);
    expect(listed).toMatchObject({ kind: "OAUTH", status: "ACTIVE", connectedBy: "user:e2e-admin" });
    expect(listed?.scopes).toContain("vendors:read");

    const since = await lastSeq();
    const answer = await gql(VENDORS, reader, { id: COMPANY.id });
    expect(answer.text).not.toMatch(ISSUED_TOKEN);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.company.vendors.totalCount).toBeGreaterThan(0);
    // The books were read with the token the flow obtained, not a seeded credential.
    const reads = (await simRequests()).filter((e) => e.seq > since && e.targetCompanyId === COMPANY.id);
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read.credentialLabel).toMatch(/^oauth:/);
  }, 30_000);
});

/** Starts a connection as the admin (in the browser's profile, which keeps the flow's cookie) and opens Pleo's consent page. */
async function openConsent(returnPath: string) {
  const started = await browser.context.request.post(`${gatewayUrl}/graphql`, {
    headers: { "content-type": "application/json", ...admin },
    data: { query: START, variables: { returnTo: `${app.url}${returnPath}` } },
  });
  const body = (await started.json()) as {
    data?: { startPleoConnection: { authorizationUrl: string } };
    errors?: unknown;
  };
  expect(body.errors).toBeUndefined();
  const authorizationUrl = body.data?.startPleoConnection.authorizationUrl ?? "";
  expect(new URL(authorizationUrl).origin).toBe(env.simulator.url);
  const page = await browser.context.newPage();
  const navigations: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest()) navigations.push(request.url());
  });
  const consent = await page.goto(authorizationUrl);
  expect(consent?.status()).toBe(200);
  return { page, navigations };
}

/** Picks the company as a person would: by the name its radio button is labelled with. */
async function pickCompany(page: Page): Promise<void> {
  const choice = page.getByRole("radio", { name: COMPANY.name });
  await choice.check();
  expect(await choice.getAttribute("value")).toBe(SUBJECT_URN);
}

interface ListedConnection {
  kind: string;
  status: string;
  scopes: string[];
  connectedBy: string;
  subject: { id: string };
}

async function connections(): Promise<ListedConnection[]> {
  const answer = await gql(CONNECTIONS, admin);
  expect(answer.body.errors).toBeUndefined();
  expect(answer.text).not.toMatch(ISSUED_TOKEN);
  return answer.body.data.connections;
}

async function gql(query: string, headers: Record<string, string>, variables?: Record<string, unknown>) {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: GraphQL bodies are inspected field by field.
  return { status: response.status, text, body: JSON.parse(text) as any };
}

async function simRequests(): Promise<SimRequestLogEntry[]> {
  const response = await fetch(`${env.simulator.url}/__sim/requests`);
  return ((await response.json()) as { data: SimRequestLogEntry[] }).data;
}

async function lastSeq(): Promise<number> {
  return (await simRequests()).at(-1)?.seq ?? 0;
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** The app a finished flow returns to: a page showing what the gateway put in its URL. */
interface ReturnToPage {
  readonly url: string;
  close(): Promise<void>;
}

async function startReturnToPage(): Promise<ReturnToPage> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    res.end(`Back in the app: ${new URL(req.url ?? "/", "http://app").search}`);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}
