import type { Plugin } from "graphql-yoga";
import { ErrorCode } from "../errors.ts";

/** Content types a browser may send cross-site without a CORS preflight. */
const SIMPLE_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/** Any of these headers forces a preflight, so its presence proves the request is not a simple one. */
const PREFLIGHT_HEADERS = [
  "x-graphql-csrf",
  "x-pleo-api-key",
  "x-pleo-access-token",
  "authorization",
  "apollo-require-preflight",
];

/**
 * CSRF prevention for browser callers. A forged cross-site request can only be a "simple" one (a GET, or
 * a POST with a simple content type) — anything else needs a CORS preflight, which CORS then decides.
 * So a simple request that a browser marks as cross-site (`Sec-Fetch-Site`, or an `Origin` that is not
 * an allowed one) is refused unless it carries a header that forces a preflight. Scripts and servers
 * send neither marker and are unaffected; JSON POSTs are never simple.
 */
export function useCsrfPrevention(allowedOrigins: readonly string[]): Plugin {
  const allowed = new Set(allowedOrigins);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith("/graphql")) return;
      const contentType =
        (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      const simple =
        request.method === "GET" || contentType === "" || SIMPLE_CONTENT_TYPES.includes(contentType);
      if (!simple || PREFLIGHT_HEADERS.some((h) => request.headers.has(h))) return;
      const site = request.headers.get("sec-fetch-site");
      const origin = request.headers.get("origin");
      const crossSite =
        site === "cross-site" ||
        site === "same-site" ||
        (origin !== null && origin !== url.origin && !allowed.has(origin));
      // A top-level navigation to GraphiQL is not an operation.
      const navigation = request.headers.get("sec-fetch-mode") === "navigate" && request.method === "GET";
      if (!crossSite || navigation) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message:
                  "Refused as a possible cross-site request forgery: send JSON (content-type: application/json) or an x-graphql-csrf header.",
                extensions: { code: ErrorCode.CSRF_CHECK_FAILED },
              },
            ],
          }),
          { status: 403, headers: { "content-type": "application/json; charset=utf-8" } },
        ),
      );
    },
  };
}
