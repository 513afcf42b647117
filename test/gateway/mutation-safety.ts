import { afterAll, afterEach, beforeEach } from "vitest";
import { simulatorClock } from "../../src/simulator/clock.ts";
import { seededCompany } from "../../src/simulator/index.ts";
import { COMPANIES } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import type { Harness } from "../support/harness.ts";
import { useHarness } from "../support/use-harness.ts";
import { type FaultProxy, startFaultProxy } from "./fault-proxy.ts";
import { type Json, runMutation } from "./run-mutation.ts";

/**
 * What the mutation-safety tests share: a harness whose gateway reaches the simulator through the fault
 * proxy (with a short headers timeout, so a late answer becomes a timeout quickly), reset before each test.
 */

export const NL = COMPANIES.nl.id;
export const nl = seededCompany("lcb-nl");

/** Every typed error the safety tests look at, with the fields they inspect. */
const ERRORS = /* GraphQL */ `
  __typename
  ... on MutationError { code message companyId }
  ... on ValidationFailed { issues { path code } }
  ... on AccessDenied { scope }
  ... on WriteOutcomeUnknown { operation check cause }
  ... on UpstreamUnavailable { upstreamStatus retryable }
  ... on RateLimited { retryAfterSeconds }
`;

interface MutationSafety {
  readonly h: Harness;
  readonly faults: () => FaultProxy;
  /** Runs one mutation field and returns its result (failing the test on GraphQL errors). */
  mutate(
    field: string,
    inputType: string,
    input: Json,
    headers?: Record<string, string>,
    selection?: string,
  ): Promise<Json>;
  /** Everything the simulator saw except credential introspection. */
  upstreamCalls(): ReturnType<Harness["simRequests"]>;
}

/** One harness (behind the fault proxy) for the enclosing `describe`. */
export function useMutationSafety(): MutationSafety {
  let proxy: FaultProxy | undefined;
  const faults = () => {
    if (!proxy) throw new Error("proxy not started");
    return proxy;
  };
  // Registered before the harness so that (after-hooks run in reverse) the proxy closes after the gateway.
  afterAll(async () => {
    await proxy?.close();
  });
  const h = useHarness({
    pleoBaseUrl: async (simulatorUrl) => {
      proxy = await startFaultProxy(simulatorUrl);
      return proxy.url;
    },
    pleoHeadersTimeoutMs: 1_000,
  });
  beforeEach(async () => {
    simulatorClock.reset();
    faults().clear();
    await h.resetSim();
  });
  afterEach(() => simulatorClock.reset());

  const mutate: MutationSafety["mutate"] = (field, inputType, input, headers = NL_KEY, selection = "") =>
    runMutation(h, { field, inputType, errors: ERRORS, selection, input, headers });

  const upstreamCalls: MutationSafety["upstreamCalls"] = async () =>
    (await h.simRequests()).filter((r) => r.path !== "/v1/introspect");

  return { h, faults, mutate, upstreamCalls };
}
