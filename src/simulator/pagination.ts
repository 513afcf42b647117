import { base32Decode, base32Encode } from "./base32.ts";
import { validationFailed } from "./errors.ts";
import type { QueryParams } from "./http-types.ts";
import { single } from "./query.ts";

export const PAGE_ORDERS = [
  "ASC",
  "ASC_NULLS_FIRST",
  "ASC_NULLS_LAST",
  "DESC",
  "DESC_NULLS_FIRST",
  "DESC_NULLS_LAST",
] as const;
export type PageOrder = (typeof PAGE_ORDERS)[number];

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** The query parameters that drive paging; they are reported in their own fields, not in `parameters`. */
const PAGING_PARAMS = new Set(["before", "after", "offset", "limit", "sorting_keys", "sorting_order"]);

type SortValue = string | number | boolean | null;

/**
 * How one listing sorts: the sortable keys (by their public name), the default ordering, and the id used
 * as the final tie-breaker so that every position is unique and keyset cursors are stable.
 */
export interface PageSpec<T> {
  readonly keys: Readonly<Record<string, (item: T) => SortValue | undefined>>;
  readonly defaultSort: readonly string[];
  readonly id: (item: T) => string;
  /** Accounting entries page by cursor only; `offset` is rejected there. */
  readonly allowOffset?: boolean;
}

export interface PageRequest {
  readonly after?: string;
  readonly before?: string;
  readonly offset?: number;
  readonly limit: number;
  readonly sortingKeys?: readonly string[];
  readonly sortingOrder?: readonly PageOrder[];
  /** The non-paging query parameters, echoed as `currentRequestPagination.parameters`. */
  readonly parameters: Record<string, string[]>;
}

/** `CursorPageInfo`. */
export interface CursorPageInfo {
  currentRequestPagination: {
    parameters: Record<string, string[]>;
    after?: string;
    before?: string;
    limit?: number;
    offset?: number;
    sortingKeys?: string[];
    sortingOrder?: PageOrder[];
  };
  startCursor?: string;
  endCursor?: string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  total?: number;
}

export interface Page<T> {
  readonly data: T[];
  readonly pagination: CursorPageInfo;
}

/** Reads and validates the standard paging parameters ("PAGE" in the API map). */
export function parsePageRequest<T>(query: QueryParams, spec: PageSpec<T>): PageRequest {
  const before = single(query, "before");
  const after = single(query, "after");
  const offsetText = single(query, "offset");
  const limitText = single(query, "limit");
  const used = [before, after, offsetText].filter((value) => value !== undefined).length;
  if (used > 1)
    throw validationFailed("Only one of 'before', 'after' and 'offset' may be used in a request.");
  if (offsetText !== undefined && spec.allowOffset === false) {
    throw validationFailed("This endpoint pages by cursor only: use 'before' or 'after', not 'offset'.");
  }
  for (const [name, cursor] of [["before", before] as const, ["after", after] as const]) {
    if (cursor !== undefined && !/^[A-Z2-7=~]+$/.test(cursor)) {
      throw validationFailed(`Query parameter '${name}' is not a valid cursor.`);
    }
  }
  let offset: number | undefined;
  if (offsetText !== undefined) {
    if (!/^\d+$/.test(offsetText))
      throw validationFailed(`Query parameter 'offset' must be a non-negative integer.`);
    offset = Number(offsetText);
  }
  let limit = DEFAULT_LIMIT;
  if (limitText !== undefined) {
    if (!/^-?\d+$/.test(limitText)) throw validationFailed("Query parameter 'limit' must be an integer.");
    limit = Number(limitText);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw validationFailed(`Query parameter 'limit' must be between 1 and ${MAX_LIMIT}, got ${limit}.`);
    }
  }
  const sortingKeys = query
    .get("sorting_keys")
    ?.flatMap((value) => value.split(","))
    .filter(Boolean);
  const sortingOrder = query
    .get("sorting_order")
    ?.flatMap((value) => value.split(","))
    .filter(Boolean);
  if (sortingOrder && !sortingKeys) throw validationFailed("'sorting_order' needs 'sorting_keys'.");
  if (sortingKeys) {
    for (const key of sortingKeys) {
      if (!(key in spec.keys)) {
        throw validationFailed(
          `Cannot sort by '${key}'; sortable keys: ${Object.keys(spec.keys).join(", ")}.`,
        );
      }
    }
    if (sortingOrder && sortingOrder.length !== sortingKeys.length) {
      throw validationFailed("'sorting_order' must give exactly one order per sorting key.");
    }
  }
  for (const order of sortingOrder ?? []) {
    if (!(PAGE_ORDERS as readonly string[]).includes(order)) {
      throw validationFailed(`Invalid sorting order '${order}'; allowed: ${PAGE_ORDERS.join(", ")}.`);
    }
  }
  const parameters: Record<string, string[]> = {};
  for (const [name, values] of query) if (!PAGING_PARAMS.has(name)) parameters[name] = [...values];
  return {
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    ...(offset === undefined ? {} : { offset }),
    limit,
    ...(sortingKeys ? { sortingKeys } : {}),
    ...(sortingOrder ? { sortingOrder: sortingOrder as PageOrder[] } : {}),
    parameters,
  };
}

/**
 * Sorts `items`, cuts out the requested page and describes it. A cursor is the base32-encoded sort tuple of
 * an item (keyset pagination): `after=endCursor` continues right after the last item of a page and
 * `before=startCursor` returns the items immediately before its first item, in the same order. A cursor
 * stays meaningful even if the item it names has since disappeared.
 */
export function paginate<T>(items: readonly T[], request: PageRequest, spec: PageSpec<T>): Page<T> {
  const keys = request.sortingKeys ?? spec.defaultSort;
  const orders: PageOrder[] = keys.map((_, index) => request.sortingOrder?.[index] ?? "ASC");
  const tuple = (item: T): SortValue[] => [
    ...keys.map((key) => spec.keys[key]?.(item) ?? null),
    spec.id(item),
  ];
  const compare = (a: readonly SortValue[], b: readonly SortValue[]): number => {
    for (let i = 0; i < a.length; i++) {
      const order = orders[i] ?? "ASC";
      const result = compareValues(a[i] ?? null, b[i] ?? null, order);
      if (result !== 0) return result;
    }
    return 0;
  };
  const sorted = items.map((item) => ({ item, key: tuple(item) })).sort((a, b) => compare(a.key, b.key));
  const total = sorted.length;

  let start = 0;
  let end = Math.min(request.limit, total);
  if (request.offset !== undefined) {
    start = Math.min(request.offset, total);
    end = Math.min(start + request.limit, total);
  } else if (request.after !== undefined) {
    const cursor = decodeCursor(request.after, keys.length + 1);
    start = firstIndex(sorted, (entry) => compare(entry.key, cursor) > 0);
    end = Math.min(start + request.limit, total);
  } else if (request.before !== undefined) {
    const cursor = decodeCursor(request.before, keys.length + 1);
    end = firstIndex(sorted, (entry) => compare(entry.key, cursor) >= 0);
    start = Math.max(0, end - request.limit);
  }
  const page = sorted.slice(start, end);
  const first = page[0];
  const last = page[page.length - 1];
  return {
    data: page.map((entry) => entry.item),
    pagination: {
      currentRequestPagination: {
        parameters: request.parameters,
        ...(request.after === undefined ? {} : { after: request.after }),
        ...(request.before === undefined ? {} : { before: request.before }),
        limit: request.limit,
        ...(request.offset === undefined ? {} : { offset: request.offset }),
        ...(request.sortingKeys ? { sortingKeys: [...request.sortingKeys] } : {}),
        ...(request.sortingKeys ? { sortingOrder: orders } : {}),
      },
      ...(first ? { startCursor: encodeCursor(first.key) } : {}),
      ...(last ? { endCursor: encodeCursor(last.key) } : {}),
      hasNextPage: end < total,
      hasPreviousPage: start > 0,
      total,
    },
  };
}

function firstIndex<E>(entries: readonly E[], predicate: (entry: E) => boolean): number {
  const index = entries.findIndex(predicate);
  return index === -1 ? entries.length : index;
}

/** Orders two sort values; nulls go last for ascending and first for descending unless the order says otherwise. */
function compareValues(a: SortValue, b: SortValue, order: PageOrder): number {
  const descending = order.startsWith("DESC");
  const nullsFirst = order.endsWith("NULLS_FIRST") || order === "DESC";
  if (a === null || b === null) {
    if (a === b) return 0;
    return (a === null) === nullsFirst ? -1 : 1;
  }
  const base = a < b ? -1 : a > b ? 1 : 0;
  return descending ? -base : base;
}

function encodeCursor(key: readonly SortValue[]): string {
  return base32Encode(new TextEncoder().encode(JSON.stringify(key)));
}

function decodeCursor(cursor: string, length: number): SortValue[] {
  const bytes = base32Decode(cursor);
  let parsed: unknown;
  try {
    parsed =
      bytes === undefined ? undefined : JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === length &&
    parsed.every((value) => value === null || ["string", "number", "boolean"].includes(typeof value));
  if (!valid) throw validationFailed("The cursor is malformed or belongs to a different sort order.");
  return parsed as SortValue[];
}
