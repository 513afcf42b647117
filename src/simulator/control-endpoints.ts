import type { ServerResponse } from "node:http";
import type { HungRequests } from "./fault-answer.ts";
import { type FaultInjector, faultsRequest } from "./faults.ts";
import { send } from "./http-io.ts";
import type { AuthorizationServer } from "./oauth/authorization-server.ts";
import { type RequestLog, requestLogEntry } from "./request-log.ts";
import { ALL_CREDENTIALS } from "./seed/identities.ts";
import type { SimStore } from "./store.ts";
import type { WebhookDeliveries } from "./subscriptions/webhook-deliveries.ts";

/** The parts of a running simulator that the `/__sim/*` endpoints observe and steer. */
export interface ControlledParts {
  readonly store: SimStore;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly oauth: AuthorizationServer;
  readonly hung: HungRequests;
  readonly webhooks: WebhookDeliveries;
  /** Everything `POST /__sim/reset` (and `RunningSimulator.reset()`) restores. */
  reset(): void;
}

/** Test-observability and fault-injection endpoints; unauthenticated and never logged. */
export function handleControl(
  parts: ControlledParts,
  method: string,
  path: string,
  rawBody: string,
  res: ServerResponse,
): void {
  const { store, log, faults, hung } = parts;
  if (method === "GET" && path === "/__sim/requests") {
    send(res, 200, { data: log.list() }, {});
  } else if (method === "POST" && path === "/__sim/reset") {
    parts.reset();
    send(res, 204, undefined, {});
  } else if (method === "POST" && /^\/__sim\/credentials\/[\w-]+\/revoke$/.test(path)) {
    // Revokes a seeded credential by its label (never by its secret): for rotation tests.
    const label = path.split("/")[3] ?? "";
    if (!ALL_CREDENTIALS.some((c) => c.label === label)) {
      send(res, 404, { type: "NOT_FOUND", message: "No seeded credential has that label." }, {});
      return;
    }
    store.revokedCredentials.add(label);
    send(res, 204, undefined, {});
  } else if (path.startsWith("/__sim/oauth/") && handleOAuthControl(parts, method, path, rawBody, res)) {
    return;
  } else if (method === "GET" && path === "/__sim/webhooks") {
    send(res, 200, { data: parts.webhooks.list() }, {});
  } else if (method === "POST" && path.startsWith("/__sim/webhooks/redeliver/")) {
    // Sends a past event again with its original webhook-id: how tests exercise a receiver's replay check.
    const started = parts.webhooks.redeliver(
      decodeURIComponent(path.slice("/__sim/webhooks/redeliver/".length)),
    );
    if (started === undefined)
      send(res, 404, { type: "NOT_FOUND", message: "No webhook event with that id was sent." }, {});
    else send(res, 202, { data: started }, {});
  } else if (method === "GET" && path === "/__sim/faults") {
    send(res, 200, { data: faults.list() }, {});
  } else if (method === "DELETE" && path === "/__sim/faults") {
    faults.clear();
    hung.release();
    send(res, 204, undefined, {});
  } else if (method === "POST" && path === "/__sim/faults") {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      send(res, 400, { type: "VALIDATION_FAILED", message: "The body must be JSON." }, {});
      return;
    }
    const parsed = faultsRequest.safeParse(json);
    if (!parsed.success) {
      const message = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.filter((p) => typeof p === "string").join(".") || "(body)"}: ${i.message}`)
        .join("; ");
      send(res, 400, { type: "VALIDATION_FAILED", message }, {});
      return;
    }
    const added = faults.add(parsed.data.rules);
    send(res, 201, { data: added }, {});
  } else {
    send(res, 404, { type: "NOT_FOUND", message: `No simulator control endpoint ${method} ${path}.` }, {});
  }
}

/** The authorisation server's test hooks; false when the path is none of them. */
function handleOAuthControl(
  parts: ControlledParts,
  method: string,
  path: string,
  rawBody: string,
  res: ServerResponse,
): boolean {
  const answer = parts.oauth.control(method, path, rawBody);
  if (!answer) return false;
  for (const call of answer.tokenCalls)
    parts.log.record(
      requestLogEntry({ method: "POST", path: "/oauth/token", query: {} }, call, call.status, 0),
    );
  send(res, answer.status, answer.body, {});
  return true;
}
