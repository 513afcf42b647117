/**
 * The Pleo API simulator: an HTTP server faithful to Pleo's public OpenAPI specs, for the gateway, its
 * tests and local development. Everything the rest of the project may use is exported from here.
 */
export { credentialFingerprint } from "./auth.ts";
export { FAULT_ACTIONS, type FaultAction, type FaultRule, type FaultRuleInput } from "./faults.ts";
export type { AccountModel } from "./models/account.ts";
export type { AccountingEntryModel } from "./models/accounting-entry.ts";
export type { CompanyModel } from "./models/company.ts";
export type { EmployeeModel } from "./models/employee.ts";
export type { ExportItemModel } from "./models/export-item.ts";
export type { ExportJobItemModel, ExportJobModel } from "./models/export-job.ts";
export type { TagGroupModel, TagModel } from "./models/tag.ts";
export type { TaxCodeModel } from "./models/tax-code.ts";
export type { TeamModel } from "./models/team.ts";
export type { VendorModel } from "./models/vendor.ts";
export { DEMO_OAUTH_CLIENT, type OAuthClient } from "./oauth/clients.ts";
export type { SimRequestLogEntry } from "./request-log.ts";
export { SEED_REFERENCE_TIME } from "./seed/clock.ts";
export * from "./seed/identities.ts";
export { type SeedData, type SeededCompany, seedData, seededCompany } from "./seed-data.ts";
export { type RunningSimulator, type SimulatorOptions, startSimulator } from "./server.ts";
export type { WebhookEventType } from "./subscriptions/events.ts";
export type { SubscriptionActivityModel, SubscriptionModel } from "./subscriptions/models.ts";
export type { WebhookDelivery, WebhookLogEntry } from "./subscriptions/webhook-deliveries.ts";
