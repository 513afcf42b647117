import type { InputObjectRef, ObjectRef } from "@pothos/core";
import type { GatewayContext } from "../../context/context.ts";
import { builder } from "../builder.ts";
import { COMMON_ERRORS } from "./error-members.ts";
import { failureFrom } from "./failure-classification.ts";
import type { MutationFailure } from "./failures.ts";
import type { GatewayTypes } from "./schema-types.ts";

/*
 * The Mutation root and the shape every mutation result takes: a union of the mutation's payload and the
 * typed errors it can produce (`error-members.ts`), named `<Mutation>Result`. `defineMutation` declares
 * a field that way, `payloadOf` the usual payload holding the one object written.
 */

builder.mutationType({
  description:
    "Writes to Pleo, each acting on exactly one company with that company's own credential (write scope). Results are unions of a payload and typed errors implementing MutationError. Writes are never retried: a write that may have reached Pleo without an answer is WriteOutcomeUnknown.",
});

type FailureClass = new (...args: never[]) => MutationFailure;

/**
 * Declares mutation `name(input: …)`: nullable, its result the union of `payload` and `errors` (the
 * common ones unless given). Anything a credential lookup or Pleo call throws becomes a typed result.
 */
export function defineMutation<Input extends object, Payload>(
  name: string,
  options: {
    readonly description: string;
    readonly input: InputObjectRef<GatewayTypes, Input>;
    /** Makes the argument optional: what a left-out input means. */
    readonly inputWhenLeftOut?: Input;
    readonly payload: ObjectRef<GatewayTypes, Payload>;
    readonly errors?: readonly FailureClass[];
    readonly resolve: (input: Input, ctx: GatewayContext) => Promise<Payload>;
  },
): void {
  const whenLeftOut = options.inputWhenLeftOut;
  builder.mutationField(name, (t) =>
    t.field({
      type: options.payload,
      nullable: true,
      description: options.description,
      args: { input: t.arg({ type: options.input, required: whenLeftOut === undefined }) },
      errors: {
        types: [...(options.errors ?? COMMON_ERRORS)],
        directResult: true,
        union: { name: `${name.charAt(0).toUpperCase()}${name.slice(1)}Result` },
      },
      // Typed by the signature above: Pothos cannot follow a generic input through its argument types.
      resolve: (async (_root: unknown, args: { input?: Input | null }, ctx: GatewayContext) => {
        try {
          return await options.resolve((args.input ?? whenLeftOut) as Input, ctx);
        } catch (error) {
          throw failureFrom(error, { companyId: null });
        }
      }) as never,
    }),
  );
}

/** A payload holding the one object a mutation wrote, e.g. `VendorPayload { vendor }`. */
export function payloadOf<K extends string, T>(
  name: string,
  field: K,
  type: ObjectRef<GatewayTypes, T>,
  description?: string,
): ObjectRef<GatewayTypes, Record<K, T>> {
  return builder.objectRef<Record<K, T>>(name).implement({
    ...(description === undefined ? {} : { description }),
    fields: (t) => ({ [field]: t.field({ type, resolve: (p) => p[field] as never }) }),
  });
}
