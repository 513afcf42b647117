import DataLoader from "dataloader";
import { ErrorCode, GatewayError } from "../errors.ts";
import { type AllPages, PLEO_MAX_PAGE_SIZE } from "../pleo/all-pages.ts";
import type { PleoClient } from "../pleo/client.ts";
import type { PleoCredential } from "../pleo/credential.ts";
import {
  asError,
  type CompanyListKey,
  type CompanyObjectKey,
  chunk,
  observeBatch,
  type PleoListCall,
  scopeKey,
} from "./kit.ts";
import type { LoaderDeps } from "./registry.ts";

/**
 * The by-id loaders: objects of a company by id, in one of three ways depending on what Pleo offers —
 * a search with a multi-id filter, the company's whole list, or one GET per id.
 */

/** The shape of every company-scoped Pleo single-object GET in `src/pleo/apis`. */
type PleoGetCall<T> = (
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  id: string,
) => Promise<T>;

/** Records the outcome for one requested id (normalised) of the company and credential being resolved. */
type Report<T> = (id: string, outcome: T | Error) => void;

const lowerCase = (id: string) => id.toLowerCase();

/**
 * The grouping every batched by-id loader shares: the batch's keys are grouped by company and credential,
 * `resolve` runs once per group (so every Pleo call is made for exactly one company with that company's
 * credential) and reports what it found; ids it neither found nor failed become NOT_FOUND. If `resolve`
 * throws, the group's unreported ids get that error.
 */
function groupedByIdLoader<T>(
  resource: string,
  normalise: (id: string) => string,
  resolve: (
    deps: LoaderDeps,
    scope: CompanyListKey,
    ids: readonly string[],
    report: Report<T>,
  ) => Promise<void>,
): (deps: LoaderDeps) => DataLoader<CompanyObjectKey, T, string> {
  const cacheKey = (key: CompanyObjectKey) => `${scopeKey(key)}|${normalise(key.id)}`;
  return (deps) =>
    new DataLoader<CompanyObjectKey, T, string>(
      async (keys) => {
        observeBatch(deps, `by-id:${resource}`, keys.length);
        const groups = new Map<string, { scope: CompanyListKey; ids: Set<string> }>();
        for (const key of keys) {
          const groupKey = scopeKey(key);
          let group = groups.get(groupKey);
          if (!group) {
            group = { scope: { companyId: key.companyId, bound: key.bound }, ids: new Set() };
            groups.set(groupKey, group);
          }
          group.ids.add(normalise(key.id));
        }
        const found = new Map<string, T | Error>();
        await Promise.all(
          [...groups.entries()].map(async ([groupKey, { scope, ids }]) => {
            const report: Report<T> = (id, outcome) => found.set(`${groupKey}|${id}`, outcome);
            try {
              await resolve(deps, scope, [...ids], report);
            } catch (error) {
              for (const id of ids) if (!found.has(`${groupKey}|${id}`)) report(id, asError(error));
            }
          }),
        );
        return keys.map(
          (key) =>
            found.get(cacheKey(key)) ??
            new GatewayError(ErrorCode.NOT_FOUND, `No ${resource} ${key.id} in company ${key.companyId}.`, {
              companyId: key.companyId,
            }),
        );
      },
      { cacheKeyFn: cacheKey },
    );
}

/**
 * By-id lookups through a search: all ids requested for one company with one credential in the same tick
 * become one `fetchMany` call per 100 ids (Pleo's cap on an id filter), never one call per item.
 */
export function searchedByIdLoader<T extends { readonly id: string }>(
  resource: string,
  fetchMany: (deps: LoaderDeps, scope: CompanyListKey, ids: readonly string[]) => Promise<readonly T[]>,
  /**
   * Which field of a returned item the keys refer to: its id (UUIDs, matched case-insensitively), or
   * e.g. a vendor's externalId (matched and sent exactly as given).
   */
  keyOf?: (item: T) => string | null | undefined,
): (deps: LoaderDeps) => DataLoader<CompanyObjectKey, T, string> {
  const itemKeyOf = keyOf ?? ((item: T) => lowerCase(item.id));
  const normalise = keyOf ? (id: string) => id : lowerCase;
  return groupedByIdLoader<T>(resource, normalise, async (deps, scope, ids, report) => {
    await Promise.all(
      chunk(ids, PLEO_MAX_PAGE_SIZE).map(async (part) => {
        try {
          for (const item of await fetchMany(deps, scope, part)) {
            const itemKey = itemKeyOf(item);
            if (itemKey) report(itemKey, item);
          }
        } catch (error) {
          for (const id of part) report(id, asError(error));
        }
      }),
    );
  });
}

/** `searchedByIdLoader` for a Pleo search whose filter names the wanted ids (`filterFor`). */
export function pleoSearchByIdLoader<F, T extends { readonly id: string }>(
  resource: string,
  search: PleoListCall<F, T>,
  filterFor: (ids: readonly string[]) => F,
  keyOf?: (item: T) => string | null | undefined,
): (deps: LoaderDeps) => DataLoader<CompanyObjectKey, T, string> {
  return searchedByIdLoader<T>(
    resource,
    async (deps, scope, ids) =>
      (
        await search(deps.pleo, scope.bound.credential, scope.companyId, filterFor(ids), {
          limit: PLEO_MAX_PAGE_SIZE,
        })
      ).items,
    keyOf,
  );
}

/**
 * List-backed lookups, for resources Pleo offers no multi-id filter for: the ids are answered from the
 * company's whole list (`wholeList`, shared per request, company and credential), so N objects cost the
 * list's calls however large N is, and an id of another company's object is never sent to Pleo with this
 * company's credential — it is simply not in the list (NOT_FOUND). Only when the list was cut short
 * (`complete: false`) are the ids absent from it looked up one by one with `lookUpMissing`, if given.
 */
export function listBackedByIdLoader<T extends { readonly id: string }>(
  resource: string,
  wholeList: (deps: LoaderDeps, scope: CompanyListKey) => Promise<AllPages<T>>,
  lookUpMissing?: (deps: LoaderDeps, scope: CompanyListKey, id: string) => Promise<T>,
): (deps: LoaderDeps) => DataLoader<CompanyObjectKey, T, string> {
  return groupedByIdLoader<T>(resource, lowerCase, async (deps, scope, ids, report) => {
    const list = await wholeList(deps, scope);
    const byId = new Map(list.items.map((item) => [lowerCase(item.id), item]));
    const missing: string[] = [];
    for (const id of ids) {
      const item = byId.get(id);
      if (item) report(id, item);
      else missing.push(id);
    }
    if (list.complete || !lookUpMissing) return;
    await Promise.all(
      missing.map((id) =>
        lookUpMissing(deps, scope, id).then(
          (item) => report(id, item),
          (error: unknown) => report(id, asError(error)),
        ),
      ),
    );
  });
}

/**
 * One GET per distinct (company, credential, id) in the request, for resources Pleo can neither search
 * by id nor list whole; at most `concurrency` run at once. Each key gets its own result or error.
 */
export function fetchedByIdLoader<T>(
  resource: string,
  get: PleoGetCall<T>,
  concurrency = Number.POSITIVE_INFINITY,
): (deps: LoaderDeps) => DataLoader<CompanyObjectKey, T, string> {
  return (deps) =>
    new DataLoader<CompanyObjectKey, T, string>(
      async (keys) => {
        observeBatch(deps, `by-id:${resource}`, keys.length);
        const results: (T | Error)[] = new Array(keys.length);
        let next = 0;
        const worker = async () => {
          while (next < keys.length) {
            const index = next++;
            const key = keys[index] as CompanyObjectKey;
            try {
              results[index] = await get(deps.pleo, key.bound.credential, key.companyId, key.id);
            } catch (error) {
              results[index] = asError(error);
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
        return results;
      },
      { cacheKeyFn: (key) => `${scopeKey(key)}|${lowerCase(key.id)}` },
    );
}
