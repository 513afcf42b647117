import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createGateway, type Gateway } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { gatewayOptionsFromConfig } from "../../src/config-options.ts";
import { type EmbeddedEnvironment, startEmbedded } from "../../src/embedded/embedded.ts";
import { COMPANIES, ORGANISATIONS } from "../../src/simulator/index.ts";
import { logCapture } from "../support/log-capture.ts";

/**
 * The embedded demo wiring with connections switched on: simulator (short OAuth token lifetime), dev
 * JWT issuer, a vault in a temporary directory, and the gateway's callback registered with the
 * simulator's demo client. Unlike the suite's harness, the gateway's port is known before it is built,
 * because its OAuth redirect URI names it.
 */
export interface ConnectionsFixture {
  readonly url: string;
  readonly env: EmbeddedEnvironment;
  readonly gateway: Gateway;
  readonly logLines: string[];
  /** A caller JWT: `manages` is the manage claim, `companies` the granted companies. */
  token(subject: string, options?: { manages?: string[]; companies?: string[] }): Promise<string>;
  gql(
    query: string,
    variables: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes.
    body: { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] };
    headers: Headers;
    text: string;
  }>;
  close(): Promise<void>;
}

export const GROUP = [COMPANIES.nl.id, COMPANIES.de.id, COMPANIES.be.id];
export const GROUP_ORG = ORGANISATIONS.loveCremeBrulee.id;

export async function startConnectionsFixture(
  options: { accessTokenTtlMs?: number } = {},
): Promise<ConnectionsFixture> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const env = await startEmbedded({
    simulatorPort: 0,
    oauthAccessTokenTtlMs: options.accessTokenTtlMs ?? 60_000,
  });
  const { logger, lines: logLines } = logCapture();
  const config = loadConfig({
    HOST: "127.0.0.1",
    PORT: String(port),
    CALLER_RATE_LIMIT_PER_MINUTE: "0",
    PLEO_HEADERS_TIMEOUT_MS: "5000",
  });
  const gateway = await createGateway({
    ...gatewayOptionsFromConfig(config, { logger, embedded: env }),
    operations: { processMetrics: false },
  });
  server.on("request", gateway.handler);
  return {
    url,
    env,
    gateway,
    logLines,
    token: (subject, o = {}) =>
      env.auth.issue({
        subject,
        companies: o.companies ?? GROUP,
        organisations: [GROUP_ORG],
        ...(o.manages ? { manages: o.manages } : {}),
      }),
    async gql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return { body: JSON.parse(text), headers: response.headers, text };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.close();
      await env.simulator.close();
    },
  };
}

export const START = `mutation Start($returnTo: String!) {
  startPleoConnection(input: { returnTo: $returnTo }) {
    __typename
    ... on StartPleoConnectionPayload { authorizationUrl }
    ... on ConnectionFailure { code message }
  }
}`;

export const CONNECTIONS = `{ connections { subject { kind id name organisationId } kind status scopes accessTokenExpiresAt lastRefreshAt connectedBy connectedAt } }`;

/** A browser's walk through a started flow: consent page, form POST, and Pleo's redirect (not followed). */
export interface StartedFlow {
  readonly authorizationUrl: string;
  /** `name=value` of the flow's browser-binding cookie. */
  readonly cookie: string;
}

export async function startFlow(
  f: ConnectionsFixture,
  bearer: string,
  returnTo = `${f.url}/settings`,
): Promise<StartedFlow> {
  const response = await f.gql(START, { returnTo }, { authorization: `Bearer ${bearer}` });
  const result = response.body.data?.startPleoConnection;
  if (result?.__typename !== "StartPleoConnectionPayload") throw new Error(`start refused: ${response.text}`);
  const setCookie = response.headers.get("set-cookie") ?? "";
  return { authorizationUrl: result.authorizationUrl, cookie: setCookie.split(";")[0] ?? "" };
}

/**
 * Fetches the consent page (as a browser would), then posts the decision like the page's form does.
 * Returns where the simulator redirects the browser (the gateway's callback, with code or error).
 */
export async function consent(
  authorizationUrl: string,
  decision: "approve" | "deny",
  subjectUrn: string,
): Promise<string> {
  const page = await fetch(authorizationUrl);
  if (page.status !== 200) throw new Error(`consent page: HTTP ${page.status}`);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    form.set(decode(match[1] as string), decode(match[2] as string));
  form.set("subject", subjectUrn);
  form.set("decision", decision);
  const action = new URL("/oauth/authorize", authorizationUrl);
  const answer = await fetch(action, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location) throw new Error(`consent POST: HTTP ${answer.status}`);
  return location;
}

/** The browser arriving at the gateway's callback; returns the gateway's answer (redirect not followed). */
export async function arrive(location: string, cookie: string): Promise<Response> {
  return fetch(location, { headers: cookie ? { cookie } : {}, redirect: "manual" });
}

export function outcomeOf(response: Response): string | null {
  const location = response.headers.get("location");
  return location ? new URL(location).searchParams.get("connection") : null;
}

function decode(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}
