import { expect } from "vitest";
import { readAllPages } from "../../src/pleo/all-pages.ts";

/** A Relay connection as the gateway answers it. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
export interface Edge<N> {
  cursor: string;
  node: N;
}
export interface Connection<N> {
  totalCount: number | null;
  pageInfo: PageInfo;
  edges: Edge<N>[];
}

/** What a walk needs of a page: its edges and the cursors (a script's query may select no more). */
interface WalkPage<N> {
  readonly edges: readonly Edge<N>[];
  readonly pageInfo: Partial<PageInfo> & Pick<PageInfo, "hasNextPage">;
}

/** Bounds every walk, so a connection that never ends fails the test instead of hanging it. */
const MAX_PAGES = 100;

/**
 * Every edge from the start, `first: pageSize` at a time following `endCursor`. Checks the walk ended and,
 * where the page selects it, that each page has a previous page exactly when it is not the first one.
 */
export async function pageForward<N>(
  fetchPage: (args: { first: number; after: string | null }) => Promise<WalkPage<N>>,
  pageSize: number,
): Promise<Edge<N>[]> {
  let pages = 0;
  const { items, complete } = await readAllPages(
    async ({ limit, after }) => {
      const conn = await fetchPage({ first: limit, after: after ?? null });
      if (conn.pageInfo.hasPreviousPage !== undefined)
        expect(conn.pageInfo.hasPreviousPage, `hasPreviousPage of forward page ${pages}`).toBe(pages > 0);
      pages++;
      // readAllPages reads only hasNextPage and endCursor; the default fills Pleo's page shape.
      return { items: conn.edges, pageInfo: { hasPreviousPage: pages > 1, ...conn.pageInfo } };
    },
    { pageSize, maxPages: MAX_PAGES },
  );
  expect(complete, "the forward walk reached the last page").toBe(true);
  return [...items];
}

/**
 * Every edge before the cursor `before`, `last: pageSize` at a time following `startCursor`, in list
 * order. Checks each page says it has a next page (the cursor's own edge at least follows it). The walk
 * is the forward one mirrored: `startCursor`/`hasPreviousPage` play `endCursor`/`hasNextPage`.
 */
export async function pageBackward<N>(
  fetchPage: (args: { last: number; before: string }) => Promise<WalkPage<N> & { pageInfo: PageInfo }>,
  pageSize: number,
  before: string,
): Promise<Edge<N>[]> {
  let pages = 0;
  const { items, complete } = await readAllPages(
    async ({ limit, after }) => {
      const conn = await fetchPage({ last: limit, before: after ?? before });
      expect(conn.pageInfo.hasNextPage, `hasNextPage of backward page ${pages}`).toBe(true);
      pages++;
      const { hasPreviousPage, hasNextPage, startCursor, endCursor } = conn.pageInfo;
      return {
        items: [conn.edges],
        pageInfo: {
          hasNextPage: hasPreviousPage,
          hasPreviousPage: hasNextPage,
          endCursor: startCursor,
          startCursor: endCursor,
        },
      };
    },
    { pageSize, maxPages: MAX_PAGES },
  );
  expect(complete, "the backward walk reached the first page").toBe(true);
  return [...items].reverse().flat();
}
