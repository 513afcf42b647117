import { z } from "zod";
import { dateTime, uuid } from "./common.ts";

export const vendorState = z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]);

/** `VendorResponse`. */
export const vendor = z.object({
  id: uuid,
  companyId: uuid,
  name: z.string(),
  defaultCurrency: z.string(),
  state: vendorState,
  code: z.string().nullish(),
  externalId: z.string().nullish(),
  country: z.string().nullish(),
  registrationNumber: z.string().nullish(),
  taxRegistrationNumber: z.string().nullish(),
  accountingSystem: z.string().nullish(),
  createdAt: dateTime.nullish(),
  updatedAt: dateTime.nullish(),
});
export type Vendor = z.infer<typeof vendor>;

/** `VendorSearchRequestV1`: every list is capped at 100 entries by Pleo. */
export interface VendorSearch {
  readonly ids?: readonly string[];
  readonly codes?: readonly string[];
  readonly externalIds?: readonly string[];
  readonly countries?: readonly string[];
  readonly states?: readonly z.infer<typeof vendorState>[];
  readonly name?: string;
  readonly taxRegistrationNumbers?: readonly string[];
  readonly accountingSystems?: readonly string[];
}

/** `VendorCreateRequest`. Optional fields are not nullable in the spec: absent means "not set". */
export interface VendorCreate {
  readonly companyId: string;
  readonly name: string;
  readonly defaultCurrency: string;
  readonly code?: string;
  readonly externalId?: string;
  readonly country?: string;
  readonly registrationNumber?: string;
  readonly taxRegistrationNumber?: string;
}

/** `VendorUpdateRequest`: a full replacement, with `externalId` and `state` required. */
export interface VendorUpdate extends VendorCreate {
  readonly externalId: string;
  readonly state: z.infer<typeof vendorState>;
}
