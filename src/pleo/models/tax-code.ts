import { z } from "zod";
import { dateTime, uuid } from "./common.ts";

export const taxCodeType = z.enum(["inclusive", "exclusive", "reverse"]);

/** `TaxCodeModel`. `rate` is a decimal fraction: 0.21 is 21 %. */
export const taxCode = z.object({
  id: uuid,
  companyId: uuid,
  name: z.string(),
  rate: z.number(),
  type: taxCodeType,
  archived: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
  code: z.string().nullish(),
  ingoingTaxAccount: z.string().nullish(),
  outgoingTaxAccount: z.string().nullish(),
  accountingIntegrationSystem: z.string().nullish(),
});
export type TaxCode = z.infer<typeof taxCode>;

/** `TaxCodeSearchRequest`. */
export interface TaxCodeSearch {
  readonly taxCodeIds?: readonly string[];
  readonly code?: string;
  readonly type?: z.infer<typeof taxCodeType>;
  readonly archived?: boolean;
}

/** `TaxCodeCreateUpdateModel` (create and PUT alike: a full replacement). */
export interface TaxCodeWrite {
  readonly companyId: string;
  readonly name: string;
  readonly rate: number;
  readonly type: z.infer<typeof taxCodeType>;
  readonly archived: boolean;
  readonly code?: string | null;
  readonly ingoingTaxAccount?: string | null;
  readonly outgoingTaxAccount?: string | null;
}
