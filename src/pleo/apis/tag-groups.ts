import { z } from "zod";
import type { PleoClient } from "../client.ts";
import type { PleoCredential } from "../credential.ts";
import { assertOwnedBy } from "../isolation.ts";
import { dataResponse } from "../models/common.ts";
import { type TagGroup, type TagGroupListOptions, tagGroup } from "../models/tag.ts";

const list = dataResponse(z.array(tagGroup));

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
  });
  return assertOwnedBy(companyId, body.data, "tag group list");
}
