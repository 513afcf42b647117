import { type ZodType, z } from "zod";

/**
 * Upstream models compiled by zod (`z.compile`): one generated checker per model instead of the runtime
 * parser's walk with a payload object per property. Compiled once per model object (the models are
 * module-level constants, so this holds one entry each).
 */
const compiled = new WeakMap<ZodType, ZodType>();

export function compiledModel<T>(schema: ZodType<T>): ZodType<T> {
  let fast = compiled.get(schema);
  if (!fast) {
    fast = z.compile(schema);
    compiled.set(schema, fast);
  }
  return fast as ZodType<T>;
}

/**
 * The upstream body as the model's value, checked in place: a body that satisfies the model is used as
 * it is, without the copy a parse builds (the models have no transforms or defaults, so the copy would
 * differ only by dropping fields the model does not declare — which no resolver reads, since GraphQL
 * serves declared fields only). A body that breaks the contract is parsed to say where (the issues are
 * the runtime parser's). Together about half the CPU and a seventh of the allocations of a books query's
 * validation (docs/benchmarks.md, hot-path pass).
 */
export function checkModel<T>(schema: ZodType<T>, body: unknown): z.ZodSafeParseResult<T> {
  const model = compiledModel(schema);
  if (model.validate(body)) return { success: true, data: body as T };
  return model.safeParse(body);
}
