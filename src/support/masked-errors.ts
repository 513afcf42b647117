import { maskError } from "graphql-yoga";
import type { Logger } from "./logger.ts";

/**
 * Yoga's error masking, kept on: only GatewayErrors (GraphQLErrors with a stable code) reach callers
 * verbatim. Anything masked is a bug or an unmapped failure, so it is logged (no secrets reach error
 * objects) with its original error.
 */
export function maskedErrorsLogged(logger: Logger) {
  return {
    maskError(error: unknown, message: string) {
      const masked = maskError(error, message, false);
      if (masked !== error) logger.error({ err: describe(error) }, "unexpected error masked");
      return masked;
    },
  };
}

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const original = (error as { originalError?: unknown }).originalError;
    return {
      type: error.name,
      message: error.message,
      stack: error.stack,
      ...(original instanceof Error
        ? { original: { type: original.name, message: original.message, stack: original.stack } }
        : {}),
    };
  }
  return { value: String(error) };
}
