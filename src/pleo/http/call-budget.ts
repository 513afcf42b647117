import { ErrorCode, GatewayError } from "../../errors.ts";
import type { CallPlan } from "./call-plan.ts";

/** Default of MAX_UPSTREAM_CALLS_PER_REQUEST: four times what the group's whole books cost (22 calls). */
export const DEFAULT_MAX_CALLS_PER_REQUEST = 100;

/**
 * The Pleo reads one GraphQL request may make. A small query can fan out into many reads (`nodes(ids:)`
 * of accounting entries costs a GET per id), and those reads spend a credential's rate budget that every
 * caller served by that credential shares: past the bound, further reads fail at once, before any gate,
 * with UPSTREAM_CALL_LIMIT, and the fields whose reads fit still resolve.
 *
 * Only reads count (GETs and searches, including introspection). A write is one item of a mutation's
 * input, already bounded by that input's own limits (e.g. 1000 vendors per sync), and counting writes
 * would break a documented batch half-way. A read joining an identical one in flight counts too: what a
 * request may ask for must not depend on what other requests happen to be asking at that moment.
 */
export class RequestCallBudget {
  readonly limit: number;
  #spent = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Counts `plan` against the bound, or throws UPSTREAM_CALL_LIMIT (the call was not sent). */
  spend(plan: CallPlan): void {
    if (!plan.safeRead) return;
    if (this.#spent >= this.limit) {
      throw new GatewayError(
        ErrorCode.UPSTREAM_CALL_LIMIT,
        `This request has made its limit of ${this.limit} reads from Pleo; ${plan.operation} was not sent. Ask for fewer objects per request.`,
        { companyId: plan.companyId, limit: this.limit },
        { notSent: true },
      );
    }
    this.#spent += 1;
  }
}
