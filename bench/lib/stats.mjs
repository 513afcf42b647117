// Small statistics helpers: medians of per-round values and ratios, ranges, a least-squares slope.

export function median(values) {
  const sorted = values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function range(values) {
  const finite = values.filter((v) => v !== null && Number.isFinite(v));
  if (finite.length === 0) return null;
  return [Math.min(...finite), Math.max(...finite)];
}

/** Median and range of a list of per-round values. */
export function summary(values) {
  return { median: median(values), range: range(values), rounds: values };
}

/** Least-squares line through (x, y) points: slope, intercept and r². */
export function linearFit(points) {
  const n = points.length;
  if (n < 2) return { slope: null, intercept: null, r2: null };
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  const slope = sxx === 0 ? null : sxy / sxx;
  return {
    slope,
    intercept: slope === null ? null : my - slope * mx,
    r2: sxx === 0 || syy === 0 ? null : (sxy * sxy) / (sxx * syy),
  };
}

export function round(value, digits = 2) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The q-quantile of ascending `sorted`, interpolated linearly between closest ranks (null when empty). */
export function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
