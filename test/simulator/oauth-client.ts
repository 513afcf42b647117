import { createHash, randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { RunningSimulator, SimRequestLogEntry } from "../../src/simulator/index.ts";
import type { Json } from "./helpers.ts";

/**
 * A hand-driven OAuth client for the simulator's authorisation server: walks the consent page as a browser
 * would (read the form's fields out of the HTML, post them back) and calls the token endpoints with form
 * bodies, so the tests see every refusal on the wire.
 */

export const REDIRECT_URI = "http://127.0.0.1:9/oauth/callback";
export const CLIENT = { clientId: "test-integration", clientSecret: "test-client-secret-1" } as const;

export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(48).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export async function registerClient(
  sim: RunningSimulator,
  client: { clientId: string; clientSecret: string; redirectUris: string[]; scopes?: string[] },
): Promise<Json> {
  const res = await fetch(`${sim.url}/__sim/oauth/clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(client),
  });
  expect(res.status).toBe(201);
  return res.json();
}

export function authorizeParams(overrides: Record<string, string | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  const all: Record<string, string | undefined> = {
    response_type: "code",
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    scope: "companies:read vendors:read",
    state: "state-xyz",
    code_challenge_method: "S256",
    ...overrides,
  };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) params.set(name, value);
  return params;
}

export interface Page {
  readonly status: number;
  readonly html: string;
  readonly location: string | null;
}

export async function getAuthorize(sim: RunningSimulator, params: URLSearchParams): Promise<Page> {
  const res = await fetch(`${sim.url}/oauth/authorize?${params}`, { redirect: "manual" });
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
}

/** The consent form's hidden fields and subject choices, read out of the page's HTML. */
export function readConsentForm(html: string): { hidden: URLSearchParams; subjects: string[] } {
  const hidden = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    hidden.set(unescapeHtml(match[1] ?? ""), unescapeHtml(match[2] ?? ""));
  const subjects = [...html.matchAll(/<input type="radio" name="subject" value="([^"]*)"/g)].map((m) =>
    unescapeHtml(m[1] ?? ""),
  );
  return { hidden, subjects };
}

/** Posts the consent form as the browser would; answers the redirect (or the page refusing it). */
export async function postDecision(
  sim: RunningSimulator,
  fields: URLSearchParams,
  decision: "approve" | "deny",
  subject?: string,
): Promise<Page> {
  const form = new URLSearchParams(fields);
  form.set("decision", decision);
  if (subject !== undefined) form.set("subject", subject);
  const res = await fetch(`${sim.url}/oauth/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
}

/** Consent page → approve for the subject → the code from the redirect. */
export async function obtainCode(
  sim: RunningSimulator,
  subject: string,
  overrides: Record<string, string | undefined> = {},
): Promise<{ code: string; pkce: Pkce }> {
  const challenge = pkce();
  const page = await getAuthorize(
    sim,
    authorizeParams({ code_challenge: challenge.challenge, ...overrides }),
  );
  expect(page.status).toBe(200);
  const { hidden } = readConsentForm(page.html);
  const answer = await postDecision(sim, hidden, "approve", subject);
  expect(answer.status).toBe(302);
  const code = new URL(answer.location ?? "").searchParams.get("code");
  if (!code) throw new Error(`no code in ${answer.location}`);
  return { code, pkce: challenge };
}

export function basicClientAuth(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
}

export interface FormCallResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Json;
}

/** POSTs a form to the token (or introspection) endpoint; client Basic auth unless `authorization` says. */
export async function postForm(
  sim: RunningSimulator,
  path: "/oauth/token" | "/oauth/token/introspect",
  fields: Record<string, string>,
  authorization: string | null = basicClientAuth(CLIENT.clientId, CLIENT.clientSecret),
): Promise<FormCallResult> {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (authorization !== null) headers.authorization = authorization;
  const res = await fetch(`${sim.url}${path}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** The token request's form for an authorisation code. */
export function codeGrant(
  code: string,
  verifier: string,
  redirectUri = REDIRECT_URI,
): Record<string, string> {
  return { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier };
}

export function exchange(sim: RunningSimulator, code: string, verifier: string, redirectUri = REDIRECT_URI) {
  return postForm(sim, "/oauth/token", codeGrant(code, verifier, redirectUri));
}

export function refresh(sim: RunningSimulator, refreshToken: string) {
  return postForm(sim, "/oauth/token", { grant_type: "refresh_token", refresh_token: refreshToken });
}

export async function grants(sim: RunningSimulator): Promise<Json[]> {
  const res = await fetch(`${sim.url}/__sim/oauth/grants`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: Json[] }).data;
}

export async function requestLog(sim: RunningSimulator): Promise<SimRequestLogEntry[]> {
  const res = await fetch(`${sim.url}/__sim/requests`);
  return ((await res.json()) as { data: SimRequestLogEntry[] }).data;
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
