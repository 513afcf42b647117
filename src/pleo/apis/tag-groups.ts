import { z } from "zod";
import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { dataResponse } from "../models/common.ts";
import { type TagGroup, type TagGroupListOptions, type TagGroupWrite, tagGroup } from "../models/tag.ts";

const list = dataResponse(z.array(tagGroup));
const one = dataResponse(tagGroup);

/**
 * GET /v0/tag-groups?company_id= — every tag group of the company in one unpaged `{data: [...]}` list.
 * `include_tags_count` is always asked for, so `totalTagsCount` is available without another call.
 */
export async function listTagGroups(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  options: TagGroupListOptions,
): Promise<readonly TagGroup[]> {
  const body = await client.call(credential, {
    method: "GET",
    path: "/v0/tag-groups",
    query: {
      company_id: companyId,
      include_archived: String(options.includeArchived),
      include_tags_count: "true",
    },
    schema: list,
    companyId,
    operation: "tag group list",
    cache: { resource: "tag-groups" },
  });
  return assertOwnedBy(companyId, body.data, "tag group list");
}

function owned(companyId: string, item: TagGroup, operation: string): TagGroup {
  return assertOwnedBy(companyId, [item], operation)[0] as TagGroup;
}

/** GET /v0/tag-groups/{groupId}; the group must belong to `companyId`. */
export async function getTagGroup(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  groupId: string,
): Promise<TagGroup> {
  const body = await client.call(credential, {
    method: "GET",
    path: `/v0/tag-groups/${encodeURIComponent(groupId)}`,
    schema: one,
    companyId,
    operation: "tag group lookup",
    cache: { resource: "tag-groups" },
  });
  return owned(companyId, body.data, "tag group lookup");
}

/** POST /v0/tag-groups?company_id=. */
export async function createTagGroup(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  request: TagGroupWrite,
): Promise<TagGroup> {
  const body = await client.call(credential, {
    method: "POST",
    path: "/v0/tag-groups",
    query: { company_id: companyId },
    body: request,
    schema: one,
    companyId,
    operation: "tag group create",
    invalidates: ["tag-groups"],
  });
  return owned(companyId, body.data, "tag group create");
}

/** PUT /v0/tag-groups/{groupId}: a full replacement (archiving is `archived: true`). */
export async function updateTagGroup(
  client: PleoClient,
  credential: PleoCredential,
  companyId: string,
  groupId: string,
  request: TagGroupWrite,
): Promise<TagGroup> {
  const body = await client.call(credential, {
    method: "PUT",
    path: `/v0/tag-groups/${encodeURIComponent(groupId)}`,
    body: request,
    schema: one,
    companyId,
    operation: "tag group update",
    invalidates: ["tag-groups", "tags"],
  });
  return owned(companyId, body.data, "tag group update");
}
