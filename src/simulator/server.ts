import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { authenticate } from "./auth.ts";
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
import type { QueryParams } from "./http-types.ts";
import { SimRateLimit } from "./rate-limit.ts";
import { RequestLog, type SimRequestLogEntry } from "./request-log.ts";
import { Router } from "./router.ts";
import { ALL_ROUTES } from "./routes/index.ts";
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
}

export interface RunningSimulator {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:54321`. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Every API request served so far (not `/__sim/*`), oldest first. */
  requests(): SimRequestLogEntry[];
  /** Clears the request log, fault rules and rate-limit counts, releases hung requests, restores the seed. */
  reset(): void;
  /** Fault injection (also over HTTP: `POST/GET/DELETE /__sim/faults`). */
  readonly faults: {
    add(rules: readonly FaultRuleInput[]): FaultRule[];
    list(): (FaultRule & { matched: number; fired: number })[];
    clear(): void;
  };
}

/** Request bodies are small JSON documents; anything larger is refused rather than buffered. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const latencyMs = options.latencyMs ?? 0;
  const store = new SimStore();
  const log = new RequestLog();
  const router = new Router(ALL_ROUTES);
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
    let result: DispatchResult;
    try {
      const rawBody = await readBody(req);
      if (latencyMs > 0) await sleep(latencyMs);
      if (faults.size > 0) {
        const auth = authenticate(req.headers.authorization);
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
            const status = await injectFault(fault, req, res);
            log.record({
              at: new Date().toISOString(),
              method,
              path: url.pathname,
              query: Object.fromEntries([...query].map(([name, values]) => [name, [...values]])),
              credentialLabel: auth.recognised?.label ?? null,
              credentialFingerprint: auth.fingerprint,
              credentialSubject: auth.recognised ? { ...auth.recognised.subject } : null,
              targetCompanyId: companyId,
              status,
              durationMs: Math.round((performance.now() - started) * 100) / 100,
            });
            return;
          }
        }
      }
      result =
        rateLimit?.refuse(req.headers.authorization) ??
        dispatch(store, router, {
          method,
          path: url.pathname,
          query,
          contentType: req.headers["content-type"],
          rawBody,
          authorization: req.headers.authorization,
        });
    } catch (error) {
      // Only an oversized body gets here; answer without dispatching, but still log who sent it.
      const failure = error instanceof SimHttpError ? error : payloadTooLarge("Request body too large.");
      const auth = authenticate(req.headers.authorization);
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
    send(res, result.status, result.body, result.headers);
    log.record({
      at: new Date().toISOString(),
      method,
      path: url.pathname,
      query: Object.fromEntries([...query].map(([name, values]) => [name, [...values]])),
      credentialLabel: result.credentialLabel,
      credentialFingerprint: result.credentialFingerprint,
      credentialSubject: result.credentialSubject,
      targetCompanyId: result.targetCompanyId,
      status: result.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        releaseHung();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (fetch keeps them) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function queryParams(search: URLSearchParams): QueryParams {
  const query = new Map<string, string[]>();
  for (const [name, value] of search) {
    const values = query.get(name) ?? [];
    values.push(value);
    query.set(name, values);
  }
  return query;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw payloadTooLarge(`Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function faultRuleInputParse(rule: FaultRuleInput) {
  return faultRuleInput.parse(rule);
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>>,
): void {
  const payload = body === undefined || status === 204 ? undefined : JSON.stringify(body);
  const head: Record<string, string> = { "content-type": "application/json;charset=UTF-8", ...headers };
  if (payload === undefined) delete head["content-type"];
  else head["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(status, head);
  res.end(payload);
}
