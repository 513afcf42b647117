import { z } from "zod";
import { assertCompanyAccess } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound } from "../errors.ts";
import { ok, type RequestContext } from "../http-types.ts";
import type { GrantSubject, OAuthGrants } from "../oauth/grants.ts";
import {
  INSTALLATION_ERROR_CODES,
  INSTALLATION_STATUSES,
  type InstallationModel,
  type Installations,
} from "../oauth/installations.ts";
import { uuidParam } from "../query.ts";
import type { HttpMethod, RouteDefinition } from "../router.ts";

/**
 * Installations API (`/v1/installations/me`): the installation of the calling client (the credential's
 * `clientId`) for the credential's subject. A finished OAuth flow creates it; API-key integrations create
 * their own with POST. Deleting it revokes every token the client holds for that subject. Responses are the
 * bare `InstallationResponse`, without a `data` wrapper.
 */
export interface InstallationRouteDeps {
  readonly installations: Installations;
  readonly grants: OAuthGrants;
}

const metadata = z.record(z.string(), z.unknown());
const status = z.enum(INSTALLATION_STATUSES);

const createRequest = z.object({ metadata: metadata.optional(), status: status.optional() }).strict();
const updateRequest = z
  .object({ status, errorCode: z.enum(INSTALLATION_ERROR_CODES).optional(), metadata: metadata.optional() })
  .strict();

const PATH = "/v1/installations/me";

export function installationRoutes({ installations, grants }: InstallationRouteDeps): RouteDefinition[] {
  const existing = (ctx: RequestContext, subject: GrantSubject): InstallationModel => {
    const installation = installations.get(ctx.credential.clientId, subject);
    if (!installation) throw notFound("No installation of this client for the credential's subject.");
    return installation;
  };
  /** The subject of the caller's installation, once it is known to exist. */
  const installedSubject = (ctx: RequestContext): GrantSubject => {
    const subject = addressedSubject(ctx);
    existing(ctx, subject);
    return subject;
  };
  // Any credential may manage its own installation: no scope, organisation credentials included.
  const route = (method: HttpMethod, path: string, handle: RouteDefinition["handle"]): RouteDefinition => ({
    method,
    path,
    scope: null,
    organisationAccess: true,
    handle,
  });
  return [
    route("GET", PATH, (ctx) => ok(existing(ctx, addressedSubject(ctx, { companyParam: true })))),
    route("POST", PATH, (ctx) => {
      const body = parseBody(ctx, createRequest, { required: true });
      return ok(installations.create(ctx.credential.clientId, addressedSubject(ctx), body));
    }),
    route("PUT", PATH, (ctx) => {
      const subject = installedSubject(ctx);
      const body = parseBody(ctx, updateRequest, { required: true });
      return ok(installations.update(ctx.credential.clientId, subject, body));
    }),
    route("DELETE", PATH, (ctx) => {
      const subject = installedSubject(ctx);
      installations.remove(ctx.credential.clientId, subject);
      grants.revokeFor(ctx.credential.clientId, subject, "INSTALLATION_DELETED");
      return { status: 204 };
    }),
    route("POST", `${PATH}:activate`, (ctx) =>
      ok(installations.update(ctx.credential.clientId, installedSubject(ctx), { status: "ACTIVATED" })),
    ),
  ];
}

/**
 * The credential's own subject; on GET, `company_id` may name one company the credential reaches (its
 * own, or one of its organisation's).
 */
function addressedSubject(ctx: RequestContext, options: { companyParam?: boolean } = {}): GrantSubject {
  const companyId = options.companyParam ? uuidParam(ctx.request.query, "company_id") : undefined;
  if (companyId !== undefined) {
    assertCompanyAccess(ctx, companyId);
    return { type: "company", id: companyId };
  }
  const { subject } = ctx.credential;
  if (subject.type === "company") ctx.addressed.companyId = subject.id;
  return { type: subject.type, id: subject.id };
}
