/**
 * Prints the SDL to schema/schema.graphql. With --check, fails (exit 1) when the committed file is stale,
 * which the test command runs so CI catches a schema change that was not regenerated.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { gatewaySchema } from "../src/schema/index.ts";

const target = join(dirname(fileURLToPath(import.meta.url)), "..", "schema", "schema.graphql");
const sdl = `${printSchema(lexicographicSortSchema(gatewaySchema()))}\n`;

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // Missing counts as stale.
  }
  if (current !== sdl) {
    console.error("schema/schema.graphql is stale: run `npm run schema:print` and commit the result.");
    process.exit(1);
  }
  console.log("schema/schema.graphql is current.");
} else {
  writeFileSync(target, sdl);
  console.log(`Wrote ${target}`);
}
