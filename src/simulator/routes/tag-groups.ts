import { z } from "zod";
import { companyFromQuery, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound, SimHttpError } from "../errors.ts";
import { data, ok, type RequestContext } from "../http-types.ts";
import type { TagGroupModel, TagModel } from "../models/tag.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { booleanParam, uuidPathParam } from "../query.ts";
import type { RouteDefinition } from "../router.ts";
import type { SimStore } from "../store.ts";

/** `TagGroupCreateModel`; `TagGroupUpdateModel` is the same with `metadata` required. */
const groupMetadata = z.record(z.string(), z.string());
const tagGroupCreate = z.strictObject({
  code: z.string().min(1).max(255),
  name: z.string().min(1).max(255),
  archived: z.boolean(),
  metadata: groupMetadata.nullish(),
});
const tagGroupUpdate = tagGroupCreate.extend({ metadata: groupMetadata });

/** A group's `code` identifies it in the accounting system, so it is unique within a company. */
function assertGroupCodeFree(store: SimStore, companyId: string, code: string, exceptId?: string): void {
  const clash = store.tagGroups
    .forCompany(companyId)
    .find((group) => group.code === code && group.id !== exceptId);
  if (clash) {
    throw new SimHttpError(
      409,
      "TAG_GROUP_ALREADY_EXISTS",
      `A tag group with code '${code}' already exists in company ${companyId}.`,
    );
  }
}

export function tagGroup(ctx: RequestContext, id: string): TagGroupModel {
  return ownedObject(ctx, ctx.store.tagGroups, id, () => notFound(`Tag group ${id} not found.`));
}

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
    handle: (ctx) => data(tagGroup(ctx, uuidPathParam(ctx.params, "groupId"))),
  },
  {
    method: "POST",
    path: "/v0/tag-groups",
    scope: "tag-groups:write",
    handle: (ctx) => {
      const companyId = companyFromQuery(ctx, { param: "company_id", required: false });
      const body = parseBody(ctx, tagGroupCreate, { required: true });
      assertGroupCodeFree(ctx.store, companyId, body.code);
      const now = ctx.store.nowIso();
      const created: TagGroupModel = {
        id: ctx.store.newId(),
        companyId,
        code: body.code,
        name: body.name,
        archived: body.archived,
        metadata: body.metadata ?? {},
        createdAt: now,
        updatedAt: now,
      };
      ctx.store.tagGroups.put(created);
      return { status: 201, body: { data: created } };
    },
  },
  {
    method: "PUT",
    path: "/v0/tag-groups/{groupId}",
    scope: "tag-groups:write",
    pathOwner: (store, params) => groupOwner(store, params.groupId),
    handle: (ctx) => {
      const group = tagGroup(ctx, uuidPathParam(ctx.params, "groupId"));
      const body = parseBody(ctx, tagGroupUpdate, { required: true });
      assertGroupCodeFree(ctx.store, group.companyId, body.code, group.id);
      Object.assign(group, body, { updatedAt: ctx.store.nowIso() });
      return data(group);
    },
  },
  {
    method: "GET",
    path: "/v0/tag-groups/{groupId}/tags",
    scope: "tag-groups:read",
    pathOwner: (store, params) => groupOwner(store, params.groupId),
    handle: (ctx) => {
      const id = uuidPathParam(ctx.params, "groupId");
      tagGroup(ctx, id);
      const includeArchived = booleanParam(ctx.request.query, "include_archived") ?? false;
      const page = parsePageRequest(ctx.request.query, tagPages);
      const tags = ctx.store.tags
        .all()
        .filter((tag) => tag.groupId === id && (includeArchived || !tag.archived));
      return ok(paginate(tags, page, tagPages));
    },
  },
];
