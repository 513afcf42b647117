import type { GraphQLSchema } from "graphql";
import { builder } from "./builder.ts";
// Each import registers one type (and its root fields) with the builder.
import "./types/scalars.ts";
import "./types/page-info.ts";
import "./types/organisation.ts";
import "./types/company.ts";
import "./types/money.ts";
import "./types/vendor.ts";
import "./types/tax-code.ts";
import "./types/account.ts";
import "./types/tag-group.ts";
import "./types/employee.ts";
import "./types/export-job.ts";
import "./types/accounting-entry.ts";
import "./types/viewer.ts";
import "./types/pleo-connection.ts";
import "./types/webhook-subscription.ts";
import "./types/company-event.ts";
import "./mutations/results.ts";
import "./mutations/vendors.ts";
import "./mutations/accounts.ts";
import "./mutations/tax-codes.ts";
import "./mutations/tags.ts";
import "./mutations/export-jobs.ts";
import "./mutations/export-job-items.ts";
import "./mutations/connections.ts";
import "./mutations/webhook-subscriptions.ts";
// The multi-company orchestrations, beside what they share (orchestration/company-outcomes.ts, sync.ts).
import "./mutations/orchestration/sync-tax-codes.ts";
import "./mutations/orchestration/sync-vendors.ts";
import "./mutations/orchestration/process-export-job.ts";

builder.queryType({
  description: "The Pleo gateway: discovery of organisations and companies, and each company's books.",
});

let schema: GraphQLSchema | undefined;

/** The schema is built once per process; it holds no per-request or per-caller state. */
export function gatewaySchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
  return schema;
}
