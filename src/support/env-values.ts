import { z } from "zod";

/**
 * Zod building blocks for settings read from the environment (strings only), shared by the gateway's
 * configuration and the fleet's.
 */

/** "true"/"false"/"1"/"0"/"yes"/"no". */
export const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Trimmed; empty or blank means unset. */
export const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));
