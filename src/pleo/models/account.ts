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
