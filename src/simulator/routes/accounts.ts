import { z } from "zod";
import { assertCompanyAccess, ownedObject } from "../access.ts";
import { parseBody } from "../body.ts";
import { notFound } from "../errors.ts";
import { data, ok } from "../http-types.ts";
import type { AccountModel } from "../models.ts";
import { type PageSpec, paginate, parsePageRequest } from "../pagination.ts";
import { uuidPathParam } from "../query.ts";
import { optionalBoolean, optionalString, uuidSchema } from "../request-schemas.ts";
import { PLAIN_JSON, type RouteDefinition } from "../router.ts";

/** `BookkeepingAccountSearchRequestV1`: companyId is required, the two exclude flags default to false. */
const accountSearch = z.strictObject({
  companyId: uuidSchema,
  excludeIfAssignedToCategory: z.boolean().default(false),
  excludeIfAssignedToContraAccount: z.boolean().default(false),
  archived: optionalBoolean,
  code: optionalString,
  codes: z.array(z.string().nullable()).nullish(),
  externalId: optionalString,
  ids: z.array(uuidSchema.nullable()).nullish(),
  name: optionalString,
});

const accountPages: PageSpec<AccountModel> = {
  keys: {
    code: (a) => a.code ?? null,
    name: (a) => a.name,
    externalId: (a) => a.externalId,
    id: (a) => a.id,
  },
  defaultSort: ["code"],
  id: (a) => a.id,
};

/** Chart of accounts (Accounts API v1). This API alone answers with plain `application/json`. */
export const accountRoutes: RouteDefinition[] = [
  {
    method: "POST",
    path: "/v1/chart-of-accounts:search",
    scope: "accounts:read",
    contentType: PLAIN_JSON,
    handle: (ctx) => {
      const search = parseBody(ctx, accountSearch, { required: true });
      assertCompanyAccess(ctx, search.companyId);
      const page = parsePageRequest(ctx.request.query, accountPages);
      const { store } = ctx;
      const contraId = store.contraAccounts.get(search.companyId);
      const ids = search.ids?.filter((id): id is string => id !== null);
      const codes = [...(search.codes ?? []), search.code].filter(
        (code): code is string => typeof code === "string",
      );
      const name = search.name?.toLowerCase();
      const accounts = store.accounts
        .forCompany(search.companyId)
        .filter(
          (account) =>
            (ids === undefined || ids.includes(account.id)) &&
            (codes.length === 0 || (account.code != null && codes.includes(account.code))) &&
            (search.externalId == null || account.externalId === search.externalId) &&
            (name === undefined || account.name.toLowerCase().includes(name)) &&
            (search.archived == null || account.archived === search.archived) &&
            !(search.excludeIfAssignedToContraAccount && account.id === contraId) &&
            !(search.excludeIfAssignedToCategory && store.categoryAccountIds.has(account.id)),
        );
      return ok(paginate(accounts, page, accountPages));
    },
  },
  {
    method: "GET",
    path: "/v1/chart-of-accounts/{accountId}",
    scope: "accounts:read",
    contentType: PLAIN_JSON,
    pathOwner: (store, params) => store.accounts.companyOf(params.accountId?.toLowerCase() ?? ""),
    handle: (ctx) => {
      const id = uuidPathParam(ctx.params, "accountId");
      return data(ownedObject(ctx, ctx.store.accounts, id, () => notFound(`Account ${id} not found.`)));
    },
  },
];
