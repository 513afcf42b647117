import { useGraphQlJit } from "@envelop/graphql-jit";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "../support/logger.ts";

/**
 * Executes queries and mutations through graphql-jit: each validated document is compiled once into a
 * function that walks exactly its selection, instead of graphql-js re-deriving the plan for every field
 * of every request. The compiled function lives as long as Yoga's cached parse of the document (a
 * WeakMap keyed by the parsed document), so its memory is bounded by the parse cache.
 *
 * Subscriptions keep graphql-js's executor: an event stream per subscriber is long-lived and cheap to
 * plan, and its error semantics (one failed event, not a torn stream) are the ones the tests pin.
 */
export function useCompiledExecution(logger: Logger): Plugin {
  return useGraphQlJit(
    {},
    {
      enableIf: (args) =>
        !args.document.definitions.some(
          (d) => d.kind === "OperationDefinition" && d.operation === "subscription",
        ),
      // A document the compiler refuses is answered with its errors (it has already passed validation,
      // so this is a compiler limitation worth knowing about, not the caller's mistake).
      onError: (result) => logger.warn({ errors: result.errors?.map((e) => e.message) }, "jit: not compiled"),
    },
  ) as Plugin;
}
