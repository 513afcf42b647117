// Where the gateway's idle heap comes from: the live heap after a full GC as its modules load, step by
// step, in a fresh process that serves no request.
import { execFileSync } from "node:child_process";

const STEPS_SCRIPT = `
  const steps = [];
  const mark = async (name, load) => {
    await load();
    globalThis.gc(); globalThis.gc();
    steps.push({ name, heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
  };
  await mark("node (empty process)", async () => {});
  await mark("graphql", () => import("graphql"));
  await mark("graphql-yoga", () => import("graphql-yoga"));
  await mark("@pothos/* (core + plugins)", async () => {
    await import("@pothos/core"); await import("@pothos/plugin-relay"); await import("@pothos/plugin-errors");
    await import("@pothos/plugin-scope-auth"); await import("@pothos/plugin-validation");
  });
  await mark("zod", () => import("zod"));
  await mark("undici, pino, jose, dataloader, prom-client", async () => {
    await import("undici"); await import("pino"); await import("jose"); await import("dataloader");
    await import("prom-client");
  });
  await mark("@envelop/graphql-jit", () => import("@envelop/graphql-jit"));
  await mark("ioredis, ws, graphql-ws, oauth4webapi, standardwebhooks", async () => {
    await import("ioredis"); await import("ws"); await import("graphql-ws/use/ws");
    await import("oauth4webapi"); await import("standardwebhooks");
  });
  await mark("src/pleo (client, zod models, APIs)", async () => {
    await import("./src/pleo/client.ts");
  });
  let schemaModule;
  await mark("src/schema (modules loaded)", async () => { schemaModule = await import("./src/schema/index.ts"); });
  let schema;
  await mark("gatewaySchema() built", async () => { schema = schemaModule.gatewaySchema(); });
  await mark("src/app.ts (+ context, loaders, plugins)", () => import("./src/app.ts"));
  // Not in a gateway pointed at Pleo: main.ts loads these only in embedded mode (GraphiQL's renderer,
  // @graphql-yoga/render-graphiql, ~32 MiB of heap, only when GraphiQL is on).
  await mark("src/embedded + src/simulator (embedded mode only)", () => import("./src/embedded/embedded.ts"));
  process.stdout.write(JSON.stringify({ steps, types: Object.keys(schema.getTypeMap()).length }));
`;

/** The heap and RSS after each import step, and what each step added; `root` is the project folder. */
export function heapByImportStep(root) {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", STEPS_SCRIPT],
    { cwd: root, encoding: "utf8", timeout: 60_000 },
  );
  const { steps, types } = JSON.parse(out);
  return {
    schemaTypes: types,
    steps: steps.map((s, i) => ({
      ...s,
      heapDelta: i === 0 ? s.heapUsed : s.heapUsed - steps[i - 1].heapUsed,
    })),
    note: "Measured with the tsx loader (which holds the transformed sources of src/ in its own memory, counted under RSS, partly under heap).",
  };
}
