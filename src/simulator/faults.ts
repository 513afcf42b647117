import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * Fault injection for the simulator, so the gateway's resilience can be tested over real HTTP.
 *
 * `POST /__sim/faults` with `{ "rules": [ … ] }` (or one rule) adds rules; `GET /__sim/faults` lists
 * them with how often each matched and fired; `DELETE /__sim/faults` and `POST /__sim/reset` clear them.
 * A rule matches by route (method, path prefix or regular expression) and/or company; the first rule
 * that matches *and fires* decides what happens to the request. Firing is deterministic: `skip` lets the
 * first N matching requests through, `times` limits the rule to N firings, and `probability` fires on a
 * hash of `seed` (default: the rule id), the request (method, path, query, credential, body) and how many
 * times that identical request was seen before. So the same requests meet the same faults in every run,
 * however concurrent requests interleave, and a retry of a request gets a fresh draw.
 *
 * Actions (after `latencyMs`, if any):
 * - `latency`: only the delay, then the request is served normally;
 * - `error`: answer `status` (default 500) with an ExceptionInfo body (and `Retry-After` if given);
 * - `rate-limit`: answer 429 with `Retry-After: retryAfterSeconds` (default 1);
 * - `hang`: never answer (until the simulator is reset or closed);
 * - `reset`: read the request, then reset the connection without answering (a write may have landed);
 * - `malformed`: answer 200 with a truncated JSON body.
 */
export const FAULT_ACTIONS = ["latency", "error", "rate-limit", "hang", "reset", "malformed"] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const faultRuleInput = z
  .object({
    id: z.string().min(1).max(64).optional(),
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .pipe(z.enum(["GET", "POST", "PUT", "DELETE", "PATCH"]))
      .optional(),
    pathPrefix: z.string().startsWith("/").max(500).optional(),
    pathRegex: z
      .string()
      .max(500)
      .refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, "must be a valid regular expression")
      .optional(),
    companyId: uuid.optional(),
    action: z.enum(FAULT_ACTIONS).default("error"),
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    status: z.number().int().min(200).max(599).optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    probability: z.number().min(0).max(1).default(1),
    seed: z.string().max(200).optional(),
    skip: z.number().int().min(0).default(0),
    times: z.number().int().min(1).optional(),
  })
  .strict();
export type FaultRuleInput = z.input<typeof faultRuleInput>;

/** `{ rules: [...] }`; a bare rule object is accepted as one rule. */
export const faultsRequest = z.preprocess(
  (body) => (body !== null && typeof body === "object" && !("rules" in body) ? { rules: [body] } : body),
  z.object({ rules: z.array(faultRuleInput).min(1).max(100) }).strict(),
);

export interface FaultRule extends z.output<typeof faultRuleInput> {
  readonly id: string;
}

/** What the server does with one request a rule fired on. */
export interface FaultDecision {
  readonly ruleId: string;
  readonly action: FaultAction;
  readonly latencyMs: number;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
}

export interface FaultTarget {
  readonly method: string;
  readonly path: string;
  /** The company the request addresses, as far as the simulator can tell before dispatching it. */
  readonly companyId: string | null;
  /** Identifies identical requests (method, path, query, credential fingerprint, body). */
  readonly identity: string;
}

interface ActiveRule {
  readonly rule: FaultRule;
  readonly regex: RegExp | undefined;
  /** How often each identical request matched, for the deterministic draw. */
  readonly seen: Map<string, number>;
  matched: number;
  fired: number;
}

export class FaultInjector {
  #rules: ActiveRule[] = [];
  #nextId = 1;

  get size(): number {
    return this.#rules.length;
  }

  add(inputs: readonly z.output<typeof faultRuleInput>[]): FaultRule[] {
    const added = inputs.map((input) => {
      const rule: FaultRule = { ...input, id: input.id ?? `fault-${this.#nextId++}` };
      this.#rules.push({
        rule,
        regex: rule.pathRegex ? new RegExp(rule.pathRegex) : undefined,
        seen: new Map(),
        matched: 0,
        fired: 0,
      });
      return rule;
    });
    return added;
  }

  clear(): void {
    this.#rules = [];
    this.#nextId = 1;
  }

  list(): (FaultRule & { matched: number; fired: number })[] {
    return this.#rules.map((r) => ({ ...r.rule, matched: r.matched, fired: r.fired }));
  }

  /** The first rule that matches this request and fires, if any. */
  decide(target: FaultTarget): FaultDecision | undefined {
    for (const active of this.#rules) {
      const { rule } = active;
      if (rule.method && rule.method !== target.method) continue;
      if (rule.pathPrefix && !target.path.startsWith(rule.pathPrefix)) continue;
      if (active.regex && !active.regex.test(target.path)) continue;
      if (rule.companyId && rule.companyId.toLowerCase() !== target.companyId?.toLowerCase()) continue;
      active.matched += 1;
      if (active.matched <= rule.skip) continue;
      if (rule.times !== undefined && active.fired >= rule.times) continue;
      if (rule.probability < 1 && !draw(active, target.identity, rule.probability)) continue;
      active.fired += 1;
      return {
        ruleId: rule.id,
        action: rule.action,
        latencyMs: rule.latencyMs,
        status:
          rule.action === "rate-limit" ? 429 : rule.action === "error" ? (rule.status ?? 500) : rule.status,
        retryAfterSeconds:
          rule.action === "rate-limit" ? (rule.retryAfterSeconds ?? 1) : rule.retryAfterSeconds,
      };
    }
    return undefined;
  }
}

/** The deterministic draw: the n-th occurrence of an identical request fires iff hash < probability. */
function draw(active: ActiveRule, identity: string, probability: number): boolean {
  const occurrence = (active.seen.get(identity) ?? 0) + 1;
  active.seen.set(identity, occurrence);
  const digest = createHash("sha256")
    .update(`${active.rule.seed ?? active.rule.id}\u0000${identity}\u0000${occurrence}`)
    .digest();
  return digest.readUInt32BE(0) / 4294967296 < probability;
}

const UUID_IN_PATH = /\/companies\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/**
 * The company a request addresses, before dispatch: `company_id`/`companyId` in the query, a
 * `/companies/{id}` path, a `companyId` in a JSON body, else the company the credential belongs to.
 */
export function addressedCompany(
  path: string,
  query: ReadonlyMap<string, readonly string[]>,
  rawBody: string,
  credentialCompany: string | null,
): string | null {
  const fromQuery = query.get("company_id")?.[0] ?? query.get("companyId")?.[0];
  if (fromQuery) return fromQuery.toLowerCase();
  const fromPath = UUID_IN_PATH.exec(path)?.[1];
  if (fromPath) return fromPath.toLowerCase();
  if (rawBody.startsWith("{")) {
    try {
      const body = JSON.parse(rawBody) as { companyId?: unknown };
      if (typeof body.companyId === "string") return body.companyId.toLowerCase();
    } catch {
      // Not JSON: no company from the body.
    }
  }
  return credentialCompany;
}
