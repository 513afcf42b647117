// The two sides of the flood scenario (bench/scenarios/flood.mjs): one authorised tenant sending a query
// at a time, measured; and flooding callers, closed loops as fast as the gateway answers them, counted.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { gql } from "./load.mjs";

/** A made-up API key of the simulator's shape: well-formed, unknown to Pleo. */
export const bogusKey = () => `sim_key_${randomBytes(16).toString("hex")}`;

/** One request, timed: its HTTP status (0: no answer) and the codes of its errors. */
async function timed(url, { headers, query, variables }) {
  const started = performance.now();
  try {
    const { status, body } = await gql(url, headers, query, variables);
    return {
      ms: performance.now() - started,
      status,
      codes: (body.errors ?? []).map((e) => e.extensions?.code ?? "NO_CODE"),
    };
  } catch {
    return { ms: performance.now() - started, status: 0, codes: ["NO_ANSWER"] };
  }
}

/**
 * The tenant: one request, its answer, `pauseMs`, the next, for `durationS`. An answer with any error
 * (or no answer) counts as an error. (The gateway's request deadline bounds every wait.)
 * @param {object} t { url, request: { headers, query, variables }, durationS, pauseMs }
 */
export async function tenantRun({ url, request, durationS, pauseMs }) {
  const latencies = [];
  const codes = {};
  let errors = 0;
  const end = performance.now() + durationS * 1000;
  while (performance.now() < end) {
    const answer = await timed(url, request);
    latencies.push(answer.ms);
    if (answer.status !== 200 || answer.codes.length > 0) errors += 1;
    for (const code of answer.codes) codes[code] = (codes[code] ?? 0) + 1;
    await sleep(pauseMs);
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))];
  return {
    requests: latencies.length,
    p50: at(0.5),
    p99: at(0.99),
    errorRate: errors / latencies.length,
    codes,
  };
}

/**
 * `workers` flooding loops until `signal` aborts: each sends `request(worker, i)` ({ headers, query,
 * variables }), waits for the answer and sends the next. Resolves with the statuses and error codes they got.
 */
export async function flood({ url, workers, request, signal }) {
  const tally = { sent: 0, statuses: {}, codes: {} };
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; !signal.aborted; i += 1) {
        const answer = await timed(url, request(worker, i));
        tally.sent += 1;
        tally.statuses[answer.status] = (tally.statuses[answer.status] ?? 0) + 1;
        for (const code of new Set(answer.codes)) tally.codes[code] = (tally.codes[code] ?? 0) + 1;
      }
    }),
  );
  return tally;
}
