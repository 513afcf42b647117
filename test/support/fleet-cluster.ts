import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { type FleetProcesses, startFleetProcesses } from "../../scripts/fleet-processes.ts";
import type { SimRequestLogEntry } from "../../src/simulator/index.ts";
import { startRedis, type TestRedis } from "./redis-server.ts";

/**
 * A real fleet for a test file: a redis-server, one simulator process and N gateway processes (the same
 * code `npm run start:fleet` runs: scripts/fleet-processes.ts), started before the file's tests and
 * stopped after them. The helpers speak plain HTTP to the processes and plain Redis commands to Redis,
 * as an operator would: nothing here reaches into a process.
 */
export interface GqlAnswer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: GraphQL bodies are inspected field by field in assertions.
  readonly body: any;
  /** From sending the request to reading the whole answer. */
  readonly elapsedMs: number;
}

/** One Redis key as a scan finds it: its remaining TTL and everything stored under it, as text. */
export interface StoredKey {
  readonly key: string;
  /** Milliseconds left; -1: no TTL (never expires). */
  readonly pttl: number;
  readonly content: string;
}

export interface FleetCluster {
  readonly redis: TestRedis;
  readonly processes: FleetProcesses;
  /** The gateways' base URLs, in start order. */
  readonly gateways: readonly string[];
  readonly simulatorUrl: string;
  /** A GraphQL POST to one instance, bounded by `timeoutMs` (a hung request fails the test). */
  gql(
    instance: number,
    query: string,
    options: { variables?: Record<string, unknown>; headers?: Record<string, string>; timeoutMs: number },
  ): Promise<GqlAnswer>;
  // biome-ignore lint/suspicious/noExplicitAny: /ready bodies are inspected field by field in assertions.
  ready(instance: number): Promise<{ status: number; body: any }>;
  /** The simulator's request log (every Pleo call the fleet made). */
  pleoCalls(): Promise<SimRequestLogEntry[]>;
  /** POST /__sim/faults (each rule as test/simulator/faults.test.ts writes them). */
  addFaults(...rules: Record<string, unknown>[]): Promise<void>;
  clearFaults(): Promise<void>;
  /** Revokes a seeded credential in the simulator, by its label. */
  revoke(label: string): Promise<void>;
  /** SCAN over every key (never KEYS), with its TTL and content. Redis must be up. */
  storedKeys(): Promise<StoredKey[]>;
  /** Every line the simulator and the gateways wrote. */
  logLines(): string[];
}

export function useFleetCluster(options: {
  readonly instances: number;
  readonly gatewayEnv: Record<string, string>;
  readonly simulatorEnv?: Record<string, string>;
}): () => FleetCluster {
  let cluster: FleetCluster | undefined;
  let stop = async () => {};
  beforeAll(async () => {
    const redis = await startRedis();
    let processes: FleetProcesses;
    try {
      processes = await startFleetProcesses({ redisUrl: redis.url, ...options });
    } catch (error) {
      await redis.stop();
      throw error;
    }
    stop = async () => {
      await processes.stop();
      await redis.stop();
    };
    cluster = clusterOf(redis, processes);
  }, 120_000);
  afterAll(() => stop(), 60_000);
  return () => {
    if (!cluster) throw new Error("the fleet did not start");
    return cluster;
  };
}

function clusterOf(redis: TestRedis, processes: FleetProcesses): FleetCluster {
  const gateways = processes.gateways.map((g) => g.url);
  const simulatorUrl = processes.simulator.url;
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${simulatorUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  const instance = (i: number) => {
    const url = gateways[i];
    if (url === undefined) throw new RangeError(`no instance ${i}`);
    return url;
  };
  return {
    redis,
    processes,
    gateways,
    simulatorUrl,
    async gql(i, query, { variables, headers, timeoutMs }) {
      const started = performance.now();
      const response = await fetch(`${instance(i)}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body: unknown = await response.json();
      return { status: response.status, body, elapsedMs: performance.now() - started };
    },
    async ready(i) {
      const response = await fetch(`${instance(i)}/ready`, { signal: AbortSignal.timeout(5_000) });
      return { status: response.status, body: await response.json() };
    },
    async pleoCalls() {
      const response = await control("GET", "/__sim/requests");
      return ((await response.json()) as { data: SimRequestLogEntry[] }).data;
    },
    async addFaults(...rules) {
      await control("POST", "/__sim/faults", { rules });
    },
    async clearFaults() {
      await control("DELETE", "/__sim/faults");
    },
    async revoke(label) {
      await control("POST", `/__sim/credentials/${label}/revoke`);
    },
    storedKeys: () => scanKeys(redis.url),
    logLines: () => [processes.simulator, ...processes.gateways].flatMap((p) => [...p.lines]),
  };
}

async function scanKeys(url: string): Promise<StoredKey[]> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await redis.scan(cursor, "COUNT", 500);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== "0");
    const found: StoredKey[] = [];
    for (const key of keys) {
      const pttl = await redis.pttl(key);
      if (pttl === -2) continue; // expired between SCAN and now
      found.push({ key, pttl, content: await contentOf(redis, key) });
    }
    return found;
  } finally {
    redis.disconnect();
  }
}

/** Everything under a key as text, whatever its type (the fleet uses strings, hashes and sorted sets). */
async function contentOf(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case "string":
      return (await redis.get(key)) ?? "";
    case "hash":
      return JSON.stringify(await redis.hgetall(key));
    case "zset":
      return JSON.stringify(await redis.zrange(key, 0, -1, "WITHSCORES"));
    case "set":
      return JSON.stringify(await redis.smembers(key));
    case "list":
      return JSON.stringify(await redis.lrange(key, 0, -1));
    default:
      return "";
  }
}
