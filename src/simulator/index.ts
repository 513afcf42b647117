/**
 * The Pleo API simulator: an HTTP server faithful to Pleo's public OpenAPI specs, for the gateway, its
 * tests and local development. Everything the rest of the project may use is exported from here.
 */
export { credentialFingerprint } from "./auth.ts";
export { FAULT_ACTIONS, type FaultAction, type FaultRule, type FaultRuleInput } from "./faults.ts";
export type {
  AccountingEntryModel,
  AccountModel,
  CompanyModel,
  EmployeeModel,
  ExportItemModel,
  ExportJobItemModel,
  ExportJobModel,
  TagGroupModel,
  TagModel,
  TaxCodeModel,
  TeamModel,
  VendorModel,
} from "./models.ts";
export { DEMO_OAUTH_CLIENT, type OAuthClient } from "./oauth/clients.ts";
export type { SimRequestLogEntry } from "./request-log.ts";
export { SEED_REFERENCE_TIME } from "./seed/clock.ts";
export * from "./seed/identities.ts";
export { type SeedData, type SeededCompany, seedData, seededCompany } from "./seed-data.ts";
export { type RunningSimulator, type SimulatorOptions, startSimulator } from "./server.ts";
