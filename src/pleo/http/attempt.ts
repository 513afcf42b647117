import { ErrorCode, GatewayError } from "../../errors.ts";
import { inSpan } from "../../support/tracing.ts";
import type { AttemptFailure } from "../../upstream/retry.ts";
import { parseRetryAfter, upstreamStatusError } from "../errors.ts";
import type { CallPlan } from "./call-plan.ts";
import {
  type NetworkErrorKind,
  type NetworkFailure,
  parseJson,
  type RawResponse,
  send,
  type TransportOptions,
} from "./transport.ts";

/** What an observer learns about each upstream attempt (never the credential, only its id). */
export interface UpstreamCallEvent {
  readonly method: string;
  readonly path: string;
  readonly companyId: string | undefined;
  readonly credentialId: string;
  readonly status: number | "network-error";
  readonly durationMs: number;
  /** Method and path template (`GET /v1/companies/{id}`), for bounded metric labels. */
  readonly endpoint: string;
  /** 1 for the first attempt of a call, 2 for its first retry, … */
  readonly attempt: number;
  readonly requestId: string | undefined;
  /** For network errors: what went wrong. */
  readonly error?: NetworkErrorKind | "aborted";
}

/** How one attempt ended, as the attempt loop and the gates see it. */
export type AttemptOutcome =
  | { readonly ok: RawResponse }
  | { readonly failure: AttemptFailure; readonly error: GatewayError }
  | { readonly aborted: unknown };

export interface AttemptOptions extends TransportOptions {
  readonly observers: ReadonlySet<(event: UpstreamCallEvent) => void>;
}

/** One attempt of a call (in its own span when tracing), reported to the observers as it ends. */
export function attempt(
  options: AttemptOptions,
  plan: CallPlan,
  signal: AbortSignal,
  n: number,
): Promise<AttemptOutcome> {
  if (!options.tracing) return attemptOnce(options, plan, signal, n);
  return inSpan(`pleo attempt ${plan.endpoint}`, { "pleo.attempt": n }, async (span) => {
    const outcome = await attemptOnce(options, plan, signal, n);
    if ("failure" in outcome && outcome.failure.kind === "status")
      span.setAttribute("http.response.status_code", outcome.failure.status);
    return outcome;
  });
}

async function attemptOnce(
  options: AttemptOptions,
  plan: CallPlan,
  signal: AbortSignal,
  n: number,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const result = await send(options, plan, signal);
  let outcome: AttemptOutcome;
  let status: UpstreamCallEvent["status"] = "network-error";
  let errorKind: UpstreamCallEvent["error"];
  if ("response" in result) {
    status = result.response.status;
    outcome = classifyResponse(plan, result.response);
  } else if ("aborted" in result) {
    status = result.status ?? status;
    errorKind = "aborted";
    outcome = { aborted: result.aborted };
  } else {
    errorKind = result.kind;
    outcome = { failure: result.failure, error: networkError(plan, result.failure, result.cause) };
  }
  const event: UpstreamCallEvent = {
    method: plan.method,
    path: plan.path,
    companyId: plan.companyId,
    credentialId: plan.credential.id,
    status,
    durationMs: performance.now() - started,
    endpoint: plan.endpoint,
    attempt: n,
    requestId: plan.requestId,
    ...(errorKind ? { error: errorKind } : {}),
  };
  for (const observer of options.observers) observer(event);
  return outcome;
}

function classifyResponse(plan: CallPlan, response: RawResponse): AttemptOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { ok: response };
  const context = { companyId: plan.companyId, operation: plan.operation };
  const error = upstreamStatusError(status, parseJson(response.text), response.retryAfter, context);
  const retryAfterSeconds = parseRetryAfter(response.retryAfter);
  // Retry-After is honoured where Pleo may send it: 429, and 503 (maintenance).
  const retryAfterMs =
    retryAfterSeconds !== undefined && (status === 429 || status === 503)
      ? retryAfterSeconds * 1000
      : undefined;
  return { failure: { kind: "status", status, retryAfterMs }, error };
}

function networkError(plan: CallPlan, failure: NetworkFailure, cause: unknown): GatewayError {
  return new GatewayError(
    failure.timeout ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE,
    failure.timeout ? `Pleo ${plan.operation} timed out.` : `Pleo ${plan.operation} could not be reached.`,
    { companyId: plan.companyId },
    { cause, notSent: failure.notSent },
  );
}
