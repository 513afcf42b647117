import { randomUUID } from "node:crypto";

/**
 * Per-HTTP-request bookkeeping shared by the context factory and the operations plugins (logging,
 * metrics, tracing): the request id, when the request arrived, and what became of it. Keyed by the
 * Fetch `Request` object Yoga hands to every hook, so nothing is kept once the request is gone.
 */
export interface RequestInfo {
  /** From `x-request-id` when it is a sane token, else generated. Echoed and forwarded upstream. */
  readonly requestId: string;
  /** Epoch ms. */
  readonly startedAt: number;
  /** performance.now() at arrival, for durations. */
  readonly startedMark: number;
  /**
   * The caller's network address (the socket peer, or what a trusted proxy forwarded), set when the
   * request arrives by the request-info plugin; the caller rate limit and introspection key on it.
   */
  clientAddress: string | undefined;
  /** The URL's path, once read (see `requestPath`). */
  path: string | undefined;
  /** The GraphQL operation name as sent (unvalidated, so bounded before use as a metric label). */
  operationName: string | undefined;
  /** query / mutation / subscription, once known. */
  operationType: string | undefined;
  /** The `extensions.code` of every error in the result. */
  errorCodes: string[];
  /** Whether the result carried data (partial success) or only errors. */
  hasData: boolean | undefined;
}

export const REQUEST_ID_HEADER = "x-request-id";

/** Letters, digits and `._:-`, at most 128: safe to log, to echo and to forward. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const infos = new WeakMap<Request, RequestInfo>();

export function requestInfo(request: Request): RequestInfo {
  let info = infos.get(request);
  if (!info) {
    const sent = request.headers.get(REQUEST_ID_HEADER)?.trim();
    info = {
      requestId: sent && SANE_REQUEST_ID.test(sent) ? sent : randomUUID(),
      startedAt: Date.now(),
      startedMark: performance.now(),
      clientAddress: undefined,
      path: undefined,
      operationName: undefined,
      operationType: undefined,
      errorCodes: [],
      hasData: undefined,
    };
    infos.set(request, info);
  }
  return info;
}

/** The request's URL path, parsed once for all the plugins that branch on it. */
export function requestPath(request: Request): string {
  const info = requestInfo(request);
  info.path ??= new URL(request.url, "http://gateway.invalid").pathname;
  return info.path;
}

/** success: no errors; partial: data and errors; error: errors only (or an HTTP error status). */
export type Outcome = "success" | "partial" | "error";

export function outcomeOf(info: RequestInfo, httpStatus: number): Outcome {
  if (httpStatus >= 400 && info.hasData !== true) return "error";
  if (info.errorCodes.length === 0) return httpStatus >= 400 ? "error" : "success";
  return info.hasData ? "partial" : "error";
}
