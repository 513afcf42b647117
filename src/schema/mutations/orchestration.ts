import { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode } from "../../errors.ts";
import { companyById } from "../../loaders/companies.ts";
import { exportJobById } from "../../loaders/export-jobs.ts";
import { chunk, MAX_WHOLE_LIST_PAGES, PLEO_MAX_PAGE_SIZE } from "../../loaders/kit.ts";
import { listExportJobItems, listExportJobs } from "../../pleo/apis/export-jobs.ts";
import { createTaxCode, searchTaxCodes, updateTaxCode } from "../../pleo/apis/tax-codes.ts";
import { createVendor, searchVendors, updateVendor } from "../../pleo/apis/vendors.ts";
import type { BoundCredential } from "../../pleo/credential.ts";
import type {
  ExportJobItemResult,
  ExportJob as ExportJobModel,
  ExportJobItemUpdateError as ItemUpdateErrorModel,
} from "../../pleo/models/export.ts";
import type { TaxCode as TaxCodeModel, TaxCodeWrite } from "../../pleo/models/tax-code.ts";
import type { VendorCreate, Vendor as VendorModel, VendorUpdate } from "../../pleo/models/vendor.ts";
import { Scope } from "../../pleo/scopes.ts";
import { builder } from "../builder.ts";
import { loadOwned } from "../company-fields.ts";
import { uuidOrGlobalId } from "../global-id.ts";
import { Company } from "../types/company.ts";
import { ExportJob } from "../types/export-job.ts";
import { TaxCode, TaxCodeType } from "../types/tax-code.ts";
import { Vendor } from "../types/vendor.ts";
import { EXPORT_LOADERS, ExportJobItemUpdateError, reportItems, sendEvent } from "./export-jobs.ts";
import { country, currency, duplicates, listOf, taxRate, text } from "./inputs.ts";
import { invalidate, mutation, read, write, zodIssues } from "./kit.ts";
import {
  AccessDenied,
  asResult,
  failureFrom,
  MutationError,
  type MutationFailure,
  RateLimited,
  UpstreamUnavailable,
  ValidationFailed,
  type ValidationIssue,
  WriteOutcomeUnknown,
} from "./results.ts";
import { CHECK_TAX_CODE_CREATE, TAX_CODE_LOADERS, taxCodeConflict } from "./tax-codes.ts";
import { VENDOR_LOADERS, vendorConflict } from "./vendors.ts";

/*
 * Multi-company orchestration: one mutation, one job per company, each company with its own credential
 * and its own outcome. Companies run in parallel; within a company the writes run one after the other.
 * A company that fails (no credential, a conflict, Pleo unavailable) is reported in its outcome and never
 * affects, or undoes anything in, the others. Without `companyIds`, every company the caller holds a
 * company credential for (sent or granted) takes part; organisation credentials never do.
 */

const MAX_COMPANIES = 50;

const CompanyOutcomeStatus = builder.enumType("CompanyOutcomeStatus", {
  values: {
    SUCCEEDED: { description: "Everything was done for this company." },
    PARTIAL: { description: "Some of it was done; see the items." },
    FAILED: { description: "Nothing was done (see error), or every item failed." },
  } as const,
});

const SyncAction = builder.enumType("SyncAction", {
  values: {
    CREATED: {},
    UPDATED: {},
    UNCHANGED: { description: "Already as given: nothing was sent." },
    FAILED: { description: "Pleo refused it, or its outcome is unknown (see error)." },
    SKIPPED: { description: "Not attempted: the company failed before (see the outcome's error)." },
  } as const,
});
type SyncActionValue = "CREATED" | "UPDATED" | "UNCHANGED" | "FAILED" | "SKIPPED";

/** Which companies an orchestration addresses: the given ones (validated, deduplicated) or all held. */
function targetCompanies(ctx: GatewayContext, companyIds: readonly string[] | null | undefined): string[] {
  if (companyIds == null) return ctx.access.companyIdsWithCredentials().slice(0, MAX_COMPANIES);
  const issues: ValidationIssue[] = [];
  const ids: string[] = [];
  companyIds.forEach((value, i) => {
    try {
      ids.push(uuidOrGlobalId("Company", value));
    } catch {
      issues.push({ path: `input.companyIds.${i}`, message: "not a company id", code: ErrorCode.INVALID_ID });
    }
  });
  if (companyIds.length > MAX_COMPANIES) {
    issues.push({
      path: "input.companyIds",
      message: `at most ${MAX_COMPANIES} companies`,
      code: ErrorCode.VALIDATION_FAILED,
    });
  }
  if (issues.length > 0) throw new ValidationFailed(issues, null);
  return [...new Set(ids)];
}

/** Failures after which the rest of a company's work is not attempted. */
function stopsTheCompany(failure: MutationFailure): boolean {
  return (
    failure instanceof RateLimited ||
    failure instanceof UpstreamUnavailable ||
    failure instanceof WriteOutcomeUnknown ||
    failure instanceof AccessDenied
  );
}

async function credentialsFor(
  ctx: GatewayContext,
  companyId: string,
  scopes: { write: string; read: string },
): Promise<{ write: BoundCredential; read: BoundCredential }> {
  try {
    return {
      write: await ctx.access.credentialFor(companyId, scopes.write),
      read: await ctx.access.credentialFor(companyId, scopes.read),
    };
  } catch (error) {
    throw failureFrom(error, { companyId });
  }
}

// ------------------------------------------------------------------------------------- generic sync

interface SyncItemResult<T> {
  readonly key: string;
  readonly action: SyncActionValue;
  readonly object: T | null;
  readonly error: MutationFailure | null;
}

interface CompanySync<T> {
  readonly companyId: string;
  readonly items: readonly SyncItemResult<T>[];
  readonly error: MutationFailure | null;
}

interface SyncSpec<I, T> {
  readonly scopes: { write: string; read: string };
  readonly keyOf: (item: I) => string;
  /** The company's existing objects for these items, by key. */
  readonly existing: (
    ctx: GatewayContext,
    bound: BoundCredential,
    companyId: string,
    keys: readonly string[],
  ) => Promise<Map<string, T>>;
  readonly differs: (item: I, existing: T) => boolean;
  readonly create: (ctx: GatewayContext, bound: BoundCredential, companyId: string, item: I) => Promise<T>;
  readonly update: (
    ctx: GatewayContext,
    bound: BoundCredential,
    companyId: string,
    existing: T,
    item: I,
  ) => Promise<T>;
  readonly loaders: Parameters<typeof invalidate>[1];
}

async function syncCompany<I, T>(
  ctx: GatewayContext,
  spec: SyncSpec<I, T>,
  companyId: string,
  items: readonly I[],
): Promise<CompanySync<T>> {
  const skipped = (from: number, error: MutationFailure | null = null): SyncItemResult<T>[] =>
    items.slice(from).map((item) => ({ key: spec.keyOf(item), action: "SKIPPED", object: null, error }));
  let credentials: { write: BoundCredential; read: BoundCredential };
  let existing: Map<string, T>;
  try {
    credentials = await credentialsFor(ctx, companyId, spec.scopes);
    existing = await read(companyId, () =>
      spec.existing(ctx, credentials.read, companyId, items.map(spec.keyOf)),
    );
  } catch (error) {
    const failure = failureFrom(error, { companyId });
    return { companyId, items: skipped(0), error: failure };
  }
  const results: SyncItemResult<T>[] = [];
  let wrote = false;
  try {
    for (const [index, item] of items.entries()) {
      const key = spec.keyOf(item);
      const current = existing.get(key);
      if (current !== undefined && !spec.differs(item, current)) {
        results.push({ key, action: "UNCHANGED", object: current, error: null });
        continue;
      }
      try {
        wrote = true;
        const object =
          current === undefined
            ? await spec.create(ctx, credentials.write, companyId, item)
            : await spec.update(ctx, credentials.write, companyId, current, item);
        results.push({ key, action: current === undefined ? "CREATED" : "UPDATED", object, error: null });
      } catch (error) {
        const failure = failureFrom(error, { companyId });
        results.push({ key, action: "FAILED", object: null, error: failure });
        if (stopsTheCompany(failure)) {
          return { companyId, items: [...results, ...skipped(index + 1)], error: failure };
        }
      }
    }
  } finally {
    if (wrote) invalidate(ctx, spec.loaders);
  }
  return { companyId, items: results, error: null };
}

function statusOf(sync: { items: readonly { action: SyncActionValue }[]; error: MutationFailure | null }) {
  const done = sync.items.filter((i) => i.action !== "FAILED" && i.action !== "SKIPPED").length;
  if (done === sync.items.length && sync.error === null) return "SUCCEEDED" as const;
  return done > 0 ? ("PARTIAL" as const) : ("FAILED" as const);
}

/** The object types of one kind of sync: item result, per-company outcome, payload. */
function syncTypes<T>(
  name: string,
  keyName: string,
  objectName: string,
  objectType: typeof TaxCode | typeof Vendor,
) {
  const Item = builder.objectRef<SyncItemResult<T>>(`${name}SyncItemResult`).implement({
    fields: (t) => ({
      [keyName]: t.string({ resolve: (r) => r.key }),
      action: t.field({ type: SyncAction, resolve: (r) => r.action }),
      [objectName]: t.field({
        type: objectType as never,
        nullable: true,
        description: "The object as Pleo holds it now (not for FAILED or SKIPPED).",
        resolve: (r) => r.object as never,
      }),
      error: t.field({ type: MutationError, nullable: true, resolve: (r) => asResult(r.error) }),
    }),
  });
  const count = (action: SyncActionValue) => (s: CompanySync<T>) =>
    s.items.filter((i) => i.action === action).length;
  const Outcome = builder.objectRef<CompanySync<T>>(`Company${name}Sync`).implement({
    description: "What the sync did in one company, with that company's own credential.",
    fields: (t) => ({
      companyId: t.field({ type: "UUID", resolve: (s) => s.companyId }),
      company: t.field({
        type: Company,
        nullable: true,
        resolve: (s, _args, ctx) => ctx.loaders.get(companyById).load(s.companyId),
      }),
      status: t.field({ type: CompanyOutcomeStatus, resolve: (s) => statusOf(s) }),
      created: t.int({ resolve: count("CREATED") }),
      updated: t.int({ resolve: count("UPDATED") }),
      unchanged: t.int({ resolve: count("UNCHANGED") }),
      failed: t.int({ resolve: count("FAILED") }),
      skipped: t.int({ resolve: count("SKIPPED") }),
      error: t.field({
        type: MutationError,
        nullable: true,
        description:
          "Why the company's remaining items were not attempted (no credential, Pleo unavailable, …).",
        resolve: (s) => asResult(s.error),
      }),
      items: t.field({ type: [Item], resolve: (s) => [...s.items] }),
    }),
  });
  const Payload = builder
    .objectRef<{ outcomes: readonly CompanySync<T>[] }>(`Sync${name}sPayload`)
    .implement({
      fields: (t) => ({
        outcomes: t.field({ type: [Outcome], resolve: (p) => [...p.outcomes] }),
        succeeded: t.int({
          description: "Companies where everything was done.",
          resolve: (p) => p.outcomes.filter((o) => statusOf(o) === "SUCCEEDED").length,
        }),
        failed: t.int({
          description: "Companies where not everything was done (PARTIAL or FAILED).",
          resolve: (p) => p.outcomes.filter((o) => statusOf(o) !== "SUCCEEDED").length,
        }),
      }),
    });
  return Payload;
}

// -------------------------------------------------------------------------------------- tax codes

interface TaxCodeSyncItem {
  code: string;
  name: string;
  rate: number;
  type: TaxCodeWrite["type"];
  archived?: boolean | null;
  ingoingTaxAccount?: string | null;
  outgoingTaxAccount?: string | null;
}

const TaxCodeSyncInput = builder.inputType("TaxCodeSyncInput", {
  description:
    "A tax code as the accounting system has it, matched by `code`. Left-out optional fields keep their value in Pleo; null clears them.",
  fields: (t) => ({
    code: t.string({ required: true, description: "The tax code's id in the accounting system." }),
    name: t.string({ required: true }),
    rate: t.float({ required: true, description: "Decimal fraction: 0.21 is 21 %." }),
    type: t.field({ type: TaxCodeType, required: true }),
    archived: t.boolean({ defaultValue: false }),
    ingoingTaxAccount: t.string(),
    outgoingTaxAccount: t.string(),
  }),
});

const SyncTaxCodesInput = builder.inputType("SyncTaxCodesInput", {
  fields: (t) => ({
    taxCodes: t.field({ type: [TaxCodeSyncInput], required: true, description: "1 to 500 tax codes." }),
    companyIds: t.idList({
      description: `The companies (UUIDs or Company global IDs, at most ${MAX_COMPANIES}). Left out: every company this request holds a company credential for.`,
    }),
  }),
});

const sameOrKept = (given: string | null | undefined, current: string | null | undefined) =>
  given === undefined || (given ?? null) === (current ?? null);

const taxCodeSync: SyncSpec<TaxCodeSyncItem, TaxCodeModel> = {
  scopes: { write: Scope.taxCodesWrite, read: Scope.taxCodesRead },
  keyOf: (item) => item.code,
  existing: async (ctx, bound, companyId) => {
    // Pleo filters tax codes by one code at a time: read the company's (few) tax codes whole.
    const byCode = new Map<string, TaxCodeModel>();
    let after: string | undefined;
    for (let page = 0; page < MAX_WHOLE_LIST_PAGES; page++) {
      const result = await searchTaxCodes(
        ctx.pleo,
        bound.credential,
        companyId,
        {},
        {
          limit: PLEO_MAX_PAGE_SIZE,
          ...(after ? { after } : {}),
        },
      );
      for (const taxCode of result.items) if (taxCode.code) byCode.set(taxCode.code, taxCode);
      if (!result.pageInfo.hasNextPage || !result.pageInfo.endCursor) break;
      after = result.pageInfo.endCursor;
    }
    return byCode;
  },
  differs: (item, current) =>
    item.name !== current.name ||
    item.rate !== current.rate ||
    item.type !== current.type ||
    (item.archived ?? false) !== current.archived ||
    !sameOrKept(item.ingoingTaxAccount, current.ingoingTaxAccount) ||
    !sameOrKept(item.outgoingTaxAccount, current.outgoingTaxAccount),
  create: (ctx, bound, companyId, item) => {
    const request = taxCodeRequest(companyId, item, null);
    return write(
      {
        companyId,
        operation: "tax code create",
        check: CHECK_TAX_CODE_CREATE,
        onConflict: (conflict) => taxCodeConflict(ctx, companyId, item.code, null, conflict),
      },
      () => createTaxCode(ctx.pleo, bound.credential, request),
    );
  },
  update: (ctx, bound, companyId, current, item) => {
    const request = taxCodeRequest(companyId, item, current);
    return write(
      {
        companyId,
        operation: "tax code update",
        check: "Read the tax code to see whether the change was applied.",
        onConflict: (conflict) => taxCodeConflict(ctx, companyId, item.code, current.id, conflict),
      },
      () => updateTaxCode(ctx.pleo, bound.credential, current.id, request),
    );
  },
  loaders: TAX_CODE_LOADERS,
};

function taxCodeRequest(
  companyId: string,
  item: TaxCodeSyncItem,
  current: TaxCodeModel | null,
): TaxCodeWrite {
  const kept = (given: string | null | undefined, now: string | null | undefined) =>
    given === undefined ? (now ?? null) : given;
  return {
    companyId,
    code: item.code,
    name: item.name,
    rate: item.rate,
    type: item.type,
    archived: item.archived ?? false,
    ingoingTaxAccount: kept(item.ingoingTaxAccount, current?.ingoingTaxAccount),
    outgoingTaxAccount: kept(item.outgoingTaxAccount, current?.outgoingTaxAccount),
  };
}

const taxCodeItemSchema = z.object({
  code: text(),
  name: text(),
  rate: taxRate,
  ingoingTaxAccount: text().nullish(),
  outgoingTaxAccount: text().nullish(),
});
const syncTaxCodesSchema = z.object({ taxCodes: listOf(taxCodeItemSchema, 1, 500) });

const SyncTaxCodesPayload = syncTypes<TaxCodeModel>("TaxCode", "code", "taxCode", TaxCode);

builder.mutationField("syncTaxCodes", (t) =>
  t.field({
    type: SyncTaxCodesPayload,
    nullable: true,
    description: `Makes each company's tax codes match the given ones (by code): creates the missing, updates the different, leaves the rest. One outcome per company, each done with that company's own credential (\`${Scope.taxCodesWrite}\` and \`${Scope.taxCodesRead}\`); a company that fails never affects the others.`,
    args: { input: t.arg({ type: SyncTaxCodesInput, required: true }) },
    errors: { types: [ValidationFailed], directResult: true, union: { name: "SyncTaxCodesResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const issues = [
        ...zodIssues(syncTaxCodesSchema, input, "input"),
        ...duplicates(
          input.taxCodes,
          (t) => t.code,
          (i) => `input.taxCodes.${i}.code`,
          "code",
        ),
      ];
      if (issues.length > 0) throw new ValidationFailed(issues, null);
      const companies = targetCompanies(ctx, input.companyIds);
      const outcomes = await Promise.all(
        companies.map((companyId) => syncCompany(ctx, taxCodeSync, companyId, input.taxCodes)),
      );
      return { outcomes };
    }),
  }),
);

// ---------------------------------------------------------------------------------------- vendors

interface VendorSyncItem {
  externalId: string;
  name: string;
  defaultCurrency: string;
  code?: string | null;
  country?: string | null;
  registrationNumber?: string | null;
  taxRegistrationNumber?: string | null;
}

const VendorSyncInput = builder.inputType("VendorSyncInput", {
  description:
    "A vendor as the accounting system has it, matched by `externalId`. Left-out optional fields keep their value in Pleo; null clears them.",
  fields: (t) => ({
    externalId: t.string({ required: true, description: "The vendor's id in the accounting system." }),
    name: t.string({ required: true }),
    defaultCurrency: t.string({ required: true, description: "ISO 4217, e.g. EUR." }),
    code: t.string(),
    country: t.string({ description: "ISO 3166-1 alpha-2." }),
    registrationNumber: t.string(),
    taxRegistrationNumber: t.string(),
  }),
});

const SyncVendorsInput = builder.inputType("SyncVendorsInput", {
  fields: (t) => ({
    vendors: t.field({ type: [VendorSyncInput], required: true, description: "1 to 1000 vendors." }),
    companyIds: t.idList({
      description: `The companies (UUIDs or Company global IDs, at most ${MAX_COMPANIES}). Left out: every company this request holds a company credential for.`,
    }),
  }),
});

const vendorOptional = ["code", "country", "registrationNumber", "taxRegistrationNumber"] as const;

const vendorSync: SyncSpec<VendorSyncItem, VendorModel> = {
  scopes: { write: Scope.vendorsWrite, read: Scope.vendorsRead },
  keyOf: (item) => item.externalId,
  existing: async (ctx, bound, companyId, keys) => {
    const byExternalId = new Map<string, VendorModel>();
    for (const externalIds of chunk(keys, PLEO_MAX_PAGE_SIZE)) {
      const page = await searchVendors(
        ctx.pleo,
        bound.credential,
        companyId,
        { externalIds },
        {
          limit: PLEO_MAX_PAGE_SIZE,
        },
      );
      for (const vendor of page.items) if (vendor.externalId) byExternalId.set(vendor.externalId, vendor);
    }
    return byExternalId;
  },
  differs: (item, current) =>
    item.name !== current.name ||
    item.defaultCurrency !== current.defaultCurrency ||
    vendorOptional.some((field) => !sameOrKept(item[field], current[field])),
  create: (ctx, bound, companyId, item) => {
    const request: VendorCreate = { companyId, ...vendorFields(item, null) };
    return write(
      {
        companyId,
        operation: "vendor create",
        check: "Search the company's vendors by the externalId before syncing again.",
        onConflict: (conflict) => vendorConflict(ctx, companyId, request, null, conflict),
      },
      () => createVendor(ctx.pleo, bound.credential, request),
    );
  },
  update: (ctx, bound, companyId, current, item) => {
    const request: VendorUpdate = { companyId, state: current.state, ...vendorFields(item, current) };
    return write(
      {
        companyId,
        operation: "vendor update",
        check: "Read the vendor to see whether the change was applied.",
      },
      () => updateVendor(ctx.pleo, bound.credential, current.id, request),
    );
  },
  loaders: VENDOR_LOADERS,
};

function vendorFields(item: VendorSyncItem, current: VendorModel | null) {
  const fields: Omit<VendorCreate, "companyId"> & { externalId: string } = {
    externalId: item.externalId,
    name: item.name,
    defaultCurrency: item.defaultCurrency,
  };
  const out = fields as Record<string, unknown>;
  for (const field of vendorOptional) {
    const value = item[field] === undefined ? current?.[field] : item[field];
    if (value != null) out[field] = value;
  }
  return fields;
}

const vendorItemSchema = z.object({
  externalId: text(),
  name: text(),
  defaultCurrency: currency,
  code: text().nullish(),
  country: country.nullish(),
  registrationNumber: text().nullish(),
  taxRegistrationNumber: text().nullish(),
});
const syncVendorsSchema = z.object({ vendors: listOf(vendorItemSchema, 1, 1000) });

const SyncVendorsPayload = syncTypes<VendorModel>("Vendor", "externalId", "vendor", Vendor);

builder.mutationField("syncVendors", (t) =>
  t.field({
    type: SyncVendorsPayload,
    nullable: true,
    description: `Makes each company's vendors match the given ones (by externalId): creates the missing, updates the different (their state is left as it is), leaves the rest. A vendor whose code is taken by another vendor is a Conflict carrying that vendor. One outcome per company, each done with that company's own credential (\`${Scope.vendorsWrite}\` and \`${Scope.vendorsRead}\`); a company that fails never affects the others.`,
    args: { input: t.arg({ type: SyncVendorsInput, required: true }) },
    errors: { types: [ValidationFailed], directResult: true, union: { name: "SyncVendorsResult" } },
    resolve: mutation(async ({ input }, ctx) => {
      const issues = [
        ...zodIssues(syncVendorsSchema, input, "input"),
        ...duplicates(
          input.vendors,
          (v) => v.externalId,
          (i) => `input.vendors.${i}.externalId`,
          "externalId",
        ),
        ...duplicates(
          input.vendors,
          (v) => v.code,
          (i) => `input.vendors.${i}.code`,
          "code",
        ),
      ];
      if (issues.length > 0) throw new ValidationFailed(issues, null);
      const companies = targetCompanies(ctx, input.companyIds);
      const outcomes = await Promise.all(
        companies.map((companyId) => syncCompany(ctx, vendorSync, companyId, input.vendors)),
      );
      return { outcomes };
    }),
  }),
);

// ---------------------------------------------------------------------------- oldest pending export

const ExportProcessingStep = builder.enumType("ExportProcessingStep", {
  description: "The step of processing a company's oldest pending export job that failed.",
  values: ["ACCESS", "FIND_JOB", "START", "READ_ITEMS", "REPORT_ITEMS", "COMPLETE"] as const,
});
type Step = "ACCESS" | "FIND_JOB" | "START" | "READ_ITEMS" | "REPORT_ITEMS" | "COMPLETE";

const ExportProcessingStatus = builder.enumType("ExportProcessingStatus", {
  values: {
    COMPLETED: { description: "Started, every item marked exported, completed." },
    COMPLETED_WITH_ERRORS: { description: "Completed, but Pleo refused some item results (see itemErrors)." },
    NO_PENDING_JOB: { description: "The company had no pending export job: nothing was done." },
    FAILED: { description: "A step failed (see failedStep and error); later steps were not attempted." },
  } as const,
});

interface ExportOutcome {
  readonly companyId: string;
  readonly status: "COMPLETED" | "COMPLETED_WITH_ERRORS" | "NO_PENDING_JOB" | "FAILED";
  readonly job: ExportJobModel | null;
  readonly itemsReported: number;
  readonly itemErrors: readonly ItemUpdateErrorModel[];
  readonly failedStep: Step | null;
  readonly error: MutationFailure | null;
}

const CompanyExportOutcome = builder.objectRef<ExportOutcome>("CompanyExportOutcome").implement({
  fields: (t) => ({
    companyId: t.field({ type: "UUID", resolve: (o) => o.companyId }),
    company: t.field({
      type: Company,
      nullable: true,
      resolve: (o, _args, ctx) => ctx.loaders.get(companyById).load(o.companyId),
    }),
    status: t.field({ type: ExportProcessingStatus, resolve: (o) => o.status }),
    job: t.field({
      type: ExportJob,
      nullable: true,
      description: "The job processed, as Pleo reports it now.",
      resolve: (o, _args, ctx) =>
        o.job ? loadOwned(ctx, o.companyId, Scope.exportJobsRead, exportJobById, o.job.id) : null,
    }),
    itemsReported: t.int({ description: "Item results Pleo applied.", resolve: (o) => o.itemsReported }),
    itemErrors: t.field({ type: [ExportJobItemUpdateError], resolve: (o) => [...o.itemErrors] }),
    failedStep: t.field({ type: ExportProcessingStep, nullable: true, resolve: (o) => o.failedStep }),
    error: t.field({ type: MutationError, nullable: true, resolve: (o) => asResult(o.error) }),
  }),
});

const ProcessExportJobsPayload = builder
  .objectRef<{ outcomes: readonly ExportOutcome[] }>("ProcessExportJobsPayload")
  .implement({
    fields: (t) => ({
      outcomes: t.field({ type: [CompanyExportOutcome], resolve: (p) => [...p.outcomes] }),
    }),
  });

const ProcessExportJobsInput = builder.inputType("ProcessOldestPendingExportJobInput", {
  fields: (t) => ({
    companyIds: t.idList({
      description: `The companies (at most ${MAX_COMPANIES}). Left out: every company this request holds a company credential for.`,
    }),
  }),
});

async function processCompany(ctx: GatewayContext, companyId: string): Promise<ExportOutcome> {
  let step: Step = "ACCESS";
  let job: ExportJobModel | null = null;
  let itemsReported = 0;
  let itemErrors: readonly ItemUpdateErrorModel[] = [];
  const outcome = (status: ExportOutcome["status"], error: MutationFailure | null = null): ExportOutcome => ({
    companyId,
    status,
    job,
    itemsReported,
    itemErrors,
    failedStep: error ? step : null,
    error,
  });
  try {
    const credentials = await credentialsFor(ctx, companyId, {
      write: Scope.exportJobsWrite,
      read: Scope.exportJobsRead,
    });
    step = "FIND_JOB";
    const pending = await read(companyId, () =>
      listExportJobs(
        ctx.pleo,
        credentials.read.credential,
        companyId,
        { statuses: ["pending"] },
        {
          limit: 1,
          sortingKeys: ["createdAt"],
          sortingOrder: ["ASC"],
        },
      ),
    );
    job = pending.items[0] ?? null;
    if (!job) return outcome("NO_PENDING_JOB");
    const jobId = job.id.toLowerCase();

    step = "START";
    await sendEvent(ctx, credentials.write.credential, companyId, jobId, "started");

    step = "READ_ITEMS";
    const results: ExportJobItemResult[] = [];
    const exportedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const items = await read(companyId, () =>
        listExportJobItems(
          ctx.pleo,
          credentials.read.credential,
          companyId,
          { jobId },
          {
            limit: PLEO_MAX_PAGE_SIZE,
            ...(after ? { after } : {}),
          },
        ),
      );
      for (const item of items.items) {
        if (item.status === "pending" || item.status === "in_progress") {
          results.push({ accountingEntryId: item.accountingEntryId, status: "successful", exportedAt });
        }
      }
      if (!items.pageInfo.hasNextPage || !items.pageInfo.endCursor) break;
      after = items.pageInfo.endCursor;
    }

    step = "REPORT_ITEMS";
    if (results.length > 0) {
      const report = await reportItems(ctx, credentials.write.credential, companyId, jobId, results);
      itemsReported = report.items.length;
      itemErrors = report.itemErrors;
      if (report.failure) return outcome("FAILED", report.failure);
    }

    step = "COMPLETE";
    const withErrors = itemErrors.length > 0;
    await sendEvent(
      ctx,
      credentials.write.credential,
      companyId,
      jobId,
      withErrors ? "completed_with_errors" : "completed",
    );
    return outcome(withErrors ? "COMPLETED_WITH_ERRORS" : "COMPLETED");
  } catch (error) {
    return outcome("FAILED", failureFrom(error, { companyId }));
  } finally {
    invalidate(ctx, EXPORT_LOADERS);
  }
}

builder.mutationField("processOldestPendingExportJob", (t) =>
  t.field({
    type: ProcessExportJobsPayload,
    nullable: true,
    description: `For each company: takes its oldest PENDING export job, starts it, marks every item exported (successful, now) in batches of 100, and completes it (with errors if Pleo refused some item results). For entries booked by other means; an integration that books them itself uses the individual mutations. One outcome per company, each with that company's own credential (\`${Scope.exportJobsWrite}\` and \`${Scope.exportJobsRead}\`); a failed step stops that company only (a started job then stays IN_PROGRESS until failed, completed or expired).`,
    args: { input: t.arg({ type: ProcessExportJobsInput, required: false }) },
    errors: {
      types: [ValidationFailed],
      directResult: true,
      union: { name: "ProcessOldestPendingExportJobResult" },
    },
    resolve: mutation(async ({ input }, ctx) => {
      const companies = targetCompanies(ctx, input?.companyIds);
      const outcomes = await Promise.all(companies.map((companyId) => processCompany(ctx, companyId)));
      return { outcomes };
    }),
  }),
);
