import { z } from "zod";
import { LruCache } from "../support/lru-cache.ts";
import {
  InMemoryRateBudget,
  type RateBudgetOptions,
  type RateBudgetStore,
  type Reservation,
} from "../upstream/rate-budget.ts";
import type { FleetHeartbeat } from "./heartbeat.ts";
import { type FleetKeys, fingerprint } from "./keys.ts";
import { LUA_NOW, LuaScript } from "./lua-script.ts";
import type { FleetConnection } from "./redis-connection.ts";

/**
 * The rate budget per credential shared by the whole fleet: the same GCRA as `InMemoryRateBudget`
 * (one theoretical arrival time per credential), kept in Redis and advanced by one atomic Lua script
 * on Redis's clock. A Lua script rather than a lock or a counter: GCRA is one number per key, the script
 * reads and writes it in one step, and a sliding window needs no list of timestamps.
 *
 * Round trips. A query making seven upstream calls must not pay seven sequential trips, so:
 * - Reserves for one credential that arrive while a trip is under way wait for it and go together in
 *   the next one; the script decides each of them exactly as the in-memory budget would in sequence
 *   (granted if its slot comes within its own remaining wait, else `retryAfterMs`, nothing reserved).
 * - Lease: when a trip finds slots free *now* (the budget is not pacing), it takes up to `leaseSize`
 *   in total and keeps the spare ones locally for `leaseTtlMs`; later reserves here use them with no
 *   trip. Only immediate slots are leased (never future ones), and a lease is dropped on expiry and on
 *   any pause. Exactness bound: every call sent had a slot granted by the script, so the GCRA bound
 *   (`perMinute` in any 60 s) holds for grant times; a leased slot is sent at most `leaseTtlMs` after it
 *   was granted, and each instance holds at most `leaseSize − 1` such slots, so any 60 s window of
 *   sends holds at most `perMinute + instances × (leaseSize − 1)` calls (500 + 3 × 3 = 509 by default,
 *   still under Pleo's 600). Slots leased but unused are lost, never over-spent.
 *
 * A 429 from Pleo pauses the credential in Redis and on a pub/sub channel, so every instance drops its
 * lease at once. When Redis is unreachable each instance spends a local share of the budget
 * (`perMinute ÷ heartbeat.instanceCount()`), and the shared budget resumes when Redis is back.
 */
const RESERVE = new LuaScript(`${LUA_NOW}
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local result = {0}
for i = 4, #ARGV do
  local wait = math.max(0, math.ceil(tat - tolerance - now - 1e-6))
  if wait <= tonumber(ARGV[i]) then
    result[#result + 1] = wait
    tat = tat + interval
  else
    result[#result + 1] = -wait - 1
  end
end
while result[1] < lease and tat - tolerance - now <= 1e-6 do
  result[1] = result[1] + 1
  tat = tat + interval
end
redis.call('SET', KEYS[1], string.format('%.3f', tat), 'PX', math.ceil(tat - now) + 1000)
return result
`);

const PAUSE = new LuaScript(`${LUA_NOW}
local target = now + tonumber(ARGV[1]) + tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < target then tat = target end
redis.call('SET', KEYS[1], string.format('%.3f', tat), 'PX', math.ceil(tat - now) + 1000)
return 1
`);

const pauseMessage = z.object({ key: z.string(), pauseMs: z.number().nonnegative() });

/** At most this many waiting reserves go in one script call. */
const MAX_BATCH = 64;

export interface FleetRateBudgetOptions extends RateBudgetOptions {
  /** Bound of per-credential local state (leases, the fallback share). */
  readonly maxKeys: number;
  /** Slots one trip may take when they are free now (1: no leasing). Default 4. */
  readonly leaseSize?: number;
  /** How long spare leased slots stay usable. Default 250 ms. */
  readonly leaseTtlMs?: number;
}

interface Waiter {
  readonly deadline: number;
  readonly resolve: (reservation: Reservation) => void;
}

interface Lease {
  spare: number;
  readonly expiresAt: number;
}

export class FleetRateBudget implements RateBudgetStore {
  readonly #connection: FleetConnection;
  readonly #keys: FleetKeys;
  readonly #heartbeat: FleetHeartbeat;
  readonly #options: FleetRateBudgetOptions;
  readonly #intervalMs: number;
  readonly #toleranceMs: number;
  readonly #leaseSize: number;
  readonly #leaseTtlMs: number;
  readonly #leases: LruCache<Lease>;
  readonly #queues = new Map<string, Waiter[]>();
  #share: { readonly instances: number; readonly budget: InMemoryRateBudget } | undefined;

  constructor(
    connection: FleetConnection,
    keys: FleetKeys,
    heartbeat: FleetHeartbeat,
    options: FleetRateBudgetOptions,
  ) {
    if (options.burst < 1 || options.burst >= options.perMinute)
      throw new RangeError("rate budget: 1 ≤ burst < perMinute");
    this.#connection = connection;
    this.#keys = keys;
    this.#heartbeat = heartbeat;
    this.#options = options;
    this.#intervalMs = 60_000 / (options.perMinute - options.burst);
    this.#toleranceMs = this.#intervalMs * (options.burst - 1);
    this.#leaseSize = Math.max(1, options.leaseSize ?? 4);
    this.#leaseTtlMs = options.leaseTtlMs ?? 250;
    this.#leases = new LruCache<Lease>(options.maxKeys);
    void connection.subscribe(keys.channel("budget-pause"), (message) => this.#paused(message));
  }

  async reserve(key: string, maxWaitMs: number): Promise<Reservation> {
    fingerprint(key);
    if (this.#connection.health !== "up") return this.#localShare().reserveSync(key, maxWaitMs);
    const lease = this.#leases.getSync(key);
    if (lease && lease.spare > 0 && Date.now() < lease.expiresAt) {
      lease.spare -= 1;
      this.#charge(key, 1);
      return { granted: true, waitMs: 0 };
    }
    return new Promise<Reservation>((resolve) => {
      const queue = this.#queues.get(key);
      const waiter = { deadline: Date.now() + maxWaitMs, resolve };
      if (queue) queue.push(waiter);
      else {
        this.#queues.set(key, [waiter]);
        void this.#drain(key);
      }
    });
  }

  async pause(key: string, untilMs: number): Promise<void> {
    const budgetKey = this.#keys.budget(key);
    const pauseMs = Math.max(0, untilMs - Date.now());
    this.#pauseLocally(key, pauseMs);
    const outcome = await this.#connection.run((redis) =>
      PAUSE.run(redis, [budgetKey], [pauseMs, this.#toleranceMs]),
    );
    if (outcome.ok)
      this.#connection.publish(this.#keys.channel("budget-pause"), JSON.stringify({ key, pauseMs }));
  }

  /** One trip at a time per credential; reserves arriving meanwhile queue up for the next trip. */
  async #drain(key: string): Promise<void> {
    const queue = this.#queues.get(key) ?? [];
    const budgetKey = this.#keys.budget(key);
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      const now = Date.now();
      const maxWaits = batch.map((w) => Math.max(0, w.deadline - now));
      const outcome = await this.#connection.run((redis) =>
        RESERVE.run(redis, [budgetKey], [this.#intervalMs, this.#toleranceMs, this.#leaseSize, ...maxWaits]),
      );
      if (!outcome.ok) {
        // Redis went away mid-flight: these callers (and any queued behind them) use the local share.
        for (const waiter of [...batch, ...queue.splice(0)])
          waiter.resolve(this.#localShare().reserveSync(key, Math.max(0, waiter.deadline - Date.now())));
        break;
      }
      const [leased, ...waits] = outcome.value as number[];
      batch.forEach((waiter, i) => {
        const wait = waits[i] ?? -1;
        if (wait >= 0) this.#charge(key, 1);
        waiter.resolve(
          wait >= 0 ? { granted: true, waitMs: wait } : { granted: false, retryAfterMs: -wait - 1 },
        );
      });
      let spare = leased ?? 0;
      // Spare slots first go to reserves that queued during the trip, the rest are kept as a lease.
      while (spare > 0 && queue.length > 0) {
        this.#charge(key, 1);
        queue.shift()?.resolve({ granted: true, waitMs: 0 });
        spare -= 1;
      }
      if (spare > 0)
        this.#leases.setSync(key, { spare, expiresAt: Date.now() + this.#leaseTtlMs }, this.#leaseTtlMs);
    }
    this.#queues.delete(key);
  }

  #paused(message: string): void {
    let parsed: z.infer<typeof pauseMessage>;
    try {
      parsed = pauseMessage.parse(JSON.parse(message));
    } catch {
      return;
    }
    this.#pauseLocally(parsed.key, parsed.pauseMs);
  }

  /** Drops the lease, and pauses the local share too (in case Redis goes before the pause ends). */
  #pauseLocally(key: string, pauseMs: number): void {
    void this.#leases.delete(key);
    this.#localShare().pauseSync(key, Date.now() + pauseMs);
  }

  /**
   * Records a slot the shared budget granted here in the local share as well, so that when Redis goes
   * away the share starts from what this instance actually spent, not from a full burst (without this,
   * a window spanning the loss could hold the shared budget plus every instance's fresh burst).
   */
  #charge(key: string, slots: number): void {
    const share = this.#localShare();
    for (let i = 0; i < slots; i++) share.reserveSync(key, Number.POSITIVE_INFINITY);
  }

  /** This instance's share of the budget while Redis is unreachable (rebuilt if the fleet size changed). */
  #localShare(): InMemoryRateBudget {
    const instances = this.#heartbeat.instanceCount();
    if (this.#share?.instances !== instances) {
      const perMinute = Math.max(2, Math.floor(this.#options.perMinute / instances));
      const burst = Math.max(1, Math.min(Math.floor(this.#options.burst / instances), perMinute - 1));
      const budget = new InMemoryRateBudget({ perMinute, burst, maxKeys: this.#options.maxKeys });
      this.#share = { instances, budget };
    }
    return this.#share.budget;
  }
}
