import type { GatewayContext } from "../../context/context.ts";
import { ErrorCode } from "../../errors.ts";
import type { LoaderDefinition } from "../../loaders/registry.ts";
import { type CallKind, failureFrom } from "./failure-classification.ts";
import type { Conflict, MutationFailure } from "./failures.ts";

/*
 * How a mutation talks to Pleo once it is prepared: each call through `read` or `write`, which classify
 * failures into typed results (a write that may have reached Pleo is WriteOutcomeUnknown and is never
 * retried), then `invalidate` the request's loaders the write made stale, so later fields in the same
 * request read fresh data. The cross-request read cache needs nothing here: the Pleo client drops the
 * company's cached reads of what each write touches, on every instance, before the write returns
 * (`invalidates` in src/pleo/apis, src/pleo/http/read-through.ts), and a mutation's own reads skip it.
 */

/** A Pleo read on a mutation's behalf (safe to repeat): failures become typed results. */
export async function read<T>(companyId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw failureFrom(error, { companyId });
  }
}

interface WriteOptions {
  readonly companyId: string;
  /** E.g. "vendor create". */
  readonly operation: string;
  /** How a caller finds out whether the write was applied, when its outcome is unknown. */
  readonly check: string;
  /** A 409 from Pleo: enrich it (e.g. with the existing object) or turn it into a more specific error. */
  readonly onConflict?: (conflict: Conflict) => Promise<MutationFailure>;
  /** Any other failure: a chance to make it more specific (e.g. an illegal export job transition). */
  readonly refine?: (failure: MutationFailure) => Promise<MutationFailure>;
}

/**
 * One Pleo write, sent exactly once. Its failure becomes a typed result; one that may have been applied
 * (timeout, dropped connection, ambiguous 5xx) is WriteOutcomeUnknown and is not retried.
 */
export async function write<T>(options: WriteOptions, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const kind: CallKind = {
      companyId: options.companyId,
      write: { operation: options.operation, check: options.check },
    };
    let failure = failureFrom(error, kind);
    if (failure.code === ErrorCode.CONFLICT && options.onConflict) {
      failure = await options.onConflict(failure as Conflict);
    } else if (options.refine) {
      failure = await options.refine(failure);
    }
    throw failure;
  }
}

/** A `write` that makes `stale` loaders out of date: once it succeeded, this request reads them afresh. */
export async function writeThrough<T>(
  ctx: GatewayContext,
  stale: readonly LoaderDefinition<unknown, unknown, unknown>[],
  options: WriteOptions,
  call: () => Promise<T>,
): Promise<T> {
  const result = await write(options, call);
  invalidate(ctx, stale);
  return result;
}

/** Best effort: a lookup made only to enrich an error; its own failure is ignored. */
export async function bestEffort<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch {
    return null;
  }
}

/** Drops what this request's loaders hold, so reads after a write see Pleo's new state. */
export function invalidate(
  ctx: GatewayContext,
  loaders: readonly LoaderDefinition<unknown, unknown, unknown>[],
): void {
  for (const loader of loaders) ctx.loaders.get(loader).clearAll();
}
