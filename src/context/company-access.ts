import type { CredentialIntrospector } from "../credentials/introspector.ts";
import type { CredentialStore } from "../credentials/store.ts";
import { ErrorCode, GatewayError } from "../errors.ts";
import type { BoundCredential, PleoCredential } from "../pleo/credential.ts";
import { Scope } from "../pleo/scopes.ts";
import type { CallerGrant } from "./caller-token.ts";

type SubjectType = "company" | "organisation";

/** Why a company (or organisation) has no usable stored credential for this caller. */
export interface AccessProblem {
  readonly code:
    | typeof ErrorCode.NO_CREDENTIAL_FOR_COMPANY
    | typeof ErrorCode.CREDENTIAL_BINDING_MISMATCH
    | typeof ErrorCode.CREDENTIAL_REJECTED
    | StoreRefusal;
  readonly subject: { readonly type: SubjectType; readonly id: string };
  readonly message: string;
}

/** Codes a store raises for a subject it knows but cannot serve (src/connections/vault-credential-store.ts). */
const STORE_REFUSALS = [
  ErrorCode.REAUTHORIZATION_REQUIRED,
  ErrorCode.VAULT_RECORD_UNREADABLE,
  ErrorCode.CONNECTION_STORE_UNAVAILABLE,
] as const;
type StoreRefusal = (typeof STORE_REFUSALS)[number];

type Resolution = { readonly bound: BoundCredential } | { readonly problem: AccessProblem };

/**
 * The per-request answer to "which credential may act for company X?". It holds:
 * - credentials the caller sent itself, already bound by introspection when the request was accepted;
 * - for a verified caller JWT, the companies and organisations it was granted, whose stored credentials
 *   are fetched and introspected lazily (only when a field needs them) and used only if Pleo confirms
 *   they belong to exactly that company or organisation.
 * A credential is only ever handed out for the subject its introspection names.
 */
export class CompanyAccess {
  readonly #direct: readonly BoundCredential[];
  readonly #grant: CallerGrant | undefined;
  readonly #store: CredentialStore;
  readonly #introspector: CredentialIntrospector;
  readonly #stored = new Map<string, Promise<Resolution>>();
  /** The gate's answer per (company, scope): scope-auth and the field's resolver share one decision. */
  readonly #decisions = new Map<string, Promise<BoundCredential>>();

  constructor(options: {
    direct: readonly BoundCredential[];
    grant: CallerGrant | undefined;
    store: CredentialStore;
    introspector: CredentialIntrospector;
  }) {
    this.#direct = options.direct;
    this.#grant = options.grant;
    this.#store = options.store;
    this.#introspector = options.introspector;
  }

  get directCredentials(): readonly BoundCredential[] {
    return this.#direct;
  }

  /** Every credential usable for this company, the caller's own first, then the gateway-held one. */
  companyCredentials(companyId: string): Promise<BoundCredential[]> {
    return this.#credentials("company", companyId);
  }

  /**
   * The credential to use for a company-scoped call that needs `scope`. Rejects with a typed error saying
   * why there is none; callers check this before any upstream request, so nothing is sent without it.
   * Decided once per request and (company, scope): the field gate and its resolver get the same answer.
   */
  credentialFor(companyId: string, scope: string): Promise<BoundCredential> {
    const id = companyId.toLowerCase();
    const key = `${id}\n${scope}`;
    let decision = this.#decisions.get(key);
    if (!decision) {
      decision = this.#decide(id, scope);
      this.#decisions.set(key, decision);
    }
    return decision;
  }

  /**
   * Why company discovery (`Query.company`, `Company` references) found no credential that can see the
   * company: its own credentials lack `companies:read`, the gateway's connection for a company granted
   * to the caller cannot be served (the store's own code: REAUTHORIZATION_REQUIRED, …), or the request
   * holds none for it.
   */
  async discoveryDenial(companyId: string): Promise<GatewayError> {
    const id = companyId.toLowerCase();
    if ((await this.companyCredentials(id)).length > 0) return missingScope(id, Scope.companies);
    const problem = await this.#grantedCompanyProblem(id);
    // Other problems (a credential bound elsewhere, refused) are not the caller's to know by discovery.
    if (problem && isStoreRefusal(problem.code)) {
      return new GatewayError(problem.code, problem.message, { companyId: id });
    }
    return new GatewayError(
      ErrorCode.NO_CREDENTIAL_FOR_COMPANY,
      `This request holds no credential that can see company ${id}.`,
      { companyId: id },
    );
  }

  /** Organisation-scoped credentials for discovery of one organisation. */
  organisationCredentials(organisationId: string): Promise<BoundCredential[]> {
    return this.#credentials("organisation", organisationId);
  }

  /** Organisation ids the caller holds an organisation-scoped credential for (sent or granted). */
  organisationIdsWithCredentials(): string[] {
    return this.#subjectIds("organisation");
  }

  /** Company ids the caller holds a company-scoped credential for (sent or granted). */
  companyIdsWithCredentials(): string[] {
    return this.#subjectIds("company");
  }

  /** Everything usable plus every problem with granted subjects, for `viewer`. Resolves all grants. */
  async inventory(): Promise<{ credentials: BoundCredential[]; problems: AccessProblem[] }> {
    const credentials = [...this.#direct];
    const problems: AccessProblem[] = [];
    const grants = [
      ...this.#granted("company").map((id) => ["company", id] as const),
      ...this.#granted("organisation").map((id) => ["organisation", id] as const),
    ];
    const resolutions = await Promise.all(grants.map(([type, id]) => this.#resolveStored(type, id)));
    for (const resolution of resolutions) {
      if ("bound" in resolution) credentials.push(resolution.bound);
      else problems.push(resolution.problem);
    }
    return { credentials, problems };
  }

  async #credentials(type: SubjectType, subjectId: string): Promise<BoundCredential[]> {
    const id = subjectId.toLowerCase();
    const result = this.#direct.filter((b) => b.binding.subject.type === type && b.binding.subject.id === id);
    if (this.#granted(type).includes(id)) {
      const resolution = await this.#resolveStored(type, id);
      if ("bound" in resolution) result.push(resolution.bound);
    }
    return result;
  }

  #subjectIds(type: SubjectType): string[] {
    const ids = new Set<string>();
    for (const b of this.#direct) if (b.binding.subject.type === type) ids.add(b.binding.subject.id);
    for (const id of this.#granted(type)) ids.add(id);
    return [...ids];
  }

  #granted(type: SubjectType): readonly string[] {
    return (type === "company" ? this.#grant?.companies : this.#grant?.organisations) ?? [];
  }

  async #decide(id: string, scope: string): Promise<BoundCredential> {
    const candidates = await this.companyCredentials(id);
    const withScope = candidates.find((b) => grants(b, scope));
    if (withScope) return withScope;
    if (candidates.length > 0) throw missingScope(id, scope);
    const problem = await this.#grantedCompanyProblem(id);
    if (problem) throw new GatewayError(problem.code, problem.message, { companyId: id, scope });
    throw new GatewayError(
      ErrorCode.NO_CREDENTIAL_FOR_COMPANY,
      `This request holds no credential bound to company ${id}.`,
      { companyId: id, scope },
    );
  }

  /** Why the gateway's stored credential for a company granted to the caller cannot be used, if so. */
  async #grantedCompanyProblem(id: string): Promise<AccessProblem | undefined> {
    if (!this.#granted("company").includes(id)) return undefined;
    const resolution = await this.#resolveStored("company", id);
    return "problem" in resolution ? resolution.problem : undefined;
  }

  #resolveStored(type: SubjectType, id: string): Promise<Resolution> {
    const key = `${type}:${id}`;
    let pending = this.#stored.get(key);
    if (!pending) {
      pending = this.#bindStored(type, id);
      this.#stored.set(key, pending);
    }
    return pending;
  }

  async #bindStored(type: SubjectType, id: string): Promise<Resolution> {
    const subject = { type, id };
    let credential: PleoCredential | undefined;
    try {
      credential =
        type === "company"
          ? await this.#store.companyCredential(id)
          : await this.#store.organisationCredential(id);
    } catch (error) {
      const refusal = storeRefusal(error, subject);
      if (refusal) return { problem: refusal };
      throw error;
    }
    if (!credential) {
      return {
        problem: {
          code: ErrorCode.NO_CREDENTIAL_FOR_COMPANY,
          subject,
          message: `The gateway holds no Pleo credential for ${type} ${id}.`,
        },
      };
    }
    let binding: BoundCredential["binding"];
    try {
      ({ credential, binding } = await this.#bindRenewing(credential));
    } catch (error) {
      // Renewing a refused credential may find the subject's connection unservable (e.g. revoked).
      const refusal = storeRefusal(error, subject);
      if (refusal) return { problem: refusal };
      if (error instanceof GatewayError && error.code === ErrorCode.CREDENTIAL_REJECTED) {
        return {
          problem: {
            code: ErrorCode.CREDENTIAL_REJECTED,
            subject,
            message: `Pleo refused the gateway's stored credential for ${type} ${id}; it must be renewed.`,
          },
        };
      }
      throw error;
    }
    if (binding.subject.type !== type || binding.subject.id !== id) {
      // The store claimed this credential is for `id`, Pleo says otherwise: never use it for `id`.
      return {
        problem: {
          code: ErrorCode.CREDENTIAL_BINDING_MISMATCH,
          subject,
          message: `The gateway's stored credential for ${type} ${id} is bound to another ${binding.subject.type} by Pleo and was not used.`,
        },
      };
    }
    return { bound: { credential, binding, source: "store" } };
  }

  /**
   * Introspects a stored credential. Introspection speaks for the very credential it is sent with, so it
   * goes out without the renewal hook (the client would resend it with another); if Pleo refuses a
   * renewable one, the store's credential of the moment for the same subject is introspected instead
   * (e.g. another instance has just rotated the grant's pair), and still checked against the subject.
   */
  async #bindRenewing(
    credential: PleoCredential,
  ): Promise<{ credential: PleoCredential; binding: BoundCredential["binding"] }> {
    const { renew, ...fixed } = credential;
    try {
      return { credential, binding: await this.#introspector.bind(fixed) };
    } catch (error) {
      if (!renew || !(error instanceof GatewayError) || error.code !== ErrorCode.CREDENTIAL_REJECTED)
        throw error;
      const renewed = await renew();
      if (!renewed || renewed.hash === credential.hash) throw error;
      const { renew: _again, ...fixedRenewed } = renewed;
      return { credential: renewed, binding: await this.#introspector.bind(fixedRenewed) };
    }
  }
}

function isStoreRefusal(code: string): code is StoreRefusal {
  return (STORE_REFUSALS as readonly string[]).includes(code);
}

/** The store knows this subject but cannot serve it: that subject's problem, not the request's. */
function storeRefusal(error: unknown, subject: AccessProblem["subject"]): AccessProblem | undefined {
  if (!(error instanceof GatewayError) || !isStoreRefusal(error.code)) return undefined;
  return { code: error.code, subject, message: error.message };
}

function missingScope(companyId: string, scope: string): GatewayError {
  return new GatewayError(
    ErrorCode.MISSING_SCOPE,
    `The credential for company ${companyId} lacks the "${scope}" scope.`,
    { companyId, scope },
  );
}

/** An empty scope means "any credential bound to the company" (for scopes Pleo has not confirmed). */
function grants(bound: BoundCredential, scope: string): boolean {
  return scope === "" || bound.binding.scopes.has(scope);
}
