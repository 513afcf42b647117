/** Wire shapes of Pleo's Employees API. Optional vs nullable fields: see money.ts. */

/** `ExternalEmployeeResponseModel`. */
export interface EmployeeModel {
  id: string;
  companyId: string;
  email: string;
  firstName: string;
  lastName: string;
  code?: string;
  jobTitle?: string;
  phone?: string;
}
