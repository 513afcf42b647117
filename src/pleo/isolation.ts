import { ErrorCode, GatewayError } from "../errors.ts";

/**
 * Defence in depth: every company-owned object Pleo returns for a company-scoped call must carry that
 * company's id. If Pleo (or a misconfigured base URL) ever answers with another company's data, the
 * gateway refuses to serve it rather than trusting the upstream.
 */
export function assertOwnedBy<T extends { readonly companyId: string }>(
  companyId: string,
  items: readonly T[],
  operation: string,
): readonly T[] {
  const expected = companyId.toLowerCase();
  for (const item of items) {
    if (item.companyId.toLowerCase() !== expected) {
      throw new GatewayError(
        ErrorCode.UPSTREAM_ISOLATION_VIOLATION,
        `Pleo ${operation} returned an object of another company; the response was discarded.`,
        { companyId },
      );
    }
  }
  return items;
}
