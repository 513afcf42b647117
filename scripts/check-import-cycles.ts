/**
 * Fails when any module under src/ imports itself through a chain of other modules (an import circle),
 * type-only imports included: a circle makes the load order decide which binding is still undefined,
 * and makes a folder impossible to understand on its own. `npm test` runs it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..", "src");
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"|(?:^|\n)\s*import\s+"(\.{1,2}\/[^"]+)"/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const graph = new Map<string, string[]>();
for (const file of sources(root)) {
  const text = readFileSync(file, "utf8");
  const targets = [...text.matchAll(IMPORT)].map((m) => resolve(dirname(file), (m[1] ?? m[2]) as string));
  graph.set(file, targets);
}

// Depth-first search with colours: reaching a module still on the stack closes a circle.
const state = new Map<string, "open" | "done">();
const stack: string[] = [];
const circles: string[][] = [];
function visit(file: string): void {
  state.set(file, "open");
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (!graph.has(next)) continue;
    const seen = state.get(next);
    if (seen === "open") circles.push([...stack.slice(stack.indexOf(next)), next]);
    else if (seen === undefined) visit(next);
  }
  stack.pop();
  state.set(file, "done");
}
for (const file of graph.keys()) if (!state.has(file)) visit(file);

if (circles.length > 0) {
  for (const circle of circles)
    console.error(`import circle: ${circle.map((f) => relative(root, f)).join(" → ")}`);
  process.exit(1);
}
console.log(`no import circles in src/ (${graph.size} modules)`);
