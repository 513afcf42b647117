import { z } from "zod";
import { ErrorCode, GatewayError } from "../errors.ts";
import { PLEO_MAX_PAGE_SIZE } from "../pleo/all-pages.ts";
import type { CursorPageInfo, Page, PageRequest } from "../pleo/models/common.ts";

/**
 * Relay connections over Pleo's cursor pagination.
 *
 * Pleo returns cursors for the first and last item of a page only (`startCursor`/`endCursor`, which work
 * as `after`/`before` positions). Relay needs a cursor on every edge, so an edge in the middle of a page
 * gets a *window* cursor: the Pleo query that produced the page plus the item's index in it (counted from
 * the start for forward queries, from the end for `before` queries, so the index does not depend on the
 * page size). Resuming from a window cursor costs one upstream call, like any other page.
 *
 * Every cursor names its company and resource; one from another company or list is refused, not sent.
 */

const windowQuery = z
  .object({
    after: z.string().optional(),
    before: z.string().optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();

const position = z.discriminatedUnion("t", [
  z.object({ t: z.literal("pos"), v: z.string().min(1).max(2048) }).strict(),
  z
    .object({ t: z.literal("win"), q: windowQuery, i: z.number().int().min(0).max(PLEO_MAX_PAGE_SIZE) })
    .strict(),
]);
type Position = z.infer<typeof position>;
type WindowQuery = z.infer<typeof windowQuery>;

const cursorPayload = z.object({ v: z.literal(1), c: z.string(), r: z.string(), p: position }).strict();

const CURSOR_PREFIX = "pgc1.";

interface ConnectionScope {
  /** The company the list belongs to (or the organisation, for company discovery). */
  readonly ownerId: string;
  /** The list's name, e.g. "vendors": a cursor of one list is not valid for another. */
  readonly resource: string;
}

function encodeCursor(scope: ConnectionScope, p: Position): string {
  const json = JSON.stringify({ v: 1, c: scope.ownerId, r: scope.resource, p });
  return CURSOR_PREFIX + Buffer.from(json, "utf8").toString("base64url");
}

function decodeCursor(scope: ConnectionScope, cursor: string): Position {
  let payload: z.infer<typeof cursorPayload>;
  try {
    if (!cursor.startsWith(CURSOR_PREFIX)) throw new Error("prefix");
    const json = Buffer.from(cursor.slice(CURSOR_PREFIX.length), "base64url").toString("utf8");
    payload = cursorPayload.parse(JSON.parse(json));
  } catch {
    throw new GatewayError(ErrorCode.INVALID_CURSOR, "The cursor is not one this gateway issued.", {
      companyId: scope.ownerId,
    });
  }
  if (payload.c !== scope.ownerId || payload.r !== scope.resource) {
    throw new GatewayError(
      ErrorCode.FOREIGN_CURSOR,
      `The cursor belongs to another ${payload.c !== scope.ownerId ? "company" : "list"} and cannot be used here.`,
      { companyId: scope.ownerId },
    );
  }
  return payload.p;
}

export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

/** How to fetch one Relay page from Pleo and which of the fetched items to keep. */
interface PagePlan {
  /** The direction the caller pages in: `first`/`after` is forward, `last`/`before` backward. */
  readonly paging: "forward" | "backward";
  readonly request: PageRequest;
  /** The Pleo query without `limit`: what window cursors of the fetched items refer to. */
  readonly query: WindowQuery;
  /** Items to drop from the start / end of what Pleo returns before trimming to `size`. */
  readonly dropFirst: number;
  readonly dropLast: number;
  readonly size: number;
  /** The caller resumed from a cursor, so there is at least that item on the other side. */
  readonly fromCursor: boolean;
}

const DEFAULT_PAGE_SIZE = 20;

export function planPage(scope: ConnectionScope, args: ConnectionArgs): PagePlan {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw invalid(scope, "Pass either `first` or `last`, not both.");
  if (after != null && before != null) throw invalid(scope, "Pass either `after` or `before`, not both.");
  if (last != null && after != null)
    throw invalid(scope, "`last` pages backwards: combine it with `before`.");
  if (first != null && before != null)
    throw invalid(scope, "`first` pages forwards: combine it with `after`.");
  for (const [name, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value == null) continue;
    if (value > PLEO_MAX_PAGE_SIZE) {
      throw new GatewayError(
        ErrorCode.PAGE_SIZE_TOO_LARGE,
        `\`${name}\` may be at most ${PLEO_MAX_PAGE_SIZE} (Pleo's page limit); page with the cursors for more.`,
        { companyId: scope.ownerId, field: name, limit: PLEO_MAX_PAGE_SIZE },
      );
    }
    if (value < 1) throw invalid(scope, `\`${name}\` must be at least 1.`, name);
  }
  const size = first ?? last ?? DEFAULT_PAGE_SIZE;

  if (last != null || before != null) {
    if (before == null)
      throw invalid(scope, "`last` needs a `before` cursor: Pleo cannot list from the end.", "last");
    return planBackward(scope, decodeCursor(scope, before), size);
  }
  if (after == null) return plan("forward", {}, size, 0, 0, size, false);
  const pos = decodeCursor(scope, after);
  if (pos.t === "pos") return plan("forward", { after: pos.v }, size, 0, 0, size, true);
  if (pos.q.before === undefined) {
    // Item i of a forward window: refetch the window from its start and skip past the item.
    return plan("forward", pos.q, pos.i + 1 + size, pos.i + 1, 0, size, true);
  }
  // Item i (from the end) of a `before` window: what follows it are the i items closest to the anchor.
  if (pos.i === 0) throw staleCursor(scope);
  return plan("forward", pos.q, pos.i, 0, 0, size, true);
}

function planBackward(scope: ConnectionScope, pos: Position, size: number): PagePlan {
  if (pos.t === "pos") return plan("backward", { before: pos.v }, size, 0, 0, size, true);
  if (pos.q.before === undefined) {
    // Item i of a forward window: what precedes it are the window's first i items.
    if (pos.i === 0) throw staleCursor(scope);
    return plan("backward", pos.q, pos.i, 0, 0, size, true);
  }
  // Item i (from the end) of a `before` window: fetch up to it, then drop it and what follows.
  return plan("backward", pos.q, pos.i + 1 + size, 0, pos.i + 1, size, true);
}

function plan(
  paging: PagePlan["paging"],
  query: WindowQuery,
  limit: number,
  dropFirst: number,
  dropLast: number,
  size: number,
  fromCursor: boolean,
): PagePlan {
  return {
    paging,
    request: { ...query, limit: Math.min(PLEO_MAX_PAGE_SIZE, limit) },
    query,
    dropFirst,
    dropLast,
    size,
    fromCursor,
  };
}

function invalid(scope: ConnectionScope, message: string, field?: string): GatewayError {
  return new GatewayError(ErrorCode.INVALID_PAGINATION, message, { companyId: scope.ownerId, field });
}

function staleCursor(scope: ConnectionScope): GatewayError {
  return new GatewayError(
    ErrorCode.INVALID_CURSOR,
    "This edge cursor cannot be resumed from; use the connection's pageInfo cursors.",
    { companyId: scope.ownerId },
  );
}

export interface Connection<T> {
  readonly edges: { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly totalCount: number | null;
}

/**
 * The cursors of one fetched page, encoded only when a caller selects them: most queries read nodes,
 * not cursors, and encoding one per edge was a measurable share of a list's cost (docs/benchmarks.md).
 */
class PageCursors {
  readonly #scope: ConnectionScope;
  readonly #query: WindowQuery;
  readonly #pageInfo: CursorPageInfo;
  readonly #fetched: number;

  constructor(scope: ConnectionScope, query: WindowQuery, pageInfo: CursorPageInfo, fetched: number) {
    this.#scope = scope;
    this.#query = query;
    this.#pageInfo = pageInfo;
    this.#fetched = fetched;
  }

  /** The cursor of the k-th fetched item. */
  at(k: number): string {
    const m = this.#fetched;
    if (k === 0 && this.#pageInfo.startCursor)
      return encodeCursor(this.#scope, { t: "pos", v: this.#pageInfo.startCursor });
    if (k === m - 1 && this.#pageInfo.endCursor)
      return encodeCursor(this.#scope, { t: "pos", v: this.#pageInfo.endCursor });
    const backwardQuery = this.#query.before !== undefined;
    return encodeCursor(this.#scope, { t: "win", q: this.#query, i: backwardQuery ? m - 1 - k : k });
  }
}

class Edge<T> {
  readonly node: T;
  readonly #cursors: PageCursors;
  readonly #k: number;
  #cursor: string | undefined;

  constructor(node: T, cursors: PageCursors, k: number) {
    this.node = node;
    this.#cursors = cursors;
    this.#k = k;
  }

  get cursor(): string {
    this.#cursor ??= this.#cursors.at(this.#k);
    return this.#cursor;
  }
}

/** Turns what Pleo returned for a plan into a Relay connection with a usable cursor on every edge. */
export function toConnection<T>(scope: ConnectionScope, plan: PagePlan, page: Page<T>): Connection<T> {
  const fetched = page.items;
  const m = fetched.length;
  let from = Math.min(plan.dropFirst, m);
  let to = Math.max(from, m - plan.dropLast);
  if (to - from > plan.size) {
    // Keep the items nearest the caller's cursor.
    if (plan.paging === "forward") to = from + plan.size;
    else from = to - plan.size;
  }
  const backwardQuery = plan.query.before !== undefined;
  const cursors = new PageCursors(scope, plan.query, page.pageInfo, m);
  const edges: Edge<T>[] = [];
  for (let k = from; k < to; k++) edges.push(new Edge(fetched[k] as T, cursors, k));

  // Beyond the fetched window: a `before` query always has its anchor (and more) after it.
  const moreAfterWindow = backwardQuery || page.pageInfo.hasNextPage;
  const moreBeforeWindow = page.pageInfo.hasPreviousPage;
  const hasNextPage = to < m || moreAfterWindow || (plan.paging === "backward" && plan.fromCursor);
  const hasPreviousPage = from > 0 || moreBeforeWindow || (plan.paging === "forward" && plan.fromCursor);
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    totalCount: page.pageInfo.total ?? null,
  };
}
