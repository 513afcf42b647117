import { beforeEach } from "vitest";
import { seededCompany } from "../../src/simulator/index.ts";
import { COMPANIES } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import type { Harness } from "../support/harness.ts";
import { useHarness } from "../support/use-harness.ts";
import { type Json, runMutation } from "./run-mutation.ts";

/** What the master-data mutation tests share: NL's seed, and one harness reset before each test. */

export const nl = seededCompany("lcb-nl");
export const NL = COMPANIES.nl.id;

/** Every typed error a master-data mutation can return, with the fields the tests inspect. */
const ERRORS = /* GraphQL */ `
  __typename
  ... on MutationError { code message companyId }
  ... on ValidationFailed { issues { path message code } }
  ... on AccessDenied { scope }
  ... on UpstreamRejected { upstreamStatus upstreamType }
  ... on Conflict {
    upstreamType
    existing {
      __typename id
      ... on Vendor { vendorId name externalId vendorCode: code }
      ... on Account { accountId accountExternalId: externalId name }
      ... on TaxCode { taxCodeId taxCode: code name }
      ... on TagGroup { tagGroupId groupCode: code }
      ... on Tag { tagId tagCode: code }
    }
  }
`;

interface MasterDataMutations {
  readonly h: Harness;
  /** Runs one mutation field and returns its result (failing the test on GraphQL errors). */
  mutate(
    field: string,
    inputType: string,
    selection: string,
    input: Json,
    headers?: Record<string, string>,
  ): Promise<Json>;
  /** The writes the simulator received under `prefix` (searches excluded). */
  writes(prefix: string): ReturnType<Harness["simRequests"]>;
}

/** One harness for the enclosing `describe`, its simulator reset before each test. */
export function useMasterDataMutations(): MasterDataMutations {
  const h = useHarness();
  beforeEach(() => h.resetSim());

  const mutate: MasterDataMutations["mutate"] = (field, inputType, selection, input, headers = NL_KEY) =>
    runMutation(h, { field, inputType, errors: ERRORS, selection, input, headers });

  const writes: MasterDataMutations["writes"] = async (prefix) =>
    (await h.simRequests()).filter(
      (r) => r.method !== "GET" && r.path.startsWith(prefix) && !r.path.endsWith(":search"),
    );

  return { h, mutate, writes };
}
