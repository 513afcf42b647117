// (e) faults: the three group companies' vendors in one query, under the simulator's fault modes.
import { setTimeout as sleep } from "node:timers/promises";
import { assertClean, gatewayJob, withLoad } from "../lib/jobs.mjs";
import { gql, runLoad, simRequests, simReset } from "../lib/load.mjs";
import { num, table } from "../lib/markdown.mjs";
import { stop } from "../lib/processes.mjs";
import { GATEWAY_POOL_ENV, startGateway } from "../lib/servers.mjs";
import { round } from "../lib/stats.mjs";

/** Reads only, never the introspection (cached by the gateway; its failure is another test). */
const READS = "^/v\\d+/(?!introspect)";

function faultModes(ids, mode) {
  const de = ids.companies.de;
  const modes = [
    { name: "none", rules: [] },
    {
      name: "10 % of reads answer 500",
      rules: [{ pathRegex: READS, action: "error", status: 500, probability: 0.1 }],
    },
    {
      name: "10 % of reads answer 429 (Retry-After 1 s)",
      rules: [{ pathRegex: READS, action: "rate-limit", retryAfterSeconds: 1, probability: 0.1 }],
    },
    {
      name: "10 % of reads 300 ms slower",
      rules: [{ pathRegex: READS, action: "latency", latencyMs: 300, probability: 0.1 }],
    },
    {
      name: "5 % of reads: connection reset",
      rules: [{ pathRegex: READS, action: "reset", probability: 0.05 }],
    },
    {
      name: "5 % of reads: malformed body",
      rules: [{ pathRegex: READS, action: "malformed", probability: 0.05 }],
    },
    {
      name: "DE in outage (every call 503)",
      rules: [{ pathRegex: READS, companyId: de, action: "error", status: 503 }],
    },
    { name: "DE vendors hang", rules: [{ pathPrefix: "/v1/vendors", companyId: de, action: "hang" }] },
  ];
  return mode === "quick" ? modes.filter((_, i) => [0, 1, 6].includes(i)) : modes;
}

/** One fault mode against a fresh gateway: breakers, quarantines and budgets start closed and empty. */
async function measureMode(bench, sim, faultMode, { query, variants, headers }) {
  const { deadlineMs, rate, connections, requests } = bench.profile.faults;
  const gw = await startGateway(bench, "gateway-faults", sim.url, {
    ...GATEWAY_POOL_ENV,
    REQUEST_DEADLINE_MS: String(deadlineMs),
  });
  try {
    await simReset(sim.url); // clears faults and the log
    assertClean("(e) warm-up", await gql(gw.url, headers, query));
    await runLoad(bench, {
      label: "(e) warm",
      job: withLoad(gatewayJob(gw, headers, query, undefined, variants), {
        amount: rate,
        rate,
        connections,
        durationS: 10,
      }),
      server: { pid: gw.pid },
    });
    await sleep(300);
    await simReset(sim.url);
    if (faultMode.rules.length) {
      const rules = faultMode.rules.map((rule, i) => ({ ...rule, id: `bench-${i}`, seed: "bench" }));
      const set = await fetch(`${sim.url}/__sim/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ rules }),
      });
      if (!set.ok)
        throw new Error(`(e) the simulator refused the fault rules: ${set.status} ${await set.text()}`);
      await set.arrayBuffer().catch(() => {});
    }
    const run = await runLoad(bench, {
      label: `(e) ${faultMode.name}`,
      job: withLoad(gatewayJob(gw, headers, query, undefined, variants), {
        amount: requests,
        rate,
        connections,
        durationS: requests / rate + deadlineMs / 1000 + 10,
        errorCodes: true,
      }),
      server: { pid: gw.pid },
      simulator: sim,
    });
    // Hung calls stay open in the simulator; the gateway gave up on them at its deadline.
    const upstream = await simRequests(sim.url);
    const fired = (await (await fetch(`${sim.url}/__sim/faults`)).json()).data ?? [];
    const fields = Object.values(run.perField ?? {});
    const fieldTotal = fields.reduce((n, f) => n + f.ok + f.failed, 0);
    return {
      mode: faultMode.name,
      rules: faultMode.rules,
      requests: run.responses,
      http2xx: run.ok,
      fullySucceeded: run.ok - (run.answersWithErrors ?? 0),
      successRate: run.responses ? (run.ok - (run.answersWithErrors ?? 0)) / run.responses : null,
      companyFieldsServed: fieldTotal ? fields.reduce((n, f) => n + f.ok, 0) / fieldTotal : null,
      perCompany: run.perField,
      codes: run.codes,
      p50: run.latencyMs.p50,
      p99: run.latencyMs.p99,
      max: run.latencyMs.max,
      upstreamCallsPerRequest: run.responses ? upstream.length / run.responses : null,
      faultsFired: fired.map((f) => ({ id: f.id, matched: f.matched, fired: f.fired })),
      cpuMsPerRequest: run.server?.cpuMsPerRequest ?? null,
    };
  } finally {
    await stop(gw.child);
    await simReset(sim.url);
  }
}

async function run(bench, { sim, ids }) {
  bench.log("(e) faults: the three group companies' vendors in one query, under the simulator's fault modes");
  const probe = await fetch(`${sim.url}/__sim/faults`);
  const probeText = await probe.text();
  if (probe.status === 404) {
    bench.log("  pending: the simulator has no /__sim/faults control endpoint yet");
    return {
      status: "pending",
      reason: "The simulator has no fault injection yet (GET /__sim/faults answers 404).",
    };
  }
  const { deadlineMs, rate, requests } = bench.profile.faults;
  const companies = { nl: ids.companies.nl, de: ids.companies.de, be: ids.companies.be };
  // Consecutive requests use page sizes 1…50 in turn, so that they do not share upstream calls.
  const faultsQuery = (n) =>
    `query Faults {\n${Object.entries(companies)
      .map(
        ([alias, id]) =>
          `  ${alias}: company(id: "${id}") { name vendors(first: ${n}) { totalCount edges { node { name } } } }`,
      )
      .join("\n")}\n}`;
  const load = {
    query: faultsQuery(5),
    variants: Array.from({ length: 50 }, (_, i) => faultsQuery(i + 1)),
    headers: { "x-pleo-api-key": [ids.secrets.nl, ids.secrets.de, ids.secrets.be].join(", ") },
  };
  const rows = [];
  for (const faultMode of faultModes(ids, bench.mode)) {
    const row = await measureMode(bench, sim, faultMode, load);
    rows.push(row);
    bench.log(
      `  ${faultMode.name.padEnd(44)} all-ok ${round(row.successRate * 100, 1)} %  company fields ${round(row.companyFieldsServed * 100, 1)} %  p50 ${round(row.p50, 1)} p99 ${round(row.p99, 1)} ms  upstream ${round(row.upstreamCallsPerRequest, 2)}/req  ${Object.entries(
        row.codes ?? {},
      )
        .map(([c, n]) => `${c}×${n}`)
        .join(" ")}`,
    );
  }
  return {
    status: "measured",
    description: `One query for the vendors of NL, DE and BE (6 upstream calls when nothing fails), ${requests} requests at ${rate} req/s per mode, 25 ms upstream delay, a fresh gateway per mode with REQUEST_DEADLINE_MS=${deadlineMs}. Faults hit reads only, never the introspection. "all-ok": answers without any error; "company fields": the share of the three company fields that resolved.`,
    probe: { status: probe.status, body: probeText.slice(0, 200) },
    deadlineMs,
    modes: rows,
  };
}

function report(f) {
  const lines = ["## (e) Faults", ""];
  if (f.status !== "measured") return [...lines, `**${f.status}**: ${f.reason}`, ""];
  return [
    ...lines,
    f.description,
    "",
    table(
      [
        "fault mode",
        "all-ok answers",
        "company fields served",
        "p50 (ms)",
        "p99 (ms)",
        "upstream calls/req",
        "error codes",
      ],
      f.modes.map((m) => [
        m.mode,
        `${num(m.successRate * 100, 1)} %`,
        `${num(m.companyFieldsServed * 100, 1)} %`,
        num(m.p50, 1),
        num(m.p99, 1),
        num(m.upstreamCallsPerRequest, 2),
        Object.entries(m.codes ?? {})
          .map(([c, n]) => `${c} ×${n}`)
          .join(", ") || "–",
      ]),
    ),
    "",
  ];
}

export default {
  option: "e",
  key: "faults",
  stage: "shared-gateway",
  profile: {
    quick: { faults: { requests: 60, rate: 40, connections: 16, deadlineMs: 1500 } },
    full: { faults: { requests: 200, rate: 40, connections: 16, deadlineMs: 1500 } },
  },
  run,
  report,
};
