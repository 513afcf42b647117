import { beforeAll, beforeEach, expect } from "vitest";
import { COMPANIES } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import type { Connection } from "../support/connection.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * What the tag-group and tag tests share: the group and group-tags queries, and a harness that knows NL's
 * seeded tag groups (read once through the gateway) and resets the simulator before each test.
 */

const NL = COMPANIES.nl.id;

export interface TagNode {
  id: string;
  tagId: string;
  code: string;
  name: string | null;
  archived: boolean;
  group: { code: string } | null;
}
export type TagConnection = Connection<TagNode>;
interface GroupNode {
  id: string;
  tagGroupId: string;
  code: string;
  name: string;
  archived: boolean;
  totalTagsCount: number | null;
  metadata: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

export const GROUPS = typedDocument<
  { company: { tagGroups: GroupNode[] } },
  { id: string; archived?: boolean }
>(`
  query Groups($id: ID!, $archived: Boolean) {
    company(id: $id) {
      tagGroups(includeArchived: $archived) {
        id tagGroupId code name archived totalTagsCount metadata createdAt updatedAt
      }
    }
  }
`);

export interface GroupTagsArgs {
  group: string;
  company?: string;
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
  archived?: boolean;
  search?: string;
}

const GROUP_TAGS = typedDocument<
  { company: { tagGroup: { code: string; tags: TagConnection | null } | null } },
  GroupTagsArgs
>(`
  query GroupTags($company: ID!, $group: ID!, $first: Int, $after: String, $last: Int, $before: String,
                  $archived: Boolean, $search: String) {
    company(id: $company) {
      tagGroup(id: $group) {
        code
        tags(first: $first, after: $after, last: $last, before: $before, includeArchived: $archived, search: $search) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { id tagId code name archived group { code } } }
        }
      }
    }
  }
`);

/** `/v0/...` requests: everything the tag resources send to Pleo. */
export const isTagCall = (path: string) => path.startsWith("/v0/tag");

/** One harness for the enclosing `describe`, with NL's tag groups read before its tests. */
export function useTagGroups() {
  const h = useHarness();
  const execute = executor(h);
  let nlGroups: GroupNode[] = [];
  const groupByCode = (code: string) => {
    const group = nlGroups.find((g) => g.code === code);
    if (!group) throw new Error(`no NL tag group ${code}`);
    return group;
  };

  const groupTags = (variables: GroupTagsArgs, headers: Record<string, string> = NL_KEY) =>
    execute(GROUP_TAGS, { company: NL, ...variables }, { headers });
  const tagsOf = (response: Awaited<ReturnType<typeof groupTags>>): TagConnection => {
    const tags = response.expectData().company.tagGroup?.tags;
    if (!tags) throw new Error(`tags missing from a data answer\n${response.describe()}`);
    return tags;
  };

  beforeAll(async () => {
    const response = await execute(GROUPS, { id: NL, archived: true }, { headers: NL_KEY });
    nlGroups = response.data?.company.tagGroups ?? [];
    expect(nlGroups.map((g) => g.code).sort()).toEqual(["AFD", "KPL", "PRJ"]);
  });
  beforeEach(() => h.resetSim());

  return { h, execute, groupByCode, groupTags, tagsOf };
}
