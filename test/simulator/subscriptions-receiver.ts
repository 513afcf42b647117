import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** One webhook as a loopback receiver got it: headers and the raw body, exactly as sent. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/webhooks/pleo`. */
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Statuses to answer with, in order; once used up, every request gets 204. */
  answerWith(...statuses: number[]): void;
}

/** A loopback HTTP receiver for the test file, emptied before each test. */
export function useWebhookReceiver(): () => WebhookReceiver {
  const received: ReceivedWebhook[] = [];
  let scripted: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(scripted.shift() ?? 204).end();
    });
  });
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    receiver = {
      url: `http://127.0.0.1:${port}/webhooks/pleo`,
      received,
      answerWith: (...statuses) => {
        scripted = [...statuses];
      },
    };
  });
  beforeEach(() => {
    received.length = 0;
    scripted = [];
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return () => {
    if (!receiver) throw new Error("receiver not started");
    return receiver;
  };
}
