import type { IncomingMessage, ServerResponse } from "node:http";
import { payloadTooLarge } from "./errors.ts";
import type { QueryParams } from "./http-types.ts";

/** The simulator's Node HTTP plumbing: reading a request, writing JSON or pre-serialised answers. */

/** Request bodies are small JSON documents or forms; anything larger is refused rather than buffered. */
const MAX_BODY_BYTES = 1024 * 1024;

export function queryParams(search: URLSearchParams): QueryParams {
  const query = new Map<string, string[]>();
  for (const [name, value] of search) {
    const values = query.get(name) ?? [];
    values.push(value);
    query.set(name, values);
  }
  return query;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw payloadTooLarge(`Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** An answer whose body is already text (the authorisation server's HTML and JSON). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>>,
): void {
  res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>>,
): void {
  const payload = body === undefined || status === 204 ? undefined : JSON.stringify(body);
  const head: Record<string, string> = { "content-type": "application/json;charset=UTF-8", ...headers };
  if (payload === undefined) delete head["content-type"];
  else head["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(status, head);
  res.end(payload);
}
