import { describe, expect, it } from "vitest";
import { ALL_CREDENTIALS, type SimRequestLogEntry } from "../../src/simulator/index.ts";
import { useFleetCluster } from "../support/fleet-cluster.ts";
import { leakedSecrets } from "../support/harness.ts";
import { eventually } from "./fixture.ts";

/**
 * Three gateway processes, one simulator process and one redis-server, all real (the processes
 * `npm run start:fleet` runs), proving what the fleet shares across processes: one rate budget per
 * credential, a credential's quarantine after a 401, open breakers; that losing Redis degrades but
 * never breaks requests and that the fleet resumes sharing when it returns; and that Redis holds
 * nothing secret and nothing without a TTL. Each test uses its own seeded credential, so their
 * budgets, quarantines and breakers do not meet.
 *
 * The budget is small with a large burst (30/min, 20 at once: one slot every 6 s after the burst) so
 * that one minute's budget is spent within the first second: three instances each on a budget of its
 * own would send three times as much, and the simulator, limiting every credential to the same
 * 30/min as Pleo would, would answer them 429.
 */
const INSTANCES = 3;
const PER_MINUTE = 30;
const BURST = 20;
const INTERVAL_MS = 60_000 / (PER_MINUTE - BURST);
/** FleetRateBudget's lease slack: each instance may hold leaseSize − 1 = 3 slots granted earlier. */
const LEASE_SLACK = INSTANCES * 3;
const DEADLINE_MS = 2_000;
/** How much later than its deadline a request may answer (scheduling on a loaded 2-core machine). */
const ANSWER_MARGIN_MS = 1_500;

const fleet = useFleetCluster({
  instances: INSTANCES,
  gatewayEnv: {
    // Repeated identical reads drive budgets, breakers and refreshes here: no read cache in the way.
    READ_CACHE_ENABLED: "false",
    LOG_LEVEL: "info",
    PLEO_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
    PLEO_RATE_LIMIT_BURST: String(BURST),
    REQUEST_DEADLINE_MS: String(DEADLINE_MS),
    // One attempt per call and a low threshold keep the counts of Pleo calls exact and small.
    PLEO_RETRY_MAX_ATTEMPTS: "1",
    PLEO_BREAKER_FAILURE_THRESHOLD: "3",
    PLEO_BREAKER_OPEN_MS: "30000",
  },
  simulatorEnv: { SIM_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) },
});

const VENDORS = "query($id: ID!) { company(id: $id) { vendors(first: 1) { totalCount } } }";

function credential(label: string) {
  const found = ALL_CREDENTIALS.find((c) => c.label === label);
  if (!found) throw new Error(`no seeded credential ${label}`);
  return found;
}

/** A script's request for its company's vendors, with its own API key. */
function vendorsOf(instance: number, label: string) {
  const c = credential(label);
  return fleet().gql(instance, VENDORS, {
    variables: { id: c.subject.id },
    headers: { "x-pleo-api-key": c.secret },
    timeoutMs: DEADLINE_MS + ANSWER_MARGIN_MS,
  });
}

// biome-ignore lint/suspicious/noExplicitAny: GraphQL error lists are read field by field.
function codes(body: any): string[] {
  return ((body?.errors ?? []) as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code ?? "");
}

async function callsOf(label: string, after = 0): Promise<SimRequestLogEntry[]> {
  return (await fleet().pleoCalls()).filter((e) => e.credentialLabel === label && e.seq > after);
}

async function lastSeq(): Promise<number> {
  return (await fleet().pleoCalls()).at(-1)?.seq ?? 0;
}

/** The largest number of calls in any `windowMs`-long window. */
function busiestWindow(calls: readonly SimRequestLogEntry[], windowMs: number): number {
  const times = calls.map((c) => Date.parse(c.at)).sort((a, b) => a - b);
  let busiest = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while ((times[j] ?? 0) - (times[i] ?? 0) >= windowMs) i++;
    busiest = Math.max(busiest, j - i + 1);
  }
  return busiest;
}

/** Sends `total` requests round robin, `perWave` at a time, `gapMs` between waves. */
async function offer(label: string, total: number, perWave: number, gapMs: number) {
  const answers = [];
  for (let sent = 0; sent < total; sent += perWave) {
    const wave = Array.from({ length: Math.min(perWave, total - sent) }, (_, k) =>
      vendorsOf((sent + k) % INSTANCES, label),
    );
    answers.push(...(await Promise.all(wave)));
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return answers;
}

/** Every answer 200, on time, with the vendors or RATE_LIMITED (with a wait): never a 5xx or a hang. */
function expectServedOrRateLimited(answers: Awaited<ReturnType<typeof offer>>): number {
  let limited = 0;
  for (const { status, body, elapsedMs } of answers) {
    expect(status).toBe(200);
    expect(elapsedMs).toBeLessThan(DEADLINE_MS + ANSWER_MARGIN_MS);
    if (body.data?.company?.vendors) continue;
    expect(codes(body)).toEqual(["RATE_LIMITED"]);
    expect(body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    limited += 1;
  }
  return limited;
}

/**
 * Opens the breaker for (company, credential) on instance `a` with Pleo failing for that company (every
 * endpoint: the breaker counts consecutive failures, and one success closes it); `b` must then refuse
 * without calling Pleo.
 */
async function expectBreakerSharedFrom(a: number, b: number, label: string): Promise<void> {
  const cluster = fleet();
  const companyId = credential(label).subject.id;
  expect((await vendorsOf(b, label)).body.data?.company?.vendors).toBeTruthy();
  await cluster.addFaults({ companyId, status: 503 });
  try {
    let opened = false;
    for (let i = 0; i < 6 && !opened; i++)
      opened = codes((await vendorsOf(a, label)).body).includes("CIRCUIT_OPEN");
    expect(opened).toBe(true);
    await eventually(async () => (await cluster.storedKeys()).some((k) => k.key.includes("{breaker:")));
    await new Promise((resolve) => setTimeout(resolve, 200)); // pub/sub to the other instances
    const before = await lastSeq();
    const answer = await vendorsOf(b, label);
    expect(answer.status).toBe(200);
    expect(codes(answer.body)).toEqual(["CIRCUIT_OPEN"]);
    expect(answer.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(await callsOf(label, before)).toEqual([]);
  } finally {
    await cluster.clearFaults();
  }
}

/** Every key has a TTL, and neither a key nor its content holds any seeded secret. */
async function expectKeysClean(): Promise<void> {
  const stored = await fleet().storedKeys();
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.filter((k) => k.pttl < 0).map((k) => k.key)).toEqual([]);
  expect(stored.every((k) => k.key.startsWith("pleo-gw:"))).toBe(true);
  expect(leakedSecrets(stored.flatMap((k) => [k.key, k.content]))).toEqual([]);
}

describe("a fleet of three gateway processes over one Redis", () => {
  it("starts with every instance ready and sharing through Redis", { timeout: 30_000 }, async () => {
    // A command may time out while a process is still busy starting: wait for "up" again.
    await eventually(async () => {
      const answers = await Promise.all([0, 1, 2].map((i) => fleet().ready(i)));
      return answers.every(
        (r) => r.status === 200 && r.body.status === "ready" && r.body.checks.redis === "ok",
      );
    }, 20_000);
  });

  it("keeps one credential under one budget, offered three times it across the instances", {
    timeout: 40_000,
  }, async () => {
    const label = "lcb-be";
    const answers = await offer(label, 3 * (BURST + 4), 6, 150);
    const limited = expectServedOrRateLimited(answers);
    const calls = await callsOf(label);
    // Pleo (the simulator, limiting at the same 30/min) never had to refuse one.
    expect(calls.filter((c) => c.status === 429)).toEqual([]);
    expect(busiestWindow(calls, 60_000)).toBeLessThanOrEqual(PER_MINUTE + LEASE_SLACK);
    // The run is far shorter than a minute: the burst and a slot or two are all the fleet may spend.
    const spanMs = Date.parse(calls.at(-1)?.at ?? "") - Date.parse(calls[0]?.at ?? "");
    expect(calls.length).toBeLessThanOrEqual(BURST + Math.ceil(spanMs / INTERVAL_MS) + 1);
    // Offered three times what the budget allows, most callers are refused at once. (Not "answers −
    // calls": concurrent identical reads on one instance share one upstream call, so a call may serve
    // several answers — more so now that callers wait their turn at the budget instead of failing.)
    expect(limited).toBeGreaterThanOrEqual(Math.floor(answers.length / 2));
  });

  it("sends a credential Pleo revoked no more from any instance once one saw the 401", async () => {
    const cluster = fleet();
    const label = "lcb-nl";
    for (const i of [0, 1, 2]) expect((await vendorsOf(i, label)).body.data?.company?.vendors).toBeTruthy();
    const before = await lastSeq();
    await cluster.revoke(label);
    expect(codes((await vendorsOf(0, label)).body)).toContain("CREDENTIAL_REJECTED");
    await eventually(async () => (await cluster.storedKeys()).some((k) => k.key.endsWith(":quarantine")));
    await new Promise((resolve) => setTimeout(resolve, 200)); // pub/sub to the other instances
    for (const i of [1, 2, 1, 2]) {
      const answer = await vendorsOf(i, label);
      expect(answer.status).toBeLessThan(500);
      expect(codes(answer.body)).toContain("CREDENTIAL_REJECTED");
    }
    expect((await callsOf(label, before)).map((c) => c.status)).toEqual([401]);
  });

  it("short-circuits instance B on a breaker opened by failures seen on instance A", async () => {
    await expectBreakerSharedFrom(0, 1, "lcb-de");
  });

  it("keeps no key without a TTL and no secret in Redis", async () => {
    await expectKeysClean();
  });

  it("degrades without Redis (no 5xx, no hang, local shares) and shares again when it returns", {
    timeout: 40_000,
  }, async () => {
    const cluster = fleet();
    const label = "alexey";
    for (const i of [0, 1, 2]) expect((await vendorsOf(i, label)).body.data?.company?.vendors).toBeTruthy();

    await cluster.redis.stop();
    await eventually(async () => {
      const answers = await Promise.all([0, 1, 2].map((i) => cluster.ready(i)));
      return answers.every((r) => r.status === 200 && r.body.status === "degraded");
    });
    for (const i of [0, 1, 2])
      expect((await cluster.ready(i)).body.checks).toMatchObject({ redis: "degraded", upstream: "ok" });
    const before = await lastSeq();
    const answers = await offer(label, 3 * 3 * 6, 6, 100);
    expectServedOrRateLimited(answers);
    // Each instance spends its share: 30/min ÷ 3 instances, a burst of ⌊20 ÷ 3⌋ = 6.
    const down = await callsOf(label, before);
    expect(down.length).toBeLessThanOrEqual(INSTANCES * 6);
    expect(down.length).toBeLessThanOrEqual(PER_MINUTE);
    expect((await callsOf(label)).filter((c) => c.status === 429)).toEqual([]);

    await cluster.redis.restart();
    await eventually(async () => {
      const ready = await Promise.all([0, 1, 2].map((i) => cluster.ready(i)));
      return ready.every((r) => r.body.status === "ready" && r.body.checks.redis === "ok");
    }, 15_000);
    // Shared again without a restart: the instances announce themselves, and a breaker opened on
    // one instance is open on another.
    await eventually(async () =>
      (await cluster.storedKeys()).some(
        // WITHSCORES: member, score, member, score…
        (k) => k.key === "pleo-gw:{fleet}:instances" && JSON.parse(k.content).length === 2 * INSTANCES,
      ),
    );
    await expectBreakerSharedFrom(1, 2, "lcb-be-vendors-only");
    await expectKeysClean();
  });

  it("logs no seeded secret in any process", () => {
    expect(leakedSecrets(fleet().logLines())).toEqual([]);
  });
});
