import { afterAll, beforeAll } from "vitest";
import { type Harness, startHarness } from "./harness.ts";

/**
 * One harness for the enclosing `describe` (or file): started before its tests, closed after them.
 * Returns a stand-in usable at definition time (e.g. by `executor(h)`) that forwards to the started
 * harness, so a test file states its harness in one line instead of the let/beforeAll/afterAll trio.
 */
export function useHarness(overrides?: Parameters<typeof startHarness>[0]): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(overrides);
  });
  afterAll(() => started?.close());
  return new Proxy({} as Harness, {
    get(_target, property) {
      // Not a thenable: awaiting or returning the stand-in must not call into an unstarted harness.
      if (property === "then") return undefined;
      if (!started) throw new Error("the harness is used outside its describe block's tests");
      const value = Reflect.get(started, property);
      return typeof value === "function" ? value.bind(started) : value;
    },
  });
}
