import type { Redis } from "ioredis";
import { LuaScript } from "../fleet/lua-script.ts";
import type { FleetConnection } from "../fleet/redis-connection.ts";
import type { Logger } from "../support/logger.ts";
import { VaultConflictError, VaultUnavailableError } from "./errors.ts";
import type { Keyring } from "./keyring.ts";
import {
  type ConnectionRecord,
  openReadable,
  openRecord,
  type SubjectRef,
  sealRecord,
  subjectKey,
  type Vault,
} from "./record.ts";

/**
 * The fleet's vault: one Redis hash of sealed records, field = subject (`company:<uuid>`), value = the
 * stored form (src/vault/record.ts). One hash, so `list` is one HGETALL (no KEYS/SCAN) and every
 * record shares one Cluster slot. These are the fleet's only keys without a TTL: a vault entry
 * expiring would silently disconnect a company, which is why start-up checks Redis's persistence and
 * eviction settings (src/vault/redis-durability.ts).
 *
 * Unlike the fleet's guards, the vault has no per-instance fallback: a credential written on one
 * instance only must never be believed by the fleet, so an unreachable Redis is a
 * VaultUnavailableError and nothing is read or written.
 */

/** The hash's name, after the fleet's key rules (src/fleet/keys.ts): prefix, then a `{…}` hash tag. */
export function vaultRecordsKey(keyPrefix: string): string {
  return `${keyPrefix}{vault}:records`;
}

/**
 * The compare-and-set, atomic in Redis: ARGV = field, expected version ('' = must not exist), new
 * stored value. The stored value's `version` is what is compared; an unparsable one never matches.
 */
const PUT_IF_VERSION = new LuaScript(`
local current = redis.call('HGET', KEYS[1], ARGV[1])
if ARGV[2] == '' then
  if current then return 0 end
else
  if not current then return 0 end
  local ok, stored = pcall(cjson.decode, current)
  if not ok or type(stored) ~= 'table' or tonumber(stored['version']) ~= tonumber(ARGV[2]) then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`);

export class RedisVault implements Vault {
  readonly #connection: FleetConnection;
  readonly #key: string;
  readonly #keyring: Keyring;
  readonly #logger: Logger;

  constructor(connection: FleetConnection, keyPrefix: string, keyring: Keyring, logger: Logger) {
    this.#connection = connection;
    this.#key = vaultRecordsKey(keyPrefix);
    this.#keyring = keyring;
    this.#logger = logger;
  }

  async get(subject: SubjectRef): Promise<ConnectionRecord | undefined> {
    const field = subjectKey(subject);
    const stored = await this.#run("get", (redis) => redis.hget(this.#key, field));
    return stored === null ? undefined : openRecord(this.#keyring, subject, parseJson(stored));
  }

  async list(): Promise<readonly ConnectionRecord[]> {
    const all = await this.#run("list", (redis) => redis.hgetall(this.#key));
    return openReadable(
      this.#keyring,
      this.#logger,
      Object.entries(all).map(([field, stored]) => [field, parseJson(stored)] as const),
    );
  }

  async put(
    record: Omit<ConnectionRecord, "version">,
    expectedVersion: number | null,
  ): Promise<ConnectionRecord> {
    const field = subjectKey(record.subject);
    const sealed = sealRecord(this.#keyring, record, (expectedVersion ?? 0) + 1);
    const stored = await this.#run("put", (redis) =>
      PUT_IF_VERSION.run(
        redis,
        [this.#key],
        [field, expectedVersion === null ? "" : String(expectedVersion), JSON.stringify(sealed.stored)],
      ),
    );
    if (Number(stored) !== 1) throw new VaultConflictError(field, expectedVersion);
    return sealed.record;
  }

  async delete(subject: SubjectRef): Promise<boolean> {
    const field = subjectKey(subject);
    return (await this.#run("delete", (redis) => redis.hdel(this.#key, field))) > 0;
  }

  async #run<T>(operation: string, commands: (redis: Redis) => Promise<T>): Promise<T> {
    const outcome = await this.#connection.run(commands);
    if (!outcome.ok) throw new VaultUnavailableError(operation);
    return outcome.value;
  }
}

/** A stored value as JSON, or undefined (which the stored-form schema then refuses as malformed). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
