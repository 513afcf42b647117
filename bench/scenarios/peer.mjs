// (f) peer: the gateway vs Hive Gateway over the supergraph composed from Pleo's OpenAPI specs, one
// company's books (seven upstream calls).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { armsTable, countedRun, saturationRounds, summariseArm, warmUp } from "../lib/arms.mjs";
import { assertClean, basicAuth, gatewayJob } from "../lib/jobs.mjs";
import { gql } from "../lib/load.mjs";
import { num, withRange } from "../lib/markdown.mjs";
import { memory, stop } from "../lib/processes.mjs";
import {
  BOOKS_PAGE_SIZES,
  COMPANY_BOOKS,
  COMPANY_BOOKS_PEER,
  normaliseGatewayBooks,
  normalisePeerBooks,
} from "../lib/queries.mjs";
import { GATEWAY_POOL_ENV, startGateway } from "../lib/servers.mjs";
import { round, summary } from "../lib/stats.mjs";

const KEY = "peer";
/** This scenario's names for the CPU fields of an arm's summary (its table says just "CPU"). */
const CPU_KEYS = {
  title: "",
  cpuAtSaturation: "cpuMsPerRequestAtSaturation",
  cpuAtFixedRate: "cpuMsPerRequestAtFixedRate",
  coreAtSaturation: "coreUtilisationAtSaturation",
};
const TARGET = "≥ 10 × the peer's requests/s at ≤ ¼ of its RSS";

async function run(bench, { sim, peer, peerSetup }) {
  bench.log(
    "(f) peer: the gateway vs Hive Gateway over Pleo's OpenAPI specs, one company's books (7 upstream calls)",
  );
  if (!peer) return { status: "skipped", reason: peerSetup?.reason ?? "peer unavailable" };
  // A fresh gateway process, so that its RSS has the same history as the peer's (start-up, then (b)).
  const gw = await startGateway(bench, "gateway-f", sim.url, GATEWAY_POOL_ENV);
  try {
    return await compare(bench, { sim, gw, peer, ids: sim.identities, peerSetup });
  } finally {
    await stop(gw.child);
  }
}

async function compare(bench, { sim, gw, peer, ids, peerSetup }) {
  const load = bench.profile.peer;
  const nl = ids.companies.nl;
  const n = 10;
  const gatewayHeaders = { "x-pleo-api-key": ids.secrets.nl };
  const peerHeaders = { authorization: basicAuth(ids.secrets.nl) };
  const sameData = {};
  for (const size of [10, 100]) {
    const ours = normaliseGatewayBooks(
      assertClean(
        `(f) gateway n=${size}`,
        await gql(gw.url, gatewayHeaders, COMPANY_BOOKS, { c: nl, n: size }),
      ),
    );
    const theirs = normalisePeerBooks(
      assertClean(
        `(f) peer n=${size}`,
        await gql(peer.url, peerHeaders, COMPANY_BOOKS_PEER, { c: nl, n: size }),
      ),
    );
    sameData[size] = isDeepStrictEqual(ours, theirs);
    if (!sameData[size]) {
      const { logDir } = bench;
      writeFileSync(join(logDir, `peer-mismatch-${size}.json`), JSON.stringify({ ours, theirs }, null, 2));
      throw new Error(`(f) the gateway and the peer return different data at n=${size} (see ${logDir})`);
    }
  }
  bench.log("  same data from both (n=10 and n=100)");
  const idleRss = { gateway: memory(gw.pid).rss, peer: memory(peer.pid).rss };
  const variants = BOOKS_PAGE_SIZES.map((size) => ({ c: nl, n: size }));
  const arms = [
    {
      name: "gateway",
      server: { pid: gw.pid },
      job: gatewayJob(gw, gatewayHeaders, COMPANY_BOOKS, { c: nl, n }, variants),
    },
    {
      name: "peer",
      server: { pid: peer.pid },
      job: gatewayJob(peer, peerHeaders, COMPANY_BOOKS_PEER, { c: nl, n }, variants),
    },
  ];
  const tag = { tag: "(f)", scenario: KEY };
  await warmUp(bench, "(f)", arms, load.satConnections);
  const counted = {};
  for (const arm of arms) counted[arm.name] = await countedRun(bench, tag, arm, sim, load.satConnections);
  const rounds = await saturationRounds(bench, { ...tag, fixedName: "fixed" }, arms, sim, load);
  const armSummary = (arm, pid) =>
    summariseArm(rounds, arm, CPU_KEYS, {
      rssHighWaterMarkBytes: memory(pid).hwm,
      idleRssBytes: idleRss[arm],
      upstreamCallsPerRequest: counted[arm],
    });
  const gatewaySummary = armSummary("gateway", gw.pid);
  const peerSummary = armSummary("peer", peer.pid);
  return {
    description:
      "One company's books (company, accounts, tax codes, tag groups, vendors, entries, employees) — seven upstream calls — from the gateway and from Hive Gateway over a supergraph composed with @omnigraph/openapi from seven of Pleo's specs; same simulator, same credential (the peer forwards Authorization: Basic). Page sizes 5…52 in turn (both arms the same sequence), so that no two requests in flight are identical.",
    specsComposed: [
      "companies",
      "accounts (chart of accounts)",
      "tax-codes",
      "tag-groups",
      "external-vendors",
      "accounting-entries",
      "employees",
    ],
    versions: peerSetup?.versions,
    sameData,
    upstreamLatencyMs: bench.profile.upstreamLatencyMs,
    fixedRate: load.rate,
    saturationConnections: load.satConnections,
    arms: { gateway: gatewaySummary, peer: peerSummary },
    ratios: {
      rpsGatewayOverPeer: summary(rounds.map((r) => r.gateway.saturation.rps / r.peer.saturation.rps)),
      cpuPerRequestPeerOverGateway: summary(
        rounds.map(
          (r) => r.peer.saturation.server.cpuMsPerRequest / r.gateway.saturation.server.cpuMsPerRequest,
        ),
      ),
      peakRssGatewayOverPeer: gatewaySummary.peakRssBytes / peerSummary.peakRssBytes,
    },
    rounds,
  };
}

function targets(p) {
  if (!p.ratios) return [{ target: TARGET, measured: p.reason, met: null }];
  const rps = p.ratios.rpsGatewayOverPeer.median;
  const rss = p.ratios.peakRssGatewayOverPeer;
  return [
    {
      target: TARGET,
      measured: `${round(rps, 2)} × the requests/s (range ${p.ratios.rpsGatewayOverPeer.range.map((v) => round(v, 2)).join(" … ")}) at ${round(rss, 2)} × its peak RSS`,
      met: rps >= 10 && rss <= 0.25,
    },
  ];
}

function report(p) {
  const lines = [
    "## (f) Peer: Hive Gateway over Pleo's OpenAPI specs, one company's books (7 upstream calls)",
    "",
  ];
  if (!p.arms) return [...lines, `**${p.status}**: ${p.reason}`, ""];
  return [
    ...lines,
    armsTable(
      p,
      { gateway: "gateway", peer: `Hive Gateway ${p.versions?.["@graphql-hive/gateway"] ?? ""}` },
      CPU_KEYS,
    ),
    "",
    `Same data from both: ${Object.entries(p.sameData)
      .map(([n, same]) => `n=${n} ${same ? "yes" : "NO"}`)
      .join(
        ", ",
      )}. Per-round ratios: gateway/peer req/s ${withRange(p.ratios.rpsGatewayOverPeer)}; peer/gateway CPU per request ${withRange(p.ratios.cpuPerRequestPeerOverGateway)}; gateway/peer peak RSS ${num(p.ratios.peakRssGatewayOverPeer, 2)}. Specs composed: ${p.specsComposed.join(", ")}.`,
    "",
  ];
}

export default {
  option: "f",
  key: KEY,
  // Beside the peer, once the shared gateway has stopped: the two servers compared alone on their core.
  stage: "peer",
  usesPeer: true,
  profile: {
    quick: { peer: { satConnections: 40, satS: 1, rate: 40, rateConnections: 8, rateS: 1 } },
    full: { peer: { satConnections: 40, satS: 5, rate: 40, rateConnections: 8, rateS: 5 } },
  },
  run,
  targets,
  report,
};
