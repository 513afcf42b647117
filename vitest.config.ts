import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Tests start real HTTP servers (simulator + gateway) on port 0; isolate per file.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
