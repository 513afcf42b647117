// The load generator, as its own process (so it can be pinned to its own core): autocannon drives the
// target and this worker records every response time itself (autocannon's histogram has 1 ms
// resolution, too coarse for a sub-millisecond overhead target).
//
// It lives for the whole benchmark and takes jobs over IPC: { id, file } (the job as a JSON file —
// request variants can outgrow an IPC message worth logging) → { id, result }. Every run is bounded: by
// `durationS` (or autocannon's own `amount`), with a hard stop of durationS + 15 s in case the target
// hangs. It exits when its parent goes away.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { quantile } from "./stats.mjs";

const require = createRequire(new URL("../tools/package.json", import.meta.url));
const autocannon = require("autocannon");

process.on("message", (message) => {
  if (message?.type !== "job") return;
  runJob(JSON.parse(readFileSync(message.file, "utf8"))).then(
    (result) => process.send({ type: "result", id: message.id, result }),
    (error) =>
      process.send({ type: "result", id: message.id, result: { error: String(error?.message ?? error) } }),
  );
});
process.on("disconnect", () => process.exit(0));
process.send({ type: "ready" });

function runJob(job) {
  return new Promise((resolve) => {
    const times = [];
    const statuses = {};
    let errors = 0;
    let timeouts = 0;
    let bodyErrors = 0;
    let firstBodyError = null;
    // With errorCodes (fault runs): what each answer said, by error code and by top-level field.
    const codes = {};
    const perField = {};
    let answersWithErrors = 0;

    const tallyGraphQL = (status, body) => {
      if (status < 200 || status >= 300) return;
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        codes.UNPARSABLE_ANSWER = (codes.UNPARSABLE_ANSWER ?? 0) + 1;
        return;
      }
      const errorList = parsed.errors ?? [];
      if (errorList.length) answersWithErrors += 1;
      const failedFields = new Set(errorList.map((e) => e.path?.[0]).filter(Boolean));
      for (const e of errorList) {
        const code = e.extensions?.code ?? "NO_CODE";
        codes[code] = (codes[code] ?? 0) + 1;
      }
      for (const [field, value] of Object.entries(parsed.data ?? {})) {
        const tally = perField[field] ?? { ok: 0, failed: 0 };
        perField[field] = tally;
        if (value === null || failedFields.has(field)) tally.failed += 1;
        else tally.ok += 1;
      }
    };

    /**
     * The one request autocannon repeats. `variants` ({ path?, body? }) are taken in turn, so that
     * concurrent requests differ (the gateway shares identical reads in flight; the benchmark measures
     * requests that do not share). With checkBody every answer is read, and a 200 carrying GraphQL
     * errors counts as a failure; with errorCodes (fault runs) errors are tallied by code and field.
     */
    const request = () => {
      const spec = {};
      const variants = job.variants ?? [];
      let next = 0;
      if (variants.length) {
        spec.setupRequest = (req) => {
          const variant = variants[next % variants.length];
          next += 1;
          return { ...req, ...variant };
        };
      }
      if (job.errorCodes) spec.onResponse = (status, body) => tallyGraphQL(status, body);
      else if (job.checkBody) {
        spec.onResponse = (status, body) => {
          if (status >= 200 && status < 300 && /"errors"\s*:/.test(body ?? "")) {
            bodyErrors += 1;
            if (!firstBodyError) firstBodyError = String(body).slice(0, 400);
          }
        };
      }
      return spec;
    };

    let instance = null;
    const hardStop = setTimeout(
      () => {
        instance?.stop();
        resolve({ error: "hard stop: the run did not end in time" });
      },
      ((job.durationS ?? 10) + 15) * 1000,
    );
    const cpu0 = process.cpuUsage();
    const started = process.hrtime.bigint();
    instance = autocannon(
      {
        url: job.url,
        method: job.method ?? "GET",
        headers: job.headers ?? {},
        body: job.body,
        connections: job.connections ?? 1,
        duration: job.durationS ?? 1,
        ...(job.amount ? { amount: job.amount } : {}),
        ...(job.rate ? { overallRate: job.rate } : {}),
        timeout: job.timeoutS ?? 10,
        pipelining: 1,
        requests: [request()],
      },
      (error, result) => {
        clearTimeout(hardStop);
        const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
        if (error) {
          resolve({ error: String(error?.message ?? error) });
          return;
        }
        // Latency of successful (2xx) answers only; failures are counted, never averaged in.
        const sorted = Float64Array.from(times).sort();
        const responses = Object.values(statuses).reduce((sum, n) => sum + n, 0);
        const ok = sorted.length;
        const failures = responses - ok + errors + bodyErrors;
        const cpu = process.cpuUsage(cpu0);
        const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : null;
        resolve({
          responses,
          ok,
          failures,
          failureRate: responses + errors ? failures / (responses + errors) : 0,
          statuses,
          errors,
          timeouts,
          bodyChecked: Boolean(job.checkBody),
          bodyErrors,
          firstBodyError,
          ...(job.errorCodes ? { codes, perField, answersWithErrors } : {}),
          elapsedS,
          loadgenCpuMs: (cpu.user + cpu.system) / 1000,
          durationS: result.duration,
          // Requests per second that succeeded.
          rps: (ok - bodyErrors) / result.duration,
          allRps: responses / result.duration,
          latencyMs: {
            mean,
            p50: quantile(sorted, 0.5),
            p90: quantile(sorted, 0.9),
            p99: quantile(sorted, 0.99),
            max: sorted.length ? sorted[sorted.length - 1] : null,
          },
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
    instance.on("reqError", () => {
      errors += 1;
    });
    instance.on("timeout", () => {
      timeouts += 1;
    });
  });
}
