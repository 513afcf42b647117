import type { FleetConnection } from "../fleet/redis-connection.ts";
import { LruCache } from "../support/lru-cache.ts";
import type { ReadCacheOptions } from "./cache-config.ts";
import type { CacheKeys } from "./cache-keys.ts";
import { digest } from "./cache-keys.ts";
import type { CacheResource, ReadCacheInvalidator } from "./cache-resource.ts";
import { FleetAnswers, type GenerationBump } from "./fleet-answers.ts";
import { type CachedAnswer, LocalEntries } from "./local-entries.ts";

/**
 * The cross-request read cache. It never decides who may read what: the Pleo client consults it only
 * for a call a loader makes after the per-field gate admitted that very credential, and every entry is
 * keyed by the company, the credential's fingerprint and the exact upstream request (method, URL with
 * query, body), so an answer is only ever reused for the same question asked with the same credential.
 *
 * Freshness: an answer is served as is for its resource's TTL, then stale for up to `staleRatio` × TTL
 * more while ONE refresh runs in the background (per instance, and per fleet through a Redis lock);
 * past that it is a miss. A write through the gateway or a webhook event bumps the (company, resource)
 * generation that every key carries: older answers are unreachable at once, on every instance (the bump
 * is published so instances drop their copies and learn the new generation).
 *
 * In memory by default; with a fleet, answers also live in Redis (with their TTL) behind this
 * instance's copies. While Redis is unreachable the copies alone serve, and they are dropped when it is
 * back (bumps published meanwhile were missed).
 */
export type CacheOutcome = "hit" | "stale" | "miss" | "bypass";

export type ReadCacheEvent =
  | { readonly type: CacheOutcome | "refresh-failed"; readonly resource: CacheResource }
  | { readonly type: "invalidation"; readonly resource: CacheResource };

/** One cacheable read, as the client describes it. */
export interface CacheableRead {
  /** The company (or, for discovery, the organisation) the read is about. */
  readonly subject: string;
  readonly resource: CacheResource;
  /** `PleoCredential.hash`: a fingerprint, never the secret. */
  readonly credentialHash: string;
  /** Method, URL with query and body, exactly as sent upstream. */
  readonly request: string;
}

export interface ReadThrough<T> {
  /** Skip the lookup (the caller asked for fresh data, or a mutation reads); the answer still refills. */
  readonly fresh: boolean;
  /** The cached text as the caller's value, or undefined when it no longer parses (then: a miss). */
  readonly use: (text: string) => T | undefined;
  /** The read on the caller's behalf: the value and the text it was parsed from. Errors propagate. */
  readonly load: () => Promise<{ readonly value: T; readonly text: string }>;
  /** The same read in the background (its own deadline), resolving with the text once it parsed. */
  readonly refresh: () => Promise<string>;
}

/** Generations known locally without a fleet are never re-read; with one, re-read now and then. */
const MAX_GENERATIONS = 100_000;
const FLEET_GENERATION_RECHECK_MS = 60_000;
/** A refresh runs on the default request deadline (10 s): the fleet's refresh lock lasts as long. */
const REFRESH_LOCK_MS = 10_000;

export class ReadCache implements ReadCacheInvalidator {
  readonly #options: ReadCacheOptions;
  readonly #local: LocalEntries;
  readonly #shared: FleetAnswers | undefined;
  readonly #now: () => number;
  #generations = new LruCache<number>(MAX_GENERATIONS);
  readonly #refreshing = new Set<string>();
  readonly #listeners = new Set<(event: ReadCacheEvent) => void>();

  constructor(
    options: ReadCacheOptions,
    fleet?: { readonly connection: FleetConnection; readonly keys: CacheKeys },
    now: () => number = Date.now,
  ) {
    this.#options = options;
    this.#local = new LocalEntries(options.maxBytes, now);
    this.#now = now;
    if (fleet) {
      this.#shared = new FleetAnswers(fleet.connection, fleet.keys);
      this.#shared.listen(
        (bump) => this.#heard(bump),
        () => {
          this.#generations = new LruCache<number>(MAX_GENERATIONS);
          this.#local.clear();
        },
      );
    }
  }

  /** Whether reads of `resource` are cached at all (a TTL of 0 turns one off). */
  caches(resource: CacheResource): boolean {
    return this.#options.ttlMs[resource] > 0;
  }

  /** This instance's copies, in bytes of their text (a metrics gauge). */
  get localBytes(): number {
    return this.#local.bytes;
  }

  /** Hits, misses, stale serves, invalidations and failed refreshes, as they happen (metrics). */
  onEvent(listener: (event: ReadCacheEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async read<T>(read: CacheableRead, how: ReadThrough<T>): Promise<{ value: T; outcome: CacheOutcome }> {
    const subject = read.subject.toLowerCase();
    const group = groupOf(subject, read.resource);
    const id = digest([subject, read.credentialHash, read.request].join("\u0000"));
    const generation = await this.#generation(subject, read.resource);
    const at = {
      subject,
      resource: read.resource,
      group,
      id,
      generation,
      credentialHash: read.credentialHash,
    };
    if (!how.fresh) {
      const answer = await this.#lookup(at);
      const value = answer ? how.use(answer.text) : undefined;
      if (answer && value !== undefined) {
        const outcome: CacheOutcome = this.#now() < answer.freshUntil ? "hit" : "stale";
        if (outcome === "stale") this.#refreshInBackground(at, how.refresh);
        this.#emit({ type: outcome, resource: read.resource });
        return { value, outcome };
      }
    }
    const loaded = await how.load();
    this.#store(at, loaded.text);
    const outcome: CacheOutcome = how.fresh ? "bypass" : "miss";
    this.#emit({ type: outcome, resource: read.resource });
    return { value: loaded.value, outcome };
  }

  async invalidate(companyId: string, resource: CacheResource): Promise<void> {
    // TTLs are the fleet's configuration: what no instance caches needs no bump.
    if (!this.caches(resource)) return;
    const subject = companyId.toLowerCase();
    const group = groupOf(subject, resource);
    this.#local.dropGroup(group);
    const shared = await this.#shared?.bump(subject, resource);
    this.#generations.setSync(
      group,
      shared ?? (this.#generations.getSync(group) ?? 0) + 1,
      this.#generationTtlMs(),
    );
    this.#emit({ type: "invalidation", resource });
  }

  /** Pleo refused this credential: its answers are not kept here (the client also checks every hit). */
  forgetCredential(credentialHash: string): void {
    this.#local.dropCredential(credentialHash);
  }

  async #generation(subject: string, resource: CacheResource): Promise<number> {
    const group = groupOf(subject, resource);
    const known = this.#generations.getSync(group);
    if (known !== undefined) return known;
    const shared = this.#shared?.up ? await this.#shared.generation(subject, resource) : undefined;
    if (shared === undefined) return 0;
    this.#generations.setSync(group, shared, this.#generationTtlMs());
    return shared;
  }

  async #lookup(at: Location): Promise<CachedAnswer | undefined> {
    const key = localKey(at);
    const local = this.#local.get(key);
    const now = this.#now();
    if ((local && local.freshUntil > now) || !this.#shared?.up) return local;
    // A stale copy here may have been refreshed by another instance: the fleet's answer is newer.
    const shared = await this.#shared.get(at.subject, at.resource, at.generation, at.id);
    if (!shared || shared.staleUntil <= now || (local && shared.freshUntil <= local.freshUntil)) return local;
    this.#local.set(key, at.group, at.credentialHash, shared);
    return shared;
  }

  #store(at: Location, text: string): void {
    // An answer read before an invalidation must not be filed under the generation that followed it.
    if ((this.#generations.getSync(at.group) ?? at.generation) !== at.generation) return;
    const ttlMs = this.#options.ttlMs[at.resource];
    const now = this.#now();
    const answer: CachedAnswer = {
      text,
      freshUntil: now + ttlMs,
      staleUntil: now + ttlMs + Math.round(ttlMs * this.#options.staleRatio),
    };
    this.#local.set(localKey(at), at.group, at.credentialHash, answer);
    void this.#shared?.set(at.subject, at.resource, at.generation, at.id, answer);
  }

  #refreshInBackground(at: Location, refresh: () => Promise<string>): void {
    const key = localKey(at);
    if (this.#refreshing.has(key)) return;
    this.#refreshing.add(key);
    // Held no longer than a refresh may take, so a failed one does not stop others for the whole TTL.
    const lockMs = Math.min(this.#options.ttlMs[at.resource], REFRESH_LOCK_MS);
    void (async () => {
      try {
        const claimed = (await this.#shared?.claimRefresh(at.subject, at.resource, at.id, lockMs)) ?? true;
        if (claimed) this.#store(at, await refresh());
      } catch {
        // The stale answer keeps serving until its bound; the next stale serve tries again.
        this.#emit({ type: "refresh-failed", resource: at.resource });
      } finally {
        this.#refreshing.delete(key);
      }
    })();
  }

  #heard(bump: GenerationBump): void {
    const group = groupOf(bump.subject, bump.resource);
    const known = this.#generations.getSync(group);
    if (known === undefined || bump.generation > known)
      this.#generations.setSync(group, bump.generation, this.#generationTtlMs());
    this.#local.dropGroup(group);
  }

  #generationTtlMs(): number {
    return this.#shared ? FLEET_GENERATION_RECHECK_MS : Number.MAX_SAFE_INTEGER;
  }

  #emit(event: ReadCacheEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

interface Location {
  readonly subject: string;
  readonly resource: CacheResource;
  readonly group: string;
  readonly id: string;
  readonly generation: number;
  readonly credentialHash: string;
}

function groupOf(subject: string, resource: CacheResource): string {
  return `${subject}\u0000${resource}`;
}

function localKey(at: Location): string {
  return `${at.group}\u0000${at.generation}\u0000${at.id}`;
}
