import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { authenticate, type IssuedTokenLookup } from "./auth.ts";
import { type DispatchResult, dispatch } from "./dispatch.ts";
import { payloadTooLarge, SimHttpError } from "./errors.ts";
import {
  addressedCompany,
  type FaultDecision,
  FaultInjector,
  type FaultRule,
  type FaultRuleInput,
  faultRuleInput,
  faultsRequest,
} from "./faults.ts";
import { queryParams, readBody, send, sendText } from "./http-io.ts";
import { AuthorizationServer, LOGGABLE_OAUTH_PARAMS } from "./oauth/authorization-server.ts";
import type { OAuthClient } from "./oauth/clients.ts";
import { SimRateLimit } from "./rate-limit.ts";
import {
  type LogIdentity,
  loggedQuery,
  RequestLog,
  requestLogEntry,
  type SimRequestLogEntry,
} from "./request-log.ts";
import { Router } from "./router.ts";
import { simulatorRoutes } from "./routes/index.ts";
import { ALL_CREDENTIALS } from "./seed/identities.ts";
import { SimStore } from "./store.ts";

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
   * and forgets OAuth codes, grants and installations (registered OAuth clients stay).
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
  const router = new Router(simulatorRoutes(oauth));
  const faults = new FaultInjector();
  const rateLimit =
    options.rateLimitPerMinute === undefined ? undefined : new SimRateLimit(options.rateLimitPerMinute);
  /** Requests a `hang` fault holds open; released (their connections destroyed) on reset and close. */
  const hung = new Set<ServerResponse>();
  const releaseHung = () => {
    for (const res of hung) res.destroy();
    hung.clear();
  };
  const reset = () => {
    store.reset();
    oauth.reset();
    log.clear();
    faults.clear();
    rateLimit?.clear();
    releaseHung();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("[pleo-simulator] request failed:", error);
      if (!res.headersSent)
        send(res, 500, { type: "INTERNAL_SERVER_ERROR", message: "Simulator failure." }, {});
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const method = (req.method ?? "GET").toUpperCase();

    if (url.pathname === "/__sim" || url.pathname.startsWith("/__sim/")) {
      handleControl(method, url.pathname, await readBody(req), res);
      return;
    }

    const query = queryParams(url.searchParams);
    const isOAuth = AuthorizationServer.serves(url.pathname);
    const record = (identity: LogIdentity, status: number) =>
      log.record(
        requestLogEntry(
          {
            method,
            path: url.pathname,
            query: loggedQuery(query, isOAuth ? LOGGABLE_OAUTH_PARAMS : undefined),
          },
          identity,
          status,
          Math.round((performance.now() - started) * 100) / 100,
        ),
      );
    let result: DispatchResult;
    try {
      const rawBody = await readBody(req);
      const serveOAuth = () =>
        oauth.serve({
          method,
          path: url.pathname,
          query: url.searchParams,
          contentType: req.headers["content-type"],
          rawBody,
          authorization: req.headers.authorization,
          origin: `http://${req.headers.host ?? "127.0.0.1"}`,
        });
      if (latencyMs > 0) await sleep(latencyMs);
      if (faults.size > 0) {
        const auth = authenticate(req.headers.authorization, issued);
        const credentialCompany =
          auth.recognised?.subject.type === "company" ? auth.recognised.subject.id : null;
        const companyId = addressedCompany(url.pathname, query, rawBody, credentialCompany);
        const identity = [method, url.pathname, url.searchParams.toString(), auth.fingerprint, rawBody].join(
          "\u0000",
        );
        const fault = faults.decide({ method, path: url.pathname, companyId, identity });
        if (fault) {
          if (fault.latencyMs > 0) await sleep(fault.latencyMs);
          if (fault.action !== "latency") {
            // At the token endpoint a reset is the lost answer: Pleo rotated, the client never heard.
            const lost = isOAuth && fault.action === "reset" ? serveOAuth() : undefined;
            const status = await injectFault(fault, req, res);
            record(
              lost ?? {
                credentialLabel: auth.recognised?.label ?? null,
                credentialFingerprint: auth.fingerprint,
                credentialSubject: auth.recognised ? { ...auth.recognised.subject } : null,
                targetCompanyId: companyId,
              },
              status,
            );
            return;
          }
        }
      }
      result = isOAuth
        ? serveOAuth()
        : (rateLimit?.refuse(req.headers.authorization, issued) ??
          dispatch(
            store,
            router,
            {
              method,
              path: url.pathname,
              query,
              contentType: req.headers["content-type"],
              rawBody,
              authorization: req.headers.authorization,
            },
            issued,
          ));
    } catch (error) {
      // Only an oversized body gets here; answer without dispatching, but still log who sent it.
      const failure = error instanceof SimHttpError ? error : payloadTooLarge("Request body too large.");
      const auth = authenticate(req.headers.authorization, issued);
      result = {
        status: failure.status,
        body: failure.toBody(),
        headers: { connection: "close" },
        credentialLabel: auth.recognised?.label ?? null,
        credentialFingerprint: auth.fingerprint,
        credentialSubject: auth.recognised ? { ...auth.recognised.subject } : null,
        targetCompanyId: null,
      };
    }
    if (result.bodyText === undefined) send(res, result.status, result.body, result.headers);
    else sendText(res, result.status, result.bodyText, result.headers);
    record(result, result.status);
  }

  /**
   * Answers a request the way a fault says; returns the status recorded in the request log (0 when no
   * answer was given: a hang or a reset).
   */
  async function injectFault(
    fault: FaultDecision,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<number> {
    const retryAfter: Record<string, string> =
      fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) };
    switch (fault.action) {
      case "error":
      case "rate-limit": {
        const status = fault.status ?? 500;
        const type = status === 429 ? "TOO_MANY_REQUESTS" : "SIMULATED_FAULT";
        send(res, status, { type, message: `Injected fault ${fault.ruleId}.` }, retryAfter);
        return status;
      }
      case "malformed": {
        const status = fault.status ?? 200;
        res.writeHead(status, { "content-type": "application/json;charset=UTF-8" });
        res.end('{"data":[{"id":"');
        return status;
      }
      case "hang":
        hung.add(res);
        res.once("close", () => hung.delete(res));
        return 0;
      case "reset": {
        // The request was read in full: like a Pleo that applied a write and then lost the connection.
        const socket = req.socket as typeof req.socket & { resetAndDestroy?: () => void };
        if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
        else socket.destroy();
        return 0;
      }
      default:
        return 0;
    }
  }

  /** Test-observability and fault-injection endpoints; unauthenticated and never logged. */
  function handleControl(method: string, path: string, rawBody: string, res: ServerResponse): void {
    if (method === "GET" && path === "/__sim/requests") {
      send(res, 200, { data: log.list() }, {});
    } else if (method === "POST" && path === "/__sim/reset") {
      reset();
      send(res, 204, undefined, {});
    } else if (method === "POST" && /^\/__sim\/credentials\/[\w-]+\/revoke$/.test(path)) {
      // Revokes a seeded credential by its label (never by its secret): for rotation tests.
      const label = path.split("/")[3] ?? "";
      if (!ALL_CREDENTIALS.some((c) => c.label === label)) {
        send(res, 404, { type: "NOT_FOUND", message: "No seeded credential has that label." }, {});
        return;
      }
      store.revokedCredentials.add(label);
      send(res, 204, undefined, {});
    } else if (path.startsWith("/__sim/oauth/") && handleOAuthControl(method, path, rawBody, res)) {
      return;
    } else if (method === "GET" && path === "/__sim/faults") {
      send(res, 200, { data: faults.list() }, {});
    } else if (method === "DELETE" && path === "/__sim/faults") {
      faults.clear();
      releaseHung();
      send(res, 204, undefined, {});
    } else if (method === "POST" && path === "/__sim/faults") {
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        send(res, 400, { type: "VALIDATION_FAILED", message: "The body must be JSON." }, {});
        return;
      }
      const parsed = faultsRequest.safeParse(json);
      if (!parsed.success) {
        const message = parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.filter((p) => typeof p === "string").join(".") || "(body)"}: ${i.message}`)
          .join("; ");
        send(res, 400, { type: "VALIDATION_FAILED", message }, {});
        return;
      }
      const added = faults.add(parsed.data.rules);
      send(res, 201, { data: added }, {});
    } else {
      send(res, 404, { type: "NOT_FOUND", message: `No simulator control endpoint ${method} ${path}.` }, {});
    }
  }

  /** The authorisation server's test hooks; false when the path is none of them. */
  function handleOAuthControl(method: string, path: string, rawBody: string, res: ServerResponse): boolean {
    const answer = oauth.control(method, path, rawBody);
    if (!answer) return false;
    for (const call of answer.tokenCalls)
      log.record(requestLogEntry({ method: "POST", path: "/oauth/token", query: {} }, call, call.status, 0));
    send(res, answer.status, answer.body, {});
    return true;
  }

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
        releaseHung();
      },
    },
    registerOAuthClient: (client) => oauth.registerClient(client),
    close: () =>
      new Promise<void>((resolve, reject) => {
        releaseHung();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (fetch keeps them) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function faultRuleInputParse(rule: FaultRuleInput) {
  return faultRuleInput.parse(rule);
}
