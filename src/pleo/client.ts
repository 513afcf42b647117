import { Agent, request, errors as undiciErrors } from "undici";
import type { z } from "zod";
import { ErrorCode, GatewayError } from "../errors.ts";
import { authorizationHeader, type PleoCredential } from "./credential.ts";
import { upstreamStatusError } from "./errors.ts";

export interface PleoClientOptions {
  readonly baseUrl: string;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxConnections: number;
  readonly userAgent: string;
}

export type QueryValue = string | readonly string[] | undefined;

export interface PleoCall<T> {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
  /** The company this call acts for: used for error attribution and the isolation checks. */
  readonly companyId?: string;
  /** Short human name for errors, e.g. "vendor search". */
  readonly operation: string;
}

/** What an observer learns about each upstream call (never the credential, only its id). */
export interface UpstreamCallEvent {
  readonly method: string;
  readonly path: string;
  readonly companyId: string | undefined;
  readonly credentialId: string;
  readonly status: number | "network-error";
  readonly durationMs: number;
}

/**
 * The one HTTP client for Pleo: a single undici dispatcher per process (keep-alive, bounded
 * connections, explicit timeouts), every response parsed by the caller's zod model.
 */
export class PleoClient {
  readonly #agent: Agent;
  readonly #baseUrl: string;
  readonly #userAgent: string;
  readonly #observers = new Set<(event: UpstreamCallEvent) => void>();

  constructor(options: PleoClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#userAgent = options.userAgent;
    this.#agent = new Agent({
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
      keepAliveTimeout: options.keepAliveTimeoutMs,
      connections: options.maxConnections,
    });
  }

  observe(observer: (event: UpstreamCallEvent) => void): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  async call<T>(credential: PleoCredential, call: PleoCall<T>): Promise<T> {
    const url = this.#url(call.path, call.query);
    const started = performance.now();
    const headers: Record<string, string> = {
      authorization: authorizationHeader(credential),
      accept: "application/json",
      "user-agent": this.#userAgent,
    };
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers["content-type"] = "application/json;charset=UTF-8";
    }
    const errorContext = { companyId: call.companyId, operation: call.operation };
    let status: number | "network-error" = "network-error";
    try {
      const response = await request(url, { method: call.method, headers, body, dispatcher: this.#agent });
      status = response.statusCode;
      const text = await response.body.text();
      const parsed = parseJson(text);
      if (status < 200 || status >= 300) {
        const retryAfter = response.headers["retry-after"];
        throw upstreamStatusError(
          status,
          parsed,
          Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
          errorContext,
        );
      }
      const result = call.schema.safeParse(status === 204 ? undefined : parsed);
      if (!result.success) {
        // Say where the contract broke without echoing the upstream payload.
        const where = result.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
          .join("; ");
        throw new GatewayError(
          ErrorCode.UPSTREAM_CONTRACT_VIOLATION,
          `Pleo ${call.operation} returned a response that does not match its contract (${where}).`,
          { companyId: call.companyId, upstreamStatus: status },
        );
      }
      return result.data;
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      throw networkError(error, errorContext);
    } finally {
      const event: UpstreamCallEvent = {
        method: call.method,
        path: call.path,
        companyId: call.companyId,
        credentialId: credential.id,
        status,
        durationMs: performance.now() - started,
      };
      for (const observer of this.#observers) observer(event);
    }
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }

  #url(path: string, query: Readonly<Record<string, QueryValue>> | undefined): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      if (typeof value === "string") params.append(key, value);
      else for (const item of value) params.append(key, item);
    }
    const search = params.toString();
    return `${this.#baseUrl}${path}${search ? `?${search}` : ""}`;
  }
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function networkError(
  error: unknown,
  ctx: { companyId: string | undefined; operation: string },
): GatewayError {
  const timedOut =
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError;
  return new GatewayError(
    timedOut ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE,
    timedOut ? `Pleo ${ctx.operation} timed out.` : `Pleo ${ctx.operation} could not be reached.`,
    { companyId: ctx.companyId },
  );
}
