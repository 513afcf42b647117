import { z } from "zod";
import { UUID_PATTERN } from "./query.ts";

/** Zod building blocks shared by the request-body schemas of the search endpoints. */

export const uuidSchema = z
  .string()
  .regex(UUID_PATTERN, "must be a UUID")
  .transform((value) => value.toLowerCase());

/** An optional filter list; Pleo caps most of them at 100 entries. `null` means "no filter", as absent does. */
export const filterList = <T extends z.ZodType>(item: T, max = 100) => z.array(item).max(max).nullish();

export const optionalBoolean = z.boolean().nullish();
export const optionalString = z.string().nullish();

/** ISO-8601 date-time with an offset or `Z`, as the specs' `format: date-time`. */
export const dateTimeSchema = z.iso.datetime({ offset: true });

/** Request bodies of the write endpoints. Field lengths follow the specs where they state one. */

/** A string the spec marks `nullable`: absent and `null` both mean "not set". */
export const nullableString = (max = 255) => z.string().max(max).nullish();

/** ISO 4217 alphabetic code (the specs: "3 letters"). */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 currency code");

/** The specs' `CountryCode`: ISO 3166 alpha-2, or `UNDEFINED`. */
export const countryCode = z.string().regex(/^([A-Z]{2}|UNDEFINED)$/, "must be an ISO 3166 alpha-2 code");

/** Free-form metadata of an account: a JSON object (or null). */
export const metadataObject = z.record(z.string(), z.unknown()).nullish();
