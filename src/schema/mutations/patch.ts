/*
 * Patch semantics over Pleo's writes, which replace a whole object (PUT): an argument left out keeps the
 * current value, an explicit null clears it, anything else replaces it. Single updates and the syncs build
 * their requests with these, so both treat a left-out field the same way.
 */

/** The value to send for a field: `given`, or the current value when `given` was left out. */
export function patched<T>(given: T | null | undefined, current: T | null | undefined): T | null {
  return given === undefined ? (current ?? null) : given;
}

/** The entries of `fields` that are set (neither undefined nor null), for request bodies. */
export function compact<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]?: Exclude<T[K], null | undefined>;
  };
}

/**
 * Whether sending `request` would change `current` in one of `fields` (absent and null are the same: a
 * field Pleo does not return is not set). A sync leaves an object whose request changes nothing alone.
 */
export function changes<R extends object, C extends object>(
  request: R,
  current: C,
  fields: readonly (keyof R & keyof C)[],
): boolean {
  return fields.some((field) => (request[field] ?? null) !== (current[field] ?? null));
}
