import type { InputFieldMap, InputShapeFromFields, ObjectRef } from "@pothos/core";
import type DataLoader from "dataloader";
import type { GatewayContext } from "../context/context.ts";
import type { CompanyObjectKey, CompanyPageKey } from "../loaders/kit.ts";
import type { LoaderDefinition } from "../loaders/registry.ts";
import type { BoundCredential } from "../pleo/credential.ts";
import type { Page, PageRequest } from "../pleo/models/common.ts";
import type { builder, CompanyScope } from "./builder.ts";
import { type Connection, type ConnectionArgs, planPage, toConnection } from "./connection.ts";
import { ownedIdForCompany } from "./global-id.ts";
import type { CompanyParent } from "./types/company-parent.ts";

/**
 * The pattern every accounting field follows, in one place. A gated field declares its Pleo scope once:
 * 1. scope-auth's `company` scope refuses the field (null + typed error, no upstream call) unless the
 *    request holds a credential bound to the owning company with that scope;
 * 2. the resolver receives the credential that gate found (`CompanyAccess` decides once per request and
 *    company and scope) and loads through a per-request loader keyed by company and credential.
 */

type Types = typeof builder.$inferSchemaTypes;

/** The Pleo scope a field needs: fixed, or taken from the deployment's settings (accounting entries). */
type ScopeOf = string | ((ctx: GatewayContext) => string);

/** An object of one company (its Pleo models carry `companyId`). */
interface Owned {
  readonly companyId: string;
}

type GatedResolver<P, Args extends InputFieldMap, R> = (
  parent: P,
  args: InputShapeFromFields<Args> & ConnectionArgs,
  ctx: GatewayContext,
  bound: BoundCredential,
) => R;

/**
 * The `args`, `authScopes` and `resolve` of a gated field, to spread into its options: the arguments
 * travel with the resolver so its `args` parameter is typed from them.
 */
function gated<P, Args extends InputFieldMap, R>(
  ownerOf: (parent: P) => string,
  scope: ScopeOf,
  args: Args,
  resolve: GatedResolver<P, Args, R>,
) {
  const gate = (parent: P, ctx: GatewayContext): CompanyScope => ({
    companyId: ownerOf(parent).toLowerCase(),
    scope: typeof scope === "string" ? scope : scope(ctx),
  });
  return {
    args,
    authScopes: (parent: P, _args: unknown, ctx: GatewayContext) => ({ company: gate(parent, ctx) }),
    resolve: async (
      parent: P,
      args: InputShapeFromFields<Args> & ConnectionArgs,
      ctx: GatewayContext,
    ): Promise<Awaited<R>> => {
      const { companyId, scope: needed } = gate(parent, ctx);
      return await resolve(parent, args, ctx, await ctx.access.credentialFor(companyId, needed));
    },
  };
}

/** A gated field on Company (see `gated`). */
export function companyGated<Args extends InputFieldMap, R>(
  scope: ScopeOf,
  args: Args,
  resolve: GatedResolver<CompanyParent, Args, R>,
) {
  return gated((company: CompanyParent) => company.id, scope, args, resolve);
}

/** A gated field of a company-owned object (an account's tax code needs `tax-codes:read`). */
export function ownerGated<P extends Owned, Args extends InputFieldMap, R>(
  scope: ScopeOf,
  args: Args,
  resolve: GatedResolver<P, Args, R>,
) {
  return gated((owned: P) => owned.companyId, scope, args, resolve);
}

/**
 * A gated cross-reference from a company-owned object to another object of the same company by its Pleo
 * id (null when the object names none), batched per company by the by-id loader.
 */
export function ownedReference<P extends Owned, T>(
  scope: ScopeOf,
  loader: LoaderDefinition<CompanyObjectKey, T, string>,
  idOf: (parent: P) => string | null | undefined,
) {
  return ownerGated(scope, {}, (parent: P, _args, ctx, bound) => {
    const id = idOf(parent);
    return id ? loadBound(ctx, parent.companyId, bound, loader, id.toLowerCase()) : null;
  });
}

/**
 * `args`, `authScopes` and `resolve` of `Company.<object>(id:)`: one object of this company by Pleo's raw
 * id or a global ID (which must embed this company), through a batching by-id loader.
 */
export function companyObjectById<T>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, CompanyParent>,
  type: ObjectRef<Types, T>,
  scope: ScopeOf,
  loader: LoaderDefinition<CompanyObjectKey, T, string>,
) {
  return companyGated(scope, { id: t.arg.id({ required: true }) }, (company, args, ctx, bound) => {
    const companyId = company.id.toLowerCase();
    return loadBound(ctx, companyId, bound, loader, ownedIdForCompany(type.name, companyId, args.id));
  });
}

/**
 * A Relay connection over one of a company's Pleo lists. Its cursors name the company and `resource`, so
 * a cursor of one list (or company) is refused on another (FOREIGN_CURSOR) and never sent.
 */
export async function companyConnection<F, T>(
  ctx: GatewayContext,
  bound: BoundCredential,
  options: {
    readonly companyId: string;
    readonly resource: string;
    readonly loader: LoaderDefinition<CompanyPageKey<F>, Page<T>, string>;
    readonly filter: F;
    readonly args: ConnectionArgs;
    /** Pleo's `sorting_keys`/`sorting_order`; name them in `resource` so cursors stay bound to an order. */
    readonly sorting?: Pick<PageRequest, "sortingKeys" | "sortingOrder"> | undefined;
  },
): Promise<Connection<T>> {
  const companyId = options.companyId.toLowerCase();
  const scope = { ownerId: companyId, resource: options.resource };
  const plan = planPage(scope, options.args);
  const page = await ctx.loaders
    .get(options.loader)
    .load({ companyId, bound, filter: options.filter, page: { ...plan.request, ...options.sorting } });
  return toConnection(scope, plan, page);
}

/** Loads an object of `companyId` by its Pleo id with that company's credential (node(id:), mutations). */
export async function loadOwned<T>(
  ctx: GatewayContext,
  companyId: string,
  scope: string,
  loader: LoaderDefinition<CompanyObjectKey, T, string>,
  id: string,
): Promise<T> {
  return loadBound(ctx, companyId, await ctx.access.credentialFor(companyId, scope), loader, id);
}

/** Loads an object of `companyId` by its Pleo id with a credential the field's gate already found. */
export function loadBound<T>(
  ctx: GatewayContext,
  companyId: string,
  bound: BoundCredential,
  loader: LoaderDefinition<CompanyObjectKey, T, string>,
  id: string,
): Promise<T> {
  return (ctx.loaders.get(loader) as DataLoader<CompanyObjectKey, T, string>).load({
    companyId: companyId.toLowerCase(),
    bound,
    id,
  });
}
