import type { FleetConnection } from "../fleet/redis-connection.ts";
import type { Logger } from "../support/logger.ts";
import { demoKeyring } from "./demo-key.ts";
import { VaultConfigError } from "./errors.ts";
import { FileVault } from "./file-vault.ts";
import { Keyring } from "./keyring.ts";
import type { Vault } from "./record.ts";
import { redisDurabilityProblems } from "./redis-durability.ts";
import { RedisVault } from "./redis-vault.ts";
import type { VaultEnv } from "./vault-config.ts";

export interface VaultOptions {
  /** VAULT_BACKEND, VAULT_FILE, VAULT_KEYS as parsed (the gateway's Config satisfies this). */
  readonly env: VaultEnv;
  /** `npm start` without PLEO_API_URL: the only mode in which VAULT_KEYS may be unset. */
  readonly embedded: boolean;
  /** The fleet's Redis (`Fleet.connection`) and REDIS_KEY_PREFIX; required by the redis backend. */
  readonly redis?: { readonly connection: FleetConnection; readonly keyPrefix: string } | undefined;
  readonly logger: Logger;
}

/**
 * Builds the configured vault; throws VaultConfigError when it cannot start as configured. The redis
 * backend warns (once, at start) when Redis's settings could lose records; it still starts, as the
 * fleet's Redis is the operator's to fix and may be changed without restarting the gateway.
 */
export async function createVault(options: VaultOptions): Promise<Vault> {
  const { env, logger } = options;
  const keyring = await keyringFor(options);
  if (env.VAULT_BACKEND === "redis") {
    if (!options.redis)
      throw new VaultConfigError(["VAULT_BACKEND: redis needs the fleet's Redis (set REDIS_URL)"]);
    const problems = await redisDurabilityProblems(options.redis.connection);
    if (problems.length > 0)
      logger.warn({ problems }, "vault: Redis's settings can lose connections (see README, Vault)");
    logger.info({ backend: "redis", kids: keyring.kids }, "vault ready");
    return new RedisVault(options.redis.connection, options.redis.keyPrefix, keyring, logger);
  }
  const vault = await FileVault.open(env.VAULT_FILE, keyring, logger);
  logger.info({ backend: "file", file: env.VAULT_FILE, kids: keyring.kids }, "vault ready");
  return vault;
}

async function keyringFor(options: VaultOptions): Promise<Keyring> {
  if (options.env.VAULT_KEYS !== undefined) return Keyring.parse(options.env.VAULT_KEYS);
  if (options.embedded) return demoKeyring(options.env.VAULT_FILE, options.logger);
  throw new VaultConfigError(["VAULT_KEYS: required (outside the embedded demo there is no generated key)"]);
}
