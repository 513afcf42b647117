import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { type Page, type PageRequest, pageQuery, paginatedResponse } from "../models/common.ts";
import {
  type GroupTagListOptions,
  type OwnedTag,
  type Tag,
  type TagGroup,
  type TagSearch,
  tag,
} from "../models/tag.ts";

const page = paginatedResponse(tag);

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
