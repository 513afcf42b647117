import { z } from "zod";
import { companyFromQuery, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound } from "../errors.ts";
import { data, ok } from "../http-types.ts";
import { paginate, parsePageRequest } from "../pagination.ts";
import { uuidPathParam } from "../query.ts";
import { optionalBoolean, optionalString, uuidSchema } from "../request-schemas.ts";
import type { RouteDefinition } from "../router.ts";
import { tagPages } from "./tag-groups.ts";

/**
 * `CompositeTagSearchRequest`. `archived`, when given, decides alone; otherwise archived tags appear only
 * with `includeArchived: true` (the spec's documented precedence).
 */
const tagSearch = z.strictObject({
  archived: optionalBoolean,
  includeArchived: optionalBoolean,
  tagGroupIds: z.array(uuidSchema).nullish(),
  tagIds: z.array(uuidSchema).nullish(),
  textSearch: optionalString,
});

/** Tags API (v0): composite search over a company's tags and a single tag by id. */
export const tagRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/v0/tags:search",
    scope: "tag-groups:read",
    handle: (ctx) => {
      const companyId = companyFromQuery(ctx, {
        param: "company_id",
        organisationParam: true,
        required: false,
      });
      const search = parseBody(ctx, tagSearch, { required: false });
      const page = parsePageRequest(ctx.request.query, tagPages);
      const { store } = ctx;
      const groups = new Set(store.tagGroups.forCompany(companyId).map((group) => group.id));
      const text = search.textSearch?.trim().toLowerCase();
      const tags = store.tags
        .all()
        .filter(
          (tag) =>
            groups.has(tag.groupId) &&
            (search.archived != null
              ? tag.archived === search.archived
              : search.includeArchived === true || !tag.archived) &&
            (search.tagGroupIds == null || search.tagGroupIds.includes(tag.groupId)) &&
            (search.tagIds == null || search.tagIds.includes(tag.id)) &&
            (!text ||
              tag.code.toLowerCase().includes(text) ||
              (tag.name?.toLowerCase().includes(text) ?? false)),
        );
      return ok(paginate(tags, page, tagPages));
    },
  },
  {
    method: "GET",
    path: "/v0/tags/{tagId}",
    scope: "tag-groups:read",
    pathOwner: (store, params) => store.tags.companyOf(params.tagId?.toLowerCase() ?? ""),
    handle: (ctx) => {
      const id = uuidPathParam(ctx.params, "tagId");
      return data(ownedObject(ctx, ctx.store.tags, id, () => notFound(`Tag ${id} not found.`)));
    },
  },
];
