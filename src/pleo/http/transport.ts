import { type Agent, request, errors as undiciErrors } from "undici";
import { injectTraceContext } from "../../support/tracing.ts";
import type { AttemptFailure } from "../../upstream/retry.ts";
import { authorizationHeader } from "../credential.ts";
import type { CallPlan } from "./call-plan.ts";

/**
 * One undici request to Pleo and nothing else: no retries, no policies. It answers with Pleo's response
 * (whatever its status), with the abort that cut it short, or with a classified network failure.
 */
export interface TransportOptions {
  readonly agent: Agent;
  readonly userAgent: string;
  /** Forward the active span's `traceparent`. */
  readonly tracing: boolean;
}

export interface RawResponse {
  readonly status: number;
  readonly text: string;
  readonly retryAfter: string | undefined;
}

export type NetworkFailure = Extract<AttemptFailure, { kind: "network" }>;

/** What went wrong on the wire, for observers and the probe. */
export type NetworkErrorKind = "timeout" | "connect" | "reset" | "other";

type TransportResult =
  | { readonly response: RawResponse }
  /** `status` when Pleo had answered before the abort cut the body short. */
  | { readonly aborted: unknown; readonly status: number | undefined }
  | { readonly failure: NetworkFailure; readonly kind: NetworkErrorKind; readonly cause: unknown };

export async function send(
  transport: TransportOptions,
  plan: CallPlan,
  signal: AbortSignal,
): Promise<TransportResult> {
  const headers: Record<string, string> = {
    authorization: authorizationHeader(plan.credential),
    accept: "application/json",
    "user-agent": transport.userAgent,
  };
  if (plan.requestId) headers["x-request-id"] = plan.requestId;
  if (plan.body !== undefined) headers["content-type"] = "application/json;charset=UTF-8";
  if (transport.tracing) injectTraceContext(headers);
  plan.progress.sent = true;
  let status: number | undefined;
  try {
    const response = await request(plan.url, {
      method: plan.method,
      headers,
      body: plan.body,
      dispatcher: transport.agent,
      signal,
    });
    status = response.statusCode;
    const text = await response.body.text();
    const retryAfter = response.headers["retry-after"];
    return {
      response: {
        status,
        text,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      },
    };
  } catch (error) {
    if (signal.aborted) return { aborted: signal.reason, status };
    // A body that broke off after a status line counts as a network failure of the whole attempt.
    const failure = classifyNetworkError(error);
    return { failure, kind: networkErrorKind(failure, error), cause: error };
  }
}

/** A response body as JSON; an empty one is undefined, one that is not JSON stays text. */
export function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Whether the request provably never reached Pleo (no connection was ever established), which is the
 * only case where a write may be sent again; and whether it was a timeout.
 */
export function classifyNetworkError(error: unknown): NetworkFailure {
  if (error instanceof undiciErrors.ConnectTimeoutError)
    return { kind: "network", notSent: true, timeout: true };
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError)
    return { kind: "network", notSent: false, timeout: true };
  const code = errorCode(error);
  return { kind: "network", notSent: code !== undefined && NOT_SENT_CODES.has(code), timeout: false };
}

export function networkErrorKind(failure: NetworkFailure, error: unknown): NetworkErrorKind {
  if (failure.timeout || isAbort(error)) return "timeout";
  if (failure.notSent) return "connect";
  return isReset(error) ? "reset" : "other";
}

/** An abort this module did not ask for: `AbortSignal.timeout`'s, or any other AbortError. */
function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

function isReset(error: unknown): boolean {
  const code = errorCode(error);
  return error instanceof undiciErrors.SocketError || code === "ECONNRESET" || code === "EPIPE";
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  const cause = (error as { cause?: unknown } | null)?.cause;
  const causeCode = (cause as { code?: unknown } | null)?.code;
  return typeof causeCode === "string" ? causeCode : undefined;
}
