import { accountById } from "../../loaders/accounts.ts";
import { tagGroupById } from "../../loaders/tag-groups.ts";
import { tagById } from "../../loaders/tags.ts";
import { taxCodeById } from "../../loaders/tax-codes.ts";
import { UNKNOWN_ID } from "../../pleo/models/accounting-entry.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { ownedReference } from "../company-fields.ts";
import { Account } from "./account.ts";
import { Tag, TagGroup } from "./tag-group.ts";
import { TaxCode } from "./tax-code.ts";

/*
 * What an accounting entry and each of its split items share: the account, tax code and tags they are
 * booked on. Each reference resolves as an object of the entry's company, batched per company, and is
 * gated by the scope of the referenced resource.
 */

/** A line of an entry carries its entry's company, so its references load with that company's credential. */
interface BookedLineModel {
  readonly companyId: string;
  readonly accountId?: string | null;
  readonly taxCodeId?: string | null;
  readonly tags: readonly { readonly tagGroupId: string; readonly tagId?: string | null }[];
}

type EntryTagModel = BookedLineModel["tags"][number] & { readonly companyId: string };

/** An id Pleo actually set (the all-zero UUID means "unknown"). */
function knownId(id: string | null | undefined): string | null {
  return id && id !== UNKNOWN_ID ? id.toLowerCase() : null;
}

const AccountingEntryTag = builder.objectRef<EntryTagModel>("AccountingEntryTag").implement({
  description: "A tag dimension set on an entry: the group, and the tag chosen in it (if any).",
  fields: (t) => ({
    tagGroupId: t.field({ type: "UUID", resolve: (tag) => tag.tagGroupId.toLowerCase() }),
    tagId: t.field({ type: "UUID", nullable: true, resolve: (tag) => tag.tagId?.toLowerCase() ?? null }),
    tagGroup: t.field({
      type: TagGroup,
      nullable: true,
      description: `Batched per company (one tag-group list). Needs \`${Scope.tagGroupsRead}\`.`,
      ...ownedReference(Scope.tagGroupsRead, tagGroupById, (tag: EntryTagModel) => tag.tagGroupId),
    }),
    tag: t.field({
      type: Tag,
      nullable: true,
      description: `Batched per company into one tag search. Needs \`${Scope.tagGroupsRead}\`.`,
      ...ownedReference(Scope.tagGroupsRead, tagById, (tag: EntryTagModel) => tag.tagId),
    }),
  }),
});

export const BookedLine = builder.interfaceRef<BookedLineModel>("BookedLine").implement({
  description:
    "Something booked on an account with a tax code: an accounting entry or one of its split items.",
  resolveType: (line) => ("splitItems" in line ? "AccountingEntry" : "AccountingEntrySplitItem"),
  fields: (t) => ({
    accountId: t.field({ type: "UUID", nullable: true, resolve: (e) => knownId(e.accountId) }),
    account: t.field({
      type: Account,
      nullable: true,
      description: `The account booked on, batched per company. Needs \`${Scope.accountsRead}\`.`,
      ...ownedReference(Scope.accountsRead, accountById, (e: BookedLineModel) => knownId(e.accountId)),
    }),
    taxCodeId: t.field({ type: "UUID", nullable: true, resolve: (e) => knownId(e.taxCodeId) }),
    tags: t.field({
      type: [AccountingEntryTag],
      resolve: (e) => e.tags.map((tag) => ({ ...tag, companyId: e.companyId })),
    }),
    taxCode: t.field({
      type: TaxCode,
      nullable: true,
      description: `The tax code applied, batched per company. Needs \`${Scope.taxCodesRead}\`.`,
      ...ownedReference(Scope.taxCodesRead, taxCodeById, (e: BookedLineModel) => knownId(e.taxCodeId)),
    }),
  }),
});
