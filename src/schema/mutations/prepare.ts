import type { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode } from "../../errors.ts";
import type { BoundCredential } from "../../pleo/credential.ts";
import { isUuid } from "../../pleo/models/common.ts";
import { decodeTyped, parseOwnedLocalId, uuidOrGlobalId } from "../global-id.ts";
import { failureFrom } from "./failure-classification.ts";
import { ValidationFailed, type ValidationIssue } from "./failures.ts";
import { confirmOwnership } from "./ownership.ts";

/*
 * The steps every mutation takes, in this order:
 * 1. `prepare`: find the one company it acts on (from `companyId` and/or the global IDs passed, which must
 *    agree: an id of company A with company B is FOREIGN_ID), then ask CompanyAccess for that company's
 *    credential with each scope needed — before anything else, so without one nothing is sent — then
 *    validate the whole input with zod, reporting every problem at once, then confirm every object the
 *    write addresses by path belongs to the company (`ownership.ts`);
 * 2. the upstream calls, each through `read` or `write`, which classify failures into typed results
 *    (a write that may have reached Pleo is WriteOutcomeUnknown and is never retried);
 * 3. `invalidate` the request's loaders the write made stale, so later fields in the same request read
 *    fresh data.
 */

/** An id argument: a Pleo UUID (of the mutation's company) or a global ID embedding its company. */
interface IdArgument {
  /** Argument path for error reports, e.g. `input.id`. */
  readonly path: string;
  /** The GraphQL type the id names, e.g. `Vendor`. */
  readonly typename: string;
  readonly value: string;
}

interface Target<S extends Record<string, string>> {
  readonly companyId: string;
  /** Pleo's ids of the id arguments, by path. */
  readonly ids: Readonly<Record<string, string>>;
  /** One bound credential per requested scope, all of them bound to `companyId` by Pleo. */
  readonly credentials: { readonly [K in keyof S]: BoundCredential };
}

/**
 * Resolves the company and the ids, checks access, then validates. Throws a typed MutationFailure.
 * `validate` runs after the access check; its issues are reported together with any id issues.
 */
export async function prepare<S extends Record<string, string>>(
  ctx: GatewayContext,
  options: {
    readonly companyId: string | null | undefined;
    readonly companyPath?: string;
    readonly ids?: readonly IdArgument[];
    readonly scopes: S;
    /** Runs after the access check, with the resolved ids (by path). */
    readonly validate?: (ids: Readonly<Record<string, string>>) => readonly ValidationIssue[];
  },
): Promise<Target<S>> {
  const { companyId, ids, issues } = resolveCompany(
    options.companyId,
    options.companyPath ?? "input.companyId",
    options.ids ?? [],
  );
  if (companyId === null) {
    throw new ValidationFailed([...issues, ...(options.validate?.(ids) ?? [])], null);
  }
  const credentials: Record<string, BoundCredential> = {};
  try {
    for (const [name, scope] of Object.entries(options.scopes)) {
      credentials[name] = await ctx.access.credentialFor(companyId, scope);
    }
  } catch (error) {
    throw failureFrom(error, { companyId });
  }
  const all = [...issues, ...(options.validate?.(ids) ?? [])];
  if (all.length > 0) throw new ValidationFailed(all, companyId);
  try {
    await confirmOwnership(ctx, companyId, options.ids ?? [], ids);
  } catch (error) {
    throw failureFrom(error, { companyId });
  }
  return { companyId, ids, credentials: credentials as Target<S>["credentials"] };
}

/**
 * The company a mutation acts on: the `companyId` argument (raw UUID or Company global ID) and/or the
 * company embedded in the global IDs passed. They must all agree. A raw UUID id names an object of that
 * company, so it needs one of them.
 */
function resolveCompany(
  companyArg: string | null | undefined,
  companyPath: string,
  idArgs: readonly IdArgument[],
): { companyId: string | null; ids: Record<string, string>; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  let companyId: string | null = null;
  let explicit = false;
  if (companyArg != null) {
    try {
      companyId = uuidOrGlobalId("Company", companyArg);
      explicit = true;
    } catch {
      issues.push({
        path: companyPath,
        message: "not a company id (a UUID or a Company global ID)",
        code: ErrorCode.INVALID_ID,
      });
    }
  }
  const ids: Record<string, string> = {};
  const pending: { path: string; id: string }[] = [];
  for (const arg of idArgs) {
    if (isUuid(arg.value)) {
      pending.push({ path: arg.path, id: arg.value.toLowerCase() });
      continue;
    }
    let owned: { companyId: string; id: string };
    try {
      owned = parseOwnedLocalId(arg.typename, decodeTyped(arg.typename, arg.value));
    } catch {
      issues.push({
        path: arg.path,
        message: `not a ${arg.typename} id (a UUID or a ${arg.typename} global ID)`,
        code: ErrorCode.INVALID_ID,
      });
      continue;
    }
    if (companyId === null && companyArg == null) companyId = owned.companyId;
    if (companyId !== null && owned.companyId !== companyId) {
      issues.push({
        path: arg.path,
        message: explicit
          ? `this ${arg.typename} belongs to another company than ${companyPath}`
          : `this ${arg.typename} belongs to another company than the other ids`,
        code: ErrorCode.FOREIGN_ID,
      });
      continue;
    }
    ids[arg.path] = owned.id;
  }
  // A raw UUID is an object of the company named by companyId or by the other (global) ids.
  for (const { path, id } of pending) {
    if (companyId === null) {
      if (companyArg == null) {
        issues.push({
          path,
          message: `a raw UUID needs ${companyPath}; or pass the object's global ID`,
          code: ErrorCode.VALIDATION_FAILED,
        });
      }
      continue;
    }
    ids[path] = id;
  }
  if (companyId === null && companyArg == null && idArgs.length === 0) {
    issues.push({ path: companyPath, message: "required", code: ErrorCode.VALIDATION_FAILED });
  }
  return { companyId, ids, issues };
}

/** The id of an argument after `prepare` (it exists once prepare returned). */
export function idOf(target: Target<Record<string, string>>, path: string): string {
  const id = target.ids[path];
  if (id === undefined) throw new Error(`no resolved id for ${path}`);
  return id;
}

/** Zod issues as ValidationIssues under `base` (`input`), every one of them. */
export function zodIssues(schema: z.ZodType, value: unknown, base: string): ValidationIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: [base, ...issue.path.map(String)].join("."),
    message: issue.message,
    code: ErrorCode.VALIDATION_FAILED,
  }));
}

/** Throws a typed validation error for one problem found after preparation. */
export function invalid(companyId: string | null, path: string, message: string): never {
  throw new ValidationFailed([{ path, message, code: ErrorCode.VALIDATION_FAILED }], companyId);
}
