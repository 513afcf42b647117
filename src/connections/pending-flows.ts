import { createHash } from "node:crypto";
import type { FleetConnection } from "../fleet/redis-connection.ts";

/**
 * Connect flows that were started and not yet finished: what the callback needs and must not learn
 * from the browser. Each is single-use (`take` removes it), expires within minutes, and is keyed by a
 * digest of its `state`, so no store holds a state that could be replayed from it.
 */
export interface PendingFlow {
  /** PKCE code verifier: only the gateway ever holds it. */
  readonly verifier: string;
  /** The JWT `sub` of the caller who started the flow. */
  readonly actor: string;
  /** The organisation and company ids that caller's manage claim listed when it started the flow. */
  readonly manages: readonly string[];
  /** SHA-256 of the nonce in the flow's browser cookie: the callback must come from that browser. */
  readonly browserBinding: string;
  /** Where the browser goes when the flow ends (checked against the allowlist when it started). */
  readonly returnTo: string;
}

export interface PendingFlowStore {
  save(state: string, flow: PendingFlow, ttlMs: number): Promise<void>;
  /** The flow, removed in the same step, or undefined when unknown, expired or already taken. */
  take(state: string): Promise<PendingFlow | undefined>;
}

/** The shared store could not be reached: no flow can be started or finished on it right now. */
export class FlowStoreUnavailableError extends Error {
  constructor() {
    super("the store of pending connect flows is unavailable");
    this.name = "FlowStoreUnavailableError";
  }
}

export function stateDigest(state: string): string {
  return createHash("sha256").update(state).digest("hex");
}

/** One instance: flows live in this process (bounded, so a flood of starts cannot grow it for ever). */
export class InMemoryPendingFlows implements PendingFlowStore {
  readonly #flows = new Map<string, { flow: PendingFlow; expiresAt: number }>();
  readonly #maxFlows: number;

  constructor(maxFlows = 10_000) {
    this.#maxFlows = maxFlows;
  }

  async save(state: string, flow: PendingFlow, ttlMs: number): Promise<void> {
    const now = Date.now();
    for (const [key, entry] of this.#flows) if (entry.expiresAt <= now) this.#flows.delete(key);
    // Oldest first: Map keeps insertion order.
    while (this.#flows.size >= this.#maxFlows) {
      const oldest = this.#flows.keys().next().value;
      if (oldest === undefined) break;
      this.#flows.delete(oldest);
    }
    this.#flows.set(stateDigest(state), { flow, expiresAt: now + ttlMs });
  }

  async take(state: string): Promise<PendingFlow | undefined> {
    const key = stateDigest(state);
    const entry = this.#flows.get(key);
    this.#flows.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.flow : undefined;
  }
}

/** A fleet: the callback may reach another instance than the start did. GETDEL makes `take` atomic. */
export class RedisPendingFlows implements PendingFlowStore {
  readonly #connection: FleetConnection;
  readonly #prefix: string;

  constructor(connection: FleetConnection, keyPrefix: string) {
    this.#connection = connection;
    this.#prefix = keyPrefix;
  }

  async save(state: string, flow: PendingFlow, ttlMs: number): Promise<void> {
    const outcome = await this.#connection.run((redis) =>
      redis.set(this.#key(state), JSON.stringify(flow), "PX", ttlMs),
    );
    if (!outcome.ok) throw new FlowStoreUnavailableError();
  }

  async take(state: string): Promise<PendingFlow | undefined> {
    const outcome = await this.#connection.run((redis) => redis.getdel(this.#key(state)));
    if (!outcome.ok) throw new FlowStoreUnavailableError();
    return outcome.value === null ? undefined : (JSON.parse(outcome.value) as PendingFlow);
  }

  #key(state: string): string {
    const digest = stateDigest(state);
    return `${this.#prefix}{oauth-flow:${digest}}:pending`;
  }
}
