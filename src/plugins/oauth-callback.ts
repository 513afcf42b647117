import type { Plugin } from "graphql-yoga";
import type { Connections } from "../connections/connections.ts";
import { CALLBACK_PATH, type CallbackResult } from "../connections/oauth-flow.ts";
import { ConnectionsRequest, clearCookieHeader, setCookieHeader } from "../connections/request-scope.ts";

/**
 * Company connections over HTTP: `GET /oauth/pleo/callback` (where Pleo sends the browser after
 * consent) finishes the connect flow and redirects to the flow's return URL with the outcome; every
 * GraphQL request gets the connections request scope in its context, and the response carries the
 * cookies a started flow set (the browser binding the callback checks).
 */
export function useConnections(connections: Connections): Plugin<{ connections?: ConnectionsRequest }> {
  const scopes = new WeakMap<Request, ConnectionsRequest>();
  return {
    // Synchronous unless it serves the callback: an async hook costs every GraphQL request a promise.
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== CALLBACK_PATH) return;
      if (request.method !== "GET") {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: "GET" } }));
        return;
      }
      return finishCallback();
      async function finishCallback(): Promise<void> {
        const result: CallbackResult = connections.flow
          ? await connections.flow.finish(url.searchParams, parseCookies(request.headers.get("cookie")))
          : { kind: "page", status: 404, message: "This gateway has no OAuth client configured." };
        // The URL carried an authorisation code: never let it travel on as a Referer, never cache it.
        const headers = new fetchAPI.Headers({
          "cache-control": "no-store",
          "referrer-policy": "no-referrer",
        });
        if (result.clearCookie)
          headers.append("set-cookie", clearCookieHeader(result.clearCookie, CALLBACK_PATH));
        if (result.kind === "redirect") {
          headers.set("location", result.location);
          endResponse(new fetchAPI.Response(null, { status: 302, headers }));
          return;
        }
        headers.set("content-type", "text/html; charset=utf-8");
        headers.set("content-security-policy", "default-src 'none'");
        endResponse(new fetchAPI.Response(errorPage(result.message), { status: result.status, headers }));
      }
    },
    onContextBuilding({ context, extendContext }) {
      const request = (context as { request?: Request }).request;
      if (!request) return;
      const scope = new ConnectionsRequest(connections, request.headers.get("authorization"));
      scopes.set(request, scope);
      extendContext({ connections: scope });
    },
    onResponse({ request, response }) {
      const scope = scopes.get(request);
      if (!scope) return;
      for (const cookie of scope.cookies) response.headers.append("set-cookie", setCookieHeader(cookie));
    },
  };
}

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

/** Messages are the gateway's own fixed texts: nothing from the request is echoed into the page. */
function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connect to Pleo</title></head><body><h1>The connection was not made</h1><p>${message}</p></body></html>`;
}
