import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships ESM and CJS builds. Vite would give our sources the ESM one while graphql-yoga
    // (loaded by Node) gets CJS: two GraphQLError classes, and Yoga would mask our typed errors.
    // Pin one instance, as Node's own resolution (used by `npm start`) does.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Tests start real HTTP servers (simulator + gateway) on port 0; isolate per file.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
