import { type Attributes, context, propagation, type Span, SpanStatusCode, trace } from "@opentelemetry/api";

/**
 * OpenTelemetry hooks, written against `@opentelemetry/api` only. They are off unless the standard
 * environment variables ask for traces (`OTEL_TRACES_EXPORTER` other than `none`, or an OTLP endpoint),
 * and even then they only produce spans when an SDK is registered in the process (e.g. started with
 * `node --import @opentelemetry/auto-instrumentations-node/register`); without one the API is a no-op.
 */
export const TRACER_NAME = "pleo-graphql-gateway";

export function tracingRequested(env: Record<string, string | undefined>): boolean {
  if ((env.OTEL_SDK_DISABLED ?? "").toLowerCase() === "true") return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (exporters.length > 0) return !exporters.every((e) => e === "none");
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/** Runs `fn` in an active span (ended, with status and exception, when `fn` settles). */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  return trace.getTracer(TRACER_NAME).startActiveSpan(name, { attributes }, async (span) => {
    try {
      const result = await fn(span);
      span.end();
      return result;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
      if (error instanceof Error) span.recordException({ name: error.name, message: error.message });
      span.end();
      throw error;
    }
  });
}

/** Adds the W3C trace context of the active span (`traceparent`) to outgoing headers. */
export function injectTraceContext(headers: Record<string, string>): void {
  propagation.inject(context.active(), headers);
}
