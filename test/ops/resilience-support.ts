import { expect } from "vitest";
import { COMPANIES, ORGANISATIONS, seededCompany } from "../../src/simulator/index.ts";
import { DEFAULT_RESILIENCE } from "../../src/upstream/options.ts";
import { typedDocument } from "../support/execute.ts";
import type { GraphQLErrorBody } from "../support/harness.ts";
import { companiesOf, GROUP_VENDORS, type GroupVendorsData } from "./support.ts";

/**
 * What the resilience tests share: the group's companies, retries that back off by a few milliseconds
 * (the production backoff starts at 100 ms), and checks that a company's vendors were served in full.
 */
export const NL = COMPANIES.nl.id;
export const DE = COMPANIES.de.id;
export const BE = COMPANIES.be.id;
export const ORG = ORGANISATIONS.loveCremeBrulee.id;
export const FAST_RETRY = { ...DEFAULT_RESILIENCE.retry, baseDelayMs: 5, maxDelayMs: 20 };
export const VENDORS_DOC = typedDocument<GroupVendorsData, { org: string }>(GROUP_VENDORS);

/** What the simulator seeds, so a served list is checked whole, not merely non-empty. */
export const SEEDED_VENDORS: Record<string, number> = {
  [NL]: seededCompany(NL).vendors.length,
  [DE]: seededCompany(DE).vendors.length,
  [BE]: seededCompany(BE).vendors.length,
};

export function errorFor(response: { errors: readonly GraphQLErrorBody[] }, companyId: string) {
  return response.errors.find((e) => e.extensions?.companyId === companyId);
}

/** The company's whole seeded vendor list was counted (GROUP_VENDORS asks for its first five). */
export function expectVendorsServed(data: GroupVendorsData | null | undefined, companyId: string) {
  expect(companiesOf(data).get(companyId)?.vendors?.totalCount).toBe(SEEDED_VENDORS[companyId]);
}
