import { ALL_CREDENTIALS, type SimCredential, seedData } from "../../src/simulator/index.ts";
import type { CallOptions } from "../simulator/helpers.ts";

/**
 * The shape of one contract case, and what the case lists share: the spec file of each Pleo API the
 * simulator serves, and the full credential of each seeded company.
 */

export const FILES = {
  introspect: "pleo-external-clients-api-openapi.yml",
  companies: "pleo-companies-api-openapi.yml",
  employees: "pleo-employees-api-openapi.yml",
  accounts: "pleo-accounts-api-openapi.yml",
  taxCodes: "pleo-tax-codes-api-openapi.yml",
  tagGroups: "pleo-tag-groups-api-openapi.yml",
  tags: "pleo-tags-api-openapi.yml",
  vendors: "pleo-external-vendors-api-openapi.yml",
  exportJobs: "pleo-export-api-v3-api-openapi.yml",
  exportItems: "pleo-export-items-v3-api-openapi.yml",
  entries: "pleo-accounting-entries-api-openapi.yml",
} as const;

export interface ContractCase {
  readonly name: string;
  readonly file: string;
  readonly method: "GET" | "POST";
  /** The spec's path template. */
  readonly template: string;
  readonly status: number;
  /** Requests to send (one case may cover every company or every page). */
  readonly requests: () => { credential: SimCredential; path: string; options?: CallOptions }[];
}

export const companyCredential = (companyId: string): SimCredential => {
  const credential = ALL_CREDENTIALS.find(
    (c) => c.subject.type === "company" && c.subject.id === companyId && c.scopes.length > 10,
  );
  if (!credential) throw new Error(`no full credential for ${companyId}`);
  return credential;
};

const seeds = () => seedData().companies;
export const perCompany = <T>(
  fn: (seed: ReturnType<typeof seeds>[number], credential: SimCredential) => T[],
) => seeds().flatMap((seed) => fn(seed, companyCredential(seed.identity.id)));
export const MISSING = "00000000-0000-4000-8000-0000000000ff";
