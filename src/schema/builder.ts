import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin, { type AuthFailure, AuthScopeFailureType } from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import type { GatewayContext } from "../context/context.ts";
import { ErrorCode, GatewayError } from "../errors.ts";

/** A field that acts on one company's books with one Pleo scope. */
export interface CompanyScope {
  readonly companyId: string;
  readonly scope: string;
}

/**
 * The Pothos builder. It defines no types (each type lives in its own file under ./types), only the
 * plugins and the one auth scope everything hangs on: `company`, granted when the request holds a
 * credential that Pleo's introspection bound to exactly that company, with the scope the field needs.
 */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  AuthScopes: { company: CompanyScope };
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    UUID: { Input: string; Output: string };
    MinorUnits: { Input: number; Output: number };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
  DefaultFieldNullability: false;
  /** Every connection resolver returns Pleo's `pagination.total` (null where Pleo gives none). */
  Connection: { totalCount: number | null };
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, ValidationPlugin],
  // Non-null unless a field says otherwise: gated accounting fields opt in to null-with-error.
  defaultFieldNullability: false,
  scopeAuth: {
    // Typed errors thrown by the scope loader (no credential / missing scope / binding mismatch) are
    // surfaced as the field's error instead of a generic "not authorized".
    treatErrorsAsUnauthorized: true,
    cacheKey: (value) => JSON.stringify(value),
    authScopes: (context) => ({
      // CompanyAccess memoises this decision per request, so the gated resolver (company-fields.ts) is
      // handed the very credential found here without deciding again.
      company: async ({ companyId, scope }: CompanyScope) => {
        await context.access.credentialFor(companyId, scope);
        return true;
      },
    }),
    unauthorizedError: (_parent, _context, _info, result) =>
      firstError(result.failure) ??
      new GatewayError(
        ErrorCode.NO_CREDENTIAL_FOR_COMPANY,
        "This request holds no credential for this company.",
      ),
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: { list: false, items: false } },
    nodeFieldOptions: { nullable: false },
  },
  errors: { defaultTypes: [] },
  validation: {
    // Report every problem at once, with the argument path, under one stable code.
    validationError: (result) => {
      const issues = result.issues.map((issue) => ({
        path: (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join("."),
        message: issue.message,
      }));
      return new GatewayError(
        ErrorCode.VALIDATION_FAILED,
        `Invalid input: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`,
        { issues },
      );
    },
  },
});

function firstError(failure: AuthFailure): Error | undefined {
  if ("error" in failure && failure.error instanceof Error) return failure.error;
  if (
    failure.kind === AuthScopeFailureType.AnyAuthScopes ||
    failure.kind === AuthScopeFailureType.AllAuthScopes
  ) {
    for (const child of failure.failures) {
      const found = firstError(child);
      if (found) return found;
    }
  }
  return undefined;
}
