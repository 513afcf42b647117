import { searchAccounts } from "../pleo/apis/accounts.ts";
import { pleoSearchByIdLoader } from "./by-id.ts";
import { pleoPageLoader } from "./kit.ts";
import { defineLoader } from "./registry.ts";

export const accountPages = defineLoader("accountPages", pleoPageLoader(searchAccounts));

/** Accounts by id, batched into chart-of-accounts searches filtered by `ids`. */
export const accountById = defineLoader(
  "accountById",
  pleoSearchByIdLoader("account", searchAccounts, (ids) => ({ ids })),
);
