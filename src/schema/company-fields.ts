import type DataLoader from "dataloader";
import type { GatewayContext } from "../context/context.ts";
import type { CompanyObjectKey, CompanyPageKey } from "../loaders/kit.ts";
import type { LoaderDefinition } from "../loaders/registry.ts";
import type { Page, PageRequest } from "../pleo/models/common.ts";
import type { Company as CompanyModel } from "../pleo/models/company.ts";
import { type Connection, type ConnectionArgs, planPage, toConnection } from "./connection.ts";
import { ownedIdForCompany } from "./global-id.ts";

/**
 * The pattern every accounting field on Company follows, in one place:
 * 1. `authScopes: requiresCompanyScope(scope)` — scope-auth refuses the field (null + typed error, no
 *    upstream call) unless the request holds a credential bound to this company with `scope`;
 * 2. the resolver asks `CompanyAccess` for that credential — never anything else — and loads through a
 *    per-request loader keyed by company and credential.
 */
export function requiresCompanyScope(scope: string) {
  return (company: CompanyModel) => ({ company: { companyId: company.id.toLowerCase(), scope } });
}

/** The same gate for a field of a company-owned object (an account's tax code needs `tax-codes:read`). */
export function requiresOwnerScope(scope: string) {
  return (owned: { readonly companyId: string }) => ({
    company: { companyId: owned.companyId.toLowerCase(), scope },
  });
}

/** A Relay connection over one of the company's Pleo lists. */
export async function companyConnection<F, T>(
  ctx: GatewayContext,
  company: CompanyModel,
  options: {
    readonly resource: string;
    readonly scope: string;
    readonly loader: LoaderDefinition<CompanyPageKey<F>, Page<T>, string>;
    readonly filter: F;
    readonly args: ConnectionArgs;
    /** Pleo's `sorting_keys`/`sorting_order`; name them in `resource` so cursors stay bound to an order. */
    readonly sorting?: Pick<PageRequest, "sortingKeys" | "sortingOrder"> | undefined;
  },
): Promise<Connection<T>> {
  const companyId = company.id.toLowerCase();
  const scope = { ownerId: companyId, resource: options.resource };
  const plan = planPage(scope, options.args);
  const bound = await ctx.access.credentialFor(companyId, options.scope);
  const request: PageRequest = { ...plan.request, ...options.sorting };
  const page = await ctx.loaders
    .get(options.loader)
    .load({ companyId, bound, filter: options.filter, page: request });
  return toConnection(scope, plan, page);
}

/**
 * One company-owned object by an id argument (Pleo's raw id, or a global ID that must embed this
 * company), through a batching by-id loader.
 */
export async function companyObject<T>(
  ctx: GatewayContext,
  companyId: string,
  options: {
    readonly typename: string;
    readonly scope: string;
    readonly loader: LoaderDefinition<CompanyObjectKey, T, string>;
    readonly id: string;
  },
): Promise<T> {
  const id = ownedIdForCompany(options.typename, companyId, options.id);
  return loadOwned(ctx, companyId, options.scope, options.loader, id);
}

/** Loads an object of `companyId` by its Pleo id with that company's credential (node(id:), references). */
export async function loadOwned<T>(
  ctx: GatewayContext,
  companyId: string,
  scope: string,
  loader: LoaderDefinition<CompanyObjectKey, T, string>,
  id: string,
): Promise<T> {
  const bound = await ctx.access.credentialFor(companyId, scope);
  return (ctx.loaders.get(loader) as DataLoader<CompanyObjectKey, T, string>).load({
    companyId: companyId.toLowerCase(),
    bound,
    id,
  });
}
