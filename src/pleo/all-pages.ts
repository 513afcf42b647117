import type { Page, PageRequest } from "./models/common.ts";

/** Pleo's largest page size (`limit`), used when a whole list is read. */
export const PLEO_MAX_PAGE_SIZE = 100;

/** Reading a whole list stops after this many pages (2,000 items at Pleo's largest page size). */
export const MAX_WHOLE_LIST_PAGES = 20;

export interface AllPages<T> {
  readonly items: readonly T[];
  /** False when the page bound was reached before Pleo said there were no more pages. */
  readonly complete: boolean;
}

/**
 * Follows Pleo's `endCursor` from the first page until `hasNextPage` is false, at the largest page size,
 * one page after the other (each cursor comes from the page before). Bounded by `maxPages` so a list that
 * never ends (or a misbehaving upstream) cannot hold a request forever.
 */
export async function readAllPages<T>(
  fetchPage: (page: PageRequest) => Promise<Page<T>>,
  options: { readonly maxPages?: number; readonly pageSize?: number } = {},
): Promise<AllPages<T>> {
  const maxPages = options.maxPages ?? MAX_WHOLE_LIST_PAGES;
  const limit = options.pageSize ?? PLEO_MAX_PAGE_SIZE;
  const items: T[] = [];
  let after: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const page = await fetchPage(after ? { limit, after } : { limit });
    items.push(...page.items);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return { items, complete: true };
    after = page.pageInfo.endCursor;
  }
  return { items, complete: false };
}
