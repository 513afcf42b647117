import type { CredentialIntrospector } from "../credentials/introspector.ts";
import type { CredentialStore } from "../credentials/store.ts";
import { ErrorCode, GatewayError } from "../errors.ts";
import type { BoundCredential, PleoCredential } from "../pleo/credential.ts";
import type { CallerGrant } from "./caller-token.ts";

/** Why a company (or organisation) has no usable stored credential for this caller. */
export interface AccessProblem {
  readonly code:
    | typeof ErrorCode.NO_CREDENTIAL_FOR_COMPANY
    | typeof ErrorCode.CREDENTIAL_BINDING_MISMATCH
    | typeof ErrorCode.CREDENTIAL_REJECTED;
  readonly subject: { readonly type: "company" | "organisation"; readonly id: string };
  readonly message: string;
}

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

  get grant(): CallerGrant | undefined {
    return this.#grant;
  }

  get directCredentials(): readonly BoundCredential[] {
    return this.#direct;
  }

  /** Every credential usable for this company, the caller's own first, then the gateway-held one. */
  async companyCredentials(companyId: string): Promise<BoundCredential[]> {
    const id = companyId.toLowerCase();
    const result = this.#direct.filter(
      (b) => b.binding.subject.type === "company" && b.binding.subject.id === id,
    );
    if (this.#grant?.companies.includes(id)) {
      const resolution = await this.#resolveStored("company", id);
      if ("bound" in resolution) result.push(resolution.bound);
    }
    return result;
  }

  /**
   * The credential to use for a company-scoped call that needs `scope`. Throws a typed error saying why
   * there is none; callers check this before any upstream request, so nothing is sent without it.
   */
  async credentialFor(companyId: string, scope: string): Promise<BoundCredential> {
    const candidates = await this.companyCredentials(companyId);
    const withScope = candidates.find((b) => grants(b, scope));
    if (withScope) return withScope;
    throw await this.#denial(companyId, scope, candidates.length > 0);
  }

  async canAct(companyId: string, scope: string): Promise<boolean> {
    const candidates = await this.companyCredentials(companyId);
    return candidates.some((b) => grants(b, scope));
  }

  /** The typed error explaining why `credentialFor(companyId, scope)` would fail. */
  async denial(companyId: string, scope: string): Promise<GatewayError> {
    const candidates = await this.companyCredentials(companyId);
    return this.#denial(companyId, scope, candidates.length > 0);
  }

  /** Organisation-scoped credentials for discovery of one organisation. */
  async organisationCredentials(organisationId: string): Promise<BoundCredential[]> {
    const id = organisationId.toLowerCase();
    const result = this.#direct.filter(
      (b) => b.binding.subject.type === "organisation" && b.binding.subject.id === id,
    );
    if (this.#grant?.organisations.includes(id)) {
      const resolution = await this.#resolveStored("organisation", id);
      if ("bound" in resolution) result.push(resolution.bound);
    }
    return result;
  }

  /** Organisation ids the caller holds an organisation-scoped credential for (sent or granted). */
  organisationIdsWithCredentials(): string[] {
    const ids = new Set<string>();
    for (const b of this.#direct)
      if (b.binding.subject.type === "organisation") ids.add(b.binding.subject.id);
    for (const id of this.#grant?.organisations ?? []) ids.add(id);
    return [...ids];
  }

  /** Company ids the caller holds a company-scoped credential for (sent or granted). */
  companyIdsWithCredentials(): string[] {
    const ids = new Set<string>();
    for (const b of this.#direct) if (b.binding.subject.type === "company") ids.add(b.binding.subject.id);
    for (const id of this.#grant?.companies ?? []) ids.add(id);
    return [...ids];
  }

  /** Everything usable plus every problem with granted subjects, for `viewer`. Resolves all grants. */
  async inventory(): Promise<{ credentials: BoundCredential[]; problems: AccessProblem[] }> {
    const credentials = [...this.#direct];
    const problems: AccessProblem[] = [];
    const grants = [
      ...(this.#grant?.companies ?? []).map((id) => ["company", id] as const),
      ...(this.#grant?.organisations ?? []).map((id) => ["organisation", id] as const),
    ];
    const resolutions = await Promise.all(grants.map(([type, id]) => this.#resolveStored(type, id)));
    for (const resolution of resolutions) {
      if ("bound" in resolution) credentials.push(resolution.bound);
      else problems.push(resolution.problem);
    }
    return { credentials, problems };
  }

  async #denial(companyId: string, scope: string, hasAny: boolean): Promise<GatewayError> {
    const id = companyId.toLowerCase();
    if (hasAny) {
      return new GatewayError(
        ErrorCode.MISSING_SCOPE,
        `The credential for company ${id} lacks the "${scope}" scope.`,
        { companyId: id, scope },
      );
    }
    if (this.#grant?.companies.includes(id)) {
      const resolution = await this.#resolveStored("company", id);
      if ("problem" in resolution) {
        return new GatewayError(resolution.problem.code, resolution.problem.message, {
          companyId: id,
          scope,
        });
      }
    }
    return new GatewayError(
      ErrorCode.NO_CREDENTIAL_FOR_COMPANY,
      `This request holds no credential bound to company ${id}.`,
      { companyId: id, scope },
    );
  }

  #resolveStored(type: "company" | "organisation", id: string): Promise<Resolution> {
    const key = `${type}:${id}`;
    let pending = this.#stored.get(key);
    if (!pending) {
      pending = this.#bindStored(type, id);
      this.#stored.set(key, pending);
    }
    return pending;
  }

  async #bindStored(type: "company" | "organisation", id: string): Promise<Resolution> {
    const subject = { type, id };
    const credential: PleoCredential | undefined =
      type === "company"
        ? await this.#store.companyCredential(id)
        : await this.#store.organisationCredential(id);
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
      binding = await this.#introspector.bind(credential);
    } catch (error) {
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
}

/** An empty scope means "any credential bound to the company" (for scopes Pleo has not confirmed). */
function grants(bound: BoundCredential, scope: string): boolean {
  return scope === "" || bound.binding.scopes.has(scope);
}
