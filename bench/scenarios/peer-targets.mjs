// (f) peer's verdicts on the performance goals it measures: one upstream round, CPU per books query,
// and throughput against the peer at a fraction of its RSS. Tolerant of older results (no verdict, with
// the reason, where a field is missing).
import { round, summary } from "../lib/stats.mjs";

/** The fixed rate of both modes, at which the latency target is judged. */
export const FIXED_RATE = 40;
/**
 * The upstream delay when a result does not record its own: the runner's (run.mjs, BASE_PROFILES
 * upstreamLatencyMs), the simulator's delay per call in both modes.
 */
const DEFAULT_UPSTREAM_LATENCY_MS = 25;
/** How far above one upstream delay the gateway's p50 may be: one round of the seven calls, in parallel. */
const ROUND_SLACK_MS = 5;
const CPU_LIMIT_MS = 1.5;
const TARGETS = {
  round: `one upstream round: the seven-call books query's p50 @ ${FIXED_RATE}/s ≤ the peer's p50 and ≤ one upstream delay + ${ROUND_SLACK_MS} ms`,
  cpu: `gateway CPU ≤ ${CPU_LIMIT_MS} ms per seven-call books query`,
  throughput: "≥ 3 × the peer's requests/s at ≤ ¼ of its peak RSS",
};

const ms = (v, digits = 2) => (Number.isFinite(v) ? `${round(v, digits)} ms` : "–");
const rangeOf = (s, digits = 2) =>
  s?.range ? ` (range ${s.range.map((v) => round(v, digits)).join(" … ")})` : "";

/** The per-round gateway/peer p50 at the fixed rate: recorded by newer runs, else from their rounds. */
function p50Ratio(p) {
  if (p.ratios?.p50GatewayOverPeerAtFixedRate) return p.ratios.p50GatewayOverPeerAtFixedRate;
  const perRound = (p.rounds ?? [])
    .map((r) => r.gateway?.fixed?.latencyMs?.p50 / r.peer?.fixed?.latencyMs?.p50)
    .filter(Number.isFinite);
  return perRound.length ? summary(perRound) : null;
}

/** The latency target: the gateway's median p50 at the fixed rate against the peer's and one upstream delay. */
function roundTarget(p) {
  const gw = p.arms.gateway?.p50AtFixedRate?.median;
  const peer = p.arms.peer?.p50AtFixedRate?.median;
  if (!Number.isFinite(gw) || !Number.isFinite(peer)) {
    return { target: TARGETS.round, measured: "p50 at the fixed rate not recorded by this run", met: null };
  }
  const recorded = Number.isFinite(p.upstreamLatencyMs);
  const delay = recorded ? p.upstreamLatencyMs : DEFAULT_UPSTREAM_LATENCY_MS;
  const bound = delay + ROUND_SLACK_MS;
  const ratio = p50Ratio(p);
  const floor = p.floor?.p50?.median;
  const over = p.floor?.gatewayP50MinusFloor;
  // The floor is information only: the verdict stays the peer and the bound.
  const floorText = Number.isFinite(floor)
    ? `; floor (the seven calls in parallel from a bare client) p50 ${ms(floor)}, gateway − floor ${ms(over?.median)}${rangeOf(over)} per round`
    : "";
  return {
    target: TARGETS.round,
    measured: `gateway p50 ${ms(gw)}, peer p50 ${ms(peer)} (medians @ ${p.fixedRate ?? FIXED_RATE}/s)${ratio ? `; per-round gateway/peer ${round(ratio.median, 3)}${rangeOf(ratio, 3)}` : ""}; bound ${ms(bound)} (${delay} ms upstream delay${recorded ? "" : ", the runner's default"} + ${ROUND_SLACK_MS} ms)${floorText}`,
    met: gw <= peer && gw <= bound,
  };
}

function cpuTarget(p) {
  const sat = p.arms.gateway?.cpuMsPerRequestAtSaturation;
  const fixed = p.arms.gateway?.cpuMsPerRequestAtFixedRate;
  if (!Number.isFinite(sat?.median)) {
    return { target: TARGETS.cpu, measured: "gateway CPU not recorded by this run", met: null };
  }
  return {
    target: TARGETS.cpu,
    measured: `${ms(sat.median, 3)} at saturation${rangeOf(sat, 3)}; ${ms(fixed?.median, 3)} at ${p.fixedRate ?? FIXED_RATE} req/s`,
    met: sat.median <= CPU_LIMIT_MS,
  };
}

function throughputTarget(p) {
  const rps = p.ratios?.rpsGatewayOverPeer;
  const rss = p.ratios?.peakRssGatewayOverPeer;
  if (!Number.isFinite(rps?.median) || !Number.isFinite(rss)) {
    return {
      target: TARGETS.throughput,
      measured: "requests/s or peak RSS not recorded by this run",
      met: null,
    };
  }
  return {
    target: TARGETS.throughput,
    measured: `${round(rps.median, 2)} × the requests/s${rangeOf(rps)} at ${round(rss, 2)} × its peak RSS`,
    met: rps.median >= 3 && rss <= 0.25,
  };
}

export function targets(p) {
  // The peer unavailable (or an older run's result without the arms): no verdict, with the reason.
  if (!p.arms) {
    const reason = p.reason ?? "peer not measured";
    return Object.values(TARGETS).map((target) => ({ target, measured: reason, met: null }));
  }
  return [roundTarget(p), cpuTarget(p), throughputTarget(p)];
}
