import { SpanStatusCode, trace } from "@opentelemetry/api";
import { type GraphQLSchema, getNamedType, isLeafType, isObjectType } from "graphql";
import type { Plugin } from "graphql-yoga";
import { requestInfo, requestPath } from "../support/request-info.ts";
import { TRACER_NAME } from "../support/tracing.ts";

/**
 * OpenTelemetry spans: request → operation → resolver (object and list fields, where loading happens)
 * → upstream call → attempt (the last two in the Pleo client). Registered only when the standard OTEL
 * variables ask for traces; spans are recorded only if an OpenTelemetry SDK is registered in the
 * process (with `@opentelemetry/api` alone they are no-ops).
 */
export function useTracing(): Plugin {
  const tracer = trace.getTracer(TRACER_NAME);
  return {
    instrumentation: {
      request({ request }, wrapped) {
        const path = requestPath(request);
        return tracer.startActiveSpan(
          `${request.method} ${path}`,
          {
            attributes: {
              "http.request.method": request.method,
              "url.path": path,
              "pleo_gateway.request_id": requestInfo(request).requestId,
            },
          },
          async (span) => {
            try {
              await wrapped();
            } catch (error) {
              span.setStatus({ code: SpanStatusCode.ERROR });
              throw error;
            } finally {
              span.end();
            }
          },
        );
      },
      operation({ request }, wrapped) {
        return tracer.startActiveSpan("graphql.operation", async (span) => {
          try {
            await wrapped();
          } finally {
            const info = requestInfo(request);
            if (info.operationName)
              span.setAttribute("graphql.operation.name", info.operationName.slice(0, 100));
            if (info.operationType) span.setAttribute("graphql.operation.type", info.operationType);
            if (info.errorCodes.length > 0) span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
          }
        });
      },
    },
  };
}

/**
 * Wraps the resolvers of object- and list-returning fields in spans (`resolve Company.vendors`), so
 * upstream calls nest under the field that caused them. Leaf fields are left alone (no span per scalar).
 * Mutates `schema` in place; called once at start-up when tracing is on.
 */
export function traceResolvers(schema: GraphQLSchema): GraphQLSchema {
  const tracer = trace.getTracer(TRACER_NAME);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const original = field.resolve;
      if (!original || isLeafType(getNamedType(field.type))) continue;
      const name = `resolve ${type.name}.${field.name}`;
      field.resolve = (source, args, context, info) =>
        tracer.startActiveSpan(name, (span) => {
          const fail = (error: unknown) => {
            span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
            throw error;
          };
          try {
            const result = original(source, args, context, info);
            if (result instanceof Promise) {
              return result.then((value) => {
                span.end();
                return value;
              }, fail);
            }
            span.end();
            return result;
          } catch (error) {
            return fail(error);
          }
        });
    }
  }
  return schema;
}
