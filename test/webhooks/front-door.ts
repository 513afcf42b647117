import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback reverse proxy standing in for the gateway's public address: it listens first, so its URL
 * can be configured as PUBLIC_BASE_URL before the gateway (on a port of its own) exists, and forwards
 * every request to the target set afterwards, body and status unchanged.
 */
export interface FrontDoor {
  readonly url: string;
  forwardTo(target: string): void;
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive"]);

export async function startFrontDoor(): Promise<FrontDoor> {
  let target: string | undefined;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!target) {
      res.writeHead(503).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      // Hop-by-hop and length headers are fetch's own to set.
      if (typeof value === "string" && !HOP_HEADERS.has(name)) headers.set(name, value);
    }
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/plain" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwardTo(url) {
      target = url;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
