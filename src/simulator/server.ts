import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { IssuedTokenLookup } from "./auth.ts";
import { HungRequests } from "./fault-answer.ts";
import { FaultInjector, type FaultRule, type FaultRuleInput, faultRuleInput } from "./faults.ts";
import { send } from "./http-io.ts";
import { AuthorizationServer } from "./oauth/authorization-server.ts";
import type { OAuthClient } from "./oauth/clients.ts";
import { SimRateLimit } from "./rate-limit.ts";
import { requestHandler } from "./request-handler.ts";
import { RequestLog, type SimRequestLogEntry } from "./request-log.ts";
import { Router } from "./router.ts";
import { simulatorRoutes } from "./routes/index.ts";
import { SimStore } from "./store.ts";
import { SubscriptionStore } from "./subscriptions/subscription-store.ts";
import { WebhookDeliveries, type WebhookDelivery } from "./subscriptions/webhook-deliveries.ts";

export interface SimulatorOptions {
  /** Interface to listen on; default 127.0.0.1 (the simulator is meant for loopback only). */
  host?: string;
  /** Port; default 0, an ephemeral port (read it back from `port` / `url`). */
  port?: number;
  /** Delay added to every API request, to exercise timeouts and batching; default 0. */
  latencyMs?: number;
  /** Pleo's per-credential limit, emulated (src/simulator/rate-limit.ts); default: no limit. */
  rateLimitPerMinute?: number;
  /** OAuth clients of the simulated authorisation server, besides the seeded demo client. */
  oauthClients?: readonly OAuthClient[];
  /** Lifetime of issued OAuth access tokens; default 900 000 (15 minutes), at least 1000. */
  oauthAccessTokenTtlMs?: number;
  /**
   * Pauses between webhook delivery attempts; its length is the number of retries after the first attempt.
   * Default [200, 1000, 5000].
   */
  webhookRetryDelaysMs?: readonly number[];
}

export interface RunningSimulator {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:54321`. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Every API and authorisation-server request served so far (not `/__sim/*`), oldest first. */
  requests(): SimRequestLogEntry[];
  /**
   * Clears the request log, fault rules and rate-limit counts, releases hung requests, restores the seed,
   * forgets OAuth codes, grants and installations (registered OAuth clients stay), and forgets webhook
   * subscriptions and deliveries (pending retries are cancelled).
   */
  reset(): void;
  /** Fault injection (also over HTTP: `POST/GET/DELETE /__sim/faults`). */
  readonly faults: {
    add(rules: readonly FaultRuleInput[]): FaultRule[];
    list(): (FaultRule & { matched: number; fired: number })[];
    clear(): void;
  };
  /**
   * Adds an OAuth client, or replaces the one with its id (also `POST /__sim/oauth/clients`); throws on a
   * malformed client (e.g. a redirect URI that is not an absolute http(s) URL). Clients survive `reset()`.
   */
  registerOAuthClient(client: OAuthClient): void;
  /** Webhook deliveries (also over HTTP: `GET /__sim/webhooks`, `POST /__sim/webhooks/redeliver/{eventId}`). */
  readonly webhooks: {
    list(): WebhookDelivery[];
    /** Sends a past event again with its original webhook-id; undefined for an unknown event. */
    redeliver(eventId: string): WebhookDelivery[] | undefined;
  };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const latencyMs = options.latencyMs ?? 0;
  const store = new SimStore();
  const log = new RequestLog();
  const oauth = new AuthorizationServer({
    store,
    clients: options.oauthClients ?? [],
    accessTokenTtlMs: options.oauthAccessTokenTtlMs,
  });
  const issued: IssuedTokenLookup = (secret) => oauth.accessToken(secret);
  const subscriptions = new SubscriptionStore();
  const webhooks = new WebhookDeliveries(subscriptions, log, { retryDelaysMs: options.webhookRetryDelaysMs });
  const router = new Router(simulatorRoutes({ oauth, subscriptions, events: webhooks }));
  const faults = new FaultInjector();
  const rateLimit =
    options.rateLimitPerMinute === undefined ? undefined : new SimRateLimit(options.rateLimitPerMinute);
  const hung = new HungRequests();
  const reset = () => {
    store.reset();
    oauth.reset();
    webhooks.reset();
    subscriptions.reset();
    log.clear();
    faults.clear();
    rateLimit?.clear();
    hung.release();
  };
  const handle = requestHandler({
    store,
    log,
    faults,
    oauth,
    hung,
    webhooks,
    reset,
    router,
    rateLimit,
    issued,
    latencyMs,
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("[pleo-simulator] request failed:", error);
      if (!res.headersSent)
        send(res, 500, { type: "INTERNAL_SERVER_ERROR", message: "Simulator failure." }, {});
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    requests: () => log.list(),
    reset,
    faults: {
      add: (rules) => faults.add(rules.map((rule) => faultRuleInputParse(rule))),
      list: () => faults.list(),
      clear: () => {
        faults.clear();
        hung.release();
      },
    },
    registerOAuthClient: (client) => oauth.registerClient(client),
    webhooks: {
      list: () => webhooks.list(),
      redeliver: (eventId) => webhooks.redeliver(eventId),
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        hung.release();
        webhooks.reset();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (fetch keeps them) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function faultRuleInputParse(rule: FaultRuleInput) {
  return faultRuleInput.parse(rule);
}
