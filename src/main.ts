import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { JSONWebKeySet } from "jose";
import { createGateway, type GatewayOptions } from "./app.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import type { CallerTokenOptions } from "./context/caller-token.ts";
import { InMemoryCredentialStore, loadCredentialStoreData } from "./credentials/store.ts";
import { type EmbeddedEnvironment, startEmbedded } from "./embedded/embedded.ts";
import { securityOptions } from "./security/options.ts";
import { createLogger } from "./support/logger.ts";
import { tracingRequested } from "./support/tracing.ts";
import { resilienceFromConfig } from "./upstream/options.ts";

/** Process entry: configuration, the embedded simulator when no Pleo URL is set, listen, shutdown. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const embedded = config.PLEO_API_URL ? undefined : await startEmbedded({ simulatorPort: config.SIM_PORT });
  const pleoBaseUrl = config.PLEO_API_URL ?? (embedded as EmbeddedEnvironment).simulator.url;

  const options: GatewayOptions = {
    pleo: {
      baseUrl: pleoBaseUrl,
      connectTimeoutMs: config.PLEO_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: config.PLEO_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: config.PLEO_BODY_TIMEOUT_MS,
      keepAliveTimeoutMs: config.PLEO_KEEPALIVE_TIMEOUT_MS,
      maxConnections: config.PLEO_MAX_CONNECTIONS,
      userAgent: "pleo-graphql-gateway/0.1",
      resilience: resilienceFromConfig(config),
    },
    credentialStore:
      embedded?.credentialStore ??
      new InMemoryCredentialStore(
        loadCredentialStoreData({ file: config.PLEO_CREDENTIALS_FILE, inline: config.PLEO_CREDENTIALS }),
      ),
    callerTokens: embedded?.callerTokens ?? callerTokenOptions(config),
    introspection: {
      ttlMs: config.INTROSPECTION_CACHE_TTL_MS,
      maxEntries: config.INTROSPECTION_CACHE_MAX_ENTRIES,
    },
    maxDirectCredentials: config.MAX_DIRECT_CREDENTIALS,
    settings: { accountingEntriesScope: config.PLEO_ACCOUNTING_ENTRIES_SCOPE },
    security: securityOptions(config),
    logger,
    ...(embedded ? { personas: () => embedded.personas() } : {}),
    operations: {
      requestDeadlineMs: config.REQUEST_DEADLINE_MS,
      metrics: config.METRICS_ENABLED,
      processMetrics: true,
      readyProbe: { timeoutMs: config.READY_PROBE_TIMEOUT_MS, cacheMs: config.READY_PROBE_CACHE_MS },
      tracing: tracingRequested({
        OTEL_SDK_DISABLED: config.OTEL_SDK_DISABLED,
        OTEL_TRACES_EXPORTER: config.OTEL_TRACES_EXPORTER,
        OTEL_EXPORTER_OTLP_ENDPOINT: config.OTEL_EXPORTER_OTLP_ENDPOINT,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
      }),
    },
  };
  const gateway = await createGateway(options);
  const server = createServer(gateway.handler);
  // In-flight HTTP requests, so shutdown can wait for them.
  let inFlight = 0;
  server.on("request", (_req, res) => {
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`;
  // One JSON line a supervisor (or a test) can parse for the actual URLs, also with PORT=0.
  logger.info(
    {
      url: `${base}/graphql`,
      pleo: embedded ? "embedded simulator" : pleoBaseUrl,
      ...(embedded ? { simulatorUrl: embedded.simulator.url } : {}),
    },
    "gateway listening",
  );
  if (embedded) {
    console.log(
      [
        "",
        `  Pleo GraphQL gateway  ${base}/graphql   (GraphiQL: open it in a browser; one tab per persona)`,
        `  Pleo API simulator    ${embedded.simulator.url}`,
        `  Demo personas         ${base}/dev/personas   (the exact headers each caller sends)`,
        "",
        "  Try:",
        `    curl -s ${base}/dev/personas | head -40`,
        `    curl -s ${base}/graphql -H 'content-type: application/json' \\`,
        `      -H "x-pleo-api-key: $(curl -s ${base}/dev/personas | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).find(p=>p.name==="org-discovery").headers["x-pleo-api-key"]))')" \\`,
        `      -d '{"query":"{ organisations { companies { edges { node { name vendors(first: 2) { totalCount } } } } } }"}'`,
        "",
      ].join("\n"),
    );
  }

  /**
   * Graceful shutdown: `/ready` turns 503, the listener stops accepting, idle keep-alive connections are
   * closed as they become idle, in-flight requests finish (bounded by SHUTDOWN_TIMEOUT_MS, after which
   * the remaining connections are cut), then the upstream pool and the embedded simulator close.
   */
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal, inFlight }, "second signal: cutting remaining connections");
      server.closeAllConnections();
      return;
    }
    stopping = true;
    gateway.startDraining();
    logger.info({ signal, inFlight, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, "shutting down: draining");
    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
    server.closeIdleConnections();
    const idleCloser = setInterval(() => server.closeIdleConnections(), 50);
    let bound: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      closed,
      new Promise<boolean>((resolve) => {
        bound = setTimeout(() => resolve(false), config.SHUTDOWN_TIMEOUT_MS);
      }),
    ]);
    clearInterval(idleCloser);
    clearTimeout(bound);
    if (!drained) {
      logger.warn({ inFlight }, "shutdown bound reached: cutting remaining connections");
      server.closeAllConnections();
    }
    await gateway.close();
    await embedded?.simulator.close();
    logger.info({ signal }, "stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

function callerTokenOptions(config: Config): CallerTokenOptions | undefined {
  if (!config.AUTH_JWT_ISSUER || !config.AUTH_JWT_AUDIENCE) return undefined;
  const keys = config.AUTH_JWKS_URL
    ? { jwksUrl: config.AUTH_JWKS_URL }
    : config.AUTH_JWKS
      ? { jwks: config.AUTH_JWKS as JSONWebKeySet }
      : undefined;
  if (!keys) return undefined;
  return {
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
    algorithms: config.AUTH_JWT_ALGORITHMS,
    clockToleranceSeconds: config.AUTH_JWT_CLOCK_TOLERANCE_S,
    companiesClaim: config.AUTH_JWT_COMPANIES_CLAIM,
    organisationsClaim: config.AUTH_JWT_ORGANISATIONS_CLAIM,
    keys,
  };
}

main().catch((error: unknown) => {
  console.error("gateway failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
