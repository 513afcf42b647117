import { z } from "zod";
import { uuid } from "./common.ts";

/** `BookkeepingAccountRestModelV1`: one entry of a company's chart of accounts. */
export const account = z.object({
  id: uuid,
  companyId: uuid,
  externalId: z.string(),
  name: z.string(),
  archived: z.boolean(),
  code: z.string().nullish(),
  taxCodeExternalId: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type Account = z.infer<typeof account>;

/** The optional part of `BookkeepingAccountSearchRequestV1` (companyId and the exclusions are added). */
export interface AccountSearch {
  readonly ids?: readonly string[];
  readonly codes?: readonly string[];
  readonly externalId?: string;
  readonly name?: string;
  readonly archived?: boolean;
}

/** The mutable fields of an account (`BookkeepingAccountUpdateRequestV1`; PUT replaces all of them). */
export interface AccountWrite {
  readonly name: string;
  readonly archived: boolean;
  readonly code?: string | null;
  readonly taxCodeExternalId?: string | null;
  readonly metadata?: Record<string, unknown> | null;
}

/** `BookkeepingAccountCreateRequestV1` (and, without `companyId`, a batch item). */
export interface AccountCreate extends AccountWrite {
  readonly companyId: string;
  readonly externalId: string;
}

/**
 * `BookkeepingAccountBatchCreateResponseV1`. Failure reasons are read as strings (Pleo may add reasons;
 * the schema maps unknown ones to OTHER) and each failed item echoes its request, of which only the
 * external id is relied on.
 */
export const accountBatchResult = z.object({
  created: z.array(account),
  failed: z.array(
    z.object({
      reasons: z.array(z.string()),
      request: z.looseObject({ externalId: z.string() }),
    }),
  ),
});
export type AccountBatchResult = z.infer<typeof accountBatchResult>;
