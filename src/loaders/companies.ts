import DataLoader from "dataloader";
import { ErrorCode, GatewayError } from "../errors.ts";
import { getCompany, listCompanies } from "../pleo/apis/companies.ts";
import type { BoundCredential } from "../pleo/credential.ts";
import type { Page, PageRequest } from "../pleo/models/common.ts";
import type { Company } from "../pleo/models/company.ts";
import { Scope } from "../pleo/scopes.ts";
import { stableKey } from "../support/stable-key.ts";
import { settle } from "./kit.ts";
import { defineLoader, type LoaderDeps } from "./registry.ts";

/**
 * Discovery data of one company, fetched with the most specific credential the caller holds: the
 * company's own (with `companies:read`), else an organisation-scoped one whose organisation Pleo confirms
 * contains the company. Each company is fetched at most once per request.
 */
export const companyById = defineLoader(
  "companyById",
  (deps) =>
    new DataLoader<string, Company>(async (ids) => settle(ids.map((id) => loadCompany(deps, id))), {
      cacheKeyFn: (id) => id.toLowerCase(),
    }),
);

async function loadCompany(deps: LoaderDeps, rawId: string): Promise<Company> {
  const companyId = rawId.toLowerCase();
  const own = await deps.access.companyCredentials(companyId);
  const ownWithScope = own.find((b) => b.binding.scopes.has(Scope.companies));
  if (ownWithScope)
    return checked(companyId, await getCompany(deps.pleo, ownWithScope.credential, companyId));

  // Which organisation the company belongs to is what these lookups find out: a 403 from one key is
  // Pleo's "not in my organisation", never a reason to set that key aside for its own companies.
  const asking = deps.pleo.withScope({ unboundSubject: true });
  let refusal: GatewayError | undefined;
  for (const organisationId of deps.access.organisationIdsWithCredentials()) {
    const orgCredentials = await deps.access.organisationCredentials(organisationId);
    const usable = orgCredentials.find((b) => b.binding.scopes.has(Scope.companies));
    if (!usable) continue;
    try {
      return checked(companyId, await getCompany(asking, usable.credential, companyId));
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      // Pleo answers 403/404 when the company is outside this credential's organisation: try the next.
      if (error.code === ErrorCode.UPSTREAM_FORBIDDEN || error.code === ErrorCode.NOT_FOUND) continue;
      // This key cannot be used now (refused, or set aside): another organisation's key may still answer.
      if (error.code === ErrorCode.CREDENTIAL_REJECTED || error.code === ErrorCode.CREDENTIAL_UNUSABLE) {
        refusal ??= error;
        continue;
      }
      throw error;
    }
  }
  throw refusal ?? (await deps.access.discoveryDenial(companyId));
}

function checked(companyId: string, company: Company): Company {
  if (company.id.toLowerCase() !== companyId) {
    throw new GatewayError(
      ErrorCode.UPSTREAM_ISOLATION_VIOLATION,
      "Pleo returned another company than the one requested; the response was discarded.",
      { companyId },
    );
  }
  return company;
}

interface OrganisationPageKey {
  readonly organisationId: string;
  readonly bound: BoundCredential;
  readonly page: PageRequest;
}

/**
 * A page of an organisation's companies, listed with an organisation-scoped credential. A first page
 * (no cursor, offset or sorting) is the head of any longer first page of the same list: discovery reads
 * the list at Pleo's largest page size, and `Organisation.companies(first: n)` after it in the same
 * request is cut from that page instead of listing again.
 */
export const organisationCompanies = defineLoader("organisationCompanies", (deps) => {
  const firstPages = new Map<string, FirstPage[]>();
  return new DataLoader<OrganisationPageKey, Page<Company>, string>(
    async (keys) => {
      const results: Promise<Page<Company>>[] = [];
      // Longest first pages first, so that shorter ones of the same batch are cut from them.
      const byLimit = keys.map((_, i) => i).sort((a, b) => pageOf(keys, b).limit - pageOf(keys, a).limit);
      for (const i of byLimit) {
        const key = keys[i] as OrganisationPageKey;
        if (!isFirstPage(key.page)) {
          results[i] = listOrganisation(deps, key);
          continue;
        }
        const listKey = `${key.organisationId}|${key.bound.credential.id}`;
        const known = firstPages.get(listKey) ?? [];
        firstPages.set(listKey, known);
        results[i] =
          headOf(known, key.page.limit) ?? recordFirstPage(known, key, listOrganisation(deps, key));
      }
      return settle(results);
    },
    { cacheKeyFn: (key) => stableKey({ o: key.organisationId, k: key.bound.credential.id, p: key.page }) },
  );
});

/** A first page of one organisation's list through one credential, as fetched in this request. */
interface FirstPage {
  readonly limit: number;
  readonly page: Promise<Page<Company>>;
  /** Set once Pleo answered that this page holds the whole list: every first page is then its head. */
  whole?: Page<Company>;
}

function pageOf(keys: readonly OrganisationPageKey[], i: number): PageRequest {
  return (keys[i] as OrganisationPageKey).page;
}

function isFirstPage(page: PageRequest): boolean {
  return (
    page.after === undefined &&
    page.before === undefined &&
    page.offset === undefined &&
    !page.sortingKeys?.length &&
    !page.sortingOrder?.length
  );
}

function recordFirstPage(
  known: FirstPage[],
  key: OrganisationPageKey,
  page: Promise<Page<Company>>,
): Promise<Page<Company>> {
  const entry: FirstPage = { limit: key.page.limit, page };
  known.push(entry);
  page.then(
    (fetched) => {
      if (!fetched.pageInfo.hasNextPage) entry.whole = fetched;
    },
    () => {},
  );
  return page;
}

/**
 * The first `limit` companies from a first page already fetched, if one covers them. Pleo's cursors are
 * opaque, so a page cut short has no end cursor: its last edge gets a window cursor (src/schema/connection.ts),
 * which resumes with one call like any other. No whole-list reader gets such a page: they all read at
 * Pleo's largest page size, which is never cut.
 */
function headOf(known: readonly FirstPage[], limit: number): Promise<Page<Company>> | undefined {
  const source = known.find((k) => k.whole !== undefined || k.limit >= limit);
  if (!source) return undefined;
  return source.page.then((page) => {
    if (page.items.length <= limit) return page;
    return {
      items: page.items.slice(0, limit),
      pageInfo: { ...page.pageInfo, endCursor: null, hasNextPage: true, currentRequestPagination: undefined },
    };
  });
}

async function listOrganisation(deps: LoaderDeps, key: OrganisationPageKey): Promise<Page<Company>> {
  const page = await listCompanies(deps.pleo, key.bound.credential, key.organisationId, key.page);
  for (const company of page.items) {
    if (company.organizationId && company.organizationId.toLowerCase() !== key.organisationId) {
      throw new GatewayError(
        ErrorCode.UPSTREAM_ISOLATION_VIOLATION,
        "Pleo listed a company of another organisation; the response was discarded.",
        { organisationId: key.organisationId },
      );
    }
  }
  return page;
}
