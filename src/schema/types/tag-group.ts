import { z } from "zod";
import { allTagGroups, tagGroupById } from "../../loaders/tag-groups.ts";
import { tagById, tagPages } from "../../loaders/tags.ts";
import type { OwnedTag, TagGroup as TagGroupModel } from "../../pleo/models/tag.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import {
  companyConnection,
  companyGated,
  companyObjectById,
  loadOwned,
  ownedReference,
  ownerGated,
} from "../company-fields.ts";
import { ownedLocalId, parseOwnedLocalId } from "../global-id.ts";
import { Company } from "./company.ts";

export const TagGroup = builder.objectRef<TagGroupModel>("TagGroup");
export const Tag = builder.objectRef<OwnedTag>("Tag");

const searchText = z.string().trim().min(1).max(255);

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
      ...ownerGated(
        Scope.tagGroupsRead,
        {
          includeArchived: t.arg.boolean({ required: false, defaultValue: false }),
          search: t.arg.string({
            required: false,
            description: "Free-text search on the tag name (Pleo's tag search).",
            validate: searchText,
          }),
        },
        (group: TagGroupModel, args, ctx, bound) => {
          const groupId = group.id.toLowerCase();
          const includeArchived = args.includeArchived ?? false;
          const search = args.search ?? undefined;
          // Cursors name the group and the listing: one of the active tags is no cursor for all of them.
          const listing = `${includeArchived ? "all" : "active"}${search === undefined ? "" : ":search"}`;
          return companyConnection(ctx, bound, {
            companyId: group.companyId,
            resource: `tags:${groupId}:${listing}`,
            loader: tagPages,
            filter: { groupId, includeArchived, search },
            args,
          });
        },
      ),
    }),
  }),
});

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
      ...ownedReference(Scope.tagGroupsRead, tagGroupById, (tag: OwnedTag) => tag.groupId),
    }),
  }),
});

builder.objectFields(Company, (t) => ({
  tagGroups: t.field({
    type: [TagGroup],
    nullable: true,
    description: `The company's tag groups (Pleo does not page them). Needs \`${Scope.tagGroupsRead}\`.`,
    ...companyGated(
      Scope.tagGroupsRead,
      { includeArchived: t.arg.boolean({ required: false, defaultValue: false }) },
      async (company, args, ctx, bound) => {
        // One list call (archived included) serves this field, tagGroup(id:), Tag.group and tag checks.
        const groups = await ctx.loaders
          .get(allTagGroups)
          .load({ companyId: company.id.toLowerCase(), bound });
        return args.includeArchived ? [...groups] : groups.filter((g) => !g.archived);
      },
    ),
  }),
  tagGroup: t.field({
    type: TagGroup,
    nullable: true,
    description: "One tag group of this company, by Pleo id or global ID.",
    ...companyObjectById(t, TagGroup, Scope.tagGroupsRead, tagGroupById),
  }),
  tag: t.field({
    type: Tag,
    nullable: true,
    description: "One tag of this company, by Pleo id or global ID.",
    ...companyObjectById(t, Tag, Scope.tagGroupsRead, tagById),
  }),
}));
