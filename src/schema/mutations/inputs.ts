import { z } from "zod";
import { ErrorCode } from "../../errors.ts";
import type { ValidationIssue } from "./failures.ts";

/**
 * Zod building blocks for mutation inputs, checked in the resolver (after the access check, before any
 * upstream call) so that every problem is reported at once as a ValidationFailed result. Lengths follow
 * Pleo's specs where they state one, 255 otherwise.
 */

/** A required text: not blank, at most `max` characters. */
export const text = (max = 255) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((value) => value.trim().length > 0, "must not be blank");

/** Text that may be empty (Pleo allows an empty account name), at most `max` characters. */
export const anyText = (max = 255) => z.string().max(max, `at most ${max} characters`);

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** ISO 4217 alphabetic code, e.g. EUR. */
export const currency = z
  .string()
  .refine(
    (value) => /^[A-Z]{3}$/.test(value) && currencies.has(value),
    "must be an ISO 4217 currency code, e.g. EUR",
  );

const regions = new Intl.DisplayNames(["en"], { type: "region" });

function isCountry(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value)) return false;
  try {
    const name = regions.of(value);
    return name !== undefined && name !== value && value !== "ZZ";
  } catch {
    return false;
  }
}

/** ISO 3166-1 alpha-2 code, e.g. NL. */
export const country = z.string().refine(isCountry, "must be an ISO 3166-1 alpha-2 country code, e.g. NL");

/** An absolute http(s) URL. */
export const httpUrl = z
  .string()
  .max(2000, "at most 2000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be an absolute http(s) URL");

/** A tax rate as a decimal fraction: 0.21 is 21 %. */
export const taxRate = z
  .number()
  .min(0, "a rate is a fraction between 0 and 1 (0.21 is 21 %)")
  .max(1, "a rate is a fraction between 0 and 1 (0.21 is 21 %)");

/** A list of at least `min` and at most `max` entries. */
export const listOf = <T extends z.ZodType>(item: T, min: number, max: number) =>
  z
    .array(item)
    .min(min, min === 1 ? "at least one entry is required" : `at least ${min} entries are required`)
    .max(max, `at most ${max} entries`);

/**
 * One issue for each value that occurs again in `values` (by `key`; null keys are ignored). Checked apart
 * from the zod schema, whose object refinements only run once every field is valid.
 */
export function duplicates<T>(
  values: readonly T[],
  key: (value: T) => string | null | undefined,
  path: (index: number) => string,
  what: string,
): ValidationIssue[] {
  const seen = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  values.forEach((value, index) => {
    const k = key(value);
    if (k == null) return;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else
      issues.push({
        path: path(index),
        message: `duplicate ${what} (also at ${first})`,
        code: ErrorCode.VALIDATION_FAILED,
      });
  });
  return issues;
}
