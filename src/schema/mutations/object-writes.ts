import type { z } from "zod";
import type { GatewayContext } from "../../context/context.ts";
import type { PleoCredential } from "../../pleo/credential.ts";
import { idOf, prepare, zodIssues } from "./prepare.ts";
import { read } from "./upstream-calls.ts";

/*
 * The shapes of write the resources share: a create in a company, an update by patch of one object (read
 * it, apply the changes, send the whole of it back, as Pleo's PUTs replace it) and one call on an object
 * (delete, archive). The resource's write module (`*-writes.ts`) says how to send each.
 */

/** An existing object's id argument: a global ID, or Pleo's UUID together with companyId. */
interface ObjectInput {
  readonly id: string;
  readonly companyId?: string | null;
}

/** Prepares a create in `input.companyId` (write scope, the input validated), then sends it. */
export async function createInCompany<R>(
  ctx: GatewayContext,
  input: { readonly companyId: string },
  options: { readonly scope: string; readonly schema: z.ZodType },
  send: (credential: PleoCredential, companyId: string) => Promise<R>,
): Promise<R> {
  const target = await prepare(ctx, {
    companyId: input.companyId,
    scopes: { write: options.scope },
    validate: () => zodIssues(options.schema, input, "input"),
  });
  return send(target.credentials.write.credential, target.companyId);
}

/** How one kind of object is updated by patch. */
export interface PatchSpec<Current, Changes, Result> {
  /** The GraphQL type `input.id` names, e.g. `Account`. */
  readonly typename: string;
  readonly scopes: { readonly write: string; readonly read: string };
  /** The changes' schema: every problem is reported at once, before anything is read. */
  readonly schema: z.ZodType;
  /** Reads what the changes apply to. */
  readonly get: (
    ctx: GatewayContext,
    credential: PleoCredential,
    companyId: string,
    id: string,
  ) => Promise<Current>;
  /** Applies the changes to `current` and sends the result, once. */
  readonly send: (
    ctx: GatewayContext,
    credential: PleoCredential,
    write: { readonly companyId: string; readonly id: string; readonly operation: string },
    current: Current,
    changes: Changes,
  ) => Promise<Result>;
}

/** Reads the object `input.id` names, applies the changes in `input` and sends the whole of it back. */
export async function patchObject<Current, Changes, Result>(
  ctx: GatewayContext,
  spec: PatchSpec<Current, Changes, Result>,
  input: ObjectInput & Changes,
  operation: string,
): Promise<Result> {
  const target = await prepare(ctx, {
    companyId: input.companyId,
    ids: [{ path: "input.id", typename: spec.typename, value: input.id }],
    scopes: spec.scopes,
    validate: () => zodIssues(spec.schema, input, "input"),
  });
  const { companyId } = target;
  const id = idOf(target, "input.id");
  const current = await read(companyId, () =>
    spec.get(ctx, target.credentials.read.credential, companyId, id),
  );
  return spec.send(ctx, target.credentials.write.credential, { companyId, id, operation }, current, input);
}

/** The archive input of an object archived by an update: `archived` defaults to true (false restores). */
export function archiving(input: ObjectInput & { readonly archived?: boolean | null }) {
  return { id: input.id, companyId: input.companyId, archived: input.archived ?? true };
}

/** Prepares one call on the object `input.id` names (write scope), then sends it. */
export async function writeObject(
  ctx: GatewayContext,
  input: ObjectInput,
  options: { readonly typename: string; readonly scope: string },
  send: (credential: PleoCredential, companyId: string, id: string) => Promise<unknown>,
): Promise<{ readonly companyId: string; readonly id: string }> {
  const target = await prepare(ctx, {
    companyId: input.companyId,
    ids: [{ path: "input.id", typename: options.typename, value: input.id }],
    scopes: { write: options.scope },
  });
  const id = idOf(target, "input.id");
  await send(target.credentials.write.credential, target.companyId, id);
  return { companyId: target.companyId, id };
}
