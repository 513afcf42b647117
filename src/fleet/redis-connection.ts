import { Redis } from "ioredis";
import type { Logger } from "../support/logger.ts";
import { type FleetConfig, redisTarget } from "./redis-config.ts";

/**
 * The process's connections to Redis: one for commands, one for pub/sub (a subscribed connection can
 * run nothing else). Requests must never hang on Redis: the offline queue is off (a command while
 * disconnected fails at once), every command has `commandTimeout`, and nothing is retried. Callers go
 * through `run`, which turns any failure into `{ ok: false }` so they fall back to per-instance state.
 *
 * Health is `up` or `degraded`. It turns degraded on a lost connection or a failed/slow command, and up
 * again when both connections are back and a PING answers (checked every `probeIntervalMs` while
 * degraded), so shared state resumes without a restart. Each transition is logged once and told to
 * listeners (metrics, `/ready`, mirrors that must re-read what they missed) once, never per request.
 */
export type RedisHealth = "up" | "degraded";

export type RedisOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

export interface FleetConnectionOptions {
  readonly logger?: Logger;
  /** How often a degraded connection is re-checked. Default 1 s. */
  readonly probeIntervalMs?: number;
  /** Bound on establishing a connection (not a command). Default 2 s. */
  readonly connectTimeoutMs?: number;
}

const MAX_RECONNECT_DELAY_MS = 2_000;
/** How long after a command timeout the confirming PING is sent (lets a stalled event loop recover). */
const CONFIRM_DELAY_MS = 100;

export class FleetConnection {
  readonly #commands: Redis;
  readonly #subscriber: Redis;
  readonly #logger: Logger | undefined;
  readonly #target: string;
  readonly #listeners = new Set<(health: RedisHealth) => void>();
  readonly #handlers = new Map<string, Set<(message: string) => void>>();
  readonly #probe: NodeJS.Timeout;
  /** "starting" reads as degraded, but its first transition is announced either way. */
  #state: "starting" | RedisHealth = "starting";
  #probing = false;
  #confirming = false;
  readonly #confirmTimeoutMs: number;
  #closed = false;

  constructor(config: FleetConfig, options: FleetConnectionOptions = {}) {
    this.#logger = options.logger;
    this.#confirmTimeoutMs = Math.max(250, 5 * config.commandTimeoutMs);
    this.#target = redisTarget(config);
    this.#commands = new Redis({
      host: config.host,
      port: config.port,
      db: config.db,
      username: config.username,
      password: config.password,
      tls: config.tls
        ? {
            ca: config.tls.ca,
            servername: config.tls.servername,
            rejectUnauthorized: config.tls.rejectUnauthorized,
          }
        : undefined,
      connectionName: "pleo-gateway",
      commandTimeout: config.commandTimeoutMs,
      connectTimeout: options.connectTimeoutMs ?? 2_000,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect for ever, backing off to a bounded delay: Redis coming back must be noticed.
      retryStrategy: (times) => Math.min(50 * 2 ** times, MAX_RECONNECT_DELAY_MS),
    });
    // SUBSCRIBE may wait for the connection (it is not on any request's path) and is restored by
    // ioredis after a reconnect; a command timeout would drop it instead.
    this.#subscriber = this.#commands.duplicate({
      connectionName: "pleo-gateway-sub",
      enableOfflineQueue: true,
      commandTimeout: undefined,
      maxRetriesPerRequest: null,
    });
    for (const connection of [this.#commands, this.#subscriber]) {
      // Without a listener ioredis prints every connection error; the transition log says it once.
      connection.on("error", () => {});
      connection.on("close", () => this.#degrade("connection lost"));
      connection.on("ready", () => void this.#check());
    }
    this.#subscriber.on("message", (channel: string, message: string) => {
      for (const handler of this.#handlers.get(channel) ?? []) handler(message);
    });
    this.#probe = setInterval(() => {
      if (this.#state !== "up") void this.#check();
    }, options.probeIntervalMs ?? 1_000);
    this.#probe.unref();
  }

  get health(): RedisHealth {
    return this.#state === "up" ? "up" : "degraded";
  }

  /** Called on every transition (not per request). Returns the unsubscribe function. */
  onHealthChange(listener: (health: RedisHealth) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves once Redis is up, or false after `timeoutMs` (start-up may proceed degraded). */
  async waitUntilUp(timeoutMs: number): Promise<boolean> {
    if (this.health === "up") return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        stop();
        resolve(false);
      }, timeoutMs);
      const stop = this.onHealthChange((health) => {
        if (health !== "up") return;
        clearTimeout(timer);
        stop();
        resolve(true);
      });
    });
  }

  /**
   * Runs commands unless degraded. A connection failure degrades the connection. A command timeout
   * fails that command alone (its caller falls back to local state, so nothing waits longer than the
   * timeout) and is confirmed by a PING after a short pause before the connection counts as degraded:
   * a busy event loop can fire ioredis's timer with the reply already waiting, and one stall must not
   * flip a whole instance to local shares. An error reply (Redis answered) degrades nothing but is
   * logged as the programming error it is.
   */
  async run<T>(commands: (redis: Redis) => Promise<T>): Promise<RedisOutcome<T>> {
    if (this.#state !== "up") return { ok: false };
    try {
      return { ok: true, value: await commands(this.#commands) };
    } catch (error) {
      if (error instanceof Error && error.name === "ReplyError")
        this.#logger?.error({ err: error.message }, "redis refused a command");
      else if (error instanceof Error && /timed out/i.test(error.message)) this.#confirmTimeout();
      else this.#degrade(error instanceof Error ? error.message : "command failed");
      return { ok: false };
    }
  }

  /** Delivers every message on `channel` to `handler` (re-subscribed after reconnects). */
  async subscribe(channel: string, handler: (message: string) => void): Promise<void> {
    let handlers = this.#handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
      await this.#subscriber.subscribe(channel);
    }
    handlers.add(handler);
  }

  /** Fire-and-forget publication; a lost message is repaired by the resync after `up`. */
  publish(channel: string, message: string): void {
    void this.run((redis) => redis.publish(channel, message));
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#probe);
    this.#listeners.clear();
    this.#commands.disconnect();
    this.#subscriber.disconnect();
  }

  async #check(): Promise<void> {
    if (this.#probing || this.#closed || this.#state === "up") return;
    if (this.#commands.status !== "ready" || this.#subscriber.status !== "ready") return;
    this.#probing = true;
    try {
      await this.#commands.ping();
      this.#transition("up", "reachable");
    } catch (error) {
      this.#degrade(error instanceof Error ? error.message : "ping failed");
    } finally {
      this.#probing = false;
    }
  }

  /** After a command timed out: degrade only if a PING, sent once the moment has passed, fails too. */
  #confirmTimeout(): void {
    if (this.#confirming || this.#closed) return;
    this.#confirming = true;
    const timer = setTimeout(() => {
      // On the subscriber connection (PING is allowed while subscribed), which has no command timeout:
      // the confirmation gets its own, longer bound, so a loop that stalls twice in a row is not read
      // as Redis being down while a Redis that really stalls is still caught within a quarter second.
      let bound: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        bound = setTimeout(() => reject(new Error("ping timed out")), this.#confirmTimeoutMs);
      });
      Promise.race([this.#subscriber.ping(), timedOut])
        .catch((error: unknown) => this.#degrade(error instanceof Error ? error.message : "ping failed"))
        .finally(() => {
          clearTimeout(bound);
          this.#confirming = false;
        });
    }, CONFIRM_DELAY_MS);
    timer.unref();
  }

  #degrade(reason: string): void {
    if (this.#closed) return;
    this.#transition("degraded", reason);
  }

  #transition(to: RedisHealth, reason: string): void {
    if (this.#state === to) return;
    this.#state = to;
    if (to === "up") this.#logger?.info({ redis: this.#target }, "redis up: fleet state is shared");
    else
      this.#logger?.warn(
        { redis: this.#target, reason },
        "redis unreachable: fleet state falls back to per-instance",
      );
    for (const listener of [...this.#listeners]) listener(to);
  }
}
