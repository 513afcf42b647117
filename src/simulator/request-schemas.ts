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
