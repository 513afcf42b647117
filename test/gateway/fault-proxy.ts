import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A small HTTP proxy between the gateway and the simulator that injects failures a real network has
 * (a dropped connection, a late answer, a refusal) while the simulator itself stays untouched, and
 * records what it received.
 */

type Fault =
  /** Forward the request, then cut the connection instead of answering. */
  | { readonly kind: "drop-after-forward" }
  /** Forward the request, then answer only after `ms`. */
  | { readonly kind: "delay-after-forward"; readonly ms: number }
  /** Answer this without forwarding. */
  | { readonly kind: "respond"; readonly status: number; readonly headers?: Record<string, string> };

interface Rule {
  readonly method: string;
  readonly path: RegExp;
  readonly fault: Fault;
  /** Matching requests let through untouched before the fault applies. */
  readonly skip?: number;
  /** How many matching requests get the fault (default 1). */
  readonly times?: number;
}

export interface FaultProxy {
  readonly url: string;
  /** Requests the proxy received, as `METHOD path`. */
  readonly seen: string[];
  fault(rule: Rule): void;
  clear(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const rules: { rule: Rule; matched: number }[] = [];
  const seen: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    seen.push(`${req.method} ${url.pathname}`);
    const entry = rules.find((r) => r.rule.method === req.method && r.rule.path.test(url.pathname));
    let fault: Fault | undefined;
    if (entry) {
      entry.matched++;
      const skip = entry.rule.skip ?? 0;
      if (entry.matched > skip && entry.matched <= skip + (entry.rule.times ?? 1)) fault = entry.rule.fault;
    }
    if (fault?.kind === "respond") {
      res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
      res.end(JSON.stringify({ type: "INJECTED", message: "Injected by the test proxy." }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ["authorization", "content-type", "accept", "user-agent"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: body.length > 0 ? body.toString("utf8") : undefined,
    });
    const text = await upstream.text();
    if (fault?.kind === "drop-after-forward") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "delay-after-forward") await sleep(fault.ms);
    try {
      const contentType = upstream.headers.get("content-type");
      res.writeHead(upstream.status, contentType ? { "content-type": contentType } : {});
      res.end(text);
    } catch {
      // The gateway gave up waiting and closed the connection.
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    fault: (rule) => rules.push({ rule, matched: 0 }),
    clear: () => {
      rules.length = 0;
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
