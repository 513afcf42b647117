import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { allTagGroups, tagGroupById } from "../../loaders/tag-groups.ts";
import { tagById, tagPages } from "../../loaders/tags.ts";
import type { OwnedTag, TagGroup as TagGroupModel } from "../../pleo/models/tag.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { companyObject, loadOwned, requiresCompanyScope, requiresOwnerScope } from "../company-fields.ts";
import { type Connection, type ConnectionArgs, planPage, toConnection } from "../connection.ts";
import { ownedLocalId, parseOwnedLocalId } from "../global-id.ts";
import { Company } from "./company.ts";

export const TagGroup = builder.objectRef<TagGroupModel>("TagGroup");
export const Tag = builder.objectRef<OwnedTag>("Tag");

const search = z.string().trim().min(1).max(255);

builder.node(TagGroup, {
  description: "A tag group (an accounting dimension such as department or project) of one company.",
  id: {
    resolve: (g) => ownedLocalId(g.companyId, g.id),
    parse: (id) => parseOwnedLocalId("TagGroup", id),
  },
  loadOne: ({ companyId, id }, ctx) => loadOwned(ctx, companyId, Scope.tagGroupsRead, tagGroupById, id),
  fields: (t) => ({
    tagGroupId: t.field({ type: "UUID", description: "Pleo's tag group id.", resolve: (g) => g.id }),
    code: t.string({
      description: "The group's code in the accounting system.",
      resolve: (g) => g.code,
    }),
    name: t.exposeString("name"),
    archived: t.exposeBoolean("archived"),
    metadata: t.field({
      type: "JSONObject",
      nullable: true,
      resolve: (g) => (g.metadata as Record<string, unknown> | null | undefined) ?? null,
    }),
    createdAt: t.field({ type: "DateTime", resolve: (g) => g.createdAt }),
    updatedAt: t.field({ type: "DateTime", resolve: (g) => g.updatedAt }),
    totalTagsCount: t.int({
      nullable: true,
      description: "How many tags the group has, as Pleo counts them.",
      resolve: (g) => g.totalTagsCount ?? null,
    }),
    tags: t.connection({
      type: Tag,
      nullable: true,
      description: `The group's tags (active only unless \`includeArchived\`). Needs \`${Scope.tagGroupsRead}\`.`,
      authScopes: requiresOwnerScope(Scope.tagGroupsRead),
      args: {
        includeArchived: t.arg.boolean({ required: false, defaultValue: false }),
        search: t.arg.string({
          required: false,
          description: "Free-text search on the tag name (Pleo's tag search).",
          validate: search,
        }),
      },
      resolve: (group, args, ctx) =>
        groupTags(ctx, group, {
          includeArchived: args.includeArchived ?? false,
          search: args.search ?? undefined,
          connection: args,
        }),
    }),
  }),
});

/** A Relay connection over one group's tags; cursors name the company, the group and the listing. */
async function groupTags(
  ctx: GatewayContext,
  group: TagGroupModel,
  options: { includeArchived: boolean; search: string | undefined; connection: ConnectionArgs },
): Promise<Connection<OwnedTag>> {
  const companyId = group.companyId.toLowerCase();
  const groupId = group.id.toLowerCase();
  const listing = `${options.includeArchived ? "all" : "active"}${options.search === undefined ? "" : ":search"}`;
  const scope = { ownerId: companyId, resource: `tags:${groupId}:${listing}` };
  const plan = planPage(scope, options.connection);
  const bound = await ctx.access.credentialFor(companyId, Scope.tagGroupsRead);
  const page = await ctx.loaders.get(tagPages).load({
    companyId,
    bound,
    filter: { groupId, includeArchived: options.includeArchived, search: options.search },
    page: plan.request,
  });
  return toConnection(scope, plan, page);
}

builder.node(Tag, {
  description: "A tag (a value of a tag group) of one company.",
  id: { resolve: (tag) => ownedLocalId(tag.companyId, tag.id), parse: (id) => parseOwnedLocalId("Tag", id) },
  loadOne: ({ companyId, id }, ctx) => loadOwned(ctx, companyId, Scope.tagGroupsRead, tagById, id),
  fields: (t) => ({
    tagId: t.field({ type: "UUID", description: "Pleo's tag id.", resolve: (tag) => tag.id }),
    code: t.string({ description: "The tag's code in the accounting system.", resolve: (tag) => tag.code }),
    name: t.string({ nullable: true, resolve: (tag) => tag.name ?? null }),
    archived: t.exposeBoolean("archived"),
    createdAt: t.field({ type: "DateTime", resolve: (tag) => tag.createdAt }),
    updatedAt: t.field({ type: "DateTime", resolve: (tag) => tag.updatedAt }),
    group: t.field({
      type: TagGroup,
      nullable: true,
      description: "The tag's group (from one tag-group list call per company and request).",
      authScopes: requiresOwnerScope(Scope.tagGroupsRead),
      resolve: (tag, _args, ctx) =>
        loadOwned(ctx, tag.companyId, Scope.tagGroupsRead, tagGroupById, tag.groupId),
    }),
  }),
});

builder.objectFields(Company, (t) => ({
  tagGroups: t.field({
    type: [TagGroup],
    nullable: true,
    description: `The company's tag groups (Pleo does not page them). Needs \`${Scope.tagGroupsRead}\`.`,
    authScopes: requiresCompanyScope(Scope.tagGroupsRead),
    args: { includeArchived: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: async (company, args, ctx) => {
      const companyId = company.id.toLowerCase();
      const bound = await ctx.access.credentialFor(companyId, Scope.tagGroupsRead);
      // One list call (archived included) serves this field, tagGroup(id:), Tag.group and tag checks.
      const groups = await ctx.loaders.get(allTagGroups).load({ companyId, bound });
      return args.includeArchived ? [...groups] : groups.filter((g) => !g.archived);
    },
  }),
  tagGroup: t.field({
    type: TagGroup,
    nullable: true,
    description: "One tag group of this company, by Pleo id or global ID.",
    authScopes: requiresCompanyScope(Scope.tagGroupsRead),
    args: { id: t.arg.id({ required: true }) },
    resolve: (company, args, ctx) =>
      companyObject(ctx, company.id.toLowerCase(), {
        typename: "TagGroup",
        scope: Scope.tagGroupsRead,
        loader: tagGroupById,
        id: args.id,
      }),
  }),
  tag: t.field({
    type: Tag,
    nullable: true,
    description: "One tag of this company, by Pleo id or global ID.",
    authScopes: requiresCompanyScope(Scope.tagGroupsRead),
    args: { id: t.arg.id({ required: true }) },
    resolve: (company, args, ctx) =>
      companyObject(ctx, company.id.toLowerCase(), {
        typename: "Tag",
        scope: Scope.tagGroupsRead,
        loader: tagById,
        id: args.id,
      }),
  }),
}));
