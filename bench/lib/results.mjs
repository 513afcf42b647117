// Where a run's results go: <run>.json, its tables (<run>.md) and plots, and copies of them as latest.*;
// and the tables and plots of a stored run rendered again (--report).
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { markdownReport } from "./report.mjs";

const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/**
 * Each scenario's verdicts on its targets. A scenario whose requests failed measured failures, not the
 * gateway: no verdict from it.
 */
function targets(results, scenarios, invalid) {
  return scenarios.flatMap((scenario) => {
    const result = results.scenarios[scenario.key];
    if (!result || !scenario.targets) return [];
    return scenario.targets(result).map((t) =>
      invalid.has(scenario.key)
        ? {
            scenario: scenario.key,
            ...t,
            met: null,
            measured: `${t.measured} — INVALID: requests failed (see problems)`,
          }
        : { scenario: scenario.key, ...t },
    );
  });
}

/** Each scenario's plot of a run (if it draws one and has the data), as `<prefix><file>` in `dir`. */
function writePlots(results, dir, prefix, scenarios) {
  const written = [];
  for (const scenario of scenarios) {
    const result = results.scenarios[scenario.key];
    const plot = result && scenario.plot?.(result, results.meta);
    if (!plot) continue;
    writeFileSync(join(dir, `${prefix}${plot.file}`), plot.svg);
    written.push(`${prefix}${plot.file}`);
  }
  return written;
}

/**
 * Writes the run `name` into `dir`, with its validity and targets, and logs where it went.
 * @param {object} options { scenarios, invalid (keys of invalid scenarios), dir, name, logDir, log }
 */
export function writeRun(results, { scenarios, invalid, dir, name, logDir, log }) {
  for (const [key, scenario] of Object.entries(results.scenarios)) {
    if (scenario && typeof scenario === "object") scenario.valid = !invalid.has(key);
  }
  results.targets = targets(results, scenarios, invalid);
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const file = join(dir, `${name}.json`);
  writeFileSync(file, json);
  writeFileSync(join(dir, "latest.json"), json);
  // Each run keeps its own tables and plots; latest.* are copies of the last run's.
  const runPlots = writePlots(results, dir, `${name}-`, scenarios);
  writeFileSync(join(dir, `${name}.md`), markdownReport(results, runPlots, scenarios));
  const plots = writePlots(results, dir, "", scenarios);
  writeFileSync(join(dir, "latest.md"), markdownReport(results, plots, scenarios));
  log(
    `results: ${relative(ROOT, file)} (+ ${name}.md and plots), latest.json, latest.md${plots.length ? `, ${plots.join(", ")}` : ""}`,
  );
  log(`process logs: ${relative(ROOT, logDir)}`);
  for (const t of results.targets)
    log(`target ${t.met === null ? "n/a " : t.met ? "MET " : "MISS"} ${t.target}: ${t.measured}`);
}

/** --report: the tables and plots of a stored run, next to its JSON, under its own name. */
export function renderStoredRun(file, scenarios) {
  const stored = JSON.parse(readFileSync(file, "utf8"));
  const dir = dirname(file);
  const name = basename(file).replace(/\.json$/, "");
  const plots = writePlots(stored, dir, `${name}-`, scenarios);
  writeFileSync(join(dir, `${name}.md`), markdownReport(stored, plots, scenarios));
  console.log(
    `wrote ${relative(ROOT, join(dir, `${name}.md`))}${plots.length ? ` and ${plots.join(", ")}` : ""}`,
  );
}
