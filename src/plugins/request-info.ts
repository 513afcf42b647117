import { type ExecutionResult, getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { TrustedProxies } from "../support/client-address.ts";
import { requestInfo } from "../support/request-info.ts";

/**
 * Per-request bookkeeping the other operations plugins read (src/support/request-info.ts): the request
 * id, arrival time and caller's address, the operation's name and type, and the error codes of its
 * result. It must come first among the plugins: the caller rate limit reads the address it records.
 */
export function useRequestInfo(
  proxies: TrustedProxies,
): Plugin<Record<string, unknown>, { req?: { socket?: { remoteAddress?: string } } }> {
  return {
    onRequest({ request, serverContext, url }) {
      const info = requestInfo(request);
      // Yoga has parsed the URL already: the path the later plugins branch on comes for free.
      info.path = url.pathname;
      info.clientAddress = proxies.clientAddress(
        serverContext?.req?.socket?.remoteAddress,
        request.headers.get("x-forwarded-for"),
      );
    },
    onParams({ request, params }) {
      const info = requestInfo(request);
      if (typeof params.operationName === "string") info.operationName = params.operationName;
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      const info = requestInfo(request);
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      info.operationType = operation?.operation;
      info.operationName ??= operation?.name?.value;
    },
    onResultProcess({ request, result }) {
      const info = requestInfo(request);
      const results: unknown[] = Array.isArray(result) ? result : [result];
      for (const one of results) {
        if (!one || typeof one !== "object" || Symbol.asyncIterator in one) continue;
        const { data, errors } = one as ExecutionResult;
        if (data !== undefined && data !== null) info.hasData = true;
        else info.hasData ??= false;
        for (const error of errors ?? []) {
          const code = error.extensions?.code;
          info.errorCodes.push(typeof code === "string" ? code : "UNKNOWN");
        }
      }
    },
  };
}
