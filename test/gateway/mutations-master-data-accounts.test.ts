import { describe, expect, it } from "vitest";
import { CREDENTIALS } from "../../src/simulator/seed/identities.ts";
import { apiKeys, NL_KEY } from "../support/auth-headers.ts";
import { ownedGlobalId } from "../support/ids.ts";
import { NL, nl, useMasterDataMutations } from "./master-data-mutations.ts";
import type { Json } from "./run-mutation.ts";

/**
 * Chart-of-accounts mutations through the gateway, against the simulator: each mutation's success (and
 * that reads see it), and each typed error it can produce.
 */
describe("master-data mutations", () => {
  const { h, mutate, writes } = useMasterDataMutations();
  describe("chart of accounts", () => {
    const ACCOUNT =
      "... on AccountPayload { account { id accountId externalId name code archived taxCodeExternalId metadata } }";

    it("creates an account; a read in the same request's company sees it", async () => {
      const created = await mutate("createAccount", "CreateAccountInput", ACCOUNT, {
        companyId: NL,
        externalId: "ERP-8100",
        name: "Software subscriptions",
        code: "8100",
        metadata: { erp: { ledger: "main" } },
      });
      expect(created.__typename).toBe("AccountPayload");
      expect(created.account).toMatchObject({ externalId: "ERP-8100", code: "8100", archived: false });
      const read = await h.gql<Json>(
        `query($id: ID!) { company(id: $id) { accounts(filter: { externalId: "ERP-8100" }) { edges { node { id name } } } } }`,
        { headers: NL_KEY, variables: { id: NL } },
      );
      expect(read.body.data.company.accounts.edges).toEqual([
        { node: { id: created.account.id, name: "Software subscriptions" } },
      ]);
    });

    it("returns the existing account for an identical create, and a Conflict carrying it otherwise", async () => {
      const existing = nl.accounts.find((a) => a.code && !a.metadata) as (typeof nl.accounts)[number];
      const same = {
        companyId: NL,
        externalId: existing.externalId,
        name: existing.name,
        code: existing.code,
        taxCodeExternalId: existing.taxCodeExternalId,
        archived: existing.archived,
      };
      const matched = await mutate("createAccount", "CreateAccountInput", ACCOUNT, same);
      expect(matched.account.accountId).toBe(existing.id);
      const clash = await mutate("createAccount", "CreateAccountInput", ACCOUNT, { ...same, name: "Other" });
      expect(clash).toMatchObject({
        __typename: "Conflict",
        code: "CONFLICT",
        companyId: NL,
        existing: { __typename: "Account", accountId: existing.id, accountExternalId: existing.externalId },
      });
    });

    it("batch-creates accounts and reports Pleo's per-item failures by position", async () => {
      const existing = nl.accounts[0]?.externalId;
      const result = await mutate(
        "createAccounts",
        "CreateAccountsInput",
        "... on CreateAccountsPayload { createdCount failedCount created { externalId } failed { index externalId reasons } }",
        {
          companyId: NL,
          accounts: [
            { externalId: "B-1", name: "One" },
            { externalId: existing, name: "Exists" },
            { externalId: "B-2", name: "Two", taxCodeExternalId: "NO-SUCH-CODE" },
            { externalId: "B-3", name: "Three", archived: true },
          ],
        },
      );
      expect(result).toMatchObject({ createdCount: 2, failedCount: 2 });
      expect(result.created.map((a: Json) => a.externalId)).toEqual(["B-1", "B-3"]);
      expect(result.failed).toEqual([
        { index: 1, externalId: existing, reasons: ["EXTERNAL_ID_ALREADY_EXISTS"] },
        { index: 2, externalId: "B-2", reasons: ["OTHER"] },
      ]);
      expect(await writes("/v1/chart-of-accounts")).toHaveLength(1);
    });

    it("refuses an invalid batch with every problem at once, sending nothing", async () => {
      const result = await mutate("createAccounts", "CreateAccountsInput", "", {
        companyId: NL,
        accounts: [
          { externalId: "X", name: "a".repeat(256) },
          { externalId: " ", name: "b", code: "c".repeat(256) },
          { externalId: "X", name: "dup", metadata: { notAnObject: 3 } },
        ],
      });
      expect(result.__typename).toBe("ValidationFailed");
      expect(result.issues.map((i: Json) => i.path).sort()).toEqual([
        "input.accounts.0.name",
        "input.accounts.1.code",
        "input.accounts.1.externalId",
        "input.accounts.2.externalId",
        "input.accounts.2.metadata.notAnObject",
      ]);
      expect(await writes("/v1/chart-of-accounts")).toEqual([]);
      const empty = await mutate("createAccounts", "CreateAccountsInput", "", {
        companyId: NL,
        accounts: [],
      });
      expect(empty.issues).toEqual([
        { path: "input.accounts", message: "at least one entry is required", code: "VALIDATION_FAILED" },
      ]);
    });

    it("updates with patch semantics, archives and restores an account", async () => {
      const account = nl.accounts.find((a) => a.code && a.taxCodeExternalId) as (typeof nl.accounts)[number];
      const id = ownedGlobalId("Account", NL, account.id);
      const updated = await mutate("updateAccount", "UpdateAccountInput", ACCOUNT, { id, name: "Renamed" });
      expect(updated.account).toMatchObject({
        name: "Renamed",
        code: account.code,
        taxCodeExternalId: account.taxCodeExternalId,
      });
      const cleared = await mutate("updateAccount", "UpdateAccountInput", ACCOUNT, {
        id,
        taxCodeExternalId: null,
      });
      expect(cleared.account).toMatchObject({ name: "Renamed", taxCodeExternalId: null });
      const archived = await mutate("archiveAccount", "ArchiveAccountInput", ACCOUNT, { id });
      expect(archived.account.archived).toBe(true);
      const restored = await mutate("archiveAccount", "ArchiveAccountInput", ACCOUNT, {
        id,
        archived: false,
      });
      expect(restored.account.archived).toBe(false);
      const bad = await mutate("updateAccount", "UpdateAccountInput", ACCOUNT, {
        id,
        taxCodeExternalId: "NOPE",
      });
      expect(bad).toMatchObject({
        __typename: "UpstreamRejected",
        upstreamStatus: 400,
        upstreamType: "VALIDATION_FAILED",
      });
    });

    it("deletes an unused account; one that entries use is AccountInUse, pointing at archiveAccount", async () => {
      const created = await mutate("createAccount", "CreateAccountInput", ACCOUNT, {
        companyId: NL,
        externalId: "TMP-1",
        name: "Temporary",
      });
      const deleted = await mutate(
        "deleteAccount",
        "DeleteAccountInput",
        "... on DeleteAccountPayload { deletedAccountId }",
        { id: created.account.id },
      );
      expect(deleted.deletedAccountId).toBe(created.account.accountId);
      const again = await mutate("deleteAccount", "DeleteAccountInput", "", { id: created.account.id });
      expect(again).toMatchObject({ __typename: "NotFound", code: "NOT_FOUND" });

      const used = nl.accounts.find((a) => nl.accountingEntries.some((e) => e.accountId === a.id));
      const refused = await mutate(
        "deleteAccount",
        "DeleteAccountInput",
        "... on AccountInUse { accountId suggestedMutation }",
        { id: used?.id, companyId: NL },
      );
      expect(refused).toMatchObject({
        __typename: "AccountInUse",
        code: "ACCOUNT_IN_USE",
        accountId: used?.id,
        suggestedMutation: "archiveAccount",
      });
      expect(refused.message).toMatch(/archiveAccount/);
    });

    it("needs accounts:write: MISSING_SCOPE, and nothing is sent", async () => {
      const result = await mutate(
        "createAccount",
        "CreateAccountInput",
        "",
        { companyId: NL, externalId: "X", name: "X" },
        apiKeys(CREDENTIALS.nlReadOnlyAccounts),
      );
      expect(result).toMatchObject({
        __typename: "AccessDenied",
        code: "MISSING_SCOPE",
        scope: "accounts:write",
      });
      expect(await writes("/v1/chart-of-accounts")).toEqual([]);
    });
  });
});
