/**
 * Deterministic JSON for cache and DataLoader keys: object keys sorted, undefined dropped, so two
 * equivalent requests produce the same key regardless of argument order.
 */
export function stableKey(value: unknown): string {
  return JSON.stringify(normalise(value));
}

// Runs for every DataLoader key, so it builds each copy directly rather than through entry arrays.
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === "object") {
    const source = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      const field = source[key];
      if (field === undefined) continue;
      // Assigning `__proto__` would set the prototype; it stays an own key, as in the JSON.
      if (key === "__proto__")
        Object.defineProperty(copy, key, { value: normalise(field), enumerable: true });
      else copy[key] = normalise(field);
    }
    return copy;
  }
  return value;
}
