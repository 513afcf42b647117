/**
 * The seed's "now". Seeded timestamps are computed back from this fixed instant instead of the wall clock,
 * so the data (and every test that looks at it) is the same on every run. Entries span the year before it.
 */
export const SEED_REFERENCE_TIME = "2026-11-02T09:30:00Z";

/** The reference time in epoch milliseconds; no seeded timestamp lies after it. */
export const REFERENCE_MS = Date.parse(SEED_REFERENCE_TIME);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** ISO-8601 in UTC with second precision, as Pleo's examples show (`2023-08-23T03:11:48Z`). */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Milliseconds of the instant `days` days and `minutes` minutes before the reference time. */
export function beforeReference(days: number, minutes = 0): number {
  return REFERENCE_MS - days * DAY - minutes * MINUTE;
}

export function addMinutes(ms: number, minutes: number): number {
  return ms + minutes * MINUTE;
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY;
}

/** Midnight UTC of the day containing `ms` (Pleo's bookkeeping dates are date-times at midnight). */
export function startOfDay(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

/** Keeps a derived timestamp from drifting past the reference time. */
export function notAfterReference(ms: number): number {
  return Math.min(ms, REFERENCE_MS);
}
