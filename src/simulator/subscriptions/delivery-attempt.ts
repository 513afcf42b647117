import { isLoopbackEndpoint } from "./loopback.ts";
import { webhookSignature } from "./signature.ts";
import type { SubscriptionSettings } from "./subscription-store.ts";

/** One webhook message: the same id and body on every attempt, so receivers can deduplicate. */
export interface WebhookMessage {
  readonly id: string;
  readonly body: string;
}

interface AttemptOutcome {
  /** The receiver's HTTP status; null when no answer arrived. */
  readonly status: number | null;
  readonly delivered: boolean;
  /** Why no answer arrived (never the URL, headers or secret). */
  readonly error?: string;
  /** True when retrying cannot help (the endpoint is not on this machine). */
  readonly final?: boolean;
  readonly durationMs: number;
}

/**
 * One delivery attempt: POSTs the message, freshly timestamped and signed, to the subscription's endpoint.
 * Redirects are not followed (a redirect could leave loopback) and count as failures, as any non-2xx does.
 */
export async function attemptDelivery(
  settings: SubscriptionSettings,
  secret: string,
  message: WebhookMessage,
  options: { readonly timeoutMs: number; readonly signal: AbortSignal },
): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
  if (!isLoopbackEndpoint(settings.endpointUrl))
    return { status: null, delivered: false, error: "endpoint is not loopback", final: true, durationMs: 0 };
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    ...settings.customHeaders,
    "content-type": "application/json",
    "user-agent": "pleo-simulator-webhooks",
    "webhook-id": message.id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": webhookSignature(secret, message.id, timestamp, message.body),
  };
  const auth = settings.endpointAuth;
  if (auth?.type === "BASIC")
    headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ""}`).toString("base64")}`;
  try {
    const response = await fetch(settings.endpointUrl, {
      method: "POST",
      headers,
      body: message.body,
      redirect: "manual",
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
    });
    // The body is not needed; reading it frees the connection for the next delivery.
    await response.arrayBuffer().catch(() => undefined);
    const delivered = response.status >= 200 && response.status < 300;
    return { status: response.status, delivered, durationMs: elapsed() };
  } catch (error) {
    return { status: null, delivered: false, error: failureReason(error), durationMs: elapsed() };
  }
}

/** A short, secret-free reason: the timeout, or the network error's code. */
function failureReason(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return error.name === "TimeoutError" ? "timeout" : "aborted";
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : "network error";
}
