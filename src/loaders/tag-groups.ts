import DataLoader from "dataloader";
import { listTagGroups } from "../pleo/apis/tag-groups.ts";
import type { TagGroup } from "../pleo/models/tag.ts";
import { type CompanyListKey, companyObjectLoader } from "./kit.ts";
import { defineLoader, type LoaderDeps } from "./registry.ts";

const perRequest = new WeakMap<LoaderDeps, DataLoader<CompanyListKey, readonly TagGroup[], string>>();

/**
 * Every tag group of a company, archived included (Pleo's list is unpaged), fetched at most once per
 * request, company and credential. The instance is shared by `allTagGroups`, `tagGroupById` and the tag
 * loaders (which check tag ownership against it), keyed by the request's loader deps so it lives exactly
 * as long as the request's LoaderRegistry.
 */
export function companyTagGroups(deps: LoaderDeps): DataLoader<CompanyListKey, readonly TagGroup[], string> {
  let loader = perRequest.get(deps);
  if (!loader) {
    loader = new DataLoader<CompanyListKey, readonly TagGroup[], string>(
      async (keys) =>
        Promise.all(
          keys.map((key) =>
            listTagGroups(deps.pleo, key.bound.credential, key.companyId, { includeArchived: true }).catch(
              (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
            ),
          ),
        ),
      { cacheKeyFn: (key) => `${key.companyId}|${key.bound.credential.id}` },
    );
    perRequest.set(deps, loader);
  }
  return loader;
}

/** The company's tag groups (archived included): one `GET /v0/tag-groups` per company per request. */
export const allTagGroups = defineLoader("allTagGroups", companyTagGroups);

/** Tag groups by id, answered from the company's one tag-group list call (ids it lacks are NOT_FOUND). */
export const tagGroupById = defineLoader(
  "tagGroupById",
  companyObjectLoader<TagGroup>("tag group", async (deps, companyId, bound, ids) => {
    const groups = await companyTagGroups(deps).load({ companyId, bound });
    const wanted = new Set(ids);
    return groups.filter((g) => wanted.has(g.id.toLowerCase()));
  }),
);
