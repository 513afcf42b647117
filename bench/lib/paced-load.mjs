// Open-loop load at a few requests per second, spread round-robin over several servers: request i goes
// to urls[i mod n] at start + i / rate whether or not earlier answers are back, so the offered load is
// exactly the one asked for even while the gateway holds requests for a rate-budget slot. (autocannon's
// rate is a whole number of requests per connection per second, and with fewer requests per second than
// connections it drops connections, hence servers: too coarse for 1…6 req/s over three instances.)
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Sends `rate × durationS` GraphQL POSTs, the bodies taken in turn. Resolves once the last is sent, with
 * the sending window (wall clock, to match the simulator's request log) and `answers`, a promise of the
 * tally of what came back: GraphQL error codes by count, clean answers, HTTP statuses, failed requests.
 * @param {object} load { urls, headers, bodies (JSON strings), rate (req/s), durationS, timeoutMs }
 */
export async function pacedLoad({ urls, headers, bodies, rate, durationS, timeoutMs }) {
  const total = Math.round(rate * durationS);
  const tally = { sent: 0, clean: 0, codes: {}, statuses: {}, failed: 0 };
  const pending = [];
  const startedAt = Date.now();
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const delay = start + (i * 1000) / rate - performance.now();
    if (delay > 0) await sleep(delay);
    tally.sent += 1;
    pending.push(send(urls[i % urls.length], headers, bodies[i % bodies.length], timeoutMs, tally));
  }
  // The window is the nominal one: the last request leaves one interval before it ends.
  const endedAt = startedAt + durationS * 1000;
  const remaining = endedAt - Date.now();
  if (remaining > 0) await sleep(remaining);
  return { startedAt, endedAt, answers: Promise.all(pending).then(() => tally) };
}

async function send(url, headers, body, timeoutMs, tally) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    tally.statuses[response.status] = (tally.statuses[response.status] ?? 0) + 1;
    let errors = [];
    try {
      errors = JSON.parse(text).errors ?? [];
    } catch {
      errors = [{ extensions: { code: "UNPARSABLE_ANSWER" } }];
    }
    if (response.ok && errors.length === 0) tally.clean += 1;
    for (const error of errors) {
      const code = error.extensions?.code ?? "NO_CODE";
      tally.codes[code] = (tally.codes[code] ?? 0) + 1;
    }
  } catch {
    tally.failed += 1;
  }
}
