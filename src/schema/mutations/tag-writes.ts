import type { GatewayContext } from "../../context/context.ts";
import { allTagGroups, tagGroupById } from "../../loaders/tag-groups.ts";
import { tagById, tagPages } from "../../loaders/tags.ts";
import { createTagGroup, listTagGroups, updateTagGroup } from "../../pleo/apis/tag-groups.ts";
import { archiveTags, createTag, ownTags, searchTags, updateTag } from "../../pleo/apis/tags.ts";
import type { PleoCredential } from "../../pleo/credential.ts";
import type {
  OwnedTag,
  TagGroup as TagGroupModel,
  TagGroupWrite,
  Tag as TagModel,
  TagWrite,
} from "../../pleo/models/tag.ts";
import { Scope } from "../../pleo/scopes.ts";
import { Tag, TagGroup } from "../types/tag-group.ts";
import { type Conflict, existingAs, type MutationFailure } from "./failures.ts";
import { compact, patched } from "./patch.ts";
import { bestEffort, writeThrough } from "./upstream-calls.ts";

/*
 * Every tag group and tag write (Tag groups API v0, Tags API v0): the requests and their patch semantics,
 * how to check an unknown outcome, and a clash on a code (a group's is unique in its company, a tag's in
 * its group) as a Conflict carrying the existing group or tag.
 */

const TAG_LOADERS = [allTagGroups, tagGroupById, tagPages, tagById];

/** A tag group's fields as a caller gives them (a field left out keeps its value on update). */
export interface TagGroupFields {
  readonly code?: string | null;
  readonly name?: string | null;
  readonly archived?: boolean | null;
  readonly metadata?: Record<string, unknown> | null;
}

/** A tag's fields as a caller gives them (a field left out keeps its value on update). */
export interface TagFields {
  readonly code?: string | null;
  readonly name?: string | null;
  readonly archived?: boolean | null;
}

/** Metadata as Pleo takes it: a map of strings (the input schema checks the values). */
const stringMap = (metadata: Record<string, unknown> | null | undefined) =>
  (metadata ?? {}) as Record<string, string>;

export function tagGroupCreateRequest(
  fields: TagGroupFields & { readonly code: string; readonly name: string },
): TagGroupWrite {
  return {
    code: fields.code,
    name: fields.name,
    archived: fields.archived ?? false,
    metadata: stringMap(fields.metadata),
  };
}

/** Pleo's PUT replaces the group: `fields` over `current`. */
export function tagGroupUpdateRequest(current: TagGroupModel, fields: TagGroupFields): TagGroupWrite {
  return {
    code: fields.code ?? current.code,
    name: fields.name ?? current.name,
    archived: fields.archived ?? current.archived,
    metadata: stringMap(patched(fields.metadata, current.metadata)),
  };
}

export function tagCreateRequest(fields: TagFields & { readonly code: string }): TagWrite {
  return { code: fields.code, archived: fields.archived ?? false, ...compact({ name: fields.name }) };
}

/** Pleo's PUT replaces the tag: `fields` over `current`. */
export function tagUpdateRequest(current: TagModel, fields: TagFields): TagWrite {
  return {
    code: fields.code ?? current.code,
    archived: fields.archived ?? current.archived,
    ...compact({ name: patched(fields.name, current.name) }),
  };
}

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

export async function sendTagGroupCreate(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  request: TagGroupWrite,
): Promise<TagGroupModel> {
  return writeThrough(
    ctx,
    TAG_LOADERS,
    {
      companyId,
      operation: "tag group create",
      check:
        "List the company's tag groups (Company.tagGroups(includeArchived: true)) for the code you sent.",
      onConflict: (conflict) => groupConflict(ctx, companyId, request.code, null, conflict),
    },
    () => createTagGroup(ctx.pleo, credential, companyId, request),
  );
}

export async function sendTagGroupUpdate(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  groupId: string,
  request: TagGroupWrite,
  operation: string,
): Promise<TagGroupModel> {
  return writeThrough(
    ctx,
    TAG_LOADERS,
    {
      companyId,
      operation,
      check: "Read the tag group (node(id:) or Company.tagGroup(id:)) to see whether the change was applied.",
      onConflict: (conflict) => groupConflict(ctx, companyId, request.code, groupId, conflict),
    },
    () => updateTagGroup(ctx.pleo, credential, companyId, groupId, request),
  );
}

/** Creates a tag in `group`, a group already read and checked to be the company's. */
export async function sendTagCreate(
  ctx: GatewayContext,
  credential: PleoCredential,
  group: TagGroupModel,
  request: TagWrite,
): Promise<OwnedTag> {
  return writeThrough(
    ctx,
    TAG_LOADERS,
    {
      companyId: group.companyId.toLowerCase(),
      operation: "tag create",
      check: "Look through the group's tags (TagGroup.tags(includeArchived: true)) for the code you sent.",
      onConflict: (conflict) => tagConflict(ctx, group, request.code, null, conflict),
    },
    () => createTag(ctx.pleo, credential, group, request),
  );
}

/** Replaces a tag of `group`, a group already read and checked to be the company's. */
export async function sendTagUpdate(
  ctx: GatewayContext,
  credential: PleoCredential,
  group: TagGroupModel,
  tagId: string,
  request: TagWrite,
): Promise<OwnedTag> {
  return writeThrough(
    ctx,
    TAG_LOADERS,
    {
      companyId: group.companyId.toLowerCase(),
      operation: "tag update",
      check: "Read the tag (node(id:) or Company.tag(id:)) to see whether the change was applied.",
      onConflict: (conflict) => tagConflict(ctx, group, request.code, tagId, conflict),
    },
    () => updateTag(ctx.pleo, credential, group, tagId, request),
  );
}

/** Archives (or restores) tags of one company; Pleo's answer names only their groups. */
export async function sendTagsArchive(
  ctx: GatewayContext,
  credential: PleoCredential,
  companyId: string,
  tagIds: readonly string[],
  archived: boolean,
): Promise<readonly TagModel[]> {
  return writeThrough(
    ctx,
    TAG_LOADERS,
    {
      companyId,
      operation: "tag archive",
      check: "Read the tags' archived flags; archiving again is harmless.",
    },
    () => archiveTags(ctx.pleo, credential, companyId, tagIds, archived),
  );
}
