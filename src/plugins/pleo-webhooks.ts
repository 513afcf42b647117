import type { Plugin } from "graphql-yoga";
import { type PleoWebhooks, WEBHOOK_PATH } from "../webhooks/pleo-webhooks.ts";

/**
 * Pleo webhooks over HTTP: `POST /webhooks/pleo/{companyId}` (and `POST /webhooks/pleo`) is answered by
 * the receiver before any GraphQL handling, from the raw body exactly as signed; every GraphQL request
 * gets the webhooks service in its context (the subscription management fields use it).
 */
export function usePleoWebhooks(webhooks: PleoWebhooks): Plugin<{ pleoWebhooks?: PleoWebhooks }> {
  return {
    // Synchronous unless it receives a webhook: an async hook costs every GraphQL request a promise.
    onRequest({ request, url, fetchAPI, endResponse }) {
      const companyId = companyOfPath(url.pathname);
      if (companyId === undefined) return;
      if (request.method !== "POST") {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: "POST" } }));
        return;
      }
      return receive();
      async function receive(): Promise<void> {
        const body = new Uint8Array(await request.arrayBuffer());
        const answer = await webhooks.receiver.receive(request.headers, body, companyId ?? undefined);
        endResponse(
          new fetchAPI.Response(JSON.stringify({ outcome: answer.outcome }), {
            status: answer.status,
            headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
          }),
        );
      }
    },
    onContextBuilding({ extendContext }) {
      extendContext({ pleoWebhooks: webhooks });
    },
  };
}

/** null for the bare path, the segment after it for `/webhooks/pleo/<segment>`, undefined otherwise. */
function companyOfPath(pathname: string): string | null | undefined {
  if (pathname === WEBHOOK_PATH || pathname === `${WEBHOOK_PATH}/`) return null;
  if (!pathname.startsWith(`${WEBHOOK_PATH}/`)) return undefined;
  const rest = pathname.slice(WEBHOOK_PATH.length + 1);
  return rest.includes("/") ? undefined : rest;
}
