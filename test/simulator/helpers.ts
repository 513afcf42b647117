import { afterAll, beforeAll } from "vitest";
import { readAllPages } from "../../src/pleo/all-pages.ts";
import { type RunningSimulator, type SimCredential, startSimulator } from "../../src/simulator/index.ts";
import { basic, bearer } from "../support/auth-headers.ts";

// The simulator tests' one import for calling it, header builders included (defined once in test/support).
export { basic, bearer };

/** The header a well-behaved client sends for this credential. */
export function authFor(credential: SimCredential): string {
  return credential.kind === "apiKey" ? basic(credential.secret) : bearer(credential.secret);
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are inspected field by field in assertions.
export type Json = any;

export type QueryValue = string | number | boolean | readonly string[];

export interface CallOptions {
  query?: Record<string, QueryValue | undefined>;
  body?: unknown;
  /** Raw body text, sent as is (for malformed JSON). */
  rawBody?: string;
  /** Overrides the Authorization header; null sends none. */
  authorization?: string | null;
  headers?: Record<string, string>;
}

export interface CallResult<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export function buildUrl(base: string, path: string, query: CallOptions["query"] = {}): string {
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, item);
    else url.searchParams.append(name, String(value));
  }
  return url.toString();
}

/** One HTTP request against the simulator, as the credential (or with the given raw Authorization). */
export async function call<T = Json>(
  sim: RunningSimulator,
  credential: SimCredential | null,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  const authorization =
    options.authorization === undefined && credential ? authFor(credential) : options.authorization;
  if (authorization) headers.authorization = authorization;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const response = await fetch(buildUrl(sim.url, path, options.query), { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
  };
}

/** Starts one simulator for the test file (port 0) and closes it afterwards. */
export function useSimulator(): () => RunningSimulator {
  let sim: RunningSimulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error("simulator not started");
    return sim;
  };
}

/** Follows `after=endCursor` until the last page; returns every item in order. */
export async function collectAll<T>(
  sim: RunningSimulator,
  credential: SimCredential,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<T[]> {
  const { items, complete } = await readAllPages<T>(
    async ({ limit, after }) => {
      const page = await call(sim, credential, method, path, {
        ...options,
        query: { ...options.query, limit, ...(after ? { after } : {}) },
      });
      if (page.status !== 200)
        throw new Error(`${method} ${path} → ${page.status} ${JSON.stringify(page.body)}`);
      return { items: page.body.data as T[], pageInfo: page.body.pagination };
    },
    { maxPages: 100 },
  );
  if (!complete) throw new Error("pagination did not terminate");
  return [...items];
}
