import DataLoader from "dataloader";
import { ErrorCode, GatewayError } from "../errors.ts";
import type { BoundCredential } from "../pleo/credential.ts";
import type { Page, PageRequest } from "../pleo/models/common.ts";
import { stableKey } from "../support/stable-key.ts";
import type { LoaderDeps } from "./registry.ts";

/** Pleo caps every page (and every id filter) at 100. */
export const PLEO_MAX_PAGE_SIZE = 100;

/** A page of a company's resource, fetched with a credential already checked for that company. */
export interface CompanyPageKey<F> {
  readonly companyId: string;
  readonly bound: BoundCredential;
  readonly filter: F;
  readonly page: PageRequest;
}

/**
 * One upstream call per distinct (company, credential, filter, page) within a request: identical
 * selections in different parts of a query share the call. Calls for different keys run in parallel.
 */
export function companyPageLoader<F, T>(
  fetch: (deps: LoaderDeps, key: CompanyPageKey<F>) => Promise<Page<T>>,
): (deps: LoaderDeps) => DataLoader<CompanyPageKey<F>, Page<T>, string> {
  return (deps) =>
    new DataLoader<CompanyPageKey<F>, Page<T>, string>(
      async (keys) => {
        observeBatch(deps, "pages", keys.length);
        return settle(keys.map((key) => fetch(deps, key)));
      },
      {
        cacheKeyFn: (key) =>
          stableKey({ c: key.companyId, k: key.bound.credential.id, f: key.filter, p: key.page }),
      },
    );
}

/** One company-owned object by id. */
export interface CompanyObjectKey {
  readonly companyId: string;
  readonly bound: BoundCredential;
  readonly id: string;
}

/**
 * Batches by-id lookups: all ids requested for one company with one credential in the same tick become
 * one search call per 100 ids, never one call per item. Ids Pleo does not return become NOT_FOUND.
 */
export function companyObjectLoader<T extends { readonly id: string }>(
  resource: string,
  fetchMany: (
    deps: LoaderDeps,
    companyId: string,
    bound: BoundCredential,
    ids: readonly string[],
  ) => Promise<readonly T[]>,
  /**
   * Which field of a returned item the keys refer to: its id (UUIDs, matched case-insensitively), or
   * e.g. a vendor's externalId (matched and sent exactly as given).
   */
  keyOf?: (item: T) => string | null | undefined,
): (deps: LoaderDeps) => DataLoader<CompanyObjectKey, T, string> {
  const itemKeyOf = keyOf ?? ((item: T) => item.id.toLowerCase());
  const norm = keyOf ? (key: string) => key : (key: string) => key.toLowerCase();
  return (deps) =>
    new DataLoader<CompanyObjectKey, T, string>(
      async (keys) => {
        observeBatch(deps, `by-id:${resource}`, keys.length);
        const groups = new Map<string, { companyId: string; bound: BoundCredential; ids: Set<string> }>();
        for (const key of keys) {
          const groupKey = `${key.companyId}|${key.bound.credential.id}`;
          let group = groups.get(groupKey);
          if (!group) {
            group = { companyId: key.companyId, bound: key.bound, ids: new Set() };
            groups.set(groupKey, group);
          }
          group.ids.add(norm(key.id));
        }
        const found = new Map<string, T | Error>();
        await Promise.all(
          [...groups.entries()].flatMap(([groupKey, group]) =>
            chunk([...group.ids], PLEO_MAX_PAGE_SIZE).map(async (ids) => {
              try {
                const items = await fetchMany(deps, group.companyId, group.bound, ids);
                for (const item of items) {
                  const itemKey = itemKeyOf(item);
                  if (itemKey) found.set(`${groupKey}|${itemKey}`, item);
                }
              } catch (error) {
                for (const id of ids) found.set(`${groupKey}|${id}`, asError(error));
              }
            }),
          ),
        );
        return keys.map(
          (key) =>
            found.get(`${key.companyId}|${key.bound.credential.id}|${norm(key.id)}`) ??
            new GatewayError(ErrorCode.NOT_FOUND, `No ${resource} ${key.id} in company ${key.companyId}.`, {
              companyId: key.companyId,
            }),
        );
      },
      { cacheKeyFn: (key) => `${key.companyId}|${key.bound.credential.id}|${norm(key.id)}` },
    );
}

/** A whole (small) company list, e.g. every tax code: the key is the company and its credential. */
export interface CompanyListKey {
  readonly companyId: string;
  readonly bound: BoundCredential;
}

/** The most pages a whole-list load may read (100 items each), so one field cannot page Pleo endlessly. */
export const MAX_WHOLE_LIST_PAGES = 20;

/**
 * Every item of a company's list, read page by page (100 at a time) at most once per request. Used to
 * resolve references by a non-id key (a tax code by its code), where Pleo offers no multi-value filter.
 */
export function companyListLoader<T>(
  fetchPage: (deps: LoaderDeps, key: CompanyListKey, page: PageRequest) => Promise<Page<T>>,
): (deps: LoaderDeps) => DataLoader<CompanyListKey, readonly T[], string> {
  return (deps) =>
    new DataLoader<CompanyListKey, readonly T[], string>(
      async (keys) => {
        observeBatch(deps, "whole-list", keys.length);
        return settle(
          keys.map(async (key) => {
            const items: T[] = [];
            let after: string | undefined;
            for (let n = 0; n < MAX_WHOLE_LIST_PAGES; n++) {
              const page = await fetchPage(deps, key, {
                limit: PLEO_MAX_PAGE_SIZE,
                ...(after ? { after } : {}),
              });
              items.push(...page.items);
              if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
              after = page.pageInfo.endCursor;
            }
            return items;
          }),
        );
      },
      { cacheKeyFn: (key) => `${key.companyId}|${key.bound.credential.id}` },
    );
}

/**
 * Reports a batch's size for the DataLoader batch-size metric (no-op without an observer). `loader` is
 * the kind of loader (`pages`, `whole-list`) or, for by-id loaders, `by-id:<resource>`.
 */
export function observeBatch(deps: LoaderDeps, loader: string, size: number): void {
  deps.onBatch?.(loader, size);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

async function settle<T>(promises: readonly Promise<T>[]): Promise<(T | Error)[]> {
  const results = await Promise.allSettled(promises);
  return results.map((r) => (r.status === "fulfilled" ? r.value : asError(r.reason)));
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
