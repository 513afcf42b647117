import type { GatewayContext } from "../../../context/context.ts";
import type { LoaderDefinition } from "../../../loaders/registry.ts";
import type { BoundCredential, PleoCredential } from "../../../pleo/credential.ts";
import { builder } from "../../builder.ts";
import { Company } from "../../types/company.ts";
import type { TaxCode } from "../../types/tax-code.ts";
import type { Vendor } from "../../types/vendor.ts";
import { asResult, MutationError } from "../error-members.ts";
import { failureFrom } from "../failure-classification.ts";
import type { MutationFailure } from "../failures.ts";
import { invalidate, read } from "../upstream-calls.ts";
import {
  CompanyOutcomeStatus,
  credentialsFor,
  forEachCompany,
  outcomeCompany,
  stopsTheCompany,
} from "./company-outcomes.ts";

/*
 * The sync orchestrations: make each company's objects match the given items, matched by key. Missing
 * ones are created, different ones updated (with the resource's write module, as the single mutations
 * do), equal ones left alone. One outcome per company, one result per item.
 */

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

/** How one kind of object is synced: items `I`, Pleo's objects `T`, update requests `U`. */
export interface SyncSpec<I, T, U> {
  readonly scopes: { readonly write: string; readonly read: string };
  readonly keyOf: (item: I) => string;
  /** The company's existing objects for these items, by key. */
  readonly existing: (
    ctx: GatewayContext,
    bound: BoundCredential,
    companyId: string,
    keys: readonly string[],
  ) => Promise<Map<string, T>>;
  readonly create: (
    ctx: GatewayContext,
    credential: PleoCredential,
    companyId: string,
    item: I,
  ) => Promise<T>;
  /** The update of `current` to `item`, as the write module builds it (patch semantics). */
  readonly updateRequest: (companyId: string, current: T, item: I) => U;
  /** Whether the update changes anything: if not, the object is UNCHANGED and nothing is sent. */
  readonly changes: (request: U, current: T) => boolean;
  readonly update: (ctx: GatewayContext, credential: PleoCredential, current: T, request: U) => Promise<T>;
  readonly loaders: readonly LoaderDefinition<unknown, unknown, unknown>[];
}

async function syncCompany<I, T, U>(
  ctx: GatewayContext,
  spec: SyncSpec<I, T, U>,
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
  const credential = credentials.write.credential;
  const results: SyncItemResult<T>[] = [];
  let wrote = false;
  try {
    for (const [index, item] of items.entries()) {
      const key = spec.keyOf(item);
      const current = existing.get(key);
      const update =
        current === undefined ? null : { current, request: spec.updateRequest(companyId, current, item) };
      if (update && !spec.changes(update.request, update.current)) {
        results.push({ key, action: "UNCHANGED", object: update.current, error: null });
        continue;
      }
      try {
        wrote = true;
        const object = update
          ? await spec.update(ctx, credential, update.current, update.request)
          : await spec.create(ctx, credential, companyId, item);
        results.push({ key, action: update ? "UPDATED" : "CREATED", object, error: null });
      } catch (error) {
        const failure = failureFrom(error, { companyId });
        results.push({ key, action: "FAILED", object: null, error: failure });
        if (stopsTheCompany(failure)) {
          return { companyId, items: [...results, ...skipped(index + 1)], error: failure };
        }
      }
    }
  } finally {
    // Also after a failed write: one whose outcome is unknown may have changed Pleo.
    if (wrote) invalidate(ctx, spec.loaders);
  }
  return { companyId, items: results, error: null };
}

/** Syncs `items` into each company addressed, each with its own credentials and outcome. */
export function runSync<I, T, U>(
  ctx: GatewayContext,
  spec: SyncSpec<I, T, U>,
  companyIds: readonly string[] | null | undefined,
  items: readonly I[],
): Promise<{ outcomes: CompanySync<T>[] }> {
  return forEachCompany(ctx, companyIds, (companyId) => syncCompany(ctx, spec, companyId, items));
}

function statusOf(sync: { items: readonly { action: SyncActionValue }[]; error: MutationFailure | null }) {
  const done = sync.items.filter((i) => i.action !== "FAILED" && i.action !== "SKIPPED").length;
  if (done === sync.items.length && sync.error === null) return "SUCCEEDED" as const;
  return done > 0 ? ("PARTIAL" as const) : ("FAILED" as const);
}

/** The object types of one kind of sync: item result, per-company outcome, payload. */
export function syncTypes<T>(
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
      company: t.field({ type: Company, nullable: true, resolve: outcomeCompany }),
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
  return builder.objectRef<{ outcomes: readonly CompanySync<T>[] }>(`Sync${name}sPayload`).implement({
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
}
