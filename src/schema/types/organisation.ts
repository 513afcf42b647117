import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode, GatewayError } from "../../errors.ts";
import { companyById, organisationCompanies } from "../../loaders/companies.ts";
import { readAllPages } from "../../pleo/all-pages.ts";
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

/** The organisation-scoped credential of this request that may list the organisation's companies. */
async function listingCredential(ctx: GatewayContext, organisationId: string) {
  return (await ctx.access.organisationCredentials(organisationId)).find((b) =>
    b.binding.scopes.has(Scope.companies),
  );
}

/**
 * An organisation's companies as its own credential lists them (`maxPages` of Pleo's largest pages, by
 * default `readAllPages`' bound), none without such a credential. Each listed company is primed as its
 * discovery record: the list is Pleo's word, through the organisation's credential, that the company
 * belongs to the organisation, so no later field looks it up again in this request.
 */
export async function listedCompanies(
  ctx: GatewayContext,
  organisationId: string,
  maxPages?: number,
): Promise<readonly CompanyModel[]> {
  const bound = await listingCredential(ctx, organisationId);
  if (!bound) return [];
  const loader = ctx.loaders.get(organisationCompanies);
  const { items } = await readAllPages(
    (page) => loader.load({ organisationId, bound, page }),
    maxPages === undefined ? {} : { maxPages },
  );
  primeRecords(ctx, items);
  return items;
}

function primeRecords(ctx: GatewayContext, companies: readonly CompanyModel[]): void {
  const records = ctx.loaders.get(companyById);
  for (const company of companies) records.prime(company.id.toLowerCase(), company);
}

/**
 * Companies the caller holds company credentials for — what a caller without an organisation-scoped
 * credential can still discover. Which organisation each belongs to is learnt from the first page of the
 * lists the caller's organisation credentials read (the group's own list usually names them all); only a
 * company no list names is looked up by itself. A list that fails only costs those lookups.
 */
export async function heldCompanies(ctx: GatewayContext): Promise<CompanyModel[]> {
  const held = ctx.access.companyIdsWithCredentials();
  if (held.length === 0) return [];
  await Promise.allSettled(
    ctx.access.organisationIdsWithCredentials().map((id) => listedCompanies(ctx, id, 1)),
  );
  const loader = ctx.loaders.get(companyById);
  const results = await Promise.allSettled(held.map((id) => loader.load(id)));
  return results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])).sort(byNameThenId);
}

export function byNameThenId(a: CompanyModel, b: CompanyModel): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
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
        const orgCredential = await listingCredential(ctx, org.id);
        if (orgCredential) {
          const scope = { ownerId: org.id, resource: "companies" };
          const plan = planPage(scope, args);
          const page = await ctx.loaders
            .get(organisationCompanies)
            .load({ organisationId: org.id, bound: orgCredential, page: plan.request });
          // Listed companies are this caller's discovery data: later lookups of them need no call.
          primeRecords(ctx, page.items);
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
