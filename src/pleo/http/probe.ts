import { type Agent, request } from "undici";
import { classifyNetworkError, networkErrorKind } from "./transport.ts";

/** The reachability of Pleo's base URL, for readiness (any HTTP answer counts as reachable). */
export interface ProbeResult {
  readonly reachable: boolean;
  readonly status?: number;
  readonly error?: string;
  readonly durationMs: number;
}

/**
 * Is Pleo reachable? One unauthenticated GET of the base URL, outside every budget and gate (readiness
 * must see Pleo itself, not the gateway's own back-off); any HTTP answer (401, 404, …) counts.
 */
export async function probeUpstream(
  target: { readonly agent: Agent; readonly baseUrl: string; readonly userAgent: string },
  timeoutMs: number,
): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const response = await request(`${target.baseUrl}/`, {
      method: "GET",
      headers: { "user-agent": target.userAgent, accept: "application/json" },
      dispatcher: target.agent,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.dump();
    return { reachable: true, status: response.statusCode, durationMs: performance.now() - started };
  } catch (error) {
    return {
      reachable: false,
      error: networkErrorKind(classifyNetworkError(error), error),
      durationMs: performance.now() - started,
    };
  }
}
