/** Wire shapes of Pleo's Tax Codes API. Optional vs nullable fields: see money.ts. */

export type TaxCodeType = "inclusive" | "exclusive" | "reverse";

/** `TaxCodeModel`: `rate` is a fraction (0.21 = 21 %). */
export interface TaxCodeModel {
  id: string;
  companyId: string;
  name: string;
  rate: number;
  type: TaxCodeType;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  code?: string | null;
  ingoingTaxAccount?: string | null;
  outgoingTaxAccount?: string | null;
  accountingIntegrationSystem?: string | null;
}
