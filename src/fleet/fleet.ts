import type { CachedBinding } from "../credentials/introspector.ts";
import type { CallerRateLimit } from "../security/caller-rate-limit.ts";
import type { Logger } from "../support/logger.ts";
import type { Cache } from "../support/lru-cache.ts";
import type { BreakerTransition, CircuitBreakerStore } from "../upstream/circuit-breaker.ts";
import type { QuarantineStore } from "../upstream/credential-quarantine.ts";
import type { ResilienceOptions } from "../upstream/options.ts";
import type { RateBudgetStore } from "../upstream/rate-budget.ts";
import { FleetBindingsCache } from "./bindings-cache.ts";
import { FleetCallerRateLimiter } from "./caller-rate-limit-store.ts";
import { FleetHeartbeat } from "./heartbeat.ts";
import { FleetKeys } from "./keys.ts";
import { FleetRateBudget } from "./rate-budget.ts";
import { type FleetConfig, redisTarget } from "./redis-config.ts";
import { FleetConnection, type RedisHealth } from "./redis-connection.ts";
import { FleetBreakers } from "./shared-breakers.ts";
import { FleetQuarantine } from "./shared-quarantine.ts";

/**
 * One gateway instance's membership of a fleet: its Redis connections, key naming and heartbeat, and
 * the shared versions of every per-process guard (docs/architecture.md "What the fleet shares"). The
 * gateway asks for each store here; without a fleet it builds the in-memory ones instead, unchanged.
 */
export class Fleet {
  readonly connection: FleetConnection;
  readonly keys: FleetKeys;
  readonly heartbeat: FleetHeartbeat;
  /** Where Redis is, for logs and `/ready` (never credentials). */
  readonly target: string;

  private constructor(config: FleetConfig, logger: Logger | undefined) {
    this.connection = new FleetConnection(config, logger ? { logger } : {});
    this.keys = new FleetKeys(config.keyPrefix);
    this.heartbeat = new FleetHeartbeat(this.connection, this.keys, {
      configuredInstances: config.configuredInstances,
    });
    this.target = redisTarget(config);
  }

  /**
   * Connects and starts announcing this instance. Waits briefly for Redis, but a gateway whose Redis is
   * down still starts (degraded, on local shares) and joins the fleet when Redis answers.
   */
  static async join(config: FleetConfig, logger?: Logger, waitMs = 2_000): Promise<Fleet> {
    const fleet = new Fleet(config, logger);
    await fleet.connection.waitUntilUp(waitMs);
    fleet.heartbeat.start();
    return fleet;
  }

  get health(): RedisHealth {
    return this.connection.health;
  }

  /** The stores the Pleo client's policy gates use. */
  clientStores(resilience: ResilienceOptions): {
    readonly rateBudgetStore: RateBudgetStore;
    readonly quarantineStore: QuarantineStore;
    readonly breakerStore: (onTransition: (t: BreakerTransition) => void) => CircuitBreakerStore;
  } {
    const maxKeys = resilience.maxTrackedCredentials;
    return {
      rateBudgetStore: new FleetRateBudget(this.connection, this.keys, this.heartbeat, {
        ...resilience.rateBudget,
        maxKeys,
      }),
      quarantineStore: new FleetQuarantine(this.connection, this.keys, {
        ttlMs: resilience.quarantineMs,
        maxKeys,
      }),
      breakerStore: (onTransition) =>
        new FleetBreakers(this.connection, this.keys, { ...resilience.breaker, maxKeys }, onTransition),
    };
  }

  /** Introspection bindings, by credential fingerprint, shared so each is learned once per fleet. */
  bindingsCache(maxEntries: number): Cache<CachedBinding> {
    return new FleetBindingsCache(this.connection, this.keys, { maxEntries });
  }

  /** The caller rate limit, counted once for the fleet. */
  callerRateLimiter(limit: CallerRateLimit): FleetCallerRateLimiter {
    return new FleetCallerRateLimiter(this.connection, this.keys, this.heartbeat, limit);
  }

  /** Leaves the fleet (this instance stops counting towards the budget shares) and disconnects. */
  async leave(): Promise<void> {
    await this.heartbeat.stop();
    await this.connection.close();
  }
}
