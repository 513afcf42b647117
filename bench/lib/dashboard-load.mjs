// The read-cache scenario's load: many callers of one company, each reloading the same dashboard every
// few seconds, as a team with a dashboard open does. Each caller waits for its answer before its next
// reload (a browser tab does not stack reloads), on a fixed schedule staggered across the callers.
import { setTimeout as sleep } from "node:timers/promises";
import { gql } from "./load.mjs";

/**
 * One company's dashboard: its name and master data (accounts, tax codes, tag groups, vendors,
 * employees) — six upstream calls, every one of a resource the read cache keeps.
 */
export const DASHBOARD = /* GraphQL */ `
  query Dashboard($c: ID!) {
    company(id: $c) {
      name
      accounts(first: 25) { totalCount edges { node { code name } } }
      taxCodes(first: 25) { edges { node { name rate } } }
      tagGroups { name }
      vendors(first: 25) { totalCount edges { node { name } } }
      employees(first: 25) { edges { node { firstName lastName } } }
    }
  }
`;

const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

/**
 * `callers` loops for `durationS`: caller i first sends at i × periodMs / callers, then every periodMs
 * (or at once, if its previous answer came later than that). Resolves with the wall-clock window (to
 * match the simulator's request log), latencies, errors, and what the gateway reported it cost upstream
 * (`extensions.upstream`, summed).
 * @param {object} load { url, headers, variables, callers, periodMs, durationS }
 */
export async function dashboardLoad({ url, headers, variables, callers, periodMs, durationS }) {
  const latencies = [];
  const codes = {};
  const upstream = { calls: 0, cacheHits: 0, staleServes: 0, unreported: 0 };
  let errors = 0;
  const startedAt = Date.now();
  const start = performance.now();
  const end = start + durationS * 1000;
  const caller = async (i) => {
    for (let due = start + (i * periodMs) / callers; due < end; due += periodMs) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const sent = performance.now();
      let answer;
      try {
        answer = await gql(url, headers, DASHBOARD, variables);
      } catch {
        answer = { status: 0, body: { errors: [{ extensions: { code: "NO_ANSWER" } }] } };
      }
      latencies.push(performance.now() - sent);
      const answerErrors = answer.body.errors ?? [];
      if (answer.status !== 200 || answerErrors.length > 0 || !answer.body.data?.company) errors += 1;
      for (const e of answerErrors) {
        const code = e.extensions?.code ?? "NO_CODE";
        codes[code] = (codes[code] ?? 0) + 1;
      }
      const report = answer.body.extensions?.upstream;
      if (report) for (const k of ["calls", "cacheHits", "staleServes"]) upstream[k] += report[k] ?? 0;
      else upstream.unreported += 1;
    }
  };
  await Promise.all(Array.from({ length: callers }, (_, i) => caller(i)));
  latencies.sort((a, b) => a - b);
  return {
    startedAt,
    endedAt: startedAt + durationS * 1000,
    finishedAt: Date.now(),
    requests: latencies.length,
    p50: at(latencies, 0.5),
    p99: at(latencies, 0.99),
    max: latencies.at(-1),
    errors,
    codes,
    upstream,
  };
}
