import { z } from "zod";
import { dateTime, uuid } from "./common.ts";

/**
 * `TagGroupModel`. `totalTagsCount` is only sent when the list is asked for with `include_tags_count`.
 * `metadata` is declared as a required string map; it is passed through as is, so any JSON value is
 * accepted and a missing map does not break the list.
 */
export const tagGroup = z.object({
  id: uuid,
  companyId: uuid,
  code: z.string(),
  name: z.string(),
  archived: z.boolean(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  createdAt: dateTime,
  updatedAt: dateTime,
  totalTagsCount: z.number().int().nullish(),
});
export type TagGroup = z.infer<typeof tagGroup>;

/** `TagModel`: a tag names its group, not its company. */
export const tag = z.object({
  id: uuid,
  groupId: uuid,
  code: z.string(),
  name: z.string().nullish(),
  archived: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export type Tag = z.infer<typeof tag>;

/**
 * A tag the gateway has checked belongs to one company (its group is in that company's verified tag-group
 * list), stamped with that company's id so global IDs, loaders and `assertOwnedBy` can use it.
 */
export interface OwnedTag extends Tag {
  readonly companyId: string;
}

/** Query options of `GET /v0/tag-groups`. */
export interface TagGroupListOptions {
  readonly includeArchived: boolean;
}

/** Query options of `GET /v0/tag-groups/{groupId}/tags` (besides PAGE). */
export interface GroupTagListOptions {
  readonly includeArchived: boolean;
}

/**
 * `CompositeTagSearchRequest` (body of `POST /v0/tags:search`). `archived`, when set, wins over
 * `includeArchived`; without either Pleo returns active tags only.
 */
export interface TagSearch {
  readonly tagGroupIds?: readonly string[];
  readonly tagIds?: readonly string[];
  readonly textSearch?: string;
  readonly archived?: boolean;
  readonly includeArchived?: boolean;
}

/** `TagGroupCreateModel` / `TagGroupUpdateModel` (the update requires `metadata`). */
export interface TagGroupWrite {
  readonly code: string;
  readonly name: string;
  readonly archived: boolean;
  readonly metadata: Record<string, string>;
}

/** `TagCreateModel` / `TagUpdateModel`. */
export interface TagWrite {
  readonly code: string;
  readonly archived: boolean;
  readonly name?: string;
}
