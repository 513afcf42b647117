import type { GatewayContext } from "../../../context/context.ts";
import { ErrorCode } from "../../../errors.ts";
import { companyById } from "../../../loaders/companies.ts";
import type { BoundCredential } from "../../../pleo/credential.ts";
import { builder } from "../../builder.ts";
import { uuidOrGlobalId } from "../../global-id.ts";
import { failureFrom } from "../failure-classification.ts";
import {
  AccessDenied,
  type MutationFailure,
  RateLimited,
  UpstreamUnavailable,
  ValidationFailed,
  type ValidationIssue,
  WriteOutcomeUnknown,
} from "../failures.ts";

/*
 * What every multi-company orchestration shares: one job per company, each company with its own
 * credential and its own outcome. Companies run in parallel; within a company the writes run one after
 * the other. A company that fails (no credential, a conflict, Pleo unavailable) is reported in its
 * outcome and never affects, or undoes anything in, the others. Without `companyIds`, every company the
 * caller holds a company credential for (sent or granted) takes part; organisation credentials never do.
 */

export const MAX_COMPANIES = 50;

export const CompanyOutcomeStatus = builder.enumType("CompanyOutcomeStatus", {
  values: {
    SUCCEEDED: { description: "Everything was done for this company." },
    PARTIAL: { description: "Some of it was done; see the items." },
    FAILED: { description: "Nothing was done (see error), or every item failed." },
  } as const,
});

/** Which companies an orchestration addresses: the given ones (validated, deduplicated) or all held. */
function targetCompanies(ctx: GatewayContext, companyIds: readonly string[] | null | undefined): string[] {
  if (companyIds == null) return ctx.access.companyIdsWithCredentials().slice(0, MAX_COMPANIES);
  const issues: ValidationIssue[] = [];
  const ids: string[] = [];
  companyIds.forEach((value, i) => {
    try {
      ids.push(uuidOrGlobalId("Company", value));
    } catch {
      issues.push({ path: `input.companyIds.${i}`, message: "not a company id", code: ErrorCode.INVALID_ID });
    }
  });
  if (companyIds.length > MAX_COMPANIES) {
    issues.push({
      path: "input.companyIds",
      message: `at most ${MAX_COMPANIES} companies`,
      code: ErrorCode.VALIDATION_FAILED,
    });
  }
  if (issues.length > 0) throw new ValidationFailed(issues, null);
  return [...new Set(ids)];
}

/** Runs `run` for each company addressed, all at once; each outcome is that company's alone. */
export async function forEachCompany<O>(
  ctx: GatewayContext,
  companyIds: readonly string[] | null | undefined,
  run: (companyId: string) => Promise<O>,
): Promise<{ outcomes: O[] }> {
  const companies = targetCompanies(ctx, companyIds);
  return { outcomes: await Promise.all(companies.map(run)) };
}

/** The company's credentials for an orchestration: both scopes, or a typed failure. */
export async function credentialsFor(
  ctx: GatewayContext,
  companyId: string,
  scopes: { readonly write: string; readonly read: string },
): Promise<{ write: BoundCredential; read: BoundCredential }> {
  try {
    return {
      write: await ctx.access.credentialFor(companyId, scopes.write),
      read: await ctx.access.credentialFor(companyId, scopes.read),
    };
  } catch (error) {
    throw failureFrom(error, { companyId });
  }
}

/** Failures after which the rest of a company's work is not attempted. */
export function stopsTheCompany(failure: MutationFailure): boolean {
  return (
    failure instanceof RateLimited ||
    failure instanceof UpstreamUnavailable ||
    failure instanceof WriteOutcomeUnknown ||
    failure instanceof AccessDenied
  );
}

/** Resolves an outcome's `company` field. */
export function outcomeCompany(outcome: { readonly companyId: string }, _args: unknown, ctx: GatewayContext) {
  return ctx.loaders.get(companyById).load(outcome.companyId);
}
