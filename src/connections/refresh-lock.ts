import { createHash, randomBytes } from "node:crypto";
import { LuaScript } from "../fleet/lua-script.ts";
import type { FleetConnection } from "../fleet/redis-connection.ts";

/**
 * Who may refresh a grant right now. Pleo revokes a whole grant when a superseded refresh token is
 * presented, so exactly one refresh per grant may be in flight anywhere: in one process a mutex is
 * enough, in a fleet it is a Redis lease (`SET NX PX`) renewed while the refresh runs.
 */
export interface RefreshLock {
  /** Runs `work` holding the grant's lock; waits for another holder up to a bound, then throws. */
  withLock<T>(grantKey: string, work: () => Promise<T>): Promise<T>;
}

/** The lock could not be taken (Redis down, or another holder kept it past the wait bound). */
export class RefreshLockUnavailableError extends Error {
  constructor(reason: string) {
    super(`the refresh lock could not be taken (${reason})`);
    this.name = "RefreshLockUnavailableError";
  }
}

/** One instance: a promise chain per grant. */
export class InProcessRefreshLock implements RefreshLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  async withLock<T>(grantKey: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(grantKey) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(work);
    const tail = run.catch(() => {});
    this.#tails.set(grantKey, tail);
    try {
      return await run;
    } finally {
      if (this.#tails.get(grantKey) === tail) this.#tails.delete(grantKey);
    }
  }
}

const RENEW = new LuaScript(
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0",
);
const RELEASE = new LuaScript(
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
);

export interface FleetRefreshLockOptions {
  /**
   * How long a holder keeps the lock without renewing it (renewed every fifth of it, so four renewals in
   * a row may fail before it lapses). It bounds how long a lock whose holder vanished blocks the grant's
   * refresh: below an access token's refresh margin, so the next refresh still comes in time. Default 5 s.
   */
  readonly leaseMs?: number;
  /** How long a second instance waits for the holder before giving up. Default 15 s. */
  readonly waitMs?: number;
  /** Pause between attempts to take a held lock. Default 50 ms. */
  readonly pollMs?: number;
}

/** Attempts at the token-checked release when its reply is lost, before the lease is left to lapse. */
const RELEASE_ATTEMPTS = 3;

/**
 * A fleet: a Redis lease per grant, token-checked on renewal and release so a holder whose lease ran out
 * can neither extend nor free its successor's. Without Redis no refresh is attempted at all: a second
 * instance refreshing in parallel would revoke the grant, which only a person can repair.
 *
 * A command whose reply is lost (a timeout: Redis may still have run it) must not leave a lease behind
 * without an owner: a lost `SET NX` is settled by reading whose token the key holds, and a lock given up
 * on or finished with is released by token, retried while Redis is reachable.
 */
export class FleetRefreshLock implements RefreshLock {
  readonly #connection: FleetConnection;
  readonly #prefix: string;
  readonly #leaseMs: number;
  readonly #waitMs: number;
  readonly #pollMs: number;
  readonly #local = new InProcessRefreshLock();

  constructor(connection: FleetConnection, keyPrefix: string, options: FleetRefreshLockOptions = {}) {
    this.#connection = connection;
    this.#prefix = keyPrefix;
    this.#leaseMs = options.leaseMs ?? 5_000;
    this.#waitMs = options.waitMs ?? 15_000;
    this.#pollMs = options.pollMs ?? 50;
  }

  // Callers in this process queue locally first, so they do not poll Redis against each other.
  withLock<T>(grantKey: string, work: () => Promise<T>): Promise<T> {
    return this.#local.withLock(grantKey, () => this.#withLease(grantKey, work));
  }

  async #withLease<T>(grantKey: string, work: () => Promise<T>): Promise<T> {
    const key = `${this.#prefix}{oauth-grant:${createHash("sha256").update(grantKey).digest("hex").slice(0, 32)}}:refresh-lock`;
    const token = randomBytes(16).toString("hex");
    await this.#acquire(key, token);
    const renewal = setInterval(
      () => {
        void this.#connection.run((redis) => RENEW.run(redis, [key], [token, this.#leaseMs]));
      },
      Math.max(10, Math.floor(this.#leaseMs / 5)),
    );
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await this.#release(key, token);
    }
  }

  async #acquire(key: string, token: string): Promise<void> {
    const giveUpAt = Date.now() + this.#waitMs;
    // Set once a SET's reply is lost: Redis may have taken the lock for us all the same.
    let maybeOurs = false;
    try {
      for (;;) {
        const outcome = await this.#connection.run((redis) =>
          redis.set(key, token, "PX", this.#leaseMs, "NX"),
        );
        if (outcome.ok && outcome.value === "OK") return;
        if (!outcome.ok) {
          maybeOurs = true;
          // Degraded: nothing reaches Redis now (a timeout alone leaves the connection up).
          if (this.#connection.health !== "up") throw new RefreshLockUnavailableError("redis unavailable");
        }
        if (maybeOurs) {
          const holder = await this.#connection.run((redis) => redis.get(key));
          if (holder.ok && holder.value === token) return;
          // Redis answered with another holder (or none): the lost SET did not take it.
          if (holder.ok) maybeOurs = false;
        }
        if (Date.now() >= giveUpAt) throw new RefreshLockUnavailableError("held by another instance");
        await new Promise((resolve) => setTimeout(resolve, this.#pollMs));
      }
    } catch (error) {
      if (maybeOurs) await this.#release(key, token);
      throw error;
    }
  }

  /** Frees the lock if it is still ours; a lost reply is retried, else the lease lapses on its own. */
  async #release(key: string, token: string): Promise<void> {
    for (let attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt += 1) {
      const outcome = await this.#connection.run((redis) => RELEASE.run(redis, [key], [token]));
      if (outcome.ok || this.#connection.health !== "up") return;
    }
  }
}
