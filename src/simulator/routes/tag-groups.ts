import { companyFromQuery, ownedObject } from "../access.ts";
import { notFound } from "../errors.ts";
import { data, ok } from "../http-types.ts";
import type { TagGroupModel, TagModel } from "../models.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { booleanParam, uuidPathParam } from "../query.ts";
import type { RouteDefinition } from "../router.ts";

export const tagPages: PageSpec<TagModel> = {
  keys: {
    code: (t) => t.code,
    name: (t) => t.name ?? null,
    createdAt: (t) => t.createdAt,
    updatedAt: (t) => t.updatedAt,
    id: (t) => t.id,
  },
  defaultSort: ["code"],
  id: (t) => t.id,
};

const groupOwner = (
  store: Parameters<NonNullable<RouteDefinition["pathOwner"]>>[0],
  groupId: string | undefined,
) => store.tagGroups.companyOf(groupId?.toLowerCase() ?? "");

/**
 * Tag groups API (v0) plus the tags of one group. The group list is not paged (`{data: [...]}`); it needs
 * `company_id` or `organization_id` (company_id wins when both are given).
 */
export const tagGroupRoutes: RouteDefinition[] = [
  {
    method: "GET",
    path: "/v0/tag-groups",
    scope: "tag-groups:read",
    handle: (ctx) => {
      const companyId = companyFromQuery(ctx, {
        param: "company_id",
        organisationParam: true,
        required: true,
      });
      const includeArchived = booleanParam(ctx.request.query, "include_archived") ?? false;
      const includeTagsCount = booleanParam(ctx.request.query, "include_tags_count") ?? false;
      const { store } = ctx;
      const groups = store.tagGroups
        .forCompany(companyId)
        .filter((group) => includeArchived || !group.archived)
        .sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id))
        .map((group): TagGroupModel & { totalTagsCount?: number } =>
          includeTagsCount
            ? { ...group, totalTagsCount: store.tags.all().filter((tag) => tag.groupId === group.id).length }
            : group,
        );
      return data(groups);
    },
  },
  {
    method: "GET",
    path: "/v0/tag-groups/{groupId}",
    scope: "tag-groups:read",
    pathOwner: (store, params) => groupOwner(store, params.groupId),
    handle: (ctx) => {
      const id = uuidPathParam(ctx.params, "groupId");
      return data(ownedObject(ctx, ctx.store.tagGroups, id, () => notFound(`Tag group ${id} not found.`)));
    },
  },
  {
    method: "GET",
    path: "/v0/tag-groups/{groupId}/tags",
    scope: "tag-groups:read",
    pathOwner: (store, params) => groupOwner(store, params.groupId),
    handle: (ctx) => {
      const id = uuidPathParam(ctx.params, "groupId");
      ownedObject(ctx, ctx.store.tagGroups, id, () => notFound(`Tag group ${id} not found.`));
      const includeArchived = booleanParam(ctx.request.query, "include_archived") ?? false;
      const page = parsePageRequest(ctx.request.query, tagPages);
      const tags = ctx.store.tags
        .all()
        .filter((tag) => tag.groupId === id && (includeArchived || !tag.archived));
      return ok(paginate(tags, page, tagPages));
    },
  },
];
