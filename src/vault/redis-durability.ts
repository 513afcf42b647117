import type { FleetConnection } from "../fleet/redis-connection.ts";

/**
 * What in Redis's own settings would lose vault records, as read with CONFIG GET at start-up. The
 * vault's keys have no TTL and hold the only copy of each refresh token: losing the latest write is not
 * just a lost connection — the gateway would later present the superseded refresh token, and Pleo
 * revokes the whole grant on that. Hence:
 * - `appendonly yes` is required: RDB snapshots alone (`save`) lose every write since the last one;
 * - `maxmemory-policy` must not be `allkeys-*`: those evict keys without a TTL too (`noeviction` and
 *   `volatile-*` only ever evict keys with one).
 * Managed Redis services often refuse CONFIG; settings that cannot be read are reported as such.
 */
const SETTINGS = ["appendonly", "save", "maxmemory-policy"] as const;

export async function redisDurabilityProblems(connection: FleetConnection): Promise<string[]> {
  const outcome = await connection.run(async (redis) => {
    try {
      const settings = new Map<string, string>();
      for (const name of SETTINGS) {
        // CONFIG GET answers [name, value], or [] for a setting this Redis does not have.
        const reply: unknown = await redis.config("GET", name);
        if (Array.isArray(reply) && reply.length >= 2) settings.set(name, String(reply[1]));
      }
      return settings;
    } catch (error) {
      // Redis answered and refused (CONFIG disabled or renamed): say so, do not degrade the fleet.
      if (error instanceof Error && error.name === "ReplyError") return undefined;
      throw error;
    }
  });
  const settings = outcome.ok ? outcome.value : undefined;
  if (settings === undefined || settings.size < SETTINGS.length)
    return [
      "Redis's persistence and eviction settings cannot be read (CONFIG GET); make sure appendonly is yes and maxmemory-policy is noeviction or volatile-*",
    ];
  const problems: string[] = [];
  if (settings.get("appendonly") !== "yes")
    problems.push(
      settings.get("save") === ""
        ? "appendonly is no and save is empty: a Redis restart loses every vault record"
        : "appendonly is no: RDB snapshots alone lose the vault writes since the last snapshot",
    );
  const policy = settings.get("maxmemory-policy") ?? "";
  if (policy.startsWith("allkeys-"))
    problems.push(`maxmemory-policy is ${policy}: Redis may evict vault records (they have no TTL)`);
  return problems;
}
