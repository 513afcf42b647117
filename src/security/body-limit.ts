import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { ErrorCode } from "../errors.ts";

/**
 * Refuses request bodies over `maxBytes` before Yoga reads a byte of them. The limit is enforced on
 * `Content-Length` (Node's HTTP parser guarantees the body is exactly that long); a body sent without a
 * length (chunked) is refused with 411, since its size could only be known by reading it. Every GraphQL
 * client sends JSON bodies with a length.
 */
export function withBodyLimit(handler: RequestListener, maxBytes: number): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const length = req.headers["content-length"];
    const chunked = req.headers["transfer-encoding"] !== undefined;
    if (chunked && length === undefined) {
      refuse(res, req, 411, "A request body needs a Content-Length.", maxBytes);
      return;
    }
    if (length !== undefined && Number.parseInt(length, 10) > maxBytes) {
      refuse(res, req, 413, `The request body exceeds ${maxBytes} bytes.`, maxBytes);
      return;
    }
    handler(req, res);
  };
}

function refuse(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  message: string,
  maxBytes: number,
): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", connection: "close" });
  res.end(
    JSON.stringify({
      errors: [{ message, extensions: { code: ErrorCode.REQUEST_TOO_LARGE, limit: maxBytes } }],
    }),
  );
  req.resume();
}
