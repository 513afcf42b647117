import { useGraphQlJit } from "@envelop/graphql-jit";
import { type DocumentNode, GraphQLError, getOperationAST, type Source } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "../support/logger.ts";

/** Executions of a document before it is compiled (see below). */
export const COMPILE_AFTER_EXECUTIONS = 2;

/**
 * Executes queries and mutations through graphql-jit: a document is compiled into a function that walks
 * exactly its selection, instead of graphql-js re-deriving the plan for every field of every request.
 * The compiled function lives as long as Yoga's cached parse of the document (a WeakMap keyed by the
 * parsed document), so its memory is bounded by the parse cache.
 *
 * Only documents that come back are compiled: compiling costs several executions' worth of CPU, so a
 * document's first execution runs on graphql-js and its second is compiled. Clients repeat their
 * operations (and persisted ones always are), while a stream of one-off documents — literals inlined,
 * or a caller trying to make the gateway burn CPU — never pays for a compile it cannot reuse.
 *
 * Subscriptions keep graphql-js's executor: an event stream per subscriber is long-lived and cheap to
 * plan, and its error semantics (one failed event, not a torn stream) are the ones the tests pin.
 * test/gateway/compiled-execution.test.ts holds both executors to the same answers.
 */
export function useCompiledExecution(logger: Logger): Plugin {
  const executions = new WeakMap<DocumentNode, number>();
  const jit = useGraphQlJit(
    {},
    {
      enableIf: ({ document, operationName }) => {
        const operation = getOperationAST(document, operationName);
        if (operation?.operation === "subscription") return false;
        const seen = (executions.get(document) ?? 0) + 1;
        if (seen > COMPILE_AFTER_EXECUTIONS) return true;
        executions.set(document, seen);
        if (seen < COMPILE_AFTER_EXECUTIONS) return false;
        logger.debug({ operation: operation?.name?.value }, "jit: compiling a document that came back");
        return true;
      },
      // A document the compiler refuses is answered with its errors (it has already passed validation,
      // so this is a compiler limitation worth knowing about, not the caller's mistake).
      onError: (result) => logger.warn({ errors: result.errors?.map((e) => e.message) }, "jit: not compiled"),
    },
  ) as Plugin;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(jit);
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (!("errors" in result) || !result.errors?.some(unlocated)) return;
          const source = args.document.loc?.source;
          if (!source) return;
          const lineStarts = lineStartsOf(source.body);
          setResult({ ...result, errors: result.errors.map((e) => located(e, source, lineStarts)) });
        },
      };
    },
  };
}

/** graphql-jit's field errors carry `locations` but not the AST nodes Yoga rebuilds them from. */
function unlocated(error: GraphQLError): boolean {
  return !error.nodes && (error.locations?.length ?? 0) > 0;
}

/**
 * The same error as graphql-js would report it: located in the document's source (so `locations` is in
 * the response), the original error kept (so masking treats it exactly as before).
 */
function located(error: GraphQLError, source: Source, lineStarts: readonly number[]): GraphQLError {
  if (!unlocated(error)) return error;
  return new GraphQLError(error.message, {
    source,
    positions: (error.locations ?? []).map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1),
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
}

/** The offset at which each line of `body` starts (line n at index n − 1). */
function lineStartsOf(body: string): number[] {
  const starts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === "\n") starts.push(i + 1);
  return starts;
}
