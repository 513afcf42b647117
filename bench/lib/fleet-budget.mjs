// The fleet scenario's budget curve: one credential's upstream calls per minute, as the simulator sees
// them, against the load offered to three gateway instances — with Redis (one budget for the fleet) and
// without (each instance spends its own), under a deliberately small per-credential budget.
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { assertClean } from "./jobs.mjs";
import { gql, simRequests, simReset } from "./load.mjs";
import { pacedLoad } from "./paced-load.mjs";
import { stop } from "./processes.mjs";
import { ONE_CALL, ONE_CALL_PAGE_SIZES } from "./queries.mjs";
import { assertRedisUp, degradations } from "./redis.mjs";
import { GATEWAY_POOL_ENV, startGateway } from "./servers.mjs";

export const INSTANCES = 3;
const MINUTE_MS = 60_000;

/** The same fingerprint the simulator logs for a secret (src/simulator/auth.ts), to pick its calls. */
const simulatorFingerprint = (secret) => createHash("sha256").update(secret).digest("hex").slice(0, 16);

/** The most calls in any 60 s window of a sorted list of times (ms). */
function maxInAnyMinute(times) {
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while (times[last] - times[first] >= MINUTE_MS) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/**
 * One arm: three instances (their env on top of the budget settings), warmed (each learns the
 * credential's binding), then the offered loads back to back, never letting the budget refill between
 * them. Each phase's calls/min are counted over its last two thirds ("steady": the first third spends
 * what the burst allowance had saved) and over the whole phase.
 */
async function measureArm(bench, { sim, ids }, arm, settings) {
  const env = {
    ...GATEWAY_POOL_ENV,
    // Pleo's cap applies again here: the configured budget is what is measured.
    PLEO_RATE_LIMIT_UNCAPPED: "false",
    PLEO_RATE_LIMIT_PER_MINUTE: String(settings.perMinute),
    PLEO_RATE_LIMIT_BURST: String(settings.burst),
    ...arm.env,
  };
  const names = Array.from({ length: INSTANCES }, (_, i) => `gateway-${arm.name}-${i + 1}`);
  const instances = [];
  try {
    for (const name of names) instances.push(await startGateway(bench, name, sim.url, env));
    if (arm.env.REDIS_URL) for (const gw of instances) await assertRedisUp(gw);
    const org = ids.organisations.loveCremeBrulee;
    const headers = { "x-pleo-api-key": ids.secrets.lcbOrg };
    for (const gw of instances)
      assertClean("(g) warm-up", await gql(gw.url, headers, ONE_CALL, { org, n: 10 }));
    await sleep(500);
    await simReset(sim.url);
    const degraded0 = names.map((name) => degradations(bench, name));
    const bodies = ONE_CALL_PAGE_SIZES.map((n) => JSON.stringify({ query: ONE_CALL, variables: { org, n } }));
    const phases = [];
    for (const multiple of settings.multiples) {
      const rate = (multiple * settings.perMinute) / 60;
      const sent = await pacedLoad({
        urls: instances.map((gw) => gw.url),
        headers,
        bodies,
        rate,
        durationS: settings.phaseS,
        timeoutMs: 20_000,
      });
      phases.push({ multiple, offeredPerMinute: rate * 60, ...sent });
    }
    const tallies = await Promise.all(phases.map((p) => p.answers));
    const degradedDuringPhases = names.reduce(
      (n, name, i) => n + degradations(bench, name) - degraded0[i],
      0,
    );
    const fingerprint = simulatorFingerprint(ids.secrets.lcbOrg);
    const times = (await simRequests(sim.url))
      .filter((entry) => entry.credentialFingerprint === fingerprint)
      .map((entry) => Date.parse(entry.at))
      .sort((a, b) => a - b);
    const perMinute = (from, to) =>
      (times.filter((t) => t >= from && t < to).length * MINUTE_MS) / (to - from);
    const rows = phases.map((p, i) => {
      const settled = p.startedAt + (p.endedAt - p.startedAt) / 3;
      const row = {
        multiple: p.multiple,
        offeredPerMinute: p.offeredPerMinute,
        callsPerMinuteSteady: perMinute(settled, p.endedAt),
        callsPerMinuteWholePhase: perMinute(p.startedAt, p.endedAt),
        answers: tallies[i],
      };
      bench.log(
        `  ${arm.name.padEnd(8)} offered ${String(Math.round(p.offeredPerMinute)).padStart(3)}/min: upstream ${row.callsPerMinuteSteady.toFixed(0)}/min steady (${row.callsPerMinuteWholePhase.toFixed(0)} whole phase); ${tallies[i].clean} clean of ${tallies[i].sent}, ${JSON.stringify(tallies[i].codes)}`,
      );
      return row;
    });
    return {
      name: arm.name,
      label: arm.label,
      phases: rows,
      calls: times.length,
      maxCallsInAnyMinute: maxInAnyMinute(times),
      spanS: (phases.at(-1).endedAt - phases[0].startedAt) / 1000,
      degradedDuringPhases,
    };
  } finally {
    for (const gw of instances) await stop(gw.child);
  }
}

/** Both arms, the fleet first. `redis` from startRedis. */
export async function budgetCurve(bench, servers, redis) {
  const settings = bench.profile.fleet.budget;
  bench.log(
    `(g) budget: one credential, ${settings.perMinute}/min (burst ${settings.burst}), offered ${settings.multiples.join("×, ")}× over ${INSTANCES} instances, ${settings.phaseS} s each`,
  );
  const arms = [
    {
      name: "fleet",
      label: `${INSTANCES} instances + Redis (one budget)`,
      env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: "bench-budget:", FLEET_INSTANCES: String(INSTANCES) },
    },
    { name: "separate", label: `${INSTANCES} instances, no Redis (a budget each)`, env: {} },
  ];
  const measured = [];
  for (const arm of arms) measured.push(await measureArm(bench, servers, arm, settings));
  return { ...settings, instances: INSTANCES, arms: measured };
}
