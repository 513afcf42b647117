/** Wire shapes of Pleo's Tag Groups and Tags APIs. Optional vs nullable fields: see money.ts. */

/** `TagGroupModel` without `totalTagsCount`, which is computed per request (`include_tags_count`). */
export interface TagGroupModel {
  id: string;
  companyId: string;
  code: string;
  name: string;
  archived: boolean;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** `TagModel`: a tag knows its group, not its company. */
export interface TagModel {
  id: string;
  groupId: string;
  code: string;
  name?: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}
