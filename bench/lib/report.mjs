// The run's tables as Markdown (bench/results/latest.md), for docs/benchmarks.md: the machine, the
// failures and the targets, then each scenario's own section, then the plots.
import { num, table } from "./markdown.mjs";

/**
 * @param {object} results the run's results (run.mjs)
 * @param {string[]} plots file names of the plots written beside the report
 * @param {Array<{ key: string, report?: (result: object) => string[] }>} scenarios in report order
 */
export function markdownReport(results, plots, scenarios) {
  const { meta } = results;
  const out = [];
  out.push(`# Benchmark results (${meta.mode}, ${meta.startedAt})`, "");
  out.push(
    `Machine: ${meta.machine.nproc} cores (${meta.machine.cpuModel}), ${num(meta.machine.memTotalBytes / 2 ** 30, 1)} GiB, Node ${meta.machine.node}; load average at start ${meta.machine.loadavgAtStart.join(" / ")}, at end ${meta.machineAfter?.loadavg?.join(" / ") ?? "–"}. ` +
      (meta.pinning.taskset
        ? `Pinned with taskset: ${meta.pinning.server}; ${meta.pinning.support}.`
        : `Not pinned: ${meta.pinning.reason}.`) +
      ` Gateway: ${meta.gateway?.runner} (${meta.gateway?.entry}). Rounds: ${meta.profile.rounds}; run time ${meta.durationS} s.`,
    "",
  );
  const others = meta.othersOnServerCore;
  if (others) {
    out.push(
      `Other processes on the gateway's core during the measured runs (share of the core, over ${others.runs} runs): median ${num(others.median * 100, 0)} %, 90th percentile ${num(others.p90 * 100, 0)} %, max ${num(others.max * 100, 0)} %.${others.median > 0.1 ? " **The machine was busy: absolute numbers are depressed and noisy; the per-round ratios are the figures to read.**" : ""}`,
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

  for (const scenario of scenarios) {
    const result = results.scenarios[scenario.key];
    if (result && scenario.report) out.push(...scenario.report(result));
  }

  if (plots.length) {
    out.push("## Plots", "", ...plots.map((file) => `![${file}](${file})`), "");
  }
  return `${out.join("\n")}\n`;
}
