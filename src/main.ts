import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createGateway } from "./app.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { gatewayOptionsFromConfig } from "./config-options.ts";
import { Fleet } from "./fleet/fleet.ts";
import { fleetConfigFrom } from "./fleet/redis-config.ts";
import { createLogger } from "./support/logger.ts";

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
  // The simulator and the demo wiring are loaded only when they run: a gateway pointed at Pleo carries
  // neither their code nor their seed data.
  const embedded = config.PLEO_API_URL
    ? undefined
    : await (await import("./embedded/embedded.ts")).startEmbedded({ simulatorPort: config.SIM_PORT });
  const fleetConfig = fleetConfigFrom(config);
  const fleet = fleetConfig ? await Fleet.join(fleetConfig, logger) : undefined;
  const options = gatewayOptionsFromConfig(config, { logger, embedded });
  const gateway = await createGateway(fleet ? { ...options, fleet } : options);
  const server = createServer(gateway.handler);
  // Subscriptions over graphql-ws share the port and path (SSE needs nothing: it is plain HTTP).
  const webSockets = gateway.serveWebSockets(server);
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
      pleo: embedded ? "embedded simulator" : options.pleo.baseUrl,
      ...(fleet ? { redis: fleet.target, redisHealth: fleet.health } : {}),
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
    // Upgraded sockets are no longer the HTTP server's to wait for: their subscriptions end now.
    await webSockets.close();
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
    await fleet?.leave();
    await embedded?.simulator.close();
    logger.info({ signal }, "stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("gateway failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
