// The read-cache scenario's invalidation delay: two gateway instances sharing a Redis, one company's
// vendors cached on both, a vendor created through instance 1, and instance 2 read again and again until
// its answer counts the new vendor — how long a write on one instance leaves another serving the old list.
import { setTimeout as sleep } from "node:timers/promises";
import { assertClean } from "./jobs.mjs";
import { gql } from "./load.mjs";
import { stop } from "./processes.mjs";
import { assertRedisUp } from "./redis.mjs";
import { GATEWAY_POOL_ENV, startGateway } from "./servers.mjs";

const VENDOR_COUNT = /* GraphQL */ `
  query VendorCount($c: ID!) { company(id: $c) { vendors(first: 10) { totalCount } } }
`;
const CREATE_VENDOR = /* GraphQL */ `
  mutation CreateVendor($input: CreateVendorInput!) {
    createVendor(input: $input) { __typename ... on VendorPayload { vendor { vendorId } } }
  }
`;
/** How long instance 2 is polled for the new vendor before a repetition counts as never seen. */
const GIVE_UP_MS = 5_000;

/** Instance `gw`'s vendor count and what that read cost upstream. */
async function vendorCount(gw, headers, company) {
  const answer = await gql(gw.url, headers, VENDOR_COUNT, { c: company });
  const data = assertClean("(i) vendor count", answer);
  return { totalCount: data.company.vendors.totalCount, upstream: answer.body.extensions?.upstream };
}

/**
 * One repetition: both instances read the vendors (filling their caches), instance 2 must then answer
 * from its cache (else the poll below would measure nothing); the vendor is created through instance 1
 * while instance 2 is read back to back, from the mutation's request on, until its count moves. Times are
 * relative to the mutation's answer (when the writer knows it is done): `invalidatedMs`, when the first
 * read that saw the vendor was sent (instance 2 stopped serving the old list between `lastStaleMs` and
 * then; negative: before the writer had its answer), and `seenMs`, when that read's answer came back.
 */
async function repetition(instances, headers, company, n) {
  const [writer, reader] = instances;
  for (const gw of instances) await vendorCount(gw, headers, company);
  const before = await vendorCount(reader, headers, company);
  if (!(before.upstream?.cacheHits > 0) || before.upstream.calls !== 0) {
    throw new Error(`(i) instance 2 did not answer the vendors from its cache: ${JSON.stringify(before)}`);
  }
  const sent = performance.now();
  let answered = null;
  const mutation = gql(writer.url, headers, CREATE_VENDOR, {
    input: {
      companyId: company,
      name: `Bench invalidation ${n} ${Date.now()}`,
      defaultCurrency: "EUR",
      externalId: `BENCH-INV-${Date.now()}-${n}`,
    },
  }).finally(() => {
    answered = performance.now();
  });
  const stale = [];
  let fresh = null;
  while (fresh === null && performance.now() - sent < GIVE_UP_MS) {
    const pollSent = performance.now();
    const now = await vendorCount(reader, headers, company);
    if (now.totalCount > before.totalCount) fresh = { sent: pollSent, received: performance.now() };
    else stale.push(pollSent);
  }
  const created = await mutation;
  if (assertClean("(i) createVendor", created).createVendor.__typename !== "VendorPayload") {
    throw new Error(`(i) createVendor did not create: ${JSON.stringify(created.body).slice(0, 400)}`);
  }
  const lastStale = stale.at(-1);
  return {
    mutationMs: answered - sent,
    invalidatedMs: fresh ? fresh.sent - answered : null,
    lastStaleMs: lastStale === undefined ? null : lastStale - answered,
    seenMs: fresh ? fresh.received - answered : null,
    staleReads: stale.length,
    staleReadsAfterAnswer: stale.filter((t) => t >= answered).length,
  };
}

/**
 * Two instances on `redis` (from startRedis) with the cache at its defaults, `repetitions` writes.
 * @param {object} servers { sim, ids }
 */
export async function invalidationDelay(bench, { sim, ids }, redis, repetitions) {
  const env = {
    ...GATEWAY_POOL_ENV,
    READ_CACHE_ENABLED: "true",
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: "bench-cache:",
    FLEET_INSTANCES: "2",
  };
  const instances = [];
  try {
    for (const name of ["gateway-cache-1", "gateway-cache-2"])
      instances.push(await startGateway(bench, name, sim.url, env));
    for (const gw of instances) await assertRedisUp(gw);
    const headers = { "x-pleo-api-key": ids.secrets.nl };
    const rounds = [];
    for (let n = 1; n <= repetitions; n += 1) {
      const r = await repetition(instances, headers, ids.companies.nl, n);
      rounds.push(r);
      bench.log(
        `  write ${n} (${r.mutationMs.toFixed(1)} ms): instance 2 ${r.seenMs === null ? `still stale after ${GIVE_UP_MS} ms` : `fresh from a read sent at ${r.invalidatedMs.toFixed(1)} ms, answered at ${r.seenMs.toFixed(1)} ms`} (relative to the mutation's answer); ${r.staleReads} stale reads, ${r.staleReadsAfterAnswer} sent after the answer`,
      );
      await sleep(200);
    }
    return { instances: instances.length, giveUpMs: GIVE_UP_MS, rounds };
  } finally {
    for (const gw of instances) await stop(gw.child);
  }
}
