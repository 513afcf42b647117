import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { authenticate } from "./auth.ts";
import { type DispatchResult, dispatch } from "./dispatch.ts";
import { payloadTooLarge, SimHttpError } from "./errors.ts";
import type { QueryParams } from "./http-types.ts";
import { RequestLog, type SimRequestLogEntry } from "./request-log.ts";
import { Router } from "./router.ts";
import { ALL_ROUTES } from "./routes/index.ts";
import { SimStore } from "./store.ts";

export interface SimulatorOptions {
  /** Interface to listen on; default 127.0.0.1 (the simulator is meant for loopback only). */
  host?: string;
  /** Port; default 0, an ephemeral port (read it back from `port` / `url`). */
  port?: number;
  /** Delay added to every API request, to exercise timeouts and batching; default 0. */
  latencyMs?: number;
}

export interface RunningSimulator {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:54321`. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Every API request served so far (not `/__sim/*`), oldest first. */
  requests(): SimRequestLogEntry[];
  /** Clears the request log and restores the seeded data. */
  reset(): void;
}

/** Request bodies are small JSON documents; anything larger is refused rather than buffered. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const latencyMs = options.latencyMs ?? 0;
  const store = new SimStore();
  const log = new RequestLog();
  const router = new Router(ALL_ROUTES);
  const reset = () => {
    store.reset();
    log.clear();
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
      await drain(req);
      handleControl(method, url.pathname, res);
      return;
    }

    const query = queryParams(url.searchParams);
    let result: DispatchResult;
    try {
      const rawBody = await readBody(req);
      if (latencyMs > 0) await sleep(latencyMs);
      result = dispatch(store, router, {
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

  /** Test-observability endpoints; unauthenticated and never logged. */
  function handleControl(method: string, path: string, res: ServerResponse): void {
    if (method === "GET" && path === "/__sim/requests") {
      send(res, 200, { data: log.list() }, {});
    } else if (method === "POST" && path === "/__sim/reset") {
      reset();
      send(res, 204, undefined, {});
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
    close: () =>
      new Promise<void>((resolve, reject) => {
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

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) {
    // Control requests carry no body worth reading; consume it so the connection can be reused.
  }
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
