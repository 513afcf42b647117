import { listTagGroups } from "../pleo/apis/tag-groups.ts";
import { listBackedByIdLoader } from "./by-id.ts";
import { companyListLoader, perRequest } from "./kit.ts";
import { defineLoader } from "./registry.ts";

/**
 * Every tag group of a company, archived included (Pleo's list is unpaged), fetched at most once per
 * request, company and credential. The instance is shared by `allTagGroups`, `tagGroupById` and the tag
 * loaders (which check tag ownership against it).
 */
export const companyTagGroups = perRequest(
  companyListLoader((deps, key) =>
    listTagGroups(deps.pleo, key.bound.credential, key.companyId, { includeArchived: true }),
  ),
);

/** The company's tag groups (archived included): one `GET /v0/tag-groups` per company per request. */
export const allTagGroups = defineLoader("allTagGroups", companyTagGroups);

/** Tag groups by id, answered from the company's one tag-group list call (ids it lacks are NOT_FOUND). */
export const tagGroupById = defineLoader(
  "tagGroupById",
  listBackedByIdLoader("tag group", async (deps, scope) => ({
    items: await companyTagGroups(deps).load(scope),
    complete: true,
  })),
);
