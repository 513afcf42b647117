import { z } from "zod";
import { uuid } from "./common.ts";

/** `ExternalCompanyResponseModel`: the discovery view of a legal entity. */
export const company = z.object({
  id: uuid,
  name: z.string(),
  address: z.object({
    addressLine1: z.string().nullish(),
    addressLine2: z.string().nullish(),
    country: z.string().nullish(),
    locality: z.string().nullish(),
    postalCode: z.string().nullish(),
    region: z.string().nullish(),
  }),
  organizationId: uuid.nullish(),
  registrationNumber: z.string().nullish(),
});
export type Company = z.infer<typeof company>;
