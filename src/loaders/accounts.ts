import { searchAccounts } from "../pleo/apis/accounts.ts";
import type { Account, AccountSearch } from "../pleo/models/account.ts";
import { companyObjectLoader, companyPageLoader, PLEO_MAX_PAGE_SIZE } from "./kit.ts";
import { defineLoader } from "./registry.ts";

export const accountPages = defineLoader(
  "accountPages",
  companyPageLoader<AccountSearch, Account>((deps, key) =>
    searchAccounts(deps.pleo, key.bound.credential, key.companyId, key.filter, key.page),
  ),
);

/** Accounts by id, batched into chart-of-accounts searches filtered by `ids`. */
export const accountById = defineLoader(
  "accountById",
  companyObjectLoader<Account>("account", async (deps, companyId, bound, ids) => {
    const page = await searchAccounts(
      deps.pleo,
      bound.credential,
      companyId,
      { ids },
      { limit: PLEO_MAX_PAGE_SIZE },
    );
    return page.items;
  }),
);
