/** Wire shapes of Pleo's Companies API. Optional vs nullable fields: see money.ts. */

/** `ExternalCompanyResponseModel`. */
export interface CompanyModel {
  id: string;
  name: string;
  address: {
    addressLine1?: string;
    addressLine2?: string;
    country?: string;
    locality?: string;
    postalCode?: string;
    region?: string;
  };
  organizationId?: string;
  registrationNumber?: string;
}
