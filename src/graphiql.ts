import type { YogaServerOptions } from "graphql-yoga";
import { PERSONA_EXAMPLE_QUERY, type Persona } from "./embedded/personas.ts";

/**
 * Yoga's GraphiQL options: off in production; otherwise the renderer bundled with the package (it works
 * with no CDN reachable, as on this project's machines), loaded only when GraphiQL is on — the renderer
 * alone holds ~34 MiB of heap (bench/results/profile-one) — and one tab per demo persona.
 */
export async function graphiqlOptions(
  enabled: boolean,
  personas: readonly Persona[],
): Promise<Pick<YogaServerOptions<Record<string, unknown>, unknown>, "graphiql" | "renderGraphiQL">> {
  if (!enabled) return { graphiql: false };
  const { renderGraphiQL } = await import("@graphql-yoga/render-graphiql");
  return {
    renderGraphiQL,
    graphiql: {
      title: "Pleo GraphQL gateway",
      defaultQuery: PERSONA_EXAMPLE_QUERY,
      ...(personas.length
        ? {
            defaultTabs: personas.map((p) => ({
              // GraphiQL names a tab after its operation: name each after its persona.
              query: `# Persona: ${p.name} — ${p.description}\n${PERSONA_EXAMPLE_QUERY.replace(
                "query Overview",
                `query ${p.name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`,
              )}`,
              headers: JSON.stringify(p.headers, null, 2),
            })),
          }
        : {}),
    },
  };
}
