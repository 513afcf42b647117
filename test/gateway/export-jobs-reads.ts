import { beforeAll, beforeEach, expect } from "vitest";
import { COMPANIES } from "../../src/simulator/seed/identities.ts";
import { NL_KEY } from "../support/auth-headers.ts";
import type { Connection } from "../support/connection.ts";
import { executor, typedDocument } from "../support/execute.ts";
import { useHarness } from "../support/use-harness.ts";

/**
 * What the export-job read tests share: the job and item queries, and a harness that knows NL's seeded
 * jobs (read once through the gateway) and resets the simulator before each test.
 */

export interface JobNode {
  id: string;
  exportJobId: string;
  status: string;
  numberOfItems: number;
}

export interface ItemNode {
  accountingEntryId: string;
  exportJobId: string;
  status: string;
  failureReasonType: string | null;
  externalId: string | null;
}

const JOBS = typedDocument<{ company: { exportJobs: Connection<JobNode> | null } | null }>(`
  query Jobs($id: ID!, $status: [ExportJobStatus!], $first: Int, $after: String, $last: Int, $before: String) {
    company(id: $id) {
      exportJobs(status: $status, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id exportJobId status numberOfItems } }
      }
    }
  }
`);

const ITEMS = typedDocument<{
  company: { exportJob: { items: Connection<ItemNode> | null } | null } | null;
}>(`
  query Items($id: ID!, $job: ID!, $status: ExportJobItemStatus, $first: Int, $after: String, $last: Int, $before: String) {
    company(id: $id) {
      exportJob(id: $job) {
        items(status: $status, first: $first, after: $after, last: $last, before: $before) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { accountingEntryId exportJobId status failureReasonType externalId } }
        }
      }
    }
  }
`);

/** The calls of the export APIs in a simulator request log. */
export const exportCalls = <T extends { path: string }>(log: T[]) =>
  log.filter((r) => r.path.startsWith("/v3/export"));

/** One harness for the enclosing `describe`, with NL's seeded jobs read before its tests. */
export function useExportJobs() {
  const h = useHarness();
  const execute = executor(h);
  /** NL's seeded jobs, in the order Pleo lists them (filled before the first test). */
  const nlJobs: JobNode[] = [];
  const nlJob = (status: string): JobNode => {
    const job = nlJobs.find((j) => j.status === status);
    if (!job) throw new Error(`no NL job in status ${status}`);
    return job;
  };

  const jobs = (headers: Record<string, string>, variables: Record<string, unknown>) =>
    execute(JOBS, variables, { headers });
  const jobsOf = (r: Awaited<ReturnType<typeof jobs>>) => {
    const c = r.expectData().company?.exportJobs;
    if (!c) throw new Error(`exportJobs missing from a data answer\n${r.describe()}`);
    return c;
  };
  const items = (variables: Record<string, unknown>) =>
    execute(ITEMS, { id: COMPANIES.nl.id, ...variables }, { headers: NL_KEY });
  const itemsOf = (r: Awaited<ReturnType<typeof items>>) => {
    const c = r.expectData().company?.exportJob?.items;
    if (!c) throw new Error(`items missing from a data answer\n${r.describe()}`);
    return c;
  };

  beforeAll(async () => {
    nlJobs.push(...jobsOf(await jobs(NL_KEY, { id: COMPANIES.nl.id, first: 100 })).edges.map((e) => e.node));
    expect(nlJobs.length).toBeGreaterThanOrEqual(5);
  });
  beforeEach(() => h.resetSim());

  return { h, execute, nlJobs, nlJob, jobs, jobsOf, items, itemsOf };
}
