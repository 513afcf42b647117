import { createHash } from "node:crypto";
import { z } from "zod";
import type { FleetConnection } from "../fleet/redis-connection.ts";
import { getCompany } from "../pleo/apis/companies.ts";
import type { PleoClient } from "../pleo/client.ts";
import type { PleoCredential } from "../pleo/credential.ts";
import { LruCache } from "../support/lru-cache.ts";
import type { SubjectRef } from "./subject.ts";

/** What Pleo says about a connected subject: its name and (for a company) its organisation. */
export interface SubjectFacts {
  readonly name: string | null;
  readonly organisationId: string | null;
}

const UNKNOWN: SubjectFacts = { name: null, organisationId: null };
const TTL_MS = 10 * 60_000;
/** In a fleet: how long the facts one instance learnt serve the others (a connection may sit revoked long). */
const SHARED_TTL_MS = 30 * 24 * 60 * 60_000;
const factsSchema = z.object({ name: z.string().nullable(), organisationId: z.string().nullable() });

/**
 * Names and organisations of connected subjects, read from Pleo (`GET /v1/companies/{id}`) with the
 * subject's own credential and remembered for a while (they are not secret and rarely change), so a
 * connection that later needs reauthorization still shows its name and who may manage it. Pleo exposes
 * no organisation name: organisations have `name: null`. In a fleet they are remembered in Redis too:
 * the instance asked to list a revoked connection may never have held a working credential for it.
 */
export class SubjectDirectory {
  readonly #pleo: PleoClient;
  readonly #facts = new LruCache<SubjectFacts>(10_000);
  readonly #shared: { readonly connection: FleetConnection; readonly keyPrefix: string } | undefined;

  constructor(pleo: PleoClient, shared?: { connection: FleetConnection; keyPrefix: string }) {
    this.#pleo = pleo;
    this.#shared = shared;
  }

  /** What is remembered, without calling Pleo. */
  async known(subject: SubjectRef): Promise<SubjectFacts> {
    if (subject.kind !== "company") return UNKNOWN;
    const local = this.#facts.getSync(subject.id);
    if (local || !this.#shared) return local ?? UNKNOWN;
    const key = this.#sharedKey(subject.id, this.#shared.keyPrefix);
    const outcome = await this.#shared.connection.run((redis) => redis.get(key));
    const stored = outcome.ok && outcome.value !== null ? parse(outcome.value) : undefined;
    if (stored) this.#facts.setSync(subject.id, stored, TTL_MS);
    return stored ?? UNKNOWN;
  }

  /** Asks Pleo with `credential` (bound to the subject); what is remembered when Pleo cannot answer. */
  async learn(subject: SubjectRef, credential: PleoCredential): Promise<SubjectFacts> {
    if (subject.kind !== "company") return UNKNOWN;
    let facts: SubjectFacts;
    try {
      const company = await getCompany(this.#pleo, credential, subject.id);
      facts = { name: company.name, organisationId: company.organizationId?.toLowerCase() ?? null };
    } catch {
      // A credential without `companies:read`, or Pleo unavailable: fall back to what is known.
      return this.known(subject);
    }
    this.#facts.setSync(subject.id, facts, TTL_MS);
    const shared = this.#shared;
    if (shared) {
      const key = this.#sharedKey(subject.id, shared.keyPrefix);
      await shared.connection.run((redis) => redis.set(key, JSON.stringify(facts), "PX", SHARED_TTL_MS));
    }
    return facts;
  }

  #sharedKey(companyId: string, prefix: string): string {
    const digest = createHash("sha256").update(companyId).digest("hex").slice(0, 32);
    return `${prefix}{subject:${digest}}:facts`;
  }
}

function parse(text: string): SubjectFacts | undefined {
  try {
    const result = factsSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
