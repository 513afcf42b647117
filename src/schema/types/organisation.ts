import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode, GatewayError } from "../../errors.ts";
import { companyById, organisationCompanies } from "../../loaders/companies.ts";
import type { Company as CompanyModel } from "../../pleo/models/company.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { planPage, toConnection } from "../connection.ts";
import { uuidOrGlobalId } from "../global-id.ts";
import { localPage } from "../local-page.ts";
import { Company } from "./company.ts";
import { companyRecord } from "./company-parent.ts";

/** A group of companies: for discovery only, never for accounting. Pleo exposes no name for it. */
interface OrganisationModel {
  readonly id: string;
}

export const Organisation = builder.objectRef<OrganisationModel>("Organisation");

/**
 * Companies of an organisation the caller holds company credentials for — what a caller without an
 * organisation-scoped credential can still discover. Each company is looked up once per request.
 */
export async function heldCompanies(ctx: GatewayContext): Promise<CompanyModel[]> {
  const loader = ctx.loaders.get(companyById);
  const results = await Promise.allSettled(
    ctx.access.companyIdsWithCredentials().map((id) => loader.load(id)),
  );
  return results
    .flatMap((r) => (r.status === "fulfilled" ? [r.value] : []))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Organisations the caller can discover: those it holds an organisation credential for or a company of. */
export async function discoverableOrganisationIds(ctx: GatewayContext): Promise<string[]> {
  const ids = new Set(ctx.access.organisationIdsWithCredentials());
  for (const company of await heldCompanies(ctx)) {
    if (company.organizationId) ids.add(company.organizationId.toLowerCase());
  }
  return [...ids].sort();
}

async function loadOrganisation(id: string, ctx: GatewayContext): Promise<OrganisationModel> {
  // An organisation credential settles it without looking any company up.
  if (ctx.access.organisationIdsWithCredentials().includes(id)) return { id };
  if ((await discoverableOrganisationIds(ctx)).includes(id)) return { id };
  throw new GatewayError(
    ErrorCode.ORGANISATION_NOT_ACCESSIBLE,
    `This request holds no credential for organisation ${id} or any of its companies.`,
    { organisationId: id },
  );
}

builder.node(Organisation, {
  id: { resolve: (o) => o.id, parse: (id) => uuidOrGlobalId("Organisation", id) },
  loadOne: (id, ctx) => loadOrganisation(id, ctx),
  fields: (t) => ({
    organisationId: t.field({ type: "UUID", description: "Pleo's organization_id.", resolve: (o) => o.id }),
    companies: t.connection({
      type: Company,
      nullable: true,
      description:
        "The organisation's companies. With an organisation-scoped credential, every company Pleo lists; otherwise the companies this request holds credentials for.",
      resolve: async (org, args, ctx) => {
        const orgCredential = (await ctx.access.organisationCredentials(org.id)).find((b) =>
          b.binding.scopes.has(Scope.companies),
        );
        if (orgCredential) {
          const scope = { ownerId: org.id, resource: "companies" };
          const plan = planPage(scope, args);
          const page = await ctx.loaders
            .get(organisationCompanies)
            .load({ organisationId: org.id, bound: orgCredential, page: plan.request });
          // Listed companies are this caller's discovery data: later lookups of them need no call.
          const companies = ctx.loaders.get(companyById);
          for (const company of page.items) companies.prime(company.id.toLowerCase(), company);
          return toConnection(scope, plan, page);
        }
        const scope = { ownerId: org.id, resource: "held-companies" };
        const plan = planPage(scope, args);
        const held = (await heldCompanies(ctx)).filter((c) => c.organizationId?.toLowerCase() === org.id);
        return toConnection(scope, plan, localPage(held, plan.request));
      },
    }),
  }),
});

builder.objectField(Company, "organisation", (t) =>
  t.field({
    type: Organisation,
    nullable: true,
    resolve: async (c, _args, ctx) => {
      const { organizationId } = await companyRecord(c, ctx);
      return organizationId ? { id: organizationId.toLowerCase() } : null;
    },
  }),
);

builder.queryFields((t) => ({
  organisation: t.field({
    type: Organisation,
    nullable: true,
    description: "An organisation by Pleo organization_id or global ID, if this request can discover it.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => loadOrganisation(uuidOrGlobalId("Organisation", id), ctx),
  }),
  organisations: t.field({
    type: [Organisation],
    description: "Every organisation this request can discover.",
    resolve: async (_root, _args, ctx) => (await discoverableOrganisationIds(ctx)).map((id) => ({ id })),
  }),
}));
