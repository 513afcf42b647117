import { validationFailed } from "./errors.ts";
import type { QueryParams } from "./http-types.ts";

/** Canonical 8-4-4-4-12 hex form; Pleo's all-zero "unknown" UUID matches too. */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** The single value of a scalar parameter; repeating a scalar parameter is a client error. */
export function single(query: QueryParams, name: string): string | undefined {
  const values = query.get(name);
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1) throw validationFailed(`Query parameter '${name}' must be given at most once.`);
  return values[0];
}

export function uuidParam(query: QueryParams, name: string): string | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!isUuid(value)) throw validationFailed(`Query parameter '${name}' must be a UUID, got '${value}'.`);
  return value.toLowerCase();
}

export function requiredUuidParam(query: QueryParams, name: string): string {
  const value = uuidParam(query, name);
  if (value === undefined) throw validationFailed(`Query parameter '${name}' is required.`);
  return value;
}

/** A UUID path segment, lower-cased so lookups match however the client spelled it. */
export function uuidPathParam(params: Readonly<Record<string, string>>, name: string): string {
  const value = params[name] ?? "";
  if (!isUuid(value)) throw validationFailed(`Path parameter '${name}' must be a UUID, got '${value}'.`);
  return value.toLowerCase();
}

export function booleanParam(query: QueryParams, name: string): boolean | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw validationFailed(`Query parameter '${name}' must be 'true' or 'false', got '${value}'.`);
}

/**
 * A list parameter: repeated (`?statuses=a&statuses=b`, the specs' `explode: true`) or comma-separated
 * (`?statuses=a,b`, which Pleo's Spring stack also accepts). Every value must be one of `allowed`.
 */
export function enumListParam<T extends string>(
  query: QueryParams,
  name: string,
  allowed: readonly T[],
): T[] {
  const values = (query.get(name) ?? []).flatMap((value) => value.split(",")).filter((value) => value !== "");
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value)) {
      throw validationFailed(
        `Query parameter '${name}' has invalid value '${value}'; allowed: ${allowed.join(", ")}.`,
      );
    }
  }
  return values as T[];
}

export function enumParam<T extends string>(
  query: QueryParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw validationFailed(
      `Query parameter '${name}' has invalid value '${value}'; allowed: ${allowed.join(", ")}.`,
    );
  }
  return value as T;
}
