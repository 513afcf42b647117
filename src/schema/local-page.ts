import type { Page, PageRequest } from "../pleo/models/common.ts";

/**
 * Pages an in-memory list with the same contract as a Pleo list (position cursors, `before`/`after`,
 * `offset`, `limit`), so lists the gateway assembles itself reuse the Relay connection machinery.
 */
export function localPage<T>(items: readonly T[], request: PageRequest): Page<T> {
  const position = (cursor: string): number => {
    const match = /^i(\d+)$/.exec(cursor);
    return match?.[1] ? Number.parseInt(match[1], 10) : -1;
  };
  let start: number;
  let end: number;
  if (request.before !== undefined) {
    end = Math.min(items.length, Math.max(0, position(request.before)));
    start = Math.max(0, end - request.limit);
  } else {
    start = request.after !== undefined ? position(request.after) + 1 : (request.offset ?? 0);
    start = Math.min(items.length, Math.max(0, start));
    end = Math.min(items.length, start + request.limit);
  }
  const slice = items.slice(start, end);
  return {
    items: slice,
    pageInfo: {
      startCursor: slice.length ? `i${start}` : null,
      endCursor: slice.length ? `i${end - 1}` : null,
      hasPreviousPage: start > 0,
      hasNextPage: end < items.length,
      total: items.length,
    },
  };
}
