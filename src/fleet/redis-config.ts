import { readFileSync } from "node:fs";
import { z } from "zod";
import { flag, optionalString } from "../support/env-values.ts";

/**
 * The fleet's configuration: where Redis is and how to talk to it. `REDIS_URL` unset means no fleet:
 * the gateway keeps today's in-memory, per-process behaviour. Values are never echoed in problems
 * (a URL may carry a password), and `redisTarget` is the only form of the address fit for a log line.
 */
export const fleetEnvSchema = z.object({
  REDIS_URL: optionalString.refine((v) => v === undefined || redisUrl(v) !== undefined, {
    message: "must be a redis:// or rediss:// URL with a host",
  }),
  REDIS_USERNAME: optionalString,
  REDIS_PASSWORD: optionalString,
  // Our own `{…}` hash tags follow the prefix; a brace in it would change which slot keys land in.
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{0,64}$/, "letters, digits, ':', '_', '.', '-' only (at most 64)")
    .default("pleo-gw:"),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().max(10_000).default(50),
  REDIS_TLS_CA_FILE: optionalString,
  REDIS_TLS_SERVERNAME: optionalString,
  REDIS_TLS_REJECT_UNAUTHORIZED: flag.default(true),
  /** The instance count assumed for local budget shares before any heartbeat has been seen. */
  FLEET_INSTANCES: z.coerce.number().int().positive().max(1_000).default(1),
});

export type FleetEnv = z.infer<typeof fleetEnvSchema>;

interface RedisTls {
  readonly ca: string | undefined;
  readonly servername: string | undefined;
  readonly rejectUnauthorized: boolean;
}

export interface FleetConfig {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username: string | undefined;
  readonly password: string | undefined;
  /** Present for `rediss://`. */
  readonly tls: RedisTls | undefined;
  readonly keyPrefix: string;
  readonly commandTimeoutMs: number;
  readonly configuredInstances: number;
}

export class FleetConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid fleet configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "FleetConfigError";
  }
}

/** The fleet settings from an environment record; undefined when `REDIS_URL` is unset (no fleet). */
export function parseFleetConfig(environment: Record<string, string | undefined>): FleetConfig | undefined {
  const result = fleetEnvSchema.safeParse(environment);
  if (!result.success)
    throw new FleetConfigError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return fleetConfigFrom(result.data);
}

/** The same from already-parsed values (e.g. when the schema is merged into the gateway's own). */
export function fleetConfigFrom(env: FleetEnv): FleetConfig | undefined {
  if (env.REDIS_URL === undefined) return undefined;
  const url = redisUrl(env.REDIS_URL);
  if (!url) throw new FleetConfigError(["REDIS_URL: must be a redis:// or rediss:// URL with a host"]);
  const db = url.pathname.replace(/^\//, "");
  if (db !== "" && !/^\d{1,2}$/.test(db))
    throw new FleetConfigError(["REDIS_URL: the path must be a db number"]);
  let ca: string | undefined;
  if (env.REDIS_TLS_CA_FILE !== undefined) {
    try {
      ca = readFileSync(env.REDIS_TLS_CA_FILE, "utf8");
    } catch {
      throw new FleetConfigError(["REDIS_TLS_CA_FILE: the file cannot be read"]);
    }
  }
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port === "" ? 6379 : Number(url.port),
    db: db === "" ? 0 : Number(db),
    // Separate variables win over the URL's, so a secret store can inject the password alone.
    username: env.REDIS_USERNAME ?? (url.username === "" ? undefined : decodeURIComponent(url.username)),
    password: env.REDIS_PASSWORD ?? (url.password === "" ? undefined : decodeURIComponent(url.password)),
    tls:
      url.protocol === "rediss:"
        ? { ca, servername: env.REDIS_TLS_SERVERNAME, rejectUnauthorized: env.REDIS_TLS_REJECT_UNAUTHORIZED }
        : undefined,
    keyPrefix: env.REDIS_KEY_PREFIX,
    commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
    configuredInstances: env.FLEET_INSTANCES,
  };
}

/** The address for logs and `/ready`: scheme, host, port and db, never credentials. */
export function redisTarget(config: FleetConfig): string {
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  return `${config.tls ? "rediss" : "redis"}://${host}:${config.port}/${config.db}`;
}

function redisUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    if ((url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "") return url;
  } catch {
    // not a URL at all
  }
  return undefined;
}
