import { z } from "zod";
import { assertCompanyAccess, companyFromQuery, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound, SimHttpError } from "../errors.ts";
import { data, ok, type RequestContext } from "../http-types.ts";
import type { TagModel } from "../models/tag.ts";
import { paginate, parsePageRequest } from "../pagination.ts";
import { uuidPathParam } from "../query.ts";
import { optionalBoolean, optionalString, uuidSchema } from "../request-schemas.ts";
import type { RouteDefinition } from "../router.ts";
import type { SimStore } from "../store.ts";
import { tagGroup, tagPages } from "./tag-groups.ts";

/** How many active tags one group may hold (Pleo answers 400 beyond its limit, which it does not publish). */
export const MAX_ACTIVE_TAGS_PER_GROUP = 1000;

/** `TagCreateModel` / `TagUpdateModel`. Dimension values are accepted and not modelled further. */
const tagWrite = z.strictObject({
  code: z.string().min(1).max(255),
  archived: z.boolean(),
  name: z.string().max(255).nullish(),
  otherDimensionValues: z.array(z.string()).nullish(),
});

/** `BulkTagArchiveModel`: 1..100 tags of one company. */
const bulkArchive = z.strictObject({
  companyId: uuidSchema,
  tagIds: z.array(uuidSchema).min(1).max(100),
  archived: z.boolean(),
});

/** A tag's `code` is unique within its group (409 otherwise). */
function assertTagCodeFree(store: SimStore, groupId: string, code: string, exceptId?: string): void {
  const clash = store.tags.all().find((t) => t.groupId === groupId && t.code === code && t.id !== exceptId);
  if (clash) {
    throw new SimHttpError(
      409,
      "TAG_ALREADY_EXISTS",
      `A tag with code '${code}' already exists in tag group ${groupId}.`,
    );
  }
}

function tag(ctx: RequestContext, id: string): TagModel {
  return ownedObject(ctx, ctx.store.tags, id, () => notFound(`Tag ${id} not found.`));
}

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
    handle: (ctx) => data(tag(ctx, uuidPathParam(ctx.params, "tagId"))),
  },
  {
    method: "POST",
    path: "/v0/tag-groups/{groupId}/tags",
    scope: "tag-groups:write",
    pathOwner: (store, params) => store.tagGroups.companyOf(params.groupId?.toLowerCase() ?? ""),
    handle: (ctx) => {
      const group = tagGroup(ctx, uuidPathParam(ctx.params, "groupId"));
      const body = parseBody(ctx, tagWrite, { required: true });
      const { store } = ctx;
      assertTagCodeFree(store, group.id, body.code);
      const active = store.tags.all().filter((t) => t.groupId === group.id && !t.archived).length;
      if (!body.archived && active >= MAX_ACTIVE_TAGS_PER_GROUP) {
        throw new SimHttpError(
          400,
          "TAG_GROUP_ACTIVE_TAG_LIMIT",
          `Tag group ${group.id} already contains the maximum number of active tags (${MAX_ACTIVE_TAGS_PER_GROUP}).`,
        );
      }
      const now = store.nowIso();
      const created: TagModel = {
        id: store.newId(),
        groupId: group.id,
        code: body.code,
        ...(body.name == null ? {} : { name: body.name }),
        archived: body.archived,
        createdAt: now,
        updatedAt: now,
      };
      store.tags.put(created);
      return { status: 201, body: { data: created } };
    },
  },
  {
    method: "PUT",
    path: "/v0/tags/{tagId}",
    scope: "tag-groups:write",
    pathOwner: (store, params) => store.tags.companyOf(params.tagId?.toLowerCase() ?? ""),
    handle: (ctx) => {
      const existing = tag(ctx, uuidPathParam(ctx.params, "tagId"));
      const body = parseBody(ctx, tagWrite, { required: true });
      assertTagCodeFree(ctx.store, existing.groupId, body.code, existing.id);
      existing.code = body.code;
      existing.archived = body.archived;
      if (body.name == null) delete existing.name;
      else existing.name = body.name;
      existing.updatedAt = ctx.store.nowIso();
      return data(existing);
    },
  },
  {
    method: "POST",
    path: "/v0/tags/archive",
    scope: "tag-groups:write",
    handle: (ctx) => {
      const body = parseBody(ctx, bulkArchive, { required: true });
      assertCompanyAccess(ctx, body.companyId);
      const { store } = ctx;
      const tags = [...new Set(body.tagIds)].map((id) => {
        const found = store.tags.get(id);
        if (!found || store.tags.companyOf(id) !== body.companyId) {
          throw notFound(`Tag ${id} not found in company ${body.companyId}.`);
        }
        return found;
      });
      const now = store.nowIso();
      for (const t of tags) {
        if (t.archived !== body.archived) {
          t.archived = body.archived;
          t.updatedAt = now;
        }
      }
      return data(tags);
    },
  },
];
