import { randomUUID } from "node:crypto";
import { createClient as createSseClient } from "graphql-sse";
import { createClient as createWsClient } from "graphql-ws";
import WebSocket from "ws";
import type { CompanyEvent, CompanyEventType } from "../../src/events/company-events.ts";

/**
 * Real subscription clients (graphql-sse and graphql-ws) against a gateway's URL, as a caller would use
 * them: the same credential headers as over HTTP (sent as connection parameters over WebSocket).
 */
export type Transport = "sse" | "ws";

// biome-ignore lint/suspicious/noExplicitAny: GraphQL payloads are inspected field by field in assertions.
export type Payload = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

export interface Subscription {
  /** The next payload, or "done" once the stream ended; fails after `timeoutMs`. */
  next(timeoutMs?: number): Promise<Payload | "done">;
  /** True when nothing arrives within `ms` (and the stream is still open). */
  quietFor(ms: number): Promise<boolean>;
  close(): Promise<void>;
}

export function subscribe(
  transport: Transport,
  baseUrl: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown>,
): Subscription {
  const client =
    transport === "sse"
      ? createSseClient({ url: `${baseUrl}/graphql`, headers, retryAttempts: 0 })
      : createWsClient({
          url: `${baseUrl.replace(/^http/, "ws")}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams: headers,
          retryAttempts: 0,
          lazy: true,
        });
  const iterator = client.iterate<Payload["data"]>({ query, variables });
  let pending: Promise<IteratorResult<Payload>> | undefined;
  let failed = false;
  const pull = () => {
    // graphql-ws reports a refused subscription by rejecting with its errors: read as a last payload.
    pending ??= failed
      ? Promise.resolve({ done: true, value: undefined })
      : (iterator.next() as Promise<IteratorResult<Payload>>).catch((errors: unknown) => {
          if (!Array.isArray(errors)) throw errors;
          failed = true;
          return { done: false, value: { errors } };
        });
    return pending;
  };
  const within = <T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      promise,
      new Promise<T>((resolve) => {
        timer = setTimeout(() => resolve(onTimeout()), ms);
      }),
    ]).finally(() => clearTimeout(timer));
  };
  return {
    async next(timeoutMs = 2_000) {
      const result = await within(pull(), timeoutMs, () => {
        throw new Error(`no payload within ${timeoutMs} ms`);
      });
      pending = undefined;
      return result.done ? "done" : result.value;
    },
    async quietFor(ms) {
      const timedOut = Symbol("quiet");
      const result = await within<IteratorResult<Payload> | typeof timedOut>(pull(), ms, () => timedOut);
      return result === timedOut;
    },
    async close() {
      await iterator.return?.();
      client.dispose();
    },
  };
}

/** An event as C3a publishes it after a verified webhook. */
export function event(type: CompanyEventType, companyId: string, resourceId: string): CompanyEvent {
  return { id: `msg_${randomUUID()}`, type, companyId, resourceId, occurredAt: new Date().toISOString() };
}

export const VENDOR_CREATED = `subscription Vendors($companyId: ID!) {
  vendorCreated(companyId: $companyId) { vendorId name company { companyId } }
}`;

export const COMPANY_EVENTS = `subscription Events($companyId: ID!) {
  companyEvents(companyId: $companyId) {
    id type companyId resourceId occurredAt
    vendor { vendorId name } exportJob { exportJobId status }
  }
}`;

/** Waits until the gateway holds the subscription (the client's first request has been served). */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
