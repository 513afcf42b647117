import { z } from "zod";
import { getTagGroup, listTagGroups } from "../../pleo/apis/tag-groups.ts";
import { getTag, ownTags } from "../../pleo/apis/tags.ts";
import type { OwnedTag, TagGroup as TagGroupModel, Tag as TagModel } from "../../pleo/models/tag.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { Tag, TagGroup } from "../types/tag-group.ts";
import { listOf, text } from "./inputs.ts";
import { archiving, createInCompany, type PatchSpec, patchObject } from "./object-writes.ts";
import { idOf, prepare, zodIssues } from "./prepare.ts";
import { defineMutation, payloadOf } from "./results.ts";
import {
  sendTagCreate,
  sendTagGroupCreate,
  sendTagGroupUpdate,
  sendTagsArchive,
  sendTagUpdate,
  type TagFields,
  type TagGroupFields,
  tagCreateRequest,
  tagGroupCreateRequest,
  tagGroupUpdateRequest,
  tagUpdateRequest,
} from "./tag-writes.ts";
import { read } from "./upstream-calls.ts";

/*
 * Tag groups (Tag groups API v0) and tags (Tags API v0): create, update (patch semantics over Pleo's PUT),
 * archive. Codes are the accounting system's identifiers: a group's is unique in its company, a tag's in
 * its group; a clash is a Conflict carrying the existing group or tag. Pleo's tags name their group, not
 * their company, so every tag write first reads the group and checks it belongs to the company.
 */

const TagGroupPayload = payloadOf("TagGroupPayload", "tagGroup", TagGroup);
const TagPayload = payloadOf("TagPayload", "tag", Tag);

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

const tagGroupPatch: PatchSpec<TagGroupModel, TagGroupFields, TagGroupModel> = {
  typename: "TagGroup",
  scopes: { write: Scope.tagGroupsWrite, read: Scope.tagGroupsRead },
  schema: groupSchema,
  get: (ctx, credential, companyId, id) => getTagGroup(ctx.pleo, credential, companyId, id),
  send: (ctx, credential, { companyId, id, operation }, current, changes) =>
    sendTagGroupUpdate(ctx, credential, companyId, id, tagGroupUpdateRequest(current, changes), operation),
};

const tagPatch: PatchSpec<{ tag: TagModel; group: TagGroupModel }, TagFields, OwnedTag> = {
  typename: "Tag",
  scopes: { write: Scope.tagGroupsWrite, read: Scope.tagGroupsRead },
  schema: tagSchema,
  get: async (ctx, credential, companyId, id) => {
    const tag = await getTag(ctx.pleo, credential, companyId, id);
    // The tag names only its group: the group must be this company's.
    const group = await getTagGroup(ctx.pleo, credential, companyId, tag.groupId);
    return { tag, group };
  },
  send: (ctx, credential, { id }, current, changes) =>
    sendTagUpdate(ctx, credential, current.group, id, tagUpdateRequest(current.tag, changes)),
};

defineMutation("createTagGroup", {
  description: `Creates a tag group (\`POST /v0/tag-groups\`, needs \`${Scope.tagGroupsWrite}\`).`,
  input: CreateTagGroupInput,
  payload: TagGroupPayload,
  resolve: async (input, ctx) => ({
    tagGroup: await createInCompany(
      ctx,
      input,
      { scope: Scope.tagGroupsWrite, schema: groupSchema.required({ code: true, name: true }) },
      (credential, companyId) => sendTagGroupCreate(ctx, credential, companyId, tagGroupCreateRequest(input)),
    ),
  }),
});

defineMutation("updateTagGroup", {
  description: `Changes a tag group (reads it, then \`PUT /v0/tag-groups/{id}\`; needs \`${Scope.tagGroupsWrite}\` and \`${Scope.tagGroupsRead}\`).`,
  input: UpdateTagGroupInput,
  payload: TagGroupPayload,
  resolve: async (input, ctx) => ({
    tagGroup: await patchObject(ctx, tagGroupPatch, input, "tag group update"),
  }),
});

defineMutation("archiveTagGroup", {
  description: `Archives (or, with archived: false, restores) a tag group: an update with \`archived\`. Needs \`${Scope.tagGroupsWrite}\` and \`${Scope.tagGroupsRead}\`.`,
  input: ArchiveTagGroupInput,
  payload: TagGroupPayload,
  resolve: async (input, ctx) => ({
    tagGroup: await patchObject(ctx, tagGroupPatch, archiving(input), "tag group archive"),
  }),
});

defineMutation("createTag", {
  description: `Creates a tag in a tag group (\`POST /v0/tag-groups/{id}/tags\`; needs \`${Scope.tagGroupsWrite}\` and \`${Scope.tagGroupsRead}\`, as the group is read first to prove it is the company's).`,
  input: CreateTagInput,
  payload: TagPayload,
  resolve: async (input, ctx) => {
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
    return {
      tag: await sendTagCreate(ctx, target.credentials.write.credential, group, tagCreateRequest(input)),
    };
  },
});

defineMutation("updateTag", {
  description: `Changes a tag (reads it and its group, then \`PUT /v0/tags/{id}\`; needs \`${Scope.tagGroupsWrite}\` and \`${Scope.tagGroupsRead}\`).`,
  input: UpdateTagInput,
  payload: TagPayload,
  resolve: async (input, ctx) => ({ tag: await patchObject(ctx, tagPatch, input, "tag update") }),
});

defineMutation("archiveTags", {
  description: `Archives (or, with archived: false, restores) 1 to 100 tags of one company in one call (\`POST /v0/tags/archive\`; needs \`${Scope.tagGroupsWrite}\` and \`${Scope.tagGroupsRead}\`, to check the returned tags' groups).`,
  input: ArchiveTagsInput,
  payload: ArchiveTagsPayload,
  resolve: async (input, ctx) => {
    const target = await prepare(ctx, {
      companyId: input.companyId,
      ids: input.tagIds.map((value, i) => ({ path: `input.tagIds.${i}`, typename: "Tag", value })),
      scopes: { write: Scope.tagGroupsWrite, read: Scope.tagGroupsRead },
      validate: () => zodIssues(z.object({ tagIds: listOf(z.string(), 1, 100) }), input, "input"),
    });
    const { companyId } = target;
    const tagIds = [...new Set(input.tagIds.map((_, i) => idOf(target, `input.tagIds.${i}`)))];
    const tags = await sendTagsArchive(
      ctx,
      target.credentials.write.credential,
      companyId,
      tagIds,
      input.archived ?? true,
    );
    const groups = await read(companyId, () =>
      listTagGroups(ctx.pleo, target.credentials.read.credential, companyId, { includeArchived: true }),
    );
    return { tags: ownTags(companyId, groups, tags, "tag archive") };
  },
});
