import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Three projects, so the developer loop (`--project unit --project integration`) stays under a minute
 * on a small machine while a plain `vitest run` still runs everything:
 * - unit: pure code, no server of any kind;
 * - slow: many seconds each (property runs, spawned processes, the fleet); CI and `vitest run` only;
 * - integration: everything else (gateway and/or simulator over real HTTP on port 0). New test files
 *   land here unless listed above, so none is silently left out of the quick loop.
 */
const UNIT = [
  "test/gateway/config.test.ts",
  "test/gateway/schema.test.ts",
  "test/ops/config.test.ts",
  "test/ops/upstream-units.test.ts",
];
const SLOW = [
  "test/security/isolation.property.test.ts",
  "test/ops/process.test.ts",
  "test/ops/resilience*.test.ts",
  "test/fleet/**/*.test.ts",
  "test/e2e/**/*.test.ts",
];
const ALL = ["test/**/*.test.ts"];

export default defineConfig({
  resolve: {
    // graphql ships ESM and CJS builds. Vite would give our sources the ESM one while graphql-yoga
    // (loaded by Node) gets CJS: two GraphQLError classes, and Yoga would mask our typed errors.
    // Pin one instance, as Node's own resolution (used by `npm start`) does.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    environment: "node",
    // Tests start real HTTP servers (simulator + gateway) on port 0; isolate per file.
    pool: "forks",
    // Vitest's default (one worker less than the CPUs) runs files one by one on a 2-core machine, yet
    // they mostly wait on loopback HTTP and timers: one worker more than the CPUs overlaps those waits.
    maxWorkers: availableParallelism() + 1,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      { extends: true, test: { name: "unit", include: UNIT } },
      { extends: true, test: { name: "integration", include: ALL, exclude: [...UNIT, ...SLOW] } },
      { extends: true, test: { name: "slow", include: SLOW } },
    ],
  },
});
