import type { GatewayContext } from "../../context/context.ts";
import { accountById } from "../../loaders/accounts.ts";
import { exportJobById } from "../../loaders/export-jobs.ts";
import type { CompanyObjectKey } from "../../loaders/kit.ts";
import type { LoaderDefinition } from "../../loaders/registry.ts";
import { tagGroupById } from "../../loaders/tag-groups.ts";
import { tagById } from "../../loaders/tags.ts";
import { taxCodeById } from "../../loaders/tax-codes.ts";
import { vendorById } from "../../loaders/vendors.ts";
import { Scope } from "../../pleo/scopes.ts";
import { loadOwned } from "../company-fields.ts";

/**
 * Objects a write addresses by id in Pleo's path (`/v1/vendors/{id}:archive`, `/v0/tax-codes/{id}`, an
 * export job's events). Their ids come from the caller — a raw UUID, or a global ID that anyone can
 * forge — so before any write the object is looked up through the company's own, company-scoped read
 * (a search by ids within `company_id`, which cannot return another company's object). Only then is the
 * company's credential sent to the object's path. Objects that travel inside a company-scoped body
 * (accounting entries and employees of a new export job) need no such check.
 */
const OWNED_BY_PATH: Readonly<
  Record<
    string,
    { readonly scope: string; readonly loader: LoaderDefinition<CompanyObjectKey, unknown, string> }
  >
> = {
  Vendor: { scope: Scope.vendorsRead, loader: vendorById },
  Account: { scope: Scope.accountsRead, loader: accountById },
  TaxCode: { scope: Scope.taxCodesRead, loader: taxCodeById },
  TagGroup: { scope: Scope.tagGroupsRead, loader: tagGroupById },
  Tag: { scope: Scope.tagGroupsRead, loader: tagById },
  // Pleo has no company-scoped lookup of one export job: this is its by-id read, which Pleo refuses
  // for another company's job, so the write is never sent.
  ExportJob: { scope: Scope.exportJobsRead, loader: exportJobById },
};

/** Throws (NOT_FOUND, MISSING_SCOPE, …) unless every path-addressed id is an object of `companyId`. */
export async function confirmOwnership(
  ctx: GatewayContext,
  companyId: string,
  idArgs: readonly { readonly path: string; readonly typename: string }[],
  ids: Readonly<Record<string, string>>,
): Promise<void> {
  await Promise.all(
    idArgs.map(async (arg) => {
      const owned = OWNED_BY_PATH[arg.typename];
      const id = ids[arg.path];
      if (!owned || id === undefined) return;
      await loadOwned(ctx, companyId, owned.scope, owned.loader, id);
    }),
  );
}
