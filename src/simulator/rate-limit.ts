import { authenticate, type IssuedTokenLookup } from "./auth.ts";
import type { DispatchResult } from "./dispatch.ts";
import { SimHttpError } from "./errors.ts";

/**
 * Pleo's rate limit, emulated (off unless `rateLimitPerMinute` / `SIM_RATE_LIMIT_PER_MINUTE` is set):
 * at most `perMinute` requests per credential in any 60-second window, an exact sliding window, beyond
 * which the answer is 429 `TOO_MANY_REQUESTS` with `Retry-After` (whole seconds until the oldest
 * request in the window leaves it). Pleo has not said whether it counts per credential, company or IP
 * (../shared notes "rate limits"); per credential is what the gateway budgets by, so a test can tell
 * "the fleet kept each credential under its budget" from "Pleo would have refused it".
 *
 * Only requests that were served count (a refused one does not extend the wait), and only recognised
 * seeded credentials are limited: anything else is refused with 401 anyway, and the limiter's memory
 * stays bounded by the seed (at most `perMinute` timestamps each). Fault-injected answers bypass it.
 */
const WINDOW_MS = 60_000;

export class SimRateLimit {
  readonly #perMinute: number;
  readonly #now: () => number;
  /** Per credential fingerprint: when each served request in the current window arrived, oldest first. */
  readonly #served = new Map<string, number[]>();

  constructor(perMinute: number, now: () => number = Date.now) {
    if (!Number.isInteger(perMinute) || perMinute < 1)
      throw new RangeError("simulator rate limit: perMinute must be a positive integer");
    this.#perMinute = perMinute;
    this.#now = now;
  }

  /** The 429 answer when this request's credential is over its limit; else undefined, and it counts. */
  refuse(authorization: string | undefined, issued?: IssuedTokenLookup): DispatchResult | undefined {
    // Issued OAuth access tokens count like any credential (Pleo limits per credential).
    const auth = authenticate(authorization, issued);
    const credential = auth.credential ?? auth.recognised;
    if (!credential || auth.fingerprint === null) return undefined;
    const now = this.#now();
    const served = this.#served.get(auth.fingerprint) ?? [];
    while (served.length > 0 && (served[0] ?? 0) <= now - WINDOW_MS) served.shift();
    this.#served.set(auth.fingerprint, served);
    const oldest = served[0];
    if (oldest === undefined || served.length < this.#perMinute) {
      served.push(now);
      return undefined;
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1_000));
    const failure = new SimHttpError(
      429,
      "TOO_MANY_REQUESTS",
      `Rate limit of ${this.#perMinute} requests per minute exceeded for this credential.`,
      { "retry-after": String(retryAfterSeconds) },
    );
    return {
      status: failure.status,
      body: failure.toBody(),
      headers: { ...failure.headers },
      credentialLabel: credential.label,
      credentialFingerprint: auth.fingerprint,
      credentialSubject: { ...credential.subject },
      targetCompanyId: null,
    };
  }

  clear(): void {
    this.#served.clear();
  }
}
