import DataLoader from "dataloader";
import { type AllPages, readAllPages } from "../pleo/all-pages.ts";
import type { PleoClient } from "../pleo/client.ts";
import type { BoundCredential, PleoCredential } from "../pleo/credential.ts";
import type { Page, PageRequest } from "../pleo/models/common.ts";
import { stableKey } from "../support/stable-key.ts";
import type { LoaderDeps } from "./registry.ts";

/** One company seen through one credential: the unit every loader key, cache entry and Pleo call is for. */
export interface CompanyListKey {
  readonly companyId: string;
  readonly bound: BoundCredential;
}

/** A page of a company's resource, fetched with a credential already checked for that company. */
export interface CompanyPageKey<F> extends CompanyListKey {
  readonly filter: F;
  readonly page: PageRequest;
}

/** One company-owned object by id. */
export interface CompanyObjectKey extends CompanyListKey {
  readonly id: string;
}

/** The shape of every company-scoped Pleo list/search call in `src/pleo/apis`. */
export type PleoListCall<F, T> = (
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  filter: F,
  paging: PageRequest,
) => Promise<Page<T>>;

/**
 * The company and credential part of every cache key. Both are always in it: what one credential loaded
 * for one company is never served to another company or another credential.
 */
export function scopeKey(key: CompanyListKey): string {
  return `${key.companyId.toLowerCase()}|${key.bound.credential.id}`;
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

/** `companyPageLoader` for a Pleo list call that takes the key's filter and page as they are. */
export function pleoPageLoader<F, T>(
  list: PleoListCall<F, T>,
): (deps: LoaderDeps) => DataLoader<CompanyPageKey<F>, Page<T>, string> {
  return companyPageLoader<F, T>((deps, key) =>
    list(deps.pleo, key.bound.credential, key.companyId, key.filter, key.page),
  );
}

/**
 * One value per company and credential — a company's whole list — loaded at most once per request.
 * Used where Pleo offers no multi-value filter, so references are resolved from the list itself.
 */
export function companyListLoader<V>(
  load: (deps: LoaderDeps, key: CompanyListKey) => Promise<V>,
): (deps: LoaderDeps) => DataLoader<CompanyListKey, V, string> {
  return (deps) =>
    new DataLoader<CompanyListKey, V, string>(
      async (keys) => {
        observeBatch(deps, "whole-list", keys.length);
        return settle(keys.map((key) => load(deps, key)));
      },
      { cacheKeyFn: scopeKey },
    );
}

/** Every page of a company's Pleo list (bounded by `readAllPages`), with `filter` on each page. */
export function readWholeList<F, T>(
  deps: LoaderDeps,
  key: CompanyListKey,
  list: PleoListCall<F, T>,
  filter: F,
): Promise<AllPages<T>> {
  return readAllPages((page) => list(deps.pleo, key.bound.credential, key.companyId, filter, page));
}

/**
 * One instance per request for a loader that other loaders use internally as well as through the
 * registry: keyed by the request's loader deps, it lives exactly as long as the request's LoaderRegistry.
 */
export function perRequest<V extends object>(create: (deps: LoaderDeps) => V): (deps: LoaderDeps) => V {
  const instances = new WeakMap<LoaderDeps, V>();
  return (deps) => {
    let instance = instances.get(deps);
    if (!instance) {
      instance = create(deps);
      instances.set(deps, instance);
    }
    return instance;
  };
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

/** A DataLoader batch result: each key's value, or its own error (one failure never fails the others). */
export async function settle<T>(promises: readonly Promise<T>[]): Promise<(T | Error)[]> {
  const results = await Promise.allSettled(promises);
  return results.map((r) => (r.status === "fulfilled" ? r.value : asError(r.reason)));
}

export function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
