import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { allTagGroups, tagGroupById } from "../../loaders/tag-groups.ts";
import { tagById, tagPages } from "../../loaders/tags.ts";
import { createTagGroup, getTagGroup, listTagGroups, updateTagGroup } from "../../pleo/apis/tag-groups.ts";
import { archiveTags, createTag, getTag, ownTags, searchTags, updateTag } from "../../pleo/apis/tags.ts";
import type { OwnedTag, TagGroup as TagGroupModel, TagGroupWrite, TagWrite } from "../../pleo/models/tag.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { Tag, TagGroup } from "../types/tag-group.ts";
import { listOf, text } from "./inputs.ts";
import {
  bestEffort,
  compact,
  idOf,
  invalidate,
  mutation,
  patched,
  prepare,
  read,
  write,
  zodIssues,
} from "./kit.ts";
import { COMMON_ERRORS, type Conflict, existingAs, type MutationFailure } from "./results.ts";

/*
 * Tag groups (Tag groups API v0) and tags (Tags API v0): create, update (patch semantics over Pleo's PUT),
 * archive. Codes are the accounting system's identifiers: a group's is unique in its company, a tag's in
 * its group; a clash is a Conflict carrying the existing group or tag. Pleo's tags name their group, not
 * their company, so every tag write first reads the group and checks it belongs to the company.
 */

export const TAG_LOADERS = [allTagGroups, tagGroupById, tagPages, tagById];

const TagGroupPayload = builder.objectRef<{ tagGroup: TagGroupModel }>("TagGroupPayload").implement({
  fields: (t) => ({ tagGroup: t.field({ type: TagGroup, resolve: (p) => p.tagGroup }) }),
});

const TagPayload = builder.objectRef<{ tag: OwnedTag }>("TagPayload").implement({
  fields: (t) => ({ tag: t.field({ type: Tag, resolve: (p) => p.tag }) }),
});

const ArchiveTagsPayload = builder.objectRef<{ tags: readonly OwnedTag[] }>("ArchiveTagsPayload").implement({
  fields: (t) => ({ tags: t.field({ type: [Tag], resolve: (p) => [...p.tags] }) }),
});

const docs = {
  groupCode: "The group's code in the accounting system (unique in the company).",
  tagCode: "The tag's code in the accounting system (unique in its group).",
  metadata: "Free-form data: a JSON object of string values.",
} as const;

const CreateTagGroupInput = builder.inputType("CreateTagGroupInput", {
  fields: (t) => ({
    companyId: t.id({ required: true, description: "The company: Pleo's UUID or a Company global ID." }),
    code: t.string({ required: true, description: docs.groupCode }),
    name: t.string({ required: true }),
    archived: t.boolean({ defaultValue: false }),
    metadata: t.field({ type: "JSONObject", description: docs.metadata }),
  }),
});

const UpdateTagGroupInput = builder.inputType("UpdateTagGroupInput", {
  description: "Changes to a tag group. A field left out keeps its value.",
  fields: (t) => ({
    id: t.id({
      required: true,
      description: "A TagGroup global ID, or Pleo's UUID together with companyId.",
    }),
    companyId: t.id(),
    code: t.string({ description: docs.groupCode }),
    name: t.string(),
    archived: t.boolean(),
    metadata: t.field({ type: "JSONObject", description: `${docs.metadata} Replaces the whole map.` }),
  }),
});

const ArchiveTagGroupInput = builder.inputType("ArchiveTagGroupInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    companyId: t.id(),
    archived: t.boolean({ defaultValue: true, description: "false restores an archived group." }),
  }),
});

const CreateTagInput = builder.inputType("CreateTagInput", {
  fields: (t) => ({
    tagGroupId: t.id({
      required: true,
      description: "A TagGroup global ID, or Pleo's UUID together with companyId.",
    }),
    companyId: t.id(),
    code: t.string({ required: true, description: docs.tagCode }),
    name: t.string(),
    archived: t.boolean({ defaultValue: false }),
  }),
});

const UpdateTagInput = builder.inputType("UpdateTagInput", {
  description: "Changes to a tag. A field left out keeps its value; null clears the name.",
  fields: (t) => ({
    id: t.id({ required: true, description: "A Tag global ID, or Pleo's UUID together with companyId." }),
    companyId: t.id(),
    code: t.string({ description: docs.tagCode }),
    name: t.string(),
    archived: t.boolean(),
  }),
});

const ArchiveTagsInput = builder.inputType("ArchiveTagsInput", {
  fields: (t) => ({
    companyId: t.id({ required: true }),
    tagIds: t.idList({
      required: true,
      description: "1 to 100 tags: Tag global IDs of this company, or Pleo's UUIDs.",
    }),
    archived: t.boolean({ defaultValue: true, description: "false restores archived tags." }),
  }),
});

const metadata = z.record(z.string(), z.string({ error: "metadata values must be strings" })).nullish();
const groupSchema = z.object({
  code: text().optional(),
  name: text().optional(),
  archived: z.boolean().nullish(),
  metadata,
});
const tagSchema = z.object({
  code: text().optional(),
  name: text().nullish(),
  archived: z.boolean().nullish(),
});

async function groupConflict(
  ctx: GatewayContext,
  companyId: string,
  code: string,
  exceptId: string | null,
  conflict: Conflict,
): Promise<MutationFailure> {
  const existing = await bestEffort(async () => {
    const bound = await ctx.access.credentialFor(companyId, Scope.tagGroupsRead);
    const groups = await listTagGroups(ctx.pleo, bound.credential, companyId, { includeArchived: true });
    return groups.find((g) => g.code === code && g.id.toLowerCase() !== exceptId) ?? null;
  });
  return conflict.withExisting(
    existing ? existingAs(TagGroup, existing) : null,
    existing ? "A tag group with the same code already exists in this company (see `existing`)." : undefined,
  );
}

async function tagConflict(
  ctx: GatewayContext,
  group: TagGroupModel,
  code: string,
  exceptId: string | null,
  conflict: Conflict,
): Promise<MutationFailure> {
  const companyId = group.companyId.toLowerCase();
  const existing = await bestEffort(async () => {
    const bound = await ctx.access.credentialFor(companyId, Scope.tagGroupsRead);
    const page = await searchTags(
      ctx.pleo,
      bound.credential,
      companyId,
      { tagGroupIds: [group.id], includeArchived: true, textSearch: code },
      { limit: 100 },
    );
    const found = page.items.find((tag) => tag.code === code && tag.id.toLowerCase() !== exceptId);
    return found ? (ownTags(companyId, [group], [found], "tag search")[0] ?? null) : null;
  });
  return conflict.withExisting(
    existing ? existingAs(Tag, existing) : null,
    existing ? "A tag with the same code already exists in this group (see `existing`)." : undefined,
  );
}

builder.mutationField("createTagGroup", (t) =>
  t.field({
    type: TagGroupPayload,
    nullable: true,
    description: `Creates a tag group (\`POST /v0/tag-groups\`, needs \`${Scope.tagGroupsWrite}\`).`,
    args: { input: t.arg({ type: CreateTagGroupInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "CreateTagGroupResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        scopes: { write: Scope.tagGroupsWrite },
        validate: () => zodIssues(groupSchema.required({ code: true, name: true }), input, "input"),
      });
      const { companyId } = target;
      const request: TagGroupWrite = {
        code: input.code,
        name: input.name,
        archived: input.archived ?? false,
        metadata: (input.metadata ?? {}) as Record<string, string>,
      };
      const tagGroup = await write(
        {
          companyId,
          operation: "tag group create",
          check:
            "List the company's tag groups (Company.tagGroups(includeArchived: true)) for the code you sent.",
          onConflict: (conflict) => groupConflict(ctx, companyId, request.code, null, conflict),
        },
        () => createTagGroup(ctx.pleo, target.credentials.write.credential, companyId, request),
      );
      invalidate(ctx, TAG_LOADERS);
      return { tagGroup };
    }),
  }),
);

async function patchTagGroup(
  ctx: GatewayContext,
  input: {
    id: string;
    companyId?: string | null;
    code?: string | null;
    name?: string | null;
    archived?: boolean | null;
    metadata?: Record<string, unknown> | null;
  },
  operation: string,
): Promise<TagGroupModel> {
  const target = await prepare(ctx, {
    companyId: input.companyId,
    ids: [{ path: "input.id", typename: "TagGroup", value: input.id }],
    scopes: { write: Scope.tagGroupsWrite, read: Scope.tagGroupsRead },
    validate: () => zodIssues(groupSchema, input, "input"),
  });
  const { companyId } = target;
  const groupId = idOf(target, "input.id");
  const current = await read(companyId, () =>
    getTagGroup(ctx.pleo, target.credentials.read.credential, companyId, groupId),
  );
  const request: TagGroupWrite = {
    code: input.code ?? current.code,
    name: input.name ?? current.name,
    archived: input.archived ?? current.archived,
    metadata: (patched(input.metadata, current.metadata) ?? {}) as Record<string, string>,
  };
  const tagGroup = await write(
    {
      companyId,
      operation,
      check: "Read the tag group (node(id:) or Company.tagGroup(id:)) to see whether the change was applied.",
      onConflict: (conflict) => groupConflict(ctx, companyId, request.code, groupId, conflict),
    },
    () => updateTagGroup(ctx.pleo, target.credentials.write.credential, companyId, groupId, request),
  );
  invalidate(ctx, TAG_LOADERS);
  return tagGroup;
}

builder.mutationField("updateTagGroup", (t) =>
  t.field({
    type: TagGroupPayload,
    nullable: true,
    description: `Changes a tag group (reads it, then \`PUT /v0/tag-groups/{id}\`; needs \`${Scope.tagGroupsWrite}\` and \`${Scope.tagGroupsRead}\`).`,
    args: { input: t.arg({ type: UpdateTagGroupInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "UpdateTagGroupResult" } },
    resolve: mutation(async ({ input }, ctx) => ({
      tagGroup: await patchTagGroup(ctx, input, "tag group update"),
    })),
  }),
);

builder.mutationField("archiveTagGroup", (t) =>
  t.field({
    type: TagGroupPayload,
    nullable: true,
    description: `Archives (or, with archived: false, restores) a tag group: an update with \`archived\`. Needs \`${Scope.tagGroupsWrite}\` and \`${Scope.tagGroupsRead}\`.`,
    args: { input: t.arg({ type: ArchiveTagGroupInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "ArchiveTagGroupResult" } },
    resolve: mutation(async ({ input }, ctx) => ({
      tagGroup: await patchTagGroup(
        ctx,
        { id: input.id, companyId: input.companyId, archived: input.archived ?? true },
        "tag group archive",
      ),
    })),
  }),
);

builder.mutationField("createTag", (t) =>
  t.field({
    type: TagPayload,
    nullable: true,
    description: `Creates a tag in a tag group (\`POST /v0/tag-groups/{id}/tags\`; needs \`${Scope.tagGroupsWrite}\` and \`${Scope.tagGroupsRead}\`, as the group is read first to prove it is the company's).`,
    args: { input: t.arg({ type: CreateTagInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "CreateTagResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        ids: [{ path: "input.tagGroupId", typename: "TagGroup", value: input.tagGroupId }],
        scopes: { write: Scope.tagGroupsWrite, read: Scope.tagGroupsRead },
        validate: () => zodIssues(tagSchema.required({ code: true }), input, "input"),
      });
      const { companyId } = target;
      const groupId = idOf(target, "input.tagGroupId");
      const group = await read(companyId, () =>
        getTagGroup(ctx.pleo, target.credentials.read.credential, companyId, groupId),
      );
      const request: TagWrite = {
        code: input.code,
        archived: input.archived ?? false,
        ...compact({ name: input.name }),
      };
      const tag = await write(
        {
          companyId,
          operation: "tag create",
          check:
            "Look through the group's tags (TagGroup.tags(includeArchived: true)) for the code you sent.",
          onConflict: (conflict) => tagConflict(ctx, group, request.code, null, conflict),
        },
        () => createTag(ctx.pleo, target.credentials.write.credential, group, request),
      );
      invalidate(ctx, TAG_LOADERS);
      return { tag };
    }),
  }),
);

builder.mutationField("updateTag", (t) =>
  t.field({
    type: TagPayload,
    nullable: true,
    description: `Changes a tag (reads it and its group, then \`PUT /v0/tags/{id}\`; needs \`${Scope.tagGroupsWrite}\` and \`${Scope.tagGroupsRead}\`).`,
    args: { input: t.arg({ type: UpdateTagInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "UpdateTagResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        ids: [{ path: "input.id", typename: "Tag", value: input.id }],
        scopes: { write: Scope.tagGroupsWrite, read: Scope.tagGroupsRead },
        validate: () => zodIssues(tagSchema, input, "input"),
      });
      const { companyId } = target;
      const tagId = idOf(target, "input.id");
      const readCredential = target.credentials.read.credential;
      const current = await read(companyId, () => getTag(ctx.pleo, readCredential, companyId, tagId));
      // The tag names only its group: the group must be this company's.
      const group = await read(companyId, () =>
        getTagGroup(ctx.pleo, readCredential, companyId, current.groupId),
      );
      const request: TagWrite = {
        code: input.code ?? current.code,
        archived: input.archived ?? current.archived,
        ...compact({ name: patched(input.name, current.name) }),
      };
      const tag = await write(
        {
          companyId,
          operation: "tag update",
          check: "Read the tag (node(id:) or Company.tag(id:)) to see whether the change was applied.",
          onConflict: (conflict) => tagConflict(ctx, group, request.code, tagId, conflict),
        },
        () => updateTag(ctx.pleo, target.credentials.write.credential, group, tagId, request),
      );
      invalidate(ctx, TAG_LOADERS);
      return { tag };
    }),
  }),
);

builder.mutationField("archiveTags", (t) =>
  t.field({
    type: ArchiveTagsPayload,
    nullable: true,
    description: `Archives (or, with archived: false, restores) 1 to 100 tags of one company in one call (\`POST /v0/tags/archive\`; needs \`${Scope.tagGroupsWrite}\` and \`${Scope.tagGroupsRead}\`, to check the returned tags' groups).`,
    args: { input: t.arg({ type: ArchiveTagsInput, required: true }) },
    errors: { types: COMMON_ERRORS, directResult: true, union: { name: "ArchiveTagsResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const target = await prepare(ctx, {
        companyId: input.companyId,
        ids: input.tagIds.map((value, i) => ({ path: `input.tagIds.${i}`, typename: "Tag", value })),
        scopes: { write: Scope.tagGroupsWrite, read: Scope.tagGroupsRead },
        validate: () => zodIssues(z.object({ tagIds: listOf(z.string(), 1, 100) }), input, "input"),
      });
      const { companyId } = target;
      const tagIds = [...new Set(input.tagIds.map((_, i) => idOf(target, `input.tagIds.${i}`)))];
      const archived = input.archived ?? true;
      const tags = await write(
        {
          companyId,
          operation: "tag archive",
          check: "Read the tags' archived flags; archiving again is harmless.",
        },
        () => archiveTags(ctx.pleo, target.credentials.write.credential, companyId, tagIds, archived),
      );
      invalidate(ctx, TAG_LOADERS);
      const groups = await read(companyId, () =>
        listTagGroups(ctx.pleo, target.credentials.read.credential, companyId, { includeArchived: true }),
      );
      return { tags: ownTags(companyId, groups, tags, "tag archive") };
    }),
  }),
);
