import { type ZodType, z } from "zod";

/**
 * Upstream models compiled by zod (`z.compile`): one generated parser per model that builds its output
 * directly, instead of the runtime parser's payload object per property. Same answers and the same
 * issues (an input the fast path refuses is parsed again by the runtime parser, which reports them), at
 * about two thirds of the CPU and fewer allocations per body (docs/benchmarks.md, hot-path pass).
 *
 * Compiled once per model object; the models are module-level constants, so this holds one entry each.
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
