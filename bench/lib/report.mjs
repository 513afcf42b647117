// The run's tables as Markdown (bench/results/latest.md), for docs/benchmarks.md.

const r = (v, d = 2) =>
  v === null || v === undefined || !Number.isFinite(v) ? "–" : String(Math.round(v * 10 ** d) / 10 ** d);
const mib = (bytes) => (bytes ? `${r(bytes / 1048576, 0)} MiB` : "–");
const withRange = (s, d = 2) =>
  s?.range ? `${r(s.median, d)} (${r(s.range[0], d)} … ${r(s.range[1], d)})` : "–";
const pct = (s) => (s ? `${r(s.median * 100, 0)} %` : "–");

function table(header, rows) {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

export function markdownReport(results, plots) {
  const { meta, scenarios: s } = results;
  const out = [];
  out.push(`# Benchmark results (${meta.mode}, ${meta.startedAt})`, "");
  out.push(
    `Machine: ${meta.machine.nproc} cores (${meta.machine.cpuModel}), ${r(meta.machine.memTotalBytes / 2 ** 30, 1)} GiB, Node ${meta.machine.node}; load average at start ${meta.machine.loadavgAtStart.join(" / ")}, at end ${meta.machineAfter?.loadavg?.join(" / ") ?? "–"}. ` +
      (meta.pinning.taskset
        ? `Pinned with taskset: ${meta.pinning.server}; ${meta.pinning.support}.`
        : `Not pinned: ${meta.pinning.reason}.`) +
      ` Gateway: ${meta.gateway?.runner} (${meta.gateway?.entry}). Rounds: ${meta.profile.rounds}; run time ${meta.durationS} s.`,
    "",
  );
  const others = meta.othersOnServerCore;
  if (others) {
    out.push(
      `Other processes on the gateway's core during the measured runs (share of the core, over ${others.runs} runs): median ${r(others.median * 100, 0)} %, 90th percentile ${r(others.p90 * 100, 0)} %, max ${r(others.max * 100, 0)} %.${others.median > 0.1 ? " **The machine was busy: absolute numbers are depressed and noisy; the per-round ratios are the figures to read.**" : ""}`,
      "",
    );
  }
  if (results.error) out.push(`**The run failed:** \`${results.error.split("\n")[0]}\``, "");
  if (results.problems?.length) {
    out.push(
      "**Failed requests during the run** (a scenario with more than 0.1 % failures is not judged):",
      "",
    );
    out.push(...results.problems.slice(0, 20).map((p) => `- ${p.replaceAll("|", "\\|")}`), "");
  }

  if (results.targets?.length) {
    out.push("## Targets", "");
    out.push(
      table(
        ["target", "measured", "met"],
        results.targets.map((t) => [t.target, t.measured, t.met === null ? "n/a" : t.met ? "yes" : "**no**"]),
      ),
      "",
    );
  }

  if (s.overhead) {
    const o = s.overhead;
    out.push(`## (a) Overhead: one upstream call, ${o.upstreamLatencyMs} ms upstream delay`, "");
    out.push(
      table(
        [
          "arm",
          "req/s at saturation",
          `p50 @ ${o.fixedRate}/s (ms)`,
          `p99 @ ${o.fixedRate}/s (ms)`,
          "server CPU ms/req (sat.)",
          `server CPU ms/req (@ ${o.fixedRate}/s)`,
          "server core busy (sat.)",
          "peak RSS",
          "other processes on the server core (sat. / fixed rate)",
          "upstream calls/req",
        ],
        ["direct", "gateway"].map((name) => {
          const a = o.arms[name];
          return [
            name === "direct" ? "direct (simulator)" : "gateway",
            withRange(a.rpsAtSaturation, 0),
            withRange(a.p50AtFixedRate),
            withRange(a.p99AtFixedRate),
            withRange(a.serverCpuMsPerRequestAtSaturation, 3),
            withRange(a.serverCpuMsPerRequestAtFixedRate, 3),
            pct(a.serverCoreUtilisationAtSaturation),
            mib(a.peakRssBytes),
            `${pct(a.foreignOnServerCoreAtSaturation)} / ${pct(a.foreignOnServerCoreAtFixedRate)}`,
            r(a.upstreamCallsPerRequest?.perRequest, 3),
          ];
        }),
      ),
      "",
      `Per-round ratios (median, range): gateway/direct req/s ${withRange(o.ratios.rpsGatewayOverDirect)}; added p50 ${withRange(o.ratios.addedP50Ms, 3)} ms; added p99 ${withRange(o.ratios.addedP99Ms, 3)} ms. Saturation: ${o.saturationConnections} connections.${o.identicalRequests ? ` With identical requests instead (same concurrency), the gateway made ${o.identicalRequests.calls} upstream calls for ${o.identicalRequests.requests} requests: it shares identical reads in flight.` : ""}`,
      "",
    );
  }

  if (s.concurrency) {
    out.push(
      `## (a2) Latency vs concurrency (closed loop, ${s.concurrency.upstreamLatencyMs} ms upstream delay)`,
      "",
    );
    out.push(
      table(
        [
          "connections",
          "direct req/s",
          "direct p50",
          "direct p99",
          "gateway req/s",
          "gateway p50",
          "gateway p99",
          "gateway core busy",
        ],
        s.concurrency.levels.map((l) => [
          l.connections,
          r(l.direct.rps, 0),
          r(l.direct.p50),
          r(l.direct.p99),
          r(l.gateway.rps, 0),
          r(l.gateway.p50),
          r(l.gateway.p99),
          `${r(l.gateway.serverCoreUtilisation * 100, 0)} %`,
        ]),
      ),
      "",
    );
  }

  if (s.economy) {
    out.push("## (b) Upstream economy: calls per query by page size", "");
    out.push(
      table(
        ["query", ...s.economy.pageSizes.map((n) => `n=${n}`), "minimum", "independent of n", "= minimum"],
        s.economy.queries.map((q) => [
          q.query,
          ...s.economy.pageSizes.map((n) => q.byPageSize[n].total),
          q.minimum,
          q.independentOfPageSize ? "yes" : "**no**",
          q.equalsMinimum ? "yes" : "**no**",
        ]),
      ),
      "",
    );
  }

  if (s.fanOut) {
    const f = s.fanOut;
    out.push(
      `## (c) Fan-out: 1 vs 10 companies in one query (${f.upstreamLatencyMs} ms upstream delay, ${f.rate} req/s)`,
      "",
    );
    out.push(
      table(
        ["companies", "upstream calls", "p50 (ms)", "p99 (ms)", "gateway CPU ms/req"],
        ["1", "10"].map((c) => [
          c,
          f.upstreamCalls[c],
          withRange(f.arms[c].p50),
          withRange(f.arms[c].p99),
          withRange(f.arms[c].cpuMsPerRequest, 3),
        ]),
      ),
      "",
      `Per-round ratio 10/1: p50 ${withRange(f.ratios.p50TenOverOne, 3)}, p99 ${withRange(f.ratios.p99TenOverOne, 3)}.`,
      "",
    );
  }

  if (s.memory) {
    const m = s.memory;
    out.push(`## (d) Memory: requests held in flight by a ${m.upstreamDelayMs} ms upstream delay`, "");
    const spaces = (sp) =>
      sp
        ? ["old_space", "large_object_space", "code_space", "new_space"]
            .map((k) => `${k.replace("_space", "")} ${mib(sp[k])}`)
            .join(", ")
        : "–";
    out.push(
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
          r(p.rps, 0),
          r(p.p50, 1),
          r(p.p99, 1),
          mib(p.rssPlateau),
          mib(p.heapPlateau),
          mib(p.heapHeldAfterGc),
          mib(p.heapAfterGc),
          `${r(p.heapPerInFlight / 1024, 1)} KiB`,
        ]),
      ),
      "",
      `Baseline after GC: heap ${mib(m.baseline.heapUsed)} (${spaces(m.baseline.spaces)}), RSS ${mib(m.baseline.rss)}. Retained per in-flight request (least-squares slope over the levels): live heap ${r(m.retainedBytesPerInFlight.heap / 1024, 1)} KiB (r² ${r(m.retainedBytesPerInFlight.heapR2, 3)}), RSS ${r(m.retainedBytesPerInFlight.rss / 1024, 1)} KiB (r² ${r(m.retainedBytesPerInFlight.rssR2, 3)}). No growth: heap after GC following each pass at ${m.points.at(-1)?.inFlight} held requests ${mib(m.afterRun.heapAfterGcFirstTopLevel)} → ${mib(m.afterRun.heapAfterGcRepeatTopLevel)} → ${mib(m.afterRun.heapAfterGcSecondRepeatTopLevel)} (last two passes differ by ${r(m.afterRun.heapGrowthBetweenRepeats / 1024, 0)} KiB); ${r(m.afterRun.idleAfterKeepAliveMs / 1000, 1)} s idle later (upstream keep-alive expired) ${mib(m.afterRun.heapAfterGcFinal)}, ${r(m.afterRun.heapGrowthOverBaseline / 1024, 0)} KiB over the baseline (${spaces(m.afterRun.spacesFinal)}); old space after each top-level pass ${(m.afterRun.oldSpaceAfterGcByPass ?? []).map(mib).join(" → ")}; RSS ${mib(m.afterRun.rssFinal)}.`,
      "",
    );
  }

  if (s.faults) {
    out.push("## (e) Faults", "");
    if (s.faults.status !== "measured") out.push(`**${s.faults.status}**: ${s.faults.reason}`, "");
    else {
      out.push(
        s.faults.description,
        "",
        table(
          [
            "fault mode",
            "all-ok answers",
            "company fields served",
            "p50 (ms)",
            "p99 (ms)",
            "upstream calls/req",
            "error codes",
          ],
          s.faults.modes.map((m) => [
            m.mode,
            `${r(m.successRate * 100, 1)} %`,
            `${r(m.companyFieldsServed * 100, 1)} %`,
            r(m.p50, 1),
            r(m.p99, 1),
            r(m.upstreamCallsPerRequest, 2),
            Object.entries(m.codes ?? {})
              .map(([c, n]) => `${c} ×${n}`)
              .join(", ") || "–",
          ]),
        ),
        "",
      );
    }
  }

  if (s.peer) {
    const p = s.peer;
    out.push(
      "## (f) Peer: Hive Gateway over Pleo's OpenAPI specs, one company's books (7 upstream calls)",
      "",
    );
    if (!p.arms) out.push(`**${p.status}**: ${p.reason}`, "");
    else {
      out.push(
        table(
          [
            "arm",
            "req/s at saturation",
            `p50 @ ${p.fixedRate}/s (ms)`,
            `p99 @ ${p.fixedRate}/s (ms)`,
            "CPU ms/req (sat.)",
            `CPU ms/req (@ ${p.fixedRate}/s)`,
            "core busy (sat.)",
            "peak RSS",
            "other processes on the server core (sat. / fixed rate)",
            "upstream calls/req",
          ],
          ["gateway", "peer"].map((name) => {
            const a = p.arms[name];
            return [
              name === "peer" ? `Hive Gateway ${p.versions?.["@graphql-hive/gateway"] ?? ""}` : "gateway",
              withRange(a.rpsAtSaturation, 0),
              withRange(a.p50AtFixedRate),
              withRange(a.p99AtFixedRate),
              withRange(a.cpuMsPerRequestAtSaturation, 3),
              withRange(a.cpuMsPerRequestAtFixedRate, 3),
              pct(a.coreUtilisationAtSaturation),
              mib(a.peakRssBytes),
              `${pct(a.foreignOnServerCoreAtSaturation)} / ${pct(a.foreignOnServerCoreAtFixedRate)}`,
              r(a.upstreamCallsPerRequest?.perRequest, 3),
            ];
          }),
        ),
        "",
        `Same data from both: ${Object.entries(p.sameData)
          .map(([n, same]) => `n=${n} ${same ? "yes" : "NO"}`)
          .join(
            ", ",
          )}. Per-round ratios: gateway/peer req/s ${withRange(p.ratios.rpsGatewayOverPeer)}; peer/gateway CPU per request ${withRange(p.ratios.cpuPerRequestPeerOverGateway)}; gateway/peer peak RSS ${r(p.ratios.peakRssGatewayOverPeer, 2)}. Specs composed: ${p.specsComposed.join(", ")}.`,
        "",
      );
    }
  }

  if (plots.length) {
    out.push("## Plots", "", ...plots.map((file) => `![${file}](${file})`), "");
  }
  return `${out.join("\n")}\n`;
}
