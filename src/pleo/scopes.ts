/**
 * The Pleo scope each gateway field needs. One place, so the schema, the docs and the tests agree.
 * `accounting-entries:read` is not confirmed by Pleo's public material: the gateway requires it by
 * default (the simulator enforces it) and `PLEO_ACCOUNTING_ENTRIES_SCOPE` can change it, or set it to
 * the empty string to require only a credential bound to the company.
 */
export const Scope = {
  companies: "companies:read",
  accountsRead: "accounts:read",
  accountsWrite: "accounts:write",
  taxCodesRead: "tax-codes:read",
  taxCodesWrite: "tax-codes:write",
  tagGroupsRead: "tag-groups:read",
  tagGroupsWrite: "tag-groups:write",
  vendorsRead: "vendors:read",
  vendorsWrite: "vendors:write",
  usersRead: "users:read",
  exportJobsRead: "export-jobs:read",
  exportJobsWrite: "export-jobs:write",
  exportItemsRead: "export-items:read",
} as const;

export const DEFAULT_ACCOUNTING_ENTRIES_SCOPE = "accounting-entries:read";
