import { forbidden, notFound, type SimHttpError, validationFailed } from "./errors.ts";
import type { RequestContext } from "./http-types.ts";
import { uuidParam } from "./query.ts";
import type { SimCredential } from "./seed/identities.ts";
import type { Collection, SimStore } from "./store.ts";

/**
 * Which companies a credential may act on. A company-scoped credential reaches exactly its own company; an
 * organisation-scoped one reaches the companies of its organisation (only on the few routes that admit
 * organisation credentials at all, see `organisationAccess` in the router).
 */
export function mayAccessCompany(store: SimStore, credential: SimCredential, companyId: string): boolean {
  if (credential.subject.type === "company") return credential.subject.id === companyId;
  return store.organisationOf(companyId) === credential.subject.id;
}

export function assertCompanyAccess(ctx: RequestContext, companyId: string): void {
  ctx.addressed.companyId = companyId;
  if (!mayAccessCompany(ctx.store, ctx.credential, companyId)) {
    throw forbidden(`The credential is not authorised for company ${companyId}.`);
  }
}

/**
 * The company a listing addresses through its query. With the company parameter: that company, if the
 * credential may access it. Where the spec also accepts `organization_id`, a company credential naming its
 * own organisation means its own company. Without either: the credential's own company, unless the spec
 * makes the parameter mandatory.
 */
export function companyFromQuery(
  ctx: RequestContext,
  options: { param: "company_id" | "companyId"; organisationParam?: boolean; required: boolean },
): string {
  const { query } = ctx.request;
  const companyId = uuidParam(query, options.param);
  if (companyId !== undefined) {
    assertCompanyAccess(ctx, companyId);
    return companyId;
  }
  const subject = ctx.credential.subject;
  if (options.organisationParam) {
    const organisationId = uuidParam(query, "organization_id");
    if (organisationId !== undefined) {
      if (subject.type === "company" && ctx.store.organisationOf(subject.id) === organisationId)
        return subject.id;
      throw forbidden(`The credential is not authorised for organisation ${organisationId}.`);
    }
  }
  if (options.required || subject.type !== "company") {
    const names = options.organisationParam
      ? `'${options.param}' or 'organization_id'`
      : `'${options.param}'`;
    throw validationFailed(`Query parameter ${names} is required.`);
  }
  ctx.addressed.companyId = subject.id;
  return subject.id;
}

/**
 * An object addressed by id in the path: 404 when it does not exist, 403 when it belongs to a company the
 * credential may not access.
 */
export function ownedObject<T extends { id: string }>(
  ctx: RequestContext,
  collection: Collection<T>,
  id: string,
  missing: () => SimHttpError = () => notFound(`No object with id ${id}.`),
): T {
  const item = collection.get(id);
  const companyId = collection.companyOf(id);
  if (item === undefined || companyId === undefined) throw missing();
  assertCompanyAccess(ctx, companyId);
  return item;
}
