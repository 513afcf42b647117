// (b) upstream economy: upstream calls per query by page size, from the simulator's request log.
import { setTimeout as sleep } from "node:timers/promises";
import { assertClean, basicAuth } from "../lib/jobs.mjs";
import { callsByPath, gql, simRequests, simReset } from "../lib/load.mjs";
import { table } from "../lib/markdown.mjs";
import { COMPANY_BOOKS, COMPANY_BOOKS_PEER, ENTRIES_WITH_REFERENCES, GROUP_BOOKS } from "../lib/queries.mjs";
import { lineChart } from "../lib/svg.mjs";

/** The page sizes the issue's economy target names. */
const TARGET_PAGE_SIZES = [10, 100];

async function run(bench, { sim, gw, peer, ids }) {
  const { pageSizes } = bench.profile;
  bench.log("(b) economy: upstream calls per query by page size");
  await sleep(500); // let requests cut off at the end of earlier timed runs reach the simulator
  const groupHeaders = {
    "x-pleo-api-key": [ids.secrets.lcbOrg, ids.secrets.nl, ids.secrets.de, ids.secrets.be].join(", "),
  };
  const nlHeaders = { "x-pleo-api-key": ids.secrets.nl };
  const queries = [
    {
      name: "GroupBooks (3 companies)",
      minimum: 22,
      minimumWhy:
        "1 discovery + per company: accounts page, accounts by id, tax codes, tag groups, vendors page, vendors by external id, entries",
      run: (n) => gql(gw.url, groupHeaders, GROUP_BOOKS, { org: ids.organisations.loveCremeBrulee, n }),
    },
    {
      name: "Entries with references (NL)",
      // company(id:) costs no call: the credential bound to NL proves the company and no discovery field
      // asks for its record (test/gateway/economy.test.ts pins the same seven).
      minimum: 7,
      minimumWhy:
        "entries, then one batched search per referenced resource (accounts, vendors, tax codes, employees, tags, tag groups); company(id:) needs no call",
      run: (n) => gql(gw.url, nlHeaders, ENTRIES_WITH_REFERENCES, { id: ids.companies.nl, n }),
    },
    {
      name: "CompanyBooks (NL) — gateway",
      minimum: 7,
      minimumWhy: "company, accounts, tax codes, tag groups, vendors, entries, employees",
      run: (n) => gql(gw.url, nlHeaders, COMPANY_BOOKS, { c: ids.companies.nl, n }),
    },
  ];
  if (peer) {
    queries.push({
      name: "CompanyBooks (NL) — Hive Gateway peer",
      minimum: 7,
      minimumWhy: "the same seven resources",
      run: (n) =>
        gql(peer.url, { authorization: basicAuth(ids.secrets.nl) }, COMPANY_BOOKS_PEER, {
          c: ids.companies.nl,
          n,
        }),
    });
  }
  const rows = [];
  for (const q of queries) {
    const row = { query: q.name, minimum: q.minimum, minimumWhy: q.minimumWhy, byPageSize: {} };
    for (const n of pageSizes) {
      assertClean(`(b) ${q.name} n=${n} (warm-up)`, await q.run(n)); // warms the introspection cache
      await simReset(sim.url);
      assertClean(`(b) ${q.name} n=${n}`, await q.run(n));
      const entries = await simRequests(sim.url);
      row.byPageSize[n] = { total: entries.length, byPath: callsByPath(entries) };
    }
    // The issue's page sizes (10 and 100) decide the target; the others are shown for the plot. At page
    // size 1 a query may need fewer calls than the minimum (e.g. no referenced vendor on that page).
    const totals = TARGET_PAGE_SIZES.filter((n) => row.byPageSize[n]).map((n) => row.byPageSize[n].total);
    row.independentOfPageSize = new Set(totals).size === 1;
    row.equalsMinimum = totals.every((t) => t === q.minimum);
    bench.log(
      `  ${q.name.padEnd(40)} ${pageSizes.map((n) => `n=${n}: ${row.byPageSize[n].total}`).join("  ")} (minimum ${q.minimum})`,
    );
    rows.push(row);
  }
  return { pageSizes, targetPageSizes: TARGET_PAGE_SIZES, queries: rows };
}

function targets(e) {
  const rows = e.queries.filter((q) => !q.query.includes("peer"));
  return [
    {
      target: "upstream calls per query independent of page size and equal to the minimum",
      measured: rows
        .map(
          (q) =>
            `${q.query}: ${TARGET_PAGE_SIZES.map((n) => `${q.byPageSize[n]?.total} at n=${n}`).join(", ")} (minimum ${q.minimum})`,
        )
        .join("; "),
      met: rows.every((q) => q.independentOfPageSize && q.equalsMinimum),
    },
  ];
}

function report(e) {
  return [
    "## (b) Upstream economy: calls per query by page size",
    "",
    table(
      ["query", ...e.pageSizes.map((n) => `n=${n}`), "minimum", "independent of n", "= minimum"],
      e.queries.map((q) => [
        q.query,
        ...e.pageSizes.map((n) => q.byPageSize[n].total),
        q.minimum,
        q.independentOfPageSize ? "yes" : "**no**",
        q.equalsMinimum ? "yes" : "**no**",
      ]),
    ),
    "",
  ];
}

function plot(e) {
  if (!e.queries?.length) return null;
  return {
    file: "upstream-calls-vs-page-size.svg",
    svg: lineChart({
      title: "Upstream calls per query vs page size",
      note: "from the simulator's request log; dashed: the minimum",
      xLabel: "page size (first / limit)",
      yLabel: "upstream calls per query",
      series: [
        ...e.queries.map((q, i) => ({
          name: q.query,
          colour: ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e"][i % 4],
          dashed: i === 3,
          points: e.pageSizes.map((n) => ({ x: n, y: q.byPageSize[n].total })),
        })),
        ...[...new Set(e.queries.map((q) => q.minimum))].map((minimum) => ({
          name: `minimum ${minimum}`,
          colour: "#999999",
          dashed: true,
          points: e.pageSizes.map((n) => ({ x: n, y: minimum })),
        })),
      ],
    }),
  };
}

export default {
  option: "b",
  key: "economy",
  stage: "shared-gateway",
  usesPeer: true,
  profile: { quick: { pageSizes: [1, 10, 100] }, full: { pageSizes: [1, 10, 25, 50, 100] } },
  run,
  targets,
  report,
  plot,
};
