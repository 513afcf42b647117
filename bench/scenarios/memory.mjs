// (d) memory: requests held in flight by an upstream delay, against the gateway's RSS and live heap.
import { setTimeout as sleep } from "node:timers/promises";
import { assertClean, gatewayJob, withLoad } from "../lib/jobs.mjs";
import { gql, runLoad } from "../lib/load.mjs";
import { mib, num, table } from "../lib/markdown.mjs";
import { askMemory } from "../lib/probe-client.mjs";
import { memory, stop } from "../lib/processes.mjs";
import { HELD_REQUEST } from "../lib/queries.mjs";
import { startGateway, startSimulator } from "../lib/servers.mjs";
import { linearFit, median, round } from "../lib/stats.mjs";
import { lineChart } from "../lib/svg.mjs";

const KEY = "memory";
const mb = (bytes) => (bytes === null || bytes === undefined ? "?" : (bytes / 1048576).toFixed(1));

async function run(bench) {
  const { delayMs, levels, holdS } = bench.profile.memory;
  bench.log(
    `(d) memory: in-flight requests held by a ${delayMs} ms upstream delay, concurrency ${levels.join(", ")}`,
  );
  const sim = await startSimulator(bench, "simulator-slow", delayMs);
  // Every held request also holds an upstream socket (no pool queue); idle sockets close soon, so
  // the end of the scenario can tell retained memory from a pool of kept-alive connections.
  const { keepAliveMs } = bench.profile.memory;
  const env = {
    PLEO_MAX_CONNECTIONS: "1024",
    PLEO_HEADERS_TIMEOUT_MS: "30000",
    PLEO_KEEPALIVE_TIMEOUT_MS: String(keepAliveMs),
    // A credential's binding expires every INTROSPECTION_CACHE_TTL_MS (60 s) and the next requests wait
    // for a new introspection — a whole upstream delay, 1 s here: kept out of the memory measurement.
    INTROSPECTION_CACHE_TTL_MS: "600000",
  };
  const gw = await startGateway(bench, "gateway-memory", sim.url, env, { probe: true, exposeGc: true });
  try {
    const ids = sim.identities;
    const c = ids.companies.nl;
    const job = gatewayJob(
      gw,
      { "x-pleo-api-key": ids.secrets.nl },
      HELD_REQUEST,
      { c, name: "held" },
      Array.from({ length: 1000 }, (_, i) => ({ c, name: `held-${i}` })),
    );
    assertClean("(d)", await gql(gw.url, job.headers, HELD_REQUEST, { c, name: "held" }));
    // Warm: JIT, sockets, introspection cache; then a baseline after full GC.
    await runLoad(bench, {
      label: "(d) warm",
      job: withLoad(job, {
        connections: Math.min(50, levels.at(-1)),
        durationS: Math.max(2, (2 * delayMs) / 1000),
      }),
      server: { pid: gw.pid },
    });
    await sleep(delayMs + 300);
    const baseline = await askMemory(gw.child, true);
    const baselineRss = memory(gw.pid).rss;
    const points = [];
    const runLevel = async (connections) => {
      const samples = [];
      const t0 = performance.now();
      // Plateau: once the first upstream delay has filled the pipeline (plus ~0.5 s for the load
      // generator to start), until shortly before the run winds down.
      const plateauFrom = delayMs + 500;
      const plateauTo = holdS * 1000 - 200;
      // Twice inside the plateau, a full GC while the requests are held: what is left is what they retain.
      const gcAt = [1 / 3, 2 / 3].map((f) => plateauFrom + (plateauTo - plateauFrom) * f);
      const timer = setInterval(() => {
        const t = performance.now() - t0;
        const gc = gcAt.length > 0 && t >= gcAt[0];
        if (gc) gcAt.shift();
        askMemory(gw.child, gc)
          .then((usage) => samples.push({ t, gc, heap: usage.heapUsed, rss: memory(gw.pid).rss }))
          .catch(() => {});
      }, 100);
      const run = await runLoad(bench, {
        label: `(d) c=${connections}`,
        job: withLoad(job, { connections, durationS: holdS }),
        server: { pid: gw.pid },
        simulator: sim,
      });
      clearInterval(timer);
      bench.checkStatuses(`(d) c=${connections}`, run, KEY);
      const plateau = samples.filter((s) => s.t > plateauFrom && s.t < plateauTo && !s.gc);
      const use = plateau.length ? plateau : samples.filter((s) => !s.gc);
      const heldAfterGc = samples.filter((s) => s.gc);
      await sleep(delayMs + 500);
      const afterGc = await askMemory(gw.child, true);
      return {
        connections,
        rps: run.rps,
        p50: run.latencyMs.p50,
        p99: run.latencyMs.p99,
        // Closed loop: every connection always has one request outstanding.
        inFlight: connections,
        littlesLawInFlight: (run.rps * run.latencyMs.mean) / 1000,
        rssPlateau: median(use.map((s) => s.rss)),
        heapPlateau: median(use.map((s) => s.heap)),
        heapHeldAfterGc: median(heldAfterGc.map((s) => s.heap)),
        peakRss: run.server.peakRss,
        heapAfterGc: afterGc.heapUsed,
        spacesAfterGc: afterGc.spaces,
        rssAfter: memory(gw.pid).rss,
        samples: use.length,
        statuses: run.statuses,
        serverCoreBusy: run.serverCoreBusy,
        supportCoreBusy: run.supportCoreBusy,
      };
    };
    for (const connections of levels) {
      const point = await runLevel(connections);
      point.rssPerInFlight = (point.rssPlateau - baselineRss) / point.inFlight;
      point.heapPerInFlight = (point.heapHeldAfterGc - baseline.heapUsed) / point.inFlight;
      points.push(point);
      bench.log(
        `  c=${String(connections).padEnd(4)} in flight ${round(point.inFlight, 0)}  p50 ${round(point.p50, 1)} ms  RSS ${mb(point.rssPlateau)} MB  heap ${mb(point.heapPlateau)} MB  heap after GC ${mb(point.heapAfterGc)} MB`,
      );
    }
    // No growth: the top level twice more. The first pass grows the upstream pool to as many sockets as
    // requests held; from then on, a pass must leave the heap (after GC) where the previous one left it.
    const again = await runLevel(levels.at(-1));
    const againTwice = await runLevel(levels.at(-1));
    // Then idle past the upstream keep-alive: with the pool's sockets closed the heap must return to the
    // baseline, less whatever caches legitimately hold.
    await sleep(keepAliveMs + 1500);
    const final = await askMemory(gw.child, true);
    // Retained heap: the live heap (after GC) while the requests are held, against how many are held.
    const heapFit = linearFit(points.map((p) => ({ x: p.inFlight, y: p.heapHeldAfterGc })));
    const rssFit = linearFit(points.map((p) => ({ x: p.inFlight, y: p.rssPlateau })));
    const firstTop = points.at(-1);
    bench.log(
      `  retained per in-flight request: heap ${round(heapFit.slope / 1024, 1)} KiB (r² ${round(heapFit.r2, 3)}), RSS ${round(rssFit.slope / 1024, 1)} KiB; heap after GC: baseline ${mb(baseline.heapUsed)} → ${mb(final.heapUsed)} MB`,
    );
    return {
      description: `company(id:) { vendors(first: 5, filter: { name }) { totalCount } } with ${delayMs} ms per upstream call: the company GET (shared by the requests in flight), then a vendor search that differs per request (its name filter), so each request holds its own upstream call. Closed-loop connections = requests held in flight. The gateway ran with PLEO_MAX_CONNECTIONS=1024 (no pool queue), a ${keepAliveMs} ms upstream keep-alive and a 10-minute introspection cache (so that no re-introspection falls into the run).`,
      upstreamDelayMs: delayMs,
      gatewayEnv: env,
      baseline: { heapUsed: baseline.heapUsed, rss: baselineRss, spaces: baseline.spaces },
      points,
      retainedBytesPerInFlight: {
        heap: heapFit.slope,
        heapR2: heapFit.r2,
        rss: rssFit.slope,
        rssR2: rssFit.r2,
      },
      afterRun: {
        heapAfterGcFirstTopLevel: firstTop.heapAfterGc,
        heapAfterGcRepeatTopLevel: again.heapAfterGc,
        heapAfterGcSecondRepeatTopLevel: againTwice.heapAfterGc,
        heapAfterGcFinal: final.heapUsed,
        heapGrowthOverBaseline: final.heapUsed - baseline.heapUsed,
        heapGrowthBetweenRepeats: againTwice.heapAfterGc - again.heapAfterGc,
        heapGrowthFirstPass: again.heapAfterGc - firstTop.heapAfterGc,
        oldSpaceAfterGcByPass: [firstTop, again, againTwice].map((p) => p.spacesAfterGc?.old_space),
        spacesFinal: final.spaces,
        idleAfterKeepAliveMs: keepAliveMs + 1500,
        rssFinal: memory(gw.pid).rss,
      },
      repeatTopLevel: [again, againTwice],
    };
  } finally {
    await stop(gw.child);
    await stop(sim.child);
  }
}

const IDLE_RSS_TARGET = "idle RSS ≤ 100 MiB";
const IDLE_RSS_LIMIT_BYTES = 100 * 1048576;

/**
 * Idle RSS: the gateway's RSS once started and warmed up, before the held load (`baseline.rss`, read
 * just after a full GC). No verdict from a run that did not record it.
 */
function targets(m) {
  const rss = m.baseline?.rss;
  if (!Number.isFinite(rss)) {
    return [{ target: IDLE_RSS_TARGET, measured: "idle RSS not recorded by this run", met: null }];
  }
  return [
    {
      target: IDLE_RSS_TARGET,
      measured: `${num(rss / 1048576, 1)} MiB after start-up, warm-up and a full GC, before load`,
      met: rss <= IDLE_RSS_LIMIT_BYTES,
    },
  ];
}

function report(m) {
  const spaces = (sp) =>
    sp
      ? ["old_space", "large_object_space", "code_space", "new_space"]
          .map((k) => `${k.replace("_space", "")} ${mib(sp[k])}`)
          .join(", ")
      : "–";
  return [
    `## (d) Memory: requests held in flight by a ${m.upstreamDelayMs} ms upstream delay`,
    "",
    table(
      [
        "requests in flight",
        "req/s",
        "p50 (ms)",
        "p99 (ms)",
        "RSS (plateau)",
        "heap used (plateau)",
        "live heap while held (after GC)",
        "heap after the level (after GC)",
        "live heap per held request",
      ],
      m.points.map((p) => [
        p.inFlight,
        num(p.rps, 0),
        num(p.p50, 1),
        num(p.p99, 1),
        mib(p.rssPlateau),
        mib(p.heapPlateau),
        mib(p.heapHeldAfterGc),
        mib(p.heapAfterGc),
        `${num(p.heapPerInFlight / 1024, 1)} KiB`,
      ]),
    ),
    "",
    `Baseline after GC: heap ${mib(m.baseline.heapUsed)} (${spaces(m.baseline.spaces)}), RSS ${mib(m.baseline.rss)}. Retained per in-flight request (least-squares slope over the levels): live heap ${num(m.retainedBytesPerInFlight.heap / 1024, 1)} KiB (r² ${num(m.retainedBytesPerInFlight.heapR2, 3)}), RSS ${num(m.retainedBytesPerInFlight.rss / 1024, 1)} KiB (r² ${num(m.retainedBytesPerInFlight.rssR2, 3)}). No growth: heap after GC following each pass at ${m.points.at(-1)?.inFlight} held requests ${mib(m.afterRun.heapAfterGcFirstTopLevel)} → ${mib(m.afterRun.heapAfterGcRepeatTopLevel)} → ${mib(m.afterRun.heapAfterGcSecondRepeatTopLevel)} (last two passes differ by ${num(m.afterRun.heapGrowthBetweenRepeats / 1024, 0)} KiB); ${num(m.afterRun.idleAfterKeepAliveMs / 1000, 1)} s idle later (upstream keep-alive expired) ${mib(m.afterRun.heapAfterGcFinal)}, ${num(m.afterRun.heapGrowthOverBaseline / 1024, 0)} KiB over the baseline (${spaces(m.afterRun.spacesFinal)}); old space after each top-level pass ${(m.afterRun.oldSpaceAfterGcByPass ?? []).map(mib).join(" → ")}; RSS ${mib(m.afterRun.rssFinal)}.`,
    "",
  ];
}

function plot(m) {
  if (!m.points?.length) return null;
  const series = (name, pick, dashed = false) => ({
    name,
    dashed,
    points: m.points.map((p) => ({ x: p.inFlight, y: pick(p) / 1048576 })),
  });
  return {
    file: "memory-vs-in-flight.svg",
    svg: lineChart({
      title: "Gateway memory vs requests in flight",
      note: `${m.upstreamDelayMs} ms upstream delay holds each request; plateau medians`,
      xLabel: "requests in flight",
      yLabel: "MiB",
      series: [
        series("RSS", (p) => p.rssPlateau),
        series("heap used (with garbage)", (p) => p.heapPlateau),
        series("live heap while held (after GC)", (p) => p.heapHeldAfterGc),
        series("heap after the level (after GC)", (p) => p.heapAfterGc, true),
      ],
    }),
  };
}

export default {
  option: "d",
  key: KEY,
  // Its own slow simulator and gateway, with nothing else left running on the gateway's core.
  stage: "alone",
  profile: {
    quick: { memory: { delayMs: 300, levels: [10, 100, 400], holdS: 1.6, keepAliveMs: 1000 } },
    full: { memory: { delayMs: 1000, levels: [10, 25, 50, 100, 200, 400], holdS: 4, keepAliveMs: 2000 } },
  },
  run,
  targets,
  report,
  plot,
};
