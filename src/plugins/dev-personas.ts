import type { Plugin } from "graphql-yoga";
import type { Persona } from "../embedded/personas.ts";

/**
 * Embedded mode only: `GET /dev/personas` lists the demo callers with the exact headers to send.
 * It is never registered when the gateway points at a real Pleo.
 */
export function useDevPersonas(personas: () => Promise<readonly Persona[]>): Plugin {
  return {
    // Synchronous unless it answers: an async hook costs every GraphQL request a promise (see health.ts).
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== "/dev/personas") return;
      if (request.method !== "GET") {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: "GET" } }));
        return;
      }
      return personas().then((list) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(list, null, 2), {
            status: 200,
            headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
          }),
        ),
      );
    },
  };
}
