import { ErrorCode, GatewayError } from "../errors.ts";
import { PLEO_MAX_PAGE_SIZE } from "../pleo/all-pages.ts";
import { listGroupTags, ownTags, searchTags } from "../pleo/apis/tags.ts";
import type { OwnedTag } from "../pleo/models/tag.ts";
import { searchedByIdLoader } from "./by-id.ts";
import { companyPageLoader } from "./kit.ts";
import { defineLoader } from "./registry.ts";
import { companyTagGroups } from "./tag-groups.ts";

/** One group's tags: Pleo's per-group list, or `tags:search` restricted to the group when searching. */
interface GroupTagFilter {
  /** Lower-case id of a tag group of the key's company. */
  readonly groupId: string;
  readonly includeArchived: boolean;
  /** Free-text search on the tag name (Pleo's `textSearch`). */
  readonly search?: string;
}

/**
 * A page of one group's tags. The group must be in the company's tag-group list (already loaded for
 * the TagGroup the connection hangs on, so this costs no extra call); otherwise nothing is sent.
 */
export const tagPages = defineLoader(
  "tagPages",
  companyPageLoader<GroupTagFilter, OwnedTag>(async (deps, key) => {
    const { companyId, bound, filter } = key;
    const groups = await companyTagGroups(deps).load({ companyId, bound });
    const group = groups.filter((g) => g.id.toLowerCase() === filter.groupId);
    if (group.length === 0) {
      throw new GatewayError(ErrorCode.NOT_FOUND, `No tag group ${filter.groupId} in company ${companyId}.`, {
        companyId,
      });
    }
    const page =
      filter.search !== undefined
        ? await searchTags(
            deps.pleo,
            bound.credential,
            companyId,
            {
              tagGroupIds: [filter.groupId],
              textSearch: filter.search,
              includeArchived: filter.includeArchived,
            },
            key.page,
          )
        : await listGroupTags(
            deps.pleo,
            bound.credential,
            companyId,
            filter.groupId,
            { includeArchived: filter.includeArchived },
            key.page,
          );
    // Only tags of the requested group are accepted.
    return { items: ownTags(companyId, group, page.items, "tag list"), pageInfo: page.pageInfo };
  }),
);

/**
 * Tags by id: up to 100 ids per company become one `tags:search` filtered by `tagIds` (archived included),
 * checked against the company's tag-group list (fetched in parallel, once per request).
 */
export const tagById = defineLoader(
  "tagById",
  searchedByIdLoader<OwnedTag>("tag", async (deps, scope, ids) => {
    const { companyId, bound } = scope;
    const [groups, page] = await Promise.all([
      companyTagGroups(deps).load(scope),
      searchTags(
        deps.pleo,
        bound.credential,
        companyId,
        { tagIds: ids, includeArchived: true },
        { limit: PLEO_MAX_PAGE_SIZE },
      ),
    ]);
    return ownTags(companyId, groups, page.items, "tag search");
  }),
);
