/** Wire shapes of Pleo's Vendors API. Optional vs nullable fields: see money.ts. */

export type VendorState = "DRAFT" | "ACTIVE" | "ARCHIVED";

/** `VendorResponse`. */
export interface VendorModel {
  id: string;
  companyId: string;
  name: string;
  defaultCurrency: string;
  state: VendorState;
  code?: string;
  externalId?: string;
  country?: string;
  registrationNumber?: string;
  taxRegistrationNumber?: string;
  accountingSystem?: string;
  createdAt?: string;
  updatedAt?: string;
}
