import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  type Admission,
  type BreakerMeta,
  type BreakerOptions,
  type BreakerTransition,
  type CircuitBreakerStore,
  CircuitBreakers,
} from "../upstream/circuit-breaker.ts";
import { breakerId, type FleetKeys } from "./keys.ts";
import { MarkMirror } from "./mark-mirror.ts";
import type { FleetConnection } from "./redis-connection.ts";

/**
 * Circuit breakers for the fleet. Each instance still counts failures in its own `CircuitBreakers`
 * (wrapped here; it alone decides while Redis is down). When one opens, the open mark (until when,
 * for which company and credential id: no secret) is shared through a `MarkMirror`, so the breaker is
 * open on every instance; when one closes, the mark is cleared everywhere.
 *
 * Half-open is fleet-wide too: once the mark's time is up, a call may only probe Pleo after winning the
 * breaker's probe lock (`SET NX PX`), so one instance at a time probes. The probe's success clears the
 * mark for the fleet, its failure opens the breaker again for everyone. If Redis is unreachable the
 * lock cannot be taken and each instance probes on its own (today's behaviour).
 *
 * A `CircuitBreakerStore` whose answers are synchronous on the hot path (closed, or open and known);
 * only a breaker's first check and a probe's lock wait for Redis.
 */
interface OpenMark {
  readonly until: number;
  readonly companyId?: string | undefined;
  readonly credentialId: string;
}

const markSchema = z.object({
  until: z.number(),
  companyId: z.string().optional(),
  credentialId: z.string(),
});
const OPEN = "open";
/** A busy probe lock: try again about this soon. */
const PROBE_BUSY_RETRY_MS = 1_000;

export interface FleetBreakerOptions extends BreakerOptions {
  readonly maxKeys: number;
  /** How long a probe may hold the lock if its instance never reports (e.g. it died). Default 10 s. */
  readonly probeLockMs?: number;
}

export class FleetBreakers implements CircuitBreakerStore {
  readonly #connection: FleetConnection;
  readonly #keys: FleetKeys;
  readonly #local: CircuitBreakers;
  readonly #mirror: MarkMirror<OpenMark>;
  readonly #options: FleetBreakerOptions;
  readonly #onTransition: (transition: BreakerTransition) => void;
  readonly #now: () => number;
  /** Breakers whose probe lock this instance holds. */
  readonly #probing = new Set<string>();
  readonly #lockToken = randomUUID();

  constructor(
    connection: FleetConnection,
    keys: FleetKeys,
    options: FleetBreakerOptions,
    onTransition: (transition: BreakerTransition) => void = () => {},
    now: () => number = Date.now,
  ) {
    this.#connection = connection;
    this.#keys = keys;
    this.#options = options;
    this.#onTransition = onTransition;
    this.#now = now;
    this.#local = new CircuitBreakers(options, (t) => this.#localTransition(t), now);
    this.#mirror = new MarkMirror(connection, {
      channel: keys.channel("breaker"),
      keyOf: (id) => keys.breaker(id),
      schema: markSchema,
      maxGroups: options.maxKeys,
      // An expired mark stays visible for as long as an idle local breaker is remembered: half-open.
      graceMs: Math.max(10 * 60_000, options.openMs * 4),
    });
  }

  /**
   * Fails fast while open here or anywhere in the fleet. Synchronous (a map lookup) except on the first
   * check of a breaker, which reads the fleet's mark set before this instance listened.
   */
  isOpen(key: string): { retryAfterMs: number } | undefined | Promise<{ retryAfterMs: number } | undefined> {
    const loading = this.#mirror.ready(breakerId(key));
    if (loading) return loading.then(() => this.#isOpen(key));
    return this.#isOpen(key);
  }

  /** Right before an attempt. A probe (half-open here or for the fleet) needs the fleet's probe lock. */
  admit(key: string, meta: BreakerMeta): Admission | Promise<Admission> {
    const mark = this.#mark(key);
    const now = this.#now();
    if (mark && now < mark.until) return { admitted: false, retryAfterMs: mark.until - now };
    const local = this.#local.admit(key, meta);
    if (!local.admitted || (!local.probe && !mark)) return local;
    return this.#lockProbe(key, local.probe);
  }

  success(key: string, meta: BreakerMeta, probe: boolean): void {
    this.#local.success(key, meta, probe);
    // A fleet probe that this instance's own (closed) breaker did not know about: close it for everyone.
    if (probe && this.#mark(key)) {
      this.#mirror.remove(breakerId(key), OPEN);
      this.#onTransition({ key, ...meta, from: "half-open", to: "closed" });
    }
    this.#unlock(key);
  }

  failure(key: string, meta: BreakerMeta, probe: boolean): void {
    const before = this.#local.state(key);
    this.#local.failure(key, meta, probe);
    // A failed fleet probe opens the breaker again for everyone, even if this instance's count is low.
    if (probe && before === "closed" && this.#local.state(key) === "closed" && this.#mark(key)) {
      this.#share(key, meta);
      this.#onTransition({ key, ...meta, from: "half-open", to: "open" });
    }
    this.#unlock(key);
  }

  release(key: string, probe: boolean): void {
    this.#local.release(key, probe);
    this.#unlock(key);
  }

  #isOpen(key: string): { retryAfterMs: number } | undefined {
    const local = this.#local.isOpen(key);
    if (local) return local;
    const mark = this.#mark(key);
    const now = this.#now();
    return mark && now < mark.until ? { retryAfterMs: mark.until - now } : undefined;
  }

  async #lockProbe(key: string, localProbe: boolean): Promise<Admission> {
    const lockKey = this.#keys.breakerProbe(breakerId(key));
    const lock = await this.#connection.run((redis) =>
      redis.set(lockKey, this.#lockToken, "PX", this.#options.probeLockMs ?? 10_000, "NX"),
    );
    if (!lock.ok) return { admitted: true, probe: true };
    if (lock.value === "OK") {
      this.#probing.add(key);
      return { admitted: true, probe: true };
    }
    this.#local.release(key, localProbe);
    return { admitted: false, retryAfterMs: PROBE_BUSY_RETRY_MS };
  }

  #localTransition(transition: BreakerTransition): void {
    this.#onTransition(transition);
    if (transition.to === "open") this.#share(transition.key, transition);
    else if (transition.to === "closed") this.#mirror.remove(breakerId(transition.key), OPEN);
  }

  #share(key: string, meta: BreakerMeta): void {
    this.#mirror.put(breakerId(key), OPEN, {
      until: this.#now() + this.#options.openMs,
      companyId: meta.companyId,
      credentialId: meta.credentialId,
    });
  }

  #mark(key: string): OpenMark | undefined {
    return this.#mirror.get(breakerId(key), OPEN);
  }

  #unlock(key: string): void {
    if (!this.#probing.delete(key)) return;
    const lockKey = this.#keys.breakerProbe(breakerId(key));
    // Only our own lock: it may have expired and been taken by another instance meanwhile.
    void this.#connection.run(async (redis) => {
      if ((await redis.get(lockKey)) === this.#lockToken) await redis.del(lockKey);
    });
  }
}
