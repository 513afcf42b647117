// Formatting for the run's Markdown tables: numbers, MiB, per-round medians with their range, shares.

/** A number rounded to `digits`, or "–" where there is none. */
export const num = (v, digits = 2) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? "–"
    : String(Math.round(v * 10 ** digits) / 10 ** digits);

export const mib = (bytes) => (bytes ? `${num(bytes / 1048576, 0)} MiB` : "–");

/** A per-round summary (stats.mjs): "median (low … high)". */
export const withRange = (s, digits = 2) =>
  s?.range ? `${num(s.median, digits)} (${num(s.range[0], digits)} … ${num(s.range[1], digits)})` : "–";

/** A per-round summary of a share (0…1) as a percentage of its median. */
export const pct = (s) => (s ? `${num(s.median * 100, 0)} %` : "–");

export function table(header, rows) {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}
