import { ALL_ORGANISATIONS, type PleoScope } from "../seed/identities.ts";
import type { SimStore } from "../store.ts";
import { allowedScopes, type OAuthClient, type OAuthClients } from "./clients.ts";
import { type AuthorizationCodes, isS256Challenge } from "./codes.ts";
import { type ConsentChoice, consentPage, errorPage } from "./consent-page.ts";
import type { GrantSubject } from "./grants.ts";
import { htmlResponse, type OAuthHttpResponse, redirectResponse } from "./responses.ts";

/**
 * `GET /oauth/authorize` shows the consent page; `POST /oauth/authorize` (the page's form) takes the
 * decision and redirects back with `code`+`state` or `error=access_denied`+`state`. Only a known client
 * with an exactly registered redirect URI is ever redirected to; anything else gets a 400 page.
 */
interface AuthorizeDeps {
  readonly clients: OAuthClients;
  readonly codes: AuthorizationCodes;
  readonly store: SimStore;
}

/** The authorisation request parameters, echoed as hidden fields into the consent form. */
const REQUEST_PARAMS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "scope",
  "state",
  "code_challenge",
  "code_challenge_method",
] as const;

interface AuthorizationRequest {
  readonly client: OAuthClient;
  readonly redirectUri: string;
  readonly scopes: readonly PleoScope[];
  readonly state: string | null;
  readonly codeChallenge: string;
}

export function showConsent(deps: AuthorizeDeps, params: URLSearchParams): OAuthHttpResponse {
  const validated = validateRequest(deps, params);
  if (!("client" in validated)) return validated;
  return htmlResponse(200, renderConsent(deps, validated, params));
}

export function decide(deps: AuthorizeDeps, form: URLSearchParams): OAuthHttpResponse {
  const validated = validateRequest(deps, form);
  if (!("client" in validated)) return validated;
  const decision = form.get("decision");
  if (decision === "deny")
    return redirectBack(validated, { error: "access_denied", error_description: "The user denied access." });
  if (decision !== "approve")
    return htmlResponse(400, renderConsent(deps, validated, form, "Choose Approve or Deny."));
  const subject = parseSubject(deps.store, form.get("subject") ?? "");
  if (!subject)
    return htmlResponse(400, renderConsent(deps, validated, form, "Choose a company or an organisation."));
  const code = deps.codes.issue({
    clientId: validated.client.clientId,
    redirectUri: validated.redirectUri,
    subject,
    scopes: validated.scopes,
    codeChallenge: validated.codeChallenge,
  });
  return redirectBack(validated, { code });
}

/** A valid request, or the answer refusing it (a 400 page or an error redirect). */
function validateRequest(
  deps: AuthorizeDeps,
  params: URLSearchParams,
): AuthorizationRequest | OAuthHttpResponse {
  const repeated = REQUEST_PARAMS.find((name) => params.getAll(name).length > 1);
  const clientId = params.get("client_id") ?? "";
  const client = deps.clients.get(clientId);
  if (!client) return htmlResponse(400, errorPage("invalid_client", "Unknown client_id."));
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!client.redirectUris.includes(redirectUri) || params.getAll("redirect_uri").length > 1)
    return htmlResponse(400, errorPage("invalid_request", "redirect_uri is not registered for this client."));
  const state = params.get("state");
  const refuse = (error: string, error_description: string) =>
    redirectBack({ redirectUri, state }, { error, error_description });
  if (repeated) return refuse("invalid_request", `The '${repeated}' parameter is repeated.`);
  if (params.get("response_type") !== "code")
    return refuse("unsupported_response_type", "Only response_type=code is supported.");
  if (params.get("code_challenge_method") !== "S256")
    return refuse("invalid_request", "PKCE with code_challenge_method=S256 is required; 'plain' is refused.");
  const codeChallenge = params.get("code_challenge") ?? "";
  if (!isS256Challenge(codeChallenge))
    return refuse("invalid_request", "code_challenge must be the base64url SHA-256 of the verifier.");
  const allowed = allowedScopes(client);
  const requested = (params.get("scope") ?? "").split(" ").filter((scope) => scope !== "");
  const unknown = requested.filter((scope) => !(allowed as readonly string[]).includes(scope));
  if (unknown.length > 0)
    return refuse("invalid_scope", `Scopes not available to this client: ${unknown.join(", ")}.`);
  const scopes = requested.length === 0 ? allowed : allowed.filter((scope) => requested.includes(scope));
  return { client, redirectUri, scopes, state, codeChallenge };
}

function renderConsent(
  deps: AuthorizeDeps,
  request: AuthorizationRequest,
  params: URLSearchParams,
  problem?: string,
): string {
  const hidden: Record<string, string> = {};
  for (const name of REQUEST_PARAMS) {
    const value = params.get(name);
    if (value !== null) hidden[name] = value;
  }
  const organisationName = new Map(ALL_ORGANISATIONS.map((o) => [o.id, o.name]));
  const companies: ConsentChoice[] = deps.store.companies.all().map((company) => ({
    urn: `urn:pleo:company:${company.id}`,
    label: `${company.name} (${organisationName.get(company.organizationId ?? "") ?? "no organisation"})`,
  }));
  const organisations: ConsentChoice[] = ALL_ORGANISATIONS.map((organisation) => ({
    urn: `urn:pleo:organisation:${organisation.id}`,
    label: `${organisation.name} (organisation)`,
  }));
  return consentPage({
    clientId: request.client.clientId,
    scopes: request.scopes,
    companies,
    organisations,
    hidden,
    ...(problem === undefined ? {} : { problem }),
  });
}

/** A subject URN naming a company or organisation that exists in the simulator. */
function parseSubject(store: SimStore, urn: string): GrantSubject | undefined {
  const match = /^urn:pleo:(company|organisation):([0-9a-f-]{36})$/i.exec(urn.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const id = match[2].toLowerCase();
  if (match[1].toLowerCase() === "company")
    return store.companies.get(id) ? { type: "company", id } : undefined;
  return ALL_ORGANISATIONS.some((o) => o.id === id) ? { type: "organisation", id } : undefined;
}

function redirectBack(
  request: { readonly redirectUri: string; readonly state: string | null },
  params: Readonly<Record<string, string>>,
): OAuthHttpResponse {
  const location = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(params)) location.searchParams.set(name, value);
  if (request.state !== null) location.searchParams.set("state", request.state);
  return redirectResponse(location.toString());
}
