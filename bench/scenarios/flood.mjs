// (h) flood: one authorised tenant's latency and errors alone, then while another caller floods the
// gateway — made-up API keys, amplification through nodes(ids:), bursts on the tenant's own credential —
// all against one gateway with the production defaults for the upstream pool, queue and rate budget.
import { setTimeout as sleep } from "node:timers/promises";
import { bogusKey, flood, tenantRun } from "../lib/flood-load.mjs";
import { assertClean } from "../lib/jobs.mjs";
import { gql } from "../lib/load.mjs";
import { num, table } from "../lib/markdown.mjs";
import { stop } from "../lib/processes.mjs";
import { startGateway } from "../lib/servers.mjs";
import { round } from "../lib/stats.mjs";

/** Pleo's own limits and the gateway's defaults, not the benchmark's raised ones (GATEWAY_BASE_ENV). */
const FLOOD_GATEWAY_ENV = {
  PLEO_MAX_CONNECTIONS: "32",
  PLEO_MAX_CONCURRENCY_PER_CREDENTIAL: "8",
  PLEO_MAX_QUEUED: "1000",
  PLEO_RATE_LIMIT_UNCAPPED: "false",
  PLEO_RATE_LIMIT_PER_MINUTE: "500",
  PLEO_RATE_LIMIT_BURST: "50",
  CALLER_RATE_LIMIT_PER_MINUTE: "600",
  // The bench's callers all come from loopback: each names its address the way a proxy would.
  TRUSTED_PROXIES: "127.0.0.1",
};
const VIEWER = "{ viewer { authenticated } }";

/** The flooding callers, each a different address, and what each request of theirs carries. */
function floods({ ids, entryIds }) {
  const bogus = {
    name: "bogus keys (20 made-up API keys per request)",
    workers: 8,
    request: (w) => ({
      headers: {
        "x-forwarded-for": `203.0.113.${10 + w}`,
        "x-pleo-api-key": Array.from({ length: 20 }, bogusKey).join(","),
      },
      query: VIEWER,
    }),
  };
  const amplification = {
    name: `amplification (nodes(ids:) of ${entryIds.length} DE accounting entries)`,
    workers: 4,
    request: (w) => ({
      headers: { "x-forwarded-for": `203.0.113.${30 + w}`, "x-pleo-api-key": ids.secrets.de },
      query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      variables: { ids: entryIds },
    }),
  };
  const bursts = {
    name: "bursts on the tenant's own NL key (another caller)",
    workers: 8,
    request: (w, i) => ({
      headers: { "x-forwarded-for": `203.0.113.${50 + w}`, "x-pleo-api-key": ids.secrets.nl },
      // Page sizes in turn, so no two requests share an upstream call.
      query: `{ company(id: "${ids.companies.nl}") { vendors(first: ${1 + ((w * 13 + i) % 50)}) { totalCount } } }`,
    }),
  };
  return [[bogus], [amplification], [bursts], [bogus, amplification, bursts]];
}

async function run(bench, { sim, ids }) {
  const { phaseS, pauseMs } = bench.profile.flood;
  bench.log("(h) flood: an authorised tenant alone, then while other callers flood the gateway");
  const gw = await startGateway(bench, "gateway-flood", sim.url, FLOOD_GATEWAY_ENV);
  try {
    const de = { "x-pleo-api-key": ids.secrets.de, "x-forwarded-for": "198.51.100.2" };
    const entries = assertClean(
      "(h) DE entries",
      await gql(
        gw.url,
        de,
        `{ company(id: "${ids.companies.de}") { accountingEntries(first: 100) { edges { node { id } } } } }`,
      ),
    );
    const entryIds = entries.company.accountingEntries.edges.map((e) => e.node.id);
    const tenant = {
      url: gw.url,
      request: {
        headers: { "x-pleo-api-key": ids.secrets.nl, "x-forwarded-for": "198.51.100.1" },
        query: `{ company(id: "${ids.companies.nl}") { name vendors(first: 5) { totalCount } } }`,
      },
      pauseMs,
    };
    assertClean("(h) tenant", await gql(tenant.url, tenant.request.headers, tenant.request.query));
    const phases = [];
    const measure = async (name, flooders) => {
      const stopFlood = new AbortController();
      const floodDone = Promise.all(
        flooders.map((f) =>
          flood({ url: gw.url, workers: f.workers, request: f.request, signal: stopFlood.signal }),
        ),
      );
      if (flooders.length) await sleep(500); // the flood is under way before the tenant is measured
      const measured = await tenantRun({ ...tenant, durationS: phaseS });
      stopFlood.abort();
      const tallies = await floodDone;
      const phase = { name, tenant: measured, flood: mergeTallies(tallies) };
      phases.push(phase);
      bench.log(
        `  ${name.padEnd(60)} tenant p50 ${round(measured.p50, 1)} ms p99 ${round(measured.p99, 1)} ms errors ${round(measured.errorRate * 100, 1)} %  flood ${phase.flood.sent} requests`,
      );
      // Let the tenant's credential budget refill between phases (bursts spend it).
      await sleep(flooders.length ? 3_000 : 0);
    };
    await measure("alone", []);
    for (const flooders of floods({ ids, entryIds })) {
      await measure(flooders.length > 1 ? "all three at once" : flooders[0].name, flooders);
    }
    return {
      status: "measured",
      description: `One tenant (its own NL API key, \`company { name vendors(first: 5) { totalCount } }\`, one request at a time with ${pauseMs} ms between answers, ${phaseS} s per phase) alone, then while other callers (each its own address, X-Forwarded-For from a trusted loopback proxy) flood one gateway with the production defaults: 32 upstream connections, 8 per credential, 1000 queued, 500 calls/min per credential, 600 requests/min per caller. ${bench.profile.upstreamLatencyMs} ms upstream delay. An answer with any error counts as an error.`,
      env: FLOOD_GATEWAY_ENV,
      phases,
    };
  } finally {
    await stop(gw.child);
  }
}

function mergeTallies(tallies) {
  const merged = { sent: 0, statuses: {}, codes: {} };
  for (const t of tallies) {
    merged.sent += t.sent;
    for (const [k, n] of Object.entries(t.statuses)) merged.statuses[k] = (merged.statuses[k] ?? 0) + n;
    for (const [k, n] of Object.entries(t.codes)) merged.codes[k] = (merged.codes[k] ?? 0) + n;
  }
  return merged;
}

const counts = (object) =>
  Object.entries(object ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ×${n}`)
    .join(", ") || "–";

function report(f) {
  const lines = ["## (h) Flood: an authorised tenant while others flood", ""];
  if (f.status !== "measured") return [...lines, `**${f.status}**: ${f.reason}`, ""];
  const alone = f.phases[0]?.tenant;
  return [
    ...lines,
    f.description,
    "",
    table(
      [
        "phase",
        "tenant requests",
        "p50 (ms)",
        "p50 vs alone",
        "p99 (ms)",
        "tenant errors",
        "tenant error codes",
        "flood requests",
        "flood answers",
      ],
      f.phases.map((p) => [
        p.name,
        String(p.tenant.requests),
        num(p.tenant.p50, 1),
        alone ? `×${num(p.tenant.p50 / alone.p50, 2)}` : "–",
        num(p.tenant.p99, 1),
        `${num(p.tenant.errorRate * 100, 1)} %`,
        counts(p.tenant.codes),
        String(p.flood.sent),
        counts({
          ...Object.fromEntries(Object.entries(p.flood.statuses).map(([s, n]) => [`HTTP ${s}`, n])),
          ...p.flood.codes,
        }),
      ]),
    ),
    "",
  ];
}

export default {
  option: "h",
  key: "flood",
  stage: "shared-gateway",
  profile: {
    quick: { flood: { phaseS: 8, pauseMs: 400 } },
    full: { flood: { phaseS: 20, pauseMs: 400 } },
  },
  run,
  report,
};
