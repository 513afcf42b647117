import { z } from "zod";
import {
  CredentialQuarantine,
  type QuarantineMark,
  type QuarantineStore,
  type RefusedCall,
} from "../upstream/credential-quarantine.ts";
import type { FleetKeys } from "./keys.ts";
import { MarkMirror } from "./mark-mirror.ts";
import type { FleetConnection } from "./redis-connection.ts";

/**
 * The credential quarantine for the fleet: a credential one instance saw refused (401), or a
 * credential's company-wide endpoint refused (403), is not sent again by any instance. The rules of
 * what is marked stay in `CredentialQuarantine` (wrapped here; alone it answers while Redis is down);
 * its marks are shared through a `MarkMirror` grouped by credential fingerprint, one hash field per
 * mark (`401`, or `403 <endpoint>`). `check` waits for Redis only on the first check of a credential
 * (to read marks set before this instance listened); afterwards it is synchronous.
 */
interface SharedMark {
  readonly status: 401 | 403;
  readonly until: number;
}

const markSchema = z.object({ status: z.union([z.literal(401), z.literal(403)]), until: z.number() });

export class FleetQuarantine implements QuarantineStore {
  readonly #local: CredentialQuarantine;
  readonly #mirror: MarkMirror<SharedMark>;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(
    connection: FleetConnection,
    keys: FleetKeys,
    options: { ttlMs: number; maxKeys: number },
    now: () => number = Date.now,
  ) {
    this.#local = new CredentialQuarantine(options, now);
    this.#ttlMs = options.ttlMs;
    this.#now = now;
    this.#mirror = new MarkMirror(connection, {
      channel: keys.channel("quarantine"),
      keyOf: (credentialHash) => keys.quarantine(credentialHash),
      schema: markSchema,
      maxGroups: options.maxKeys,
      graceMs: 0,
    });
  }

  /** As `CredentialQuarantine.refuse`; a recorded refusal is told to the whole fleet. */
  refuse(credentialHash: string, status: number, call: RefusedCall): boolean {
    const marked = this.#local.refuse(credentialHash, status, call);
    if (marked) {
      const mark: SharedMark = { status: status === 401 ? 401 : 403, until: this.#now() + this.#ttlMs };
      this.#mirror.put(credentialHash, field(mark.status, call.endpoint), mark);
    }
    return marked;
  }

  /** The mark that forbids this call, if any: this instance's own, or one the fleet set. */
  check(
    credentialHash: string,
    endpoint: string,
  ): QuarantineMark | undefined | Promise<QuarantineMark | undefined> {
    const loading = this.#mirror.ready(credentialHash);
    if (loading) return loading.then(() => this.#check(credentialHash, endpoint));
    return this.#check(credentialHash, endpoint);
  }

  #check(credentialHash: string, endpoint: string): QuarantineMark | undefined {
    const local = this.#local.check(credentialHash, endpoint);
    if (local) return local;
    const now = this.#now();
    for (const name of [field(401, endpoint), field(403, endpoint)]) {
      const mark = this.#mirror.get(credentialHash, name);
      if (mark && mark.until > now) return { status: mark.status, retryAfterMs: mark.until - now };
    }
    return undefined;
  }
}

function field(status: 401 | 403, endpoint: string): string {
  return status === 401 ? "401" : `403 ${endpoint}`;
}
