import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { authenticate, type IssuedTokenLookup } from "./auth.ts";
import { type ControlledParts, handleControl } from "./control-endpoints.ts";
import { type DispatchResult, dispatch } from "./dispatch.ts";
import { payloadTooLarge, SimHttpError } from "./errors.ts";
import { answerWithFault } from "./fault-answer.ts";
import { addressedCompany } from "./faults.ts";
import { queryParams, readBody, send, sendText } from "./http-io.ts";
import { AuthorizationServer, LOGGABLE_OAUTH_PARAMS } from "./oauth/authorization-server.ts";
import type { SimRateLimit } from "./rate-limit.ts";
import { type LogIdentity, loggedQuery, requestLogEntry } from "./request-log.ts";
import type { Router } from "./router.ts";

/** Everything one HTTP request may go through, besides the control endpoints' parts. */
export interface ServingParts extends ControlledParts {
  readonly router: Router;
  readonly rateLimit: SimRateLimit | undefined;
  /** Resolves OAuth access tokens the authorisation server issued. */
  readonly issued: IssuedTokenLookup;
  /** Delay added to every API request. */
  readonly latencyMs: number;
}

/**
 * Serves one HTTP request: `/__sim/*` goes to the control endpoints; every other request gets the added
 * latency, then a matching fault (if any), then the authorisation server or the rate limit and the API
 * dispatcher, and is logged.
 */
export function requestHandler(
  parts: ServingParts,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { store, log, faults, oauth, hung, router, rateLimit, issued, latencyMs } = parts;

  return async function handle(req, res) {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const method = (req.method ?? "GET").toUpperCase();

    if (url.pathname === "/__sim" || url.pathname.startsWith("/__sim/")) {
      handleControl(parts, method, url.pathname, await readBody(req), res);
      return;
    }

    const query = queryParams(url.searchParams);
    const isOAuth = AuthorizationServer.serves(url.pathname);
    const record = (identity: LogIdentity, status: number) =>
      log.record(
        requestLogEntry(
          {
            method,
            path: url.pathname,
            query: loggedQuery(query, isOAuth ? LOGGABLE_OAUTH_PARAMS : undefined),
          },
          identity,
          status,
          Math.round((performance.now() - started) * 100) / 100,
        ),
      );
    let result: DispatchResult;
    try {
      const rawBody = await readBody(req);
      const serveOAuth = () =>
        oauth.serve({
          method,
          path: url.pathname,
          query: url.searchParams,
          contentType: req.headers["content-type"],
          rawBody,
          authorization: req.headers.authorization,
          origin: `http://${req.headers.host ?? "127.0.0.1"}`,
        });
      if (latencyMs > 0) await sleep(latencyMs);
      if (faults.size > 0) {
        const auth = authenticate(req.headers.authorization, issued);
        const credentialCompany =
          auth.recognised?.subject.type === "company" ? auth.recognised.subject.id : null;
        const companyId = addressedCompany(url.pathname, query, rawBody, credentialCompany);
        const identity = [method, url.pathname, url.searchParams.toString(), auth.fingerprint, rawBody].join(
          "\u0000",
        );
        const fault = faults.decide({ method, path: url.pathname, companyId, identity });
        if (fault) {
          if (fault.latencyMs > 0) await sleep(fault.latencyMs);
          if (fault.action !== "latency") {
            // At the token endpoint a reset is the lost answer: Pleo rotated, the client never heard.
            const lost = isOAuth && fault.action === "reset" ? serveOAuth() : undefined;
            const status = await answerWithFault(fault, req, res, hung);
            record(
              lost ?? {
                credentialLabel: auth.recognised?.label ?? null,
                credentialFingerprint: auth.fingerprint,
                credentialSubject: auth.recognised ? { ...auth.recognised.subject } : null,
                targetCompanyId: companyId,
              },
              status,
            );
            return;
          }
        }
      }
      result = isOAuth
        ? serveOAuth()
        : (rateLimit?.refuse(req.headers.authorization, issued) ??
          dispatch(
            store,
            router,
            {
              method,
              path: url.pathname,
              query,
              contentType: req.headers["content-type"],
              rawBody,
              authorization: req.headers.authorization,
            },
            issued,
          ));
    } catch (error) {
      // Only an oversized body gets here; answer without dispatching, but still log who sent it.
      const failure = error instanceof SimHttpError ? error : payloadTooLarge("Request body too large.");
      const auth = authenticate(req.headers.authorization, issued);
      result = {
        status: failure.status,
        body: failure.toBody(),
        headers: { connection: "close" },
        credentialLabel: auth.recognised?.label ?? null,
        credentialFingerprint: auth.fingerprint,
        credentialSubject: auth.recognised ? { ...auth.recognised.subject } : null,
        targetCompanyId: null,
      };
    }
    if (result.bodyText === undefined) send(res, result.status, result.body, result.headers);
    else sendText(res, result.status, result.bodyText, result.headers);
    record(result, result.status);
  };
}
