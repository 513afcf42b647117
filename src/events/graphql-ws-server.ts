import type { Server } from "node:http";
import { type ExecutionArgs, GraphQLError, getOperationAST } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { YogaServerInstance } from "graphql-yoga";
import { type WebSocket, WebSocketServer } from "ws";
import type { GatewayContext } from "../context/context.ts";
import { ErrorCode, GatewayError } from "../errors.ts";
import type { Logger } from "../support/logger.ts";
import { requestInfo } from "../support/request-info.ts";

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the gateway's own HTTP server and
 * path, wired to Yoga as Yoga's documentation does it: every subscription runs through Yoga's envelop
 * (parse limits, validation rules, error masking) and the gateway's context factory.
 *
 * The caller authenticates exactly as over HTTP, with the same headers sent as `connectionParams`
 * (`authorization`, `x-pleo-api-key`, `x-pleo-access-token`). Only subscriptions are carried: queries
 * and mutations belong on HTTP, where the caller rate limit and persisted operations apply.
 */
export interface WebSocketEndpoint {
  /** Closes every socket (their subscriptions end) and stops accepting new ones. */
  close(): Promise<void>;
}

export interface WebSocketEndpointOptions {
  readonly yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  /** The caller's address from the socket peer and `X-Forwarded-For` (trusted proxies only). */
  readonly clientAddress: (peer: string | undefined, forwardedFor: string | null) => string | undefined;
  /** Largest message accepted (the HTTP body limit's counterpart). */
  readonly maxPayloadBytes: number;
  readonly logger: Logger;
}

/** The caller headers a client may send as connection parameters. */
const CALLER_HEADERS = ["authorization", "x-pleo-api-key", "x-pleo-access-token", "x-request-id"];

/** What Yoga's envelop hands back, carried to graphql-ws's `execute`/`subscribe` as the root value. */
interface EnvelopedRoot {
  readonly execute: (args: ExecutionArgs) => unknown;
  readonly subscribe: (args: ExecutionArgs) => unknown;
}

export function serveGraphqlWs(server: Server, options: WebSocketEndpointOptions): WebSocketEndpoint {
  const { yoga, logger } = options;
  const sockets = new SocketSignals();
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    maxPayload: options.maxPayloadBytes,
  });
  const endpoint = useServer(
    {
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args) as never,
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args) as never,
      onSubscribe: async (ctx, _id, payload) => {
        const upgrade = ctx.extra.request;
        const headers = new Headers();
        for (const [name, value] of Object.entries(ctx.connectionParams ?? {})) {
          const header = name.toLowerCase();
          if (CALLER_HEADERS.includes(header) && typeof value === "string") headers.set(header, value);
        }
        // One Request per subscription: the context factory and the request bookkeeping key on it,
        // and its signal (the socket closing) bounds whatever the subscription has in flight.
        const request = new Request(new URL(yoga.graphqlEndpoint, "http://gateway"), {
          headers,
          signal: sockets.closed(ctx.extra.socket),
        });
        const forwarded = upgrade.headers["x-forwarded-for"];
        requestInfo(request).clientAddress = options.clientAddress(
          upgrade.socket.remoteAddress,
          typeof forwarded === "string" ? forwarded : null,
        );
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          request,
          req: upgrade,
          socket: ctx.extra.socket,
          params: payload,
        });
        try {
          const document = parse(payload.query);
          const errors = validate(schema, document);
          if (errors.length > 0) return errors;
          if (getOperationAST(document, payload.operationName)?.operation !== "subscription") {
            return [
              new GatewayError(
                ErrorCode.VALIDATION_FAILED,
                "Only subscriptions are served over WebSocket: send queries and mutations over HTTP.",
              ),
            ];
          }
          return {
            schema,
            document,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue: await contextFactory(),
            rootValue: { execute, subscribe } satisfies EnvelopedRoot,
          };
        } catch (error) {
          return [refusal(error, logger)];
        }
      },
    },
    wss,
  );
  return {
    close: async () => {
      await endpoint.dispose();
    },
  };
}

/** Aborts a signal per socket when the socket closes. */
class SocketSignals {
  readonly #signals = new WeakMap<WebSocket, AbortSignal>();

  closed(socket: WebSocket): AbortSignal {
    let signal = this.#signals.get(socket);
    if (!signal) {
      const controller = new AbortController();
      socket.once("close", () => controller.abort());
      signal = controller.signal;
      this.#signals.set(socket, signal);
    }
    return signal;
  }
}

/**
 * A typed refusal as the subscriber sees it: its code and details, without the HTTP status and
 * headers meant for an HTTP answer. Anything else is masked and logged, as Yoga does over HTTP.
 */
function refusal(error: unknown, logger: Logger): GraphQLError {
  if (error instanceof GraphQLError) {
    const { http: _http, ...extensions } = error.extensions;
    return new GraphQLError(error.message, { extensions });
  }
  logger.error({ err: error instanceof Error ? error.message : String(error) }, "unexpected error masked");
  return new GraphQLError("Unexpected error.");
}
