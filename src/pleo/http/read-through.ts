import type { RequestCacheUse } from "../../cache/request-cache-use.ts";
import type { CallPlan, PleoCall } from "./call-plan.ts";
import type { ClientCore } from "./core.ts";

/**
 * Where the Pleo client meets the cross-request read cache (src/cache): in its safe-read path, after
 * the request's call bound and BEFORE the policy gates, so a hit spends no rate budget and holds no
 * connection. The cache never stands in for the per-field gate: a loader calls the client only after
 * the gate admitted this very credential for this company, and the credential's fingerprint is part
 * of every key. A credential Pleo refused (set aside by the quarantine, shared by the fleet) gets
 * nothing from the cache: its call goes the normal way, and the quarantine gate refuses it.
 */

/** A call's parsed answer and the text it was parsed from (what the cache keeps). */
export interface ParsedAnswer<T> {
  readonly value: T;
  readonly text: string;
}

interface Sends<T> {
  /** The call on the request's behalf (its deadline). */
  readonly load: () => Promise<ParsedAnswer<T>>;
  /** The same call in the background, on a deadline of its own. */
  readonly refresh: () => Promise<ParsedAnswer<T>>;
  /** The cached text as a value, or undefined when it no longer parses. */
  readonly parse: (text: string) => T | undefined;
}

export async function readThrough<T>(
  core: ClientCore,
  plan: CallPlan,
  call: PleoCall<T>,
  use: RequestCacheUse | undefined,
  sends: Sends<T>,
): Promise<T> {
  const cache = core.readCache;
  const resource = call.cache?.resource;
  const subject = call.cache?.subject ?? call.companyId;
  if (
    !cache ||
    !resource ||
    !subject ||
    !plan.safeRead ||
    !cache.caches(resource) ||
    (await setAside(core, plan))
  ) {
    if (use) use.calls += 1;
    return (await sends.load()).value;
  }
  const { value, outcome } = await cache.read(
    {
      subject,
      resource,
      credentialHash: plan.credential.hash,
      request: [plan.method, plan.url, plan.body ?? ""].join("\u0000"),
    },
    {
      fresh: use?.fresh ?? false,
      use: sends.parse,
      load: () => {
        if (use) use.calls += 1;
        return sends.load();
      },
      refresh: async () => (await sends.refresh()).text,
    },
  );
  if (use && (outcome === "hit" || outcome === "stale")) {
    use.cacheHits += 1;
    if (outcome === "stale") use.staleServes += 1;
  }
  return value;
}

/**
 * After a write (whatever its outcome: one that failed may still have been applied), the company's
 * cached reads of what it touched are dropped on every instance before the mutation answers.
 */
export async function invalidateWritten(core: ClientCore, call: PleoCall<unknown>): Promise<void> {
  const cache = core.readCache;
  if (!cache || !call.companyId || !call.invalidates) return;
  const companyId = call.companyId;
  await Promise.all(call.invalidates.map((resource) => cache.invalidate(companyId, resource)));
}

/** The quarantine's verdict on this call, as its gate would judge it (see policy-gates.ts). */
async function setAside(core: ClientCore, plan: CallPlan): Promise<boolean> {
  const mark = await core.quarantine.check(plan.credential.hash, plan.endpoint);
  return mark !== undefined && (mark.status === 401 || plan.companyId !== undefined);
}
