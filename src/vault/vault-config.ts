import { z } from "zod";
import { optionalString } from "../support/env-values.ts";
import { keyringProblems } from "./keyring.ts";

/**
 * The vault's settings, merged into the gateway's schema (src/config.ts) like the fleet's. Problems
 * with VAULT_KEYS are reported by entry, never with key material.
 */
export const vaultEnvSchema = z.object({
  /** `file` (one instance; the embedded default) or `redis` (a fleet; needs REDIS_URL). */
  VAULT_BACKEND: z.enum(["file", "redis"]).default("file"),
  VAULT_FILE: z.string().trim().min(1).default(".data/vault.json"),
  /** `<kid>:<base64 of 32 bytes>[,…]`; the first seals writes, all open. Unset: embedded demo only. */
  VAULT_KEYS: optionalString.superRefine((value, ctx) => {
    if (value === undefined) return;
    for (const message of keyringProblems(value)) ctx.addIssue({ code: "custom", message });
  }),
});

export type VaultEnv = z.infer<typeof vaultEnvSchema>;
