import { z } from "zod";
import { uuid } from "./common.ts";

/** `ExternalEmployeeResponseModel`. `code` is the employee's external (HR) id. No role field exists. */
export const employee = z.object({
  id: uuid,
  companyId: uuid,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  code: z.string().nullish(),
  jobTitle: z.string().nullish(),
  phone: z.string().nullish(),
});
export type Employee = z.infer<typeof employee>;

/** The filters of `GET /v2/employees` (exact matches; Pleo has no multi-value or id filter). */
export interface EmployeeSearch {
  readonly email?: string;
  readonly code?: string;
}
