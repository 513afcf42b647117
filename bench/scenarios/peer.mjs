// (f) peer: the gateway vs Hive Gateway over the supergraph composed from Pleo's OpenAPI specs, one
// company's books (seven upstream calls).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { armsTable, countedRun, saturationRounds, summariseArm, warmUp } from "../lib/arms.mjs";
import { measureFloor, sameCallsAsLog } from "../lib/floor.mjs";
import { assertClean, basicAuth, gatewayJob } from "../lib/jobs.mjs";
import { gql, simRequests, simReset } from "../lib/load.mjs";
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
import { FIXED_RATE, targets } from "./peer-targets.mjs";

const KEY = "peer";
/** This scenario's names for the CPU fields of an arm's summary (its table says just "CPU"). */
const CPU_KEYS = {
  title: "",
  cpuAtSaturation: "cpuMsPerRequestAtSaturation",
  cpuAtFixedRate: "cpuMsPerRequestAtFixedRate",
  coreAtSaturation: "coreUtilisationAtSaturation",
};
/**
 * The seven upstream calls the gateway sends for COMPANY_BOOKS at page size n, as it sends them (its
 * tag groups include the archived ones; its entries search excludes deleted entries): the floor's set.
 */
function booksCalls(c, key, n) {
  return [
    ["GET", `/v1/companies/${c}`, null, key],
    [
      "POST",
      `/v1/chart-of-accounts:search?limit=${n}`,
      { companyId: c, excludeIfAssignedToCategory: false, excludeIfAssignedToContraAccount: false },
      key,
    ],
    ["POST", `/v0/tax-codes:search?company_id=${c}&limit=${n}`, {}, key],
    ["GET", `/v0/tag-groups?company_id=${c}&include_archived=true&include_tags_count=true`, null, key],
    ["POST", `/v1/vendors:search?company_id=${c}&limit=${n}`, {}, key],
    ["POST", `/v1/accounting-entries:search?company_id=${c}&limit=${n}`, { includeDeleted: false }, key],
    ["GET", `/v2/employees?companyId=${c}&limit=${n}`, null, key],
  ];
}

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
  // The floor's set must be what the gateway sends: checked against the simulator's log of one query.
  await simReset(sim.url);
  assertClean("(f) gateway", await gql(gw.url, gatewayHeaders, COMPANY_BOOKS, { c: nl, n }));
  const floorMatchesGateway = sameCallsAsLog(booksCalls(nl, ids.secrets.nl, n), await simRequests(sim.url));
  if (!floorMatchesGateway) bench.log("  ! the floor's seven calls differ from the gateway's (see the log)");
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
  // Round by round: the arms (saturationRounds, one round at a time), then the floor at the fixed rate.
  // `oneRound` reads everything else from `bench`; runLoad's shared state (the load generator, the
  // foreign-load list) exists by now, so what it writes lands in bench's own objects.
  bench.foreign ??= [];
  const oneRound = Object.create(bench, { profile: { value: { ...bench.profile, rounds: 1 } } });
  const floorSets = BOOKS_PAGE_SIZES.map((size) => booksCalls(nl, ids.secrets.nl, size));
  const rounds = [];
  const floors = [];
  for (let r = 0; r < bench.profile.rounds; r += 1) {
    bench.log(`  (f) round ${r + 1} of ${bench.profile.rounds}`);
    rounds.push(...(await saturationRounds(oneRound, { ...tag, fixedName: "fixed" }, arms, sim, load)));
    const { books } = await measureFloor(bench, {
      label: "(f) books",
      url: sim.url,
      runs: [{ name: "books", sets: floorSets }],
      rate: load.rate,
      durationS: load.rateS,
    });
    floors.push(books);
    bench.log(
      `  round ${r + 1} floor   ${`@${load.rate}/s`.padEnd(9)}p50 ${round(books.p50, 2)} p99 ${round(books.p99, 2)} ms (${books.sets} sets of 7 calls${books.failures ? `, ${books.failures} FAILED: ${books.firstError}` : ""})`,
    );
  }
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
      p50GatewayOverPeerAtFixedRate: summary(
        rounds.map((r) => r.gateway.fixed.latencyMs.p50 / r.peer.fixed.latencyMs.p50),
      ),
    },
    floor: {
      description:
        "The seven calls in parallel from a bare client (undici, keep-alive) pinned to the gateway's core, at the same fixed rate and duration, after each round's arms: what this machine and simulator allow.",
      callsPerSet: 7,
      matchesGateway: floorMatchesGateway,
      p50: summary(floors.map((f) => f.p50)),
      p99: summary(floors.map((f) => f.p99)),
      sets: floors.reduce((sum, f) => sum + f.sets, 0),
      failures: floors.reduce((sum, f) => sum + f.failures, 0),
      gatewayP50MinusFloor: summary(
        rounds.map((r, i) => minus(r.gateway.fixed.latencyMs.p50, floors[i].p50)),
      ),
      peerP50MinusFloor: summary(rounds.map((r, i) => minus(r.peer.fixed.latencyMs.p50, floors[i].p50))),
      rounds: floors,
    },
    rounds,
  };
}

/** a − b, or null where either is missing (a floor run whose every set failed has no p50). */
const minus = (a, b) => (Number.isFinite(a) && Number.isFinite(b) ? a - b : null);
/** The floor in a sentence (nothing for results that did not measure it). */
function floorLines(p) {
  const f = p.floor;
  if (!Number.isFinite(f?.p50?.median)) return [];
  const sentence = `Floor: the seven calls in parallel from a bare client on the gateway's core, @ ${p.fixedRate}/s: p50 ${withRange(f.p50)} ms, p99 ${withRange(f.p99)} ms${f.failures ? ` (${f.failures} of ${f.sets + f.failures} sets failed)` : ""}${f.matchesGateway === false ? " (**its calls differ from the gateway's**)" : ""}; p50 minus the floor, per round: gateway ${withRange(f.gatewayP50MinusFloor)} ms, peer ${withRange(f.peerP50MinusFloor)} ms.`;
  return [sentence, ""];
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
      )}. Per-round ratios: gateway/peer req/s ${withRange(p.ratios.rpsGatewayOverPeer)}; peer/gateway CPU per request ${withRange(p.ratios.cpuPerRequestPeerOverGateway)}; gateway/peer peak RSS ${num(p.ratios.peakRssGatewayOverPeer, 2)}${p.ratios.p50GatewayOverPeerAtFixedRate ? `; gateway/peer p50 @ ${p.fixedRate}/s ${withRange(p.ratios.p50GatewayOverPeerAtFixedRate, 3)}` : ""}. Specs composed: ${p.specsComposed.join(", ")}.`,
    "",
    ...floorLines(p),
  ];
}

export default {
  option: "f",
  key: KEY,
  // Beside the peer, once the shared gateway has stopped: the two servers compared alone on their core.
  stage: "peer",
  usesPeer: true,
  profile: {
    quick: { peer: { satConnections: 40, satS: 1, rate: FIXED_RATE, rateConnections: 8, rateS: 1 } },
    full: { peer: { satConnections: 40, satS: 5, rate: FIXED_RATE, rateConnections: 8, rateS: 5 } },
  },
  run,
  targets,
  report,
};
