import { createHash, randomBytes } from "node:crypto";
import { AuthorizationResponseError } from "oauth4webapi";
import { createCredential } from "../pleo/credential.ts";
import type { AuditLog } from "./audit-log.ts";
import { ConnectionErrorCode, ConnectionFailure } from "./connection-failure.ts";
import type { ConnectionWriter } from "./connection-writer.ts";
import { type ManageRights, mayManage } from "./manage-rights.ts";
import { OAuthGrantInvalidError, type PleoOAuthClient } from "./oauth-client.ts";
import { type PendingFlow, type PendingFlowStore, stateDigest } from "./pending-flows.ts";
import { allowedReturnTo, withOutcome } from "./return-to.ts";
import { subjectUrn } from "./subject.ts";
import type { SubjectDirectory } from "./subject-directory.ts";

/**
 * The OAuth connect flow. `start` keeps the state, the PKCE verifier, the caller and a browser binding
 * server-side and hands out Pleo's authorisation URL; `finish` (the callback) takes the flow once,
 * checks the browser is the one that started it, exchanges the code server-side, learns the subject
 * from Pleo's introspection, checks the caller may manage it, and only then stores the pair.
 */

/** How a finished flow ended, as `?connection=<outcome>` on the return URL. */
export type FlowOutcome =
  | "connected"
  | "access_denied"
  | "authorization_failed"
  | "foreign_browser"
  | "exchange_failed"
  | "subject_unknown"
  | "not_permitted"
  | "unavailable";

/** What the callback answers: a redirect to the trusted return URL, or a page when there is none. */
export type CallbackResult =
  | { readonly kind: "redirect"; readonly location: string; readonly clearCookie: string }
  | {
      readonly kind: "page";
      readonly status: number;
      readonly message: string;
      readonly clearCookie?: string;
    };

/** The cookie that binds a flow to the browser of the caller who started it. */
export interface FlowCookie {
  readonly name: string;
  readonly value: string;
  readonly maxAgeSeconds: number;
  readonly path: string;
  readonly secure: boolean;
}

export const CALLBACK_PATH = "/oauth/pleo/callback";

export class OAuthConnectFlow {
  readonly #oauth: PleoOAuthClient;
  readonly #flows: PendingFlowStore;
  readonly #writer: ConnectionWriter;
  readonly #directory: SubjectDirectory;
  readonly #audit: AuditLog;
  readonly #allowlist: readonly string[];
  readonly #ttlMs: number;

  constructor(options: {
    oauth: PleoOAuthClient;
    flows: PendingFlowStore;
    writer: ConnectionWriter;
    directory: SubjectDirectory;
    audit: AuditLog;
    returnToAllowlist: readonly string[];
    flowTtlMs: number;
  }) {
    this.#oauth = options.oauth;
    this.#flows = options.flows;
    this.#writer = options.writer;
    this.#directory = options.directory;
    this.#audit = options.audit;
    this.#allowlist = options.returnToAllowlist;
    this.#ttlMs = options.flowTtlMs;
  }

  async start(
    rights: ManageRights,
    returnTo: string,
  ): Promise<{ authorizationUrl: string; cookie: FlowCookie }> {
    const target = allowedReturnTo(returnTo, this.#allowlist);
    if (!target) {
      this.#audit.record({
        actor: rights.actor,
        action: "oauth.start",
        subject: null,
        outcome: "RETURN_TO_NOT_ALLOWED",
      });
      throw new ConnectionFailure(
        ConnectionErrorCode.RETURN_TO_NOT_ALLOWED,
        "returnTo is not on this gateway's OAUTH_RETURN_TO_ALLOWLIST.",
      );
    }
    const state = randomBytes(32).toString("base64url");
    const nonce = randomBytes(32).toString("base64url");
    const { verifier, challenge } = await this.#oauth.pkce();
    const flow: PendingFlow = {
      verifier,
      actor: rights.actor,
      manages: rights.manages,
      browserBinding: digest(nonce),
      returnTo: target.toString(),
    };
    await this.#flows.save(state, flow, this.#ttlMs);
    this.#audit.record({ actor: rights.actor, action: "oauth.start", subject: null, outcome: "ok" });
    return {
      authorizationUrl: this.#oauth.authorizationUrl(state, challenge),
      cookie: {
        name: cookieName(state),
        value: nonce,
        maxAgeSeconds: Math.floor(this.#ttlMs / 1000),
        path: CALLBACK_PATH,
        secure: new URL(this.#oauth.settings.redirectUri).protocol === "https:",
      },
    };
  }

  /** The callback: every way out is a typed outcome, and nothing is stored unless it is `connected`. */
  async finish(parameters: URLSearchParams, cookies: ReadonlyMap<string, string>): Promise<CallbackResult> {
    const state = parameters.get("state");
    if (!state) return page(400, "This link carries no connect flow (no state).");
    const name = cookieName(state);
    const flow = await this.#flows.take(state);
    if (!flow) {
      // Unknown, expired or already used: there is no trusted return URL to send the browser to.
      this.#audit.record({
        actor: "anonymous",
        action: "oauth.callback",
        subject: null,
        outcome: "invalid_state",
      });
      return page(400, "This connect flow is unknown, expired or already finished. Start it again.", name);
    }
    const end = (outcome: FlowOutcome, subject: string | null = null): CallbackResult => {
      this.#audit.record({ actor: flow.actor, action: "oauth.callback", subject, outcome });
      return { kind: "redirect", location: withOutcome(flow.returnTo, outcome), clearCookie: name };
    };
    const nonce = cookies.get(name);
    if (!nonce || digest(nonce) !== flow.browserBinding) return end("foreign_browser");
    let callback: URLSearchParams;
    try {
      callback = this.#oauth.validateCallback(parameters, state);
    } catch (error) {
      if (error instanceof AuthorizationResponseError)
        return end(error.error === "access_denied" ? "access_denied" : "authorization_failed");
      return end("authorization_failed");
    }
    let tokens: Awaited<ReturnType<PleoOAuthClient["exchangeCode"]>>;
    try {
      tokens = await this.#oauth.exchangeCode(callback, flow.verifier);
    } catch (error) {
      return end(error instanceof OAuthGrantInvalidError ? "exchange_failed" : "unavailable");
    }
    let subject: Awaited<ReturnType<PleoOAuthClient["subjectOf"]>>;
    try {
      subject = await this.#oauth.subjectOf(tokens.accessToken);
    } catch {
      return end("unavailable");
    }
    if (!subject) return end("subject_unknown");
    const urn = subjectUrn(subject);
    const facts = await this.#directory.learn(subject, createCredential("accessToken", tokens.accessToken));
    const rights: ManageRights = { actor: flow.actor, manages: flow.manages };
    // Pleo's grant stays unused and expires: deleting its installation could remove the one an
    // existing, legitimate connection of the same subject relies on.
    if (!mayManage(rights, subject, facts.organisationId ?? undefined)) return end("not_permitted", urn);
    try {
      await this.#writer.storeOAuth(rights.actor, subject, tokens);
    } catch {
      return end("unavailable", urn);
    }
    return end("connected", urn);
  }
}

function page(status: number, message: string, clearCookie?: string): CallbackResult {
  return { kind: "page", status, message, ...(clearCookie ? { clearCookie } : {}) };
}

function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** One cookie per flow, so two flows started in one browser do not overwrite each other's binding. */
function cookieName(state: string): string {
  return `pleo_oauth_${stateDigest(state).slice(0, 16)}`;
}
