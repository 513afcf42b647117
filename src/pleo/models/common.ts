import { z } from "zod";

/**
 * Building blocks shared by every Pleo API model. Pleo is validated leniently on unknown fields (new
 * fields must not break the gateway) and strictly on the fields we rely on.
 */

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Any RFC 4122-shaped id, including Pleo's all-zero "unknown" UUID. */
export const uuid = z.string().regex(UUID_PATTERN, "expected a UUID");
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

export const dateTime = z.string().min(1);

export const pageOrder = z.enum([
  "ASC",
  "ASC_NULLS_FIRST",
  "ASC_NULLS_LAST",
  "DESC",
  "DESC_NULLS_FIRST",
  "DESC_NULLS_LAST",
]);

export const cursorPageInfo = z.object({
  currentRequestPagination: z
    .object({
      parameters: z.record(z.string(), z.array(z.string())).optional(),
      after: z.string().nullish(),
      before: z.string().nullish(),
      limit: z.number().int().nullish(),
      offset: z.number().int().nullish(),
    })
    .optional(),
  startCursor: z.string().nullish(),
  endCursor: z.string().nullish(),
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
  total: z.number().int().nullish(),
});
export type CursorPageInfo = z.infer<typeof cursorPageInfo>;

export const dataResponse = <T extends z.ZodType>(item: T) => z.object({ data: item });

export const paginatedResponse = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), pagination: cursorPageInfo });

export interface Page<T> {
  readonly items: readonly T[];
  readonly pageInfo: CursorPageInfo;
}

/** Pleo's declared error body; the casing of `type` varies between APIs. */
export const exceptionInfo = z.object({ type: z.string(), message: z.string().nullish() });
export type ExceptionInfo = z.infer<typeof exceptionInfo>;

/** `Money` (tax codes, accounting entries): minor units. */
export const money = z.object({ currency: z.string(), minors: z.number().int() });
export type Money = z.infer<typeof money>;

/** The standard paging query ("PAGE" in the API map). Cursors and offset are mutually exclusive. */
export interface PageRequest {
  readonly after?: string;
  readonly before?: string;
  readonly offset?: number;
  readonly limit: number;
  readonly sortingKeys?: readonly string[];
  readonly sortingOrder?: readonly z.infer<typeof pageOrder>[];
}

export function pageQuery(page: PageRequest): Record<string, string | readonly string[]> {
  const query: Record<string, string | readonly string[]> = { limit: String(page.limit) };
  if (page.after !== undefined) query.after = page.after;
  if (page.before !== undefined) query.before = page.before;
  if (page.offset !== undefined) query.offset = String(page.offset);
  if (page.sortingKeys?.length) query.sorting_keys = page.sortingKeys;
  if (page.sortingOrder?.length) query.sorting_order = page.sortingOrder;
  return query;
}
