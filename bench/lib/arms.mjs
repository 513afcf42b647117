// Two arms — servers answering the same requests (the gateway and the direct call, the gateway and the
// peer) — measured the same way: warmed up, counted for upstream calls, then alternated in rounds at
// saturation and at a fixed rate, because absolute numbers on a shared machine drift between rounds.

import { withLoad } from "./jobs.mjs";
import { runLoad } from "./load.mjs";
import { mib, num, pct, table, withRange } from "./markdown.mjs";
import { round, summary } from "./stats.mjs";

/** One load run in a console line: throughput, latency, the server's CPU and upstream calls. */
export function brief(run) {
  const server = run.server
    ? ` cpu ${round(run.server.cpuMsPerRequest, 3)} ms/req (${Math.round(run.server.cpuUtilisation * 100)}% core${run.foreignOnServerCore > 0.05 ? `, others ${Math.round(run.foreignOnServerCore * 100)}%` : ""})`
    : "";
  const upstream = run.upstream ? ` upstream ${round(run.upstream.perRequest, 2)}/req` : "";
  return `${Math.round(run.rps)} req/s p50 ${round(run.latencyMs.p50, 2)} p99 ${round(run.latencyMs.p99, 2)} ms${server}${upstream}`;
}

/** JIT, sockets and caches warm in every arm before anything is measured. */
export async function warmUp(bench, tag, arms, connections) {
  for (const arm of arms) {
    await runLoad(bench, {
      label: `${tag} warm ${arm.name}`,
      job: withLoad(arm.job, { connections, durationS: bench.profile.warmupS }),
      server: arm.server,
    });
  }
}

/**
 * Upstream calls per request under concurrent load, exactly: a run of a fixed number of requests (every
 * one completes, so none is cut off half-way as at the end of a timed run), against the request log.
 */
export async function countedRun(
  bench,
  { tag, scenario },
  arm,
  sim,
  connections,
  { identical = false } = {},
) {
  const amount = Math.max(bench.profile.counted.amount, connections * 4);
  const run = await runLoad(bench, {
    label: `${tag} counted`,
    job: withLoad(arm.job, {
      amount,
      connections,
      durationS: 120,
      checkBody: arm.job.method === "POST",
      ...(identical ? { variants: [] } : {}),
    }),
    server: arm.server,
    simulator: sim,
    countUpstream: true,
  });
  bench.checkStatuses(`${tag} counted`, run, scenario);
  bench.log(
    `  ${arm.name}: ${run.upstream.calls} upstream calls for ${run.responses} ${identical ? "identical " : ""}requests (${connections} connections)`,
  );
  return {
    connections,
    identical,
    requests: run.responses,
    calls: run.upstream.calls,
    perRequest: run.upstream.perRequest,
    non2xx: run.upstream.non2xx,
  };
}

/**
 * `bench.profile.rounds` rounds; in each, every arm in turn at saturation (closed loop) and at a fixed
 * rate. `load`: { satConnections, satS, rate, rateConnections, rateS }; `fixedName` ends the fixed-rate
 * runs' labels. Answers are checked where the arm speaks GraphQL (POST).
 * @returns {Promise<Array<Record<string, { saturation: object, fixed: object }>>>}
 */
export async function saturationRounds(bench, { tag, scenario, fixedName }, arms, sim, load) {
  const rounds = [];
  for (let r = 0; r < bench.profile.rounds; r += 1) {
    const round_ = {};
    for (const arm of arms) {
      const saturation = await runLoad(bench, {
        label: `${tag} ${arm.name} saturation`,
        job: withLoad(arm.job, { connections: load.satConnections, durationS: load.satS }),
        server: arm.server,
        simulator: sim,
      });
      const fixed = await runLoad(bench, {
        label: `${tag} ${arm.name} ${fixedName}`,
        job: withLoad(arm.job, {
          connections: load.rateConnections,
          rate: load.rate,
          checkBody: arm.job.method === "POST",
          durationS: load.rateS,
        }),
        server: arm.server,
        simulator: sim,
      });
      bench.checkStatuses(`${tag} ${arm.name}`, saturation, scenario);
      bench.checkStatuses(`${tag} ${arm.name}`, fixed, scenario);
      round_[arm.name] = { saturation, fixed };
      bench.log(`  round ${r + 1} ${arm.name.padEnd(7)} saturation ${brief(saturation)}`);
      bench.log(`  round ${r + 1} ${arm.name.padEnd(7)} ${`@${load.rate}/s`.padEnd(9)}${brief(fixed)}`);
    }
    rounds.push(round_);
  }
  return rounds;
}

/**
 * One arm's medians (and ranges) over the rounds. `cpuKeys` names its three server-CPU fields (the
 * scenarios name them differently in their results); `extra` follows the peak RSS.
 */
export function summariseArm(rounds, arm, cpuKeys, extra) {
  const per = (kind, pick) => rounds.map((r) => pick(r[arm][kind]));
  return {
    rpsAtSaturation: summary(per("saturation", (x) => x.rps)),
    p50AtFixedRate: summary(per("fixed", (x) => x.latencyMs.p50)),
    p99AtFixedRate: summary(per("fixed", (x) => x.latencyMs.p99)),
    [cpuKeys.cpuAtSaturation]: summary(per("saturation", (x) => x.server.cpuMsPerRequest)),
    [cpuKeys.cpuAtFixedRate]: summary(per("fixed", (x) => x.server.cpuMsPerRequest)),
    [cpuKeys.coreAtSaturation]: summary(per("saturation", (x) => x.server.cpuUtilisation)),
    peakRssBytes: Math.max(
      ...rounds.flatMap((r) => [r[arm].saturation.server.peakRss, r[arm].fixed.server.peakRss]),
    ),
    ...extra,
    foreignOnServerCoreAtSaturation: summary(per("saturation", (x) => x.foreignOnServerCore)),
    foreignOnServerCoreAtFixedRate: summary(per("fixed", (x) => x.foreignOnServerCore)),
    supportCoreBusyAtSaturation: summary(per("saturation", (x) => x.supportCoreBusy)),
    supportCoreUtilisationAtSaturation: summary(
      per("saturation", (x) => (x.simulatorCpuUtilisation ?? 0) + x.loadgenCpuUtilisation),
    ),
  };
}

/**
 * The Markdown table of a scenario's arms (summariseArm, under `result.arms`): `labels` maps each arm to
 * its row's name; `cpuKeys` as for summariseArm, with `title` naming whose CPU and core the columns show.
 */
export function armsTable(result, labels, cpuKeys) {
  const rate = result.fixedRate;
  return table(
    [
      "arm",
      "req/s at saturation",
      `p50 @ ${rate}/s (ms)`,
      `p99 @ ${rate}/s (ms)`,
      `${cpuKeys.title}CPU ms/req (sat.)`,
      `${cpuKeys.title}CPU ms/req (@ ${rate}/s)`,
      `${cpuKeys.title}core busy (sat.)`,
      "peak RSS",
      "other processes on the server core (sat. / fixed rate)",
      "upstream calls/req",
    ],
    Object.entries(labels).map(([name, label]) => {
      const a = result.arms[name];
      return [
        label,
        withRange(a.rpsAtSaturation, 0),
        withRange(a.p50AtFixedRate),
        withRange(a.p99AtFixedRate),
        withRange(a[cpuKeys.cpuAtSaturation], 3),
        withRange(a[cpuKeys.cpuAtFixedRate], 3),
        pct(a[cpuKeys.coreAtSaturation]),
        mib(a.peakRssBytes),
        `${pct(a.foreignOnServerCoreAtSaturation)} / ${pct(a.foreignOnServerCoreAtFixedRate)}`,
        num(a.upstreamCallsPerRequest?.perRequest, 3),
      ];
    }),
  );
}
