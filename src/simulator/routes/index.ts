import type { RouteDefinition } from "../router.ts";
import { accountingEntryRoutes } from "./accounting-entries.ts";
import { accountRoutes } from "./accounts.ts";
import { companyRoutes } from "./companies.ts";
import { employeeRoutes } from "./employees.ts";
import { exportItemRoutes } from "./export-items.ts";
import { exportJobRoutes } from "./export-jobs.ts";
import { type InstallationRouteDeps, installationRoutes } from "./installations.ts";
import { introspectRoutes } from "./introspect.ts";
import { tagGroupRoutes } from "./tag-groups.ts";
import { tagRoutes } from "./tags.ts";
import { taxCodeRoutes } from "./tax-codes.ts";
import { vendorRoutes } from "./vendors.ts";

/**
 * Every API endpoint the simulator serves, one module per Pleo API. Installations live with the
 * authorisation server's state, so that module is built around it.
 */
export const simulatorRoutes = (oauth: InstallationRouteDeps): readonly RouteDefinition[] => [
  ...introspectRoutes,
  ...installationRoutes(oauth),
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
