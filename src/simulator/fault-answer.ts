import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultDecision } from "./faults.ts";
import { send } from "./http-io.ts";

/** Requests a `hang` fault holds open; released (their connections destroyed) on reset and close. */
export class HungRequests {
  private readonly held = new Set<ServerResponse>();

  hold(res: ServerResponse): void {
    this.held.add(res);
    res.once("close", () => this.held.delete(res));
  }

  release(): void {
    for (const res of this.held) res.destroy();
    this.held.clear();
  }
}

/**
 * Answers a request the way a fault says; returns the status recorded in the request log (0 when no
 * answer was given: a hang or a reset).
 */
export async function answerWithFault(
  fault: FaultDecision,
  req: IncomingMessage,
  res: ServerResponse,
  hung: HungRequests,
): Promise<number> {
  const retryAfter: Record<string, string> =
    fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) };
  switch (fault.action) {
    case "error":
    case "rate-limit": {
      const status = fault.status ?? 500;
      const type = status === 429 ? "TOO_MANY_REQUESTS" : "SIMULATED_FAULT";
      send(res, status, { type, message: `Injected fault ${fault.ruleId}.` }, retryAfter);
      return status;
    }
    case "malformed": {
      const status = fault.status ?? 200;
      res.writeHead(status, { "content-type": "application/json;charset=UTF-8" });
      res.end('{"data":[{"id":"');
      return status;
    }
    case "hang":
      hung.hold(res);
      return 0;
    case "reset": {
      // The request was read in full: like a Pleo that applied a write and then lost the connection.
      const socket = req.socket as typeof req.socket & { resetAndDestroy?: () => void };
      if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
      else socket.destroy();
      return 0;
    }
    default:
      return 0;
  }
}
