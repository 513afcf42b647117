/**
 * The simulator's "now" for everything that changes after start-up: timestamps of written objects and the
 * expiry of export jobs (one hour after their last update). It is the wall clock by default; tests move it
 * forward instead of waiting an hour. The seed keeps its own fixed reference time (seed/clock.ts).
 *
 * The clock is process-wide, so an in-process simulator (the test harness, `npm start`) and the test that
 * drives it share it. Tests that move it must call `reset()` afterwards.
 */
let offsetMs = 0;
let frozenAtMs: number | undefined;

export const simulatorClock = {
  /** Milliseconds since the epoch, as the simulator sees them. */
  now(): number {
    return (frozenAtMs ?? Date.now()) + offsetMs;
  },
  /** Moves the simulator's time forward (or back, with a negative value). */
  advance(ms: number): void {
    offsetMs += ms;
  },
  /** Stops the clock at an instant (epoch ms), so timestamps are predictable. */
  freeze(atMs: number): void {
    frozenAtMs = atMs;
    offsetMs = 0;
  },
  /** Back to the wall clock. */
  reset(): void {
    offsetMs = 0;
    frozenAtMs = undefined;
  },
};

/** ISO-8601 in UTC with second precision, as Pleo's examples show. */
export function isoAt(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
