/** A seed lookup the test relies on: fails loudly (naming what is missing) instead of passing `undefined` on. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed lacks ${what}`);
  return value;
}
