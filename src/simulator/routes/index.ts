import type { RouteDefinition } from "../router.ts";
import type { WebhookEventSink } from "../subscriptions/events.ts";
import { subscriptionRoutes } from "../subscriptions/subscription-routes.ts";
import type { SubscriptionStore } from "../subscriptions/subscription-store.ts";
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

/** The state the stateful route modules are built around, besides the store every handler gets. */
export interface SimulatorRouteDeps {
  /** The authorisation server's installations and grants. */
  readonly oauth: InstallationRouteDeps;
  readonly subscriptions: SubscriptionStore;
  /** Where creating routes announce what they created, for webhook delivery. */
  readonly events: WebhookEventSink;
}

/** Every API endpoint the simulator serves, one module per Pleo API. */
export const simulatorRoutes = ({
  oauth,
  subscriptions,
  events,
}: SimulatorRouteDeps): readonly RouteDefinition[] => [
  ...introspectRoutes,
  ...installationRoutes(oauth),
  ...companyRoutes,
  ...employeeRoutes,
  ...accountRoutes,
  ...taxCodeRoutes,
  ...tagGroupRoutes,
  ...tagRoutes,
  ...vendorRoutes(events),
  ...exportJobRoutes(events),
  ...exportItemRoutes,
  ...accountingEntryRoutes,
  ...subscriptionRoutes(subscriptions),
];
