import { z } from "zod";
import { ErrorCode, GatewayError } from "../../errors.ts";
import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { dataResponse, type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import {
  type GroupTagListOptions,
  type OwnedTag,
  type Tag,
  type TagGroup,
  type TagSearch,
  type TagWrite,
  tag,
} from "../models/tag.ts";

const page = paginatedResponse(tag);
const one = dataResponse(tag);
const many = dataResponse(z.array(tag));

/**
 * GET /v0/tag-groups/{groupId}/tags — one page of a group's tags. The group is addressed by id only, so
 * callers pass a group already proven to be the company's (see `ownTags`).
 */
export async function listGroupTags(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  groupId: string,
  options: GroupTagListOptions,
  paging: PageRequest,
): Promise<Page<Tag>> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v0/tag-groups/${encodeURIComponent(groupId)}/tags`,
    query: { include_archived: String(options.includeArchived), ...pageQuery(paging) },
    schema: page,
    companyId,
    operation: "tag list",
    cache: { resource: "tags" },
  });
  return { items: body.data, pageInfo: body.pagination };
}

/** POST /v0/tags:search?company_id= with a `CompositeTagSearchRequest` body. */
export async function searchTags(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  search: TagSearch,
  paging: PageRequest,
): Promise<Page<Tag>> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v0/tags:search",
    query: { company_id: companyId, ...pageQuery(paging) },
    body: search,
    schema: page,
    companyId,
    operation: "tag search",
    cache: { resource: "tags" },
  });
  return { items: body.data, pageInfo: body.pagination };
}

/**
 * Pleo's tags carry their group, not their company. A tag belongs to a company exactly when its group is
 * one of `groups` — the company's tag groups as returned (and checked with `assertOwnedBy`) by the
 * company-scoped tag-group list. Each tag is stamped with its group's company and checked; a tag of any
 * other group fails the whole response with UPSTREAM_ISOLATION_VIOLATION.
 */
export function ownTags(
  companyId: string,
  groups: readonly TagGroup[],
  tags: readonly Tag[],
  operation: string,
): readonly OwnedTag[] {
  const ownerOfGroup = new Map(groups.map((g) => [g.id.toLowerCase(), g.companyId.toLowerCase()]));
  const stamped = tags.map((t) => ({ ...t, companyId: ownerOfGroup.get(t.groupId.toLowerCase()) ?? "" }));
  return assertOwnedBy(companyId, stamped, operation);
}

/**
 * A tag returned for a write on `group` (already proven to be the company's): it must name that group,
 * and is stamped with the group's company.
 */
function inGroup(group: TagGroup, item: Tag, operation: string): OwnedTag {
  if (item.groupId.toLowerCase() !== group.id.toLowerCase()) {
    throw new GatewayError(
      ErrorCode.UPSTREAM_ISOLATION_VIOLATION,
      `Pleo ${operation} returned a tag of another tag group; the response was discarded.`,
      { companyId: group.companyId },
    );
  }
  return { ...item, companyId: group.companyId.toLowerCase() };
}

/** GET /v0/tags/{tagId}. Pleo's tag names no company: callers prove ownership through its group. */
export async function getTag(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  tagId: string,
): Promise<Tag> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v0/tags/${encodeURIComponent(tagId)}`,
    schema: one,
    companyId,
    operation: "tag lookup",
    cache: { resource: "tags" },
  });
  return body.data;
}

/** POST /v0/tag-groups/{groupId}/tags: 409 when the group already has a tag with that code. */
export async function createTag(
  client: PleoClient,
  credential: PleoCredential,
  group: TagGroup,
  request: TagWrite,
): Promise<OwnedTag> {
  const body = await client.call(credential, {
    method: "POST",
    path: `/v0/tag-groups/${encodeURIComponent(group.id)}/tags`,
    body: request,
    schema: one,
    companyId: group.companyId,
    operation: "tag create",
    invalidates: ["tags", "tag-groups"],
  });
  return inGroup(group, body.data, "tag create");
}

/** PUT /v0/tags/{tagId}: a full replacement; 409 when the new code clashes within the group. */
export async function updateTag(
  client: PleoClient,
  credential: PleoCredential,
  group: TagGroup,
  tagId: string,
  request: TagWrite,
): Promise<OwnedTag> {
  const body = await client.call(credential, {
    method: "PUT",
    path: `/v0/tags/${encodeURIComponent(tagId)}`,
    body: request,
    schema: one,
    companyId: group.companyId,
    operation: "tag update",
    invalidates: ["tags", "tag-groups"],
  });
  return inGroup(group, body.data, "tag update");
}

/** POST /v0/tags/archive: archives (or restores) 1..100 tags of one company at once. */
export async function archiveTags(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  tagIds: readonly string[],
  archived: boolean,
): Promise<readonly Tag[]> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v0/tags/archive",
    body: { companyId, tagIds, archived },
    schema: many,
    companyId,
    operation: "tag archive",
    invalidates: ["tags", "tag-groups"],
  });
  return body.data;
}
