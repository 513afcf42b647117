import { getOperationAST } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { RequestCacheUse } from "../cache/request-cache-use.ts";

/**
 * What a request cost upstream, told to its caller: `extensions.upstream { calls, cacheHits,
 * staleServes }` in the result and the same numbers in `Server-Timing` (browser dev tools show them).
 * Also decides, once the operation is known, that a mutation's or subscription's own reads go to Pleo
 * fresh: a payload read after a write must show the write.
 */
interface ReportingContext {
  readonly cacheUse?: RequestCacheUse;
  readonly request?: Request;
}

export function useUpstreamReport(): Plugin {
  const uses = new WeakMap<Request, RequestCacheUse>();
  return {
    onSubscribe({ args }) {
      const use = (args.contextValue as ReportingContext).cacheUse;
      if (use) use.fresh = true;
    },
    onExecute({ args }) {
      const context = args.contextValue as ReportingContext;
      const use = context.cacheUse;
      if (!use) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== "query") use.fresh = true;
      if (context.request) uses.set(context.request, use);
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result)) return;
          setResult({ ...result, extensions: { ...result.extensions, upstream: use.report() } });
        },
      };
    },
    onResponse({ request, response }) {
      const use = uses.get(request);
      if (!use) return;
      uses.delete(request);
      const { calls, cacheHits, staleServes } = use.report();
      response.headers.append(
        "server-timing",
        `pleo-calls;desc="${calls}", cache-hits;desc="${cacheHits}", cache-stale;desc="${staleServes}"`,
      );
    },
  };
}
