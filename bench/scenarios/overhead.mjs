// (a) overhead: one upstream call through the gateway vs the same call made directly.
import { armsTable, countedRun, saturationRounds, summariseArm, warmUp } from "../lib/arms.mjs";
import { withRange } from "../lib/markdown.mjs";
import { oneCallArms } from "../lib/one-call.mjs";
import { round, summary } from "../lib/stats.mjs";

const KEY = "overhead";
/** This scenario's names for the server-CPU fields of an arm's summary, and the word its table puts before them. */
const CPU_KEYS = {
  title: "server ",
  cpuAtSaturation: "serverCpuMsPerRequestAtSaturation",
  cpuAtFixedRate: "serverCpuMsPerRequestAtFixedRate",
  coreAtSaturation: "serverCoreUtilisationAtSaturation",
};

async function run(bench, { sim, gw, ids }) {
  const load = bench.profile.overhead;
  bench.log(
    "(a) overhead: organisation(id:) { companies(first: n) } = GET /v1/companies?organization_id=&limit=n",
  );
  const { direct, gateway, check } = oneCallArms({ sim, gw, ids });
  await check(); // same data both ways, before timing
  const arms = [direct, gateway];
  const tag = { tag: "(a)", scenario: KEY };
  await warmUp(bench, "(a)", arms, load.satConnections);
  const counted = {};
  for (const arm of arms) counted[arm.name] = await countedRun(bench, tag, arm, sim, load.satConnections);
  // The same at the same concurrency with identical requests: what in-flight sharing saves.
  const identical = await countedRun(bench, tag, gateway, sim, load.satConnections, { identical: true });
  const rounds = await saturationRounds(bench, { ...tag, fixedName: "fixed rate" }, arms, sim, load);
  const armSummary = (arm) => summariseArm(rounds, arm, CPU_KEYS, { upstreamCallsPerRequest: counted[arm] });
  return {
    description:
      "organisation(id:) { companies(first: n) { name registrationNumber address } } through the gateway — one upstream GET /v1/companies?organization_id=&limit=n, introspection cached — vs the same GET sent directly to the simulator; n cycles through 3…100 so that no two requests in flight are identical (the gateway shares identical reads in flight).",
    upstreamLatencyMs: bench.profile.upstreamLatencyMs,
    fixedRate: load.rate,
    saturationConnections: load.satConnections,
    arms: { direct: armSummary("direct"), gateway: armSummary("gateway") },
    ratios: {
      rpsGatewayOverDirect: summary(rounds.map((r) => r.gateway.saturation.rps / r.direct.saturation.rps)),
      addedP50Ms: summary(rounds.map((r) => r.gateway.fixed.latencyMs.p50 - r.direct.fixed.latencyMs.p50)),
      addedP99Ms: summary(rounds.map((r) => r.gateway.fixed.latencyMs.p99 - r.direct.fixed.latencyMs.p99)),
    },
    note: "The direct arm's server is the simulator itself, which shares core 1 with the load generator; its saturation is a bound of that core, not of Pleo.",
    identicalRequests: identical,
    rounds,
  };
}

const CPU_TARGET = "gateway CPU ≤ 0.4 ms per one-call query";
const CPU_LIMIT_MS = 0.4;
const LATENCY_TARGET = "added p50 latency ≤ 1 ms over the direct call";

/** Tolerates the results of older runs: a field they lack gives its target no verdict (`met: null`). */
function targets(o) {
  const gateway = o.arms?.gateway;
  const gwCpu = gateway?.serverCpuMsPerRequestAtSaturation?.median;
  const fixedCpu = gateway?.serverCpuMsPerRequestAtFixedRate?.median;
  const added = o.ratios?.addedP50Ms;
  return [
    Number.isFinite(gwCpu)
      ? {
          target: CPU_TARGET,
          measured: `${round(gwCpu, 3)} ms at saturation (${Number.isFinite(fixedCpu) ? `${round(fixedCpu, 3)} ms` : "not recorded"} at ${o.fixedRate ?? "?"} req/s)`,
          met: gwCpu <= CPU_LIMIT_MS,
        }
      : { target: CPU_TARGET, measured: "not recorded by this run", met: null },
    Number.isFinite(added?.median)
      ? {
          target: LATENCY_TARGET,
          measured: `${round(added.median, 3)} ms (range ${(added.range ?? []).map((v) => round(v, 3)).join(" … ")})`,
          met: added.median <= 1,
        }
      : { target: LATENCY_TARGET, measured: "not recorded by this run", met: null },
  ];
}

function report(o) {
  return [
    `## (a) Overhead: one upstream call, ${o.upstreamLatencyMs} ms upstream delay`,
    "",
    armsTable(o, { direct: "direct (simulator)", gateway: "gateway" }, CPU_KEYS),
    "",
    `Per-round ratios (median, range): gateway/direct req/s ${withRange(o.ratios.rpsGatewayOverDirect)}; added p50 ${withRange(o.ratios.addedP50Ms, 3)} ms; added p99 ${withRange(o.ratios.addedP99Ms, 3)} ms. Saturation: ${o.saturationConnections} connections.${o.identicalRequests ? ` With identical requests instead (same concurrency), the gateway made ${o.identicalRequests.calls} upstream calls for ${o.identicalRequests.requests} requests: it shares identical reads in flight.` : ""}`,
    "",
  ];
}

export default {
  option: "a",
  key: KEY,
  stage: "shared-gateway",
  profile: {
    quick: { overhead: { satConnections: 96, satS: 1, rate: 100, rateConnections: 8, rateS: 1 } },
    full: { overhead: { satConnections: 96, satS: 5, rate: 100, rateConnections: 8, rateS: 5 } },
  },
  run,
  targets,
  report,
};
