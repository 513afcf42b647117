import type { RouteDefinition } from "../router.ts";
import { accountingEntryRoutes } from "./accounting-entries.ts";
import { accountRoutes } from "./accounts.ts";
import { companyRoutes } from "./companies.ts";
import { employeeRoutes } from "./employees.ts";
import { exportItemRoutes } from "./export-items.ts";
import { exportJobRoutes } from "./export-jobs.ts";
import { introspectRoutes } from "./introspect.ts";
import { tagGroupRoutes } from "./tag-groups.ts";
import { tagRoutes } from "./tags.ts";
import { taxCodeRoutes } from "./tax-codes.ts";
import { vendorRoutes } from "./vendors.ts";

/** Every endpoint the simulator serves, one module per Pleo API. */
export const ALL_ROUTES: readonly RouteDefinition[] = [
  ...introspectRoutes,
  ...companyRoutes,
  ...employeeRoutes,
  ...accountRoutes,
  ...taxCodeRoutes,
  ...tagGroupRoutes,
  ...tagRoutes,
  ...vendorRoutes,
  ...exportJobRoutes,
  ...exportItemRoutes,
  ...accountingEntryRoutes,
];
