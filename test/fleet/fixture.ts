import { afterAll, afterEach, beforeAll } from "vitest";
import { FleetHeartbeat } from "../../src/fleet/heartbeat.ts";
import { FleetKeys } from "../../src/fleet/keys.ts";
import { type FleetConfig, parseFleetConfig } from "../../src/fleet/redis-config.ts";
import { FleetConnection } from "../../src/fleet/redis-connection.ts";
import { startRedis, type TestRedis } from "../support/redis-server.ts";

/** One simulated gateway instance's fleet plumbing (several live in one test process). */
export interface TestInstance {
  readonly config: FleetConfig;
  readonly connection: FleetConnection;
  readonly keys: FleetKeys;
  readonly heartbeat: FleetHeartbeat;
}

export const PREFIX = "test-gw:";

async function instance(redis: TestRedis, env: Record<string, string> = {}): Promise<TestInstance> {
  const config = parseFleetConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: PREFIX, ...env });
  if (!config) throw new Error("fleet not configured");
  const connection = new FleetConnection(config, { probeIntervalMs: 100 });
  if (!(await connection.waitUntilUp(5_000))) throw new Error("redis did not come up");
  const keys = new FleetKeys(config.keyPrefix);
  const heartbeat = new FleetHeartbeat(connection, keys, { configuredInstances: config.configuredInstances });
  return { config, connection, keys, heartbeat };
}

/**
 * A test file's Redis (started before its tests, stopped after) and the instances its tests create
 * (closed after each test).
 */
export function useFleet(): {
  redis: () => TestRedis;
  instances: (count: number, env?: Record<string, string>) => Promise<TestInstance[]>;
} {
  let redis: TestRedis | undefined;
  let open: TestInstance[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    for (const i of open) {
      await i.heartbeat.stop();
      await i.connection.close();
    }
    open = [];
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const started = () => {
    if (!redis) throw new Error("redis not started");
    return redis;
  };
  return {
    redis: started,
    async instances(count, env = {}) {
      const created = [];
      for (let i = 0; i < count; i++) created.push(await instance(started(), env));
      open.push(...created);
      return created;
    },
  };
}

/** Polls until `check` holds (pub/sub delivery and reconnects are asynchronous). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
