import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createGateway, type Gateway, type GatewayOptions, type OperationsOptions } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { gatewayOptionsFromConfig, resilienceFromConfig } from "../../src/config-options.ts";
import type { CallerTokenOptions } from "../../src/context/caller-token.ts";
import type { CredentialStore } from "../../src/credentials/store.ts";
import { type EmbeddedEnvironment, startEmbedded } from "../../src/embedded/embedded.ts";
import type { Persona } from "../../src/embedded/personas.ts";
import type { Fleet } from "../../src/fleet/fleet.ts";
import { ALL_CREDENTIALS, type SimRequestLogEntry } from "../../src/simulator/index.ts";
import type { ResilienceOptions } from "../../src/upstream/options.ts";
import { basic } from "./auth-headers.ts";
import { logCapture } from "./log-capture.ts";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: GraphQLErrorBody[] };
  text: string;
}

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface Harness {
  readonly url: string;
  readonly simulatorUrl: string;
  readonly env: EmbeddedEnvironment;
  readonly gateway: Gateway;
  /** Every log line the gateway wrote, raw. */
  readonly logLines: string[];
  gql<T = Record<string, unknown>>(
    query: string,
    options?: { headers?: Record<string, string>; variables?: Record<string, unknown> },
  ): Promise<GraphQLResponse<T>>;
  persona(name: string): Promise<Persona>;
  simRequests(): Promise<SimRequestLogEntry[]>;
  resetSim(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The embedded wiring `npm start` uses (simulator + dev JWT issuer + seeded credential store), with the
 * gateway on an ephemeral loopback port and driven over real HTTP.
 */
export async function startHarness(
  overrides: {
    credentialStore?: CredentialStore;
    introspectionTtlMs?: number;
    /** null: run without caller-JWT verification. */
    callerTokens?: CallerTokenOptions | null;
    simulatorLatencyMs?: number;
    /** Settings as a deployment would set them (environment variables), e.g. the hardening ones. */
    security?: Record<string, string>;
    /** The base URL the gateway calls Pleo at, given the simulator's (e.g. a test proxy in front of it). */
    pleoBaseUrl?: (simulatorUrl: string) => string | Promise<string>;
    /** Upstream time to response headers (default 5 s); short to provoke timeouts. */
    pleoHeadersTimeoutMs?: number;
    /**
     * Upstream resilience. Default: the production defaults, except a per-credential rate budget the
     * suite cannot reach (the simulator has no rate limit; test/ops exercises the real budget).
     */
    resilience?: Partial<ResilienceOptions>;
    /** Request deadline, metrics, readiness probe, tracing (default: the gateway's defaults). */
    operations?: OperationsOptions;
    /** A fleet this gateway joins (the test owns it and leaves it after `close`). */
    fleet?: Fleet;
  } = {},
): Promise<Harness> {
  const env = await startEmbedded({
    simulatorPort: 0,
    simulatorLatencyMs: overrides.simulatorLatencyMs ?? 0,
  });
  const { logger, lines: logLines } = logCapture();
  // Settings as a deployment would write them, mapped to options exactly as src/main.ts maps its own.
  const config = loadConfig({
    // A loopback simulator: a small pool and short timeouts.
    PLEO_CONNECT_TIMEOUT_MS: "2000",
    PLEO_HEADERS_TIMEOUT_MS: String(overrides.pleoHeadersTimeoutMs ?? 5_000),
    PLEO_BODY_TIMEOUT_MS: "5000",
    PLEO_KEEPALIVE_TIMEOUT_MS: "5000",
    PLEO_MAX_CONNECTIONS: "16",
    INTROSPECTION_CACHE_TTL_MS: String(overrides.introspectionTtlMs ?? 60_000),
    INTROSPECTION_CACHE_MAX_ENTRIES: "1000",
    // Every test calls from one address: the per-caller limit is tested where a test turns it on.
    CALLER_RATE_LIMIT_PER_MINUTE: "0",
    // Tests count the upstream calls one request makes (a cold cache); test/cache turns the read cache on.
    READ_CACHE_ENABLED: "false",
    ...(overrides.pleoBaseUrl ? { PLEO_API_URL: await overrides.pleoBaseUrl(env.simulator.url) } : {}),
    ...overrides.security,
  });
  const configured = gatewayOptionsFromConfig(config, { logger, embedded: env });
  // What configuration cannot express: test doubles, and limits beyond what a deployment may set.
  const options: GatewayOptions = {
    ...configured,
    pleo: {
      ...configured.pleo,
      resilience: {
        ...resilienceFromConfig(config),
        rateBudget: { perMinute: 1_000_000, burst: 100_000 },
        ...overrides.resilience,
      },
    },
    credentialStore: overrides.credentialStore ?? configured.credentialStore,
    callerTokens:
      overrides.callerTokens === null ? undefined : (overrides.callerTokens ?? configured.callerTokens),
    // Many gateways share one test process: the process's own metrics would be the same for each.
    operations: { ...configured.operations, processMetrics: false, ...overrides.operations },
    ...(overrides.fleet ? { fleet: overrides.fleet } : {}),
  };
  const gateway = await createGateway(options);
  const server: Server = createServer(gateway.handler);
  const webSockets = gateway.serveWebSockets(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    simulatorUrl: env.simulator.url,
    env,
    gateway,
    logLines,
    async gql(query, { headers = {}, variables } = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json",
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
    },
    async persona(name) {
      const personas = (await (await fetch(`${url}/dev/personas`)).json()) as Persona[];
      const found = personas.find((p) => p.name === name);
      if (!found) throw new Error(`no persona ${name}`);
      return found;
    },
    async simRequests() {
      const body = (await (await fetch(`${env.simulator.url}/__sim/requests`)).json()) as {
        data: SimRequestLogEntry[];
      };
      return body.data;
    },
    async resetSim() {
      await fetch(`${env.simulator.url}/__sim/reset`, { method: "POST" });
    },
    async close() {
      await webSockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.close();
      await env.simulator.close();
      // Every harness of the suite checks its gateway's whole log: no seeded secret may appear in it.
      const leaked = leakedSecrets(logLines);
      if (leaked.length > 0) throw new Error(`gateway log contains secrets of: ${leaked.join(", ")}`);
    },
  };
}

/** Errors of a response, by their code. */
export function codes(response: GraphQLResponse<unknown>): string[] {
  return (response.body.errors ?? []).map((e) => String(e.extensions?.code));
}

/** Labels of seeded credentials whose secret (raw, or as its Basic header value) appears in `lines`. */
export function leakedSecrets(lines: readonly string[]): string[] {
  const text = lines.join("\n");
  return ALL_CREDENTIALS.filter(
    (c) => text.includes(c.secret) || text.includes(basic(c.secret).slice("Basic ".length)),
  ).map((c) => c.label);
}
