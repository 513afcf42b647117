import { print } from "graphql";
import { expect } from "vitest";
import type { FaultRuleInput, SimRequestLogEntry } from "../../src/simulator/index.ts";
import { GroupBooksDocument } from "../generated/graphql.ts";
import type { Harness } from "../support/harness.ts";

/** Every group company with its vendors: one discovery call, then one vendor search per company. */
export const GROUP_VENDORS = /* GraphQL */ `
  query GroupVendors($org: ID!) {
    organisation(id: $org) {
      companies(first: 10) {
        edges { node { companyId name vendors(first: 5) { totalCount edges { node { name } } } } }
      }
    }
  }
`;

/** The group's books (test/operations/economy.graphql): 22 Pleo calls for the three companies. */
export const GROUP_BOOKS = print(GroupBooksDocument);

interface CompanyNode {
  companyId: string;
  name: string;
  vendors: { totalCount: number; edges: { node: { name: string } }[] } | null;
}

export type GroupVendorsData = { organisation: { companies: { edges: { node: CompanyNode }[] } } };

export function companiesOf(data: GroupVendorsData | null | undefined): Map<string, CompanyNode> {
  return new Map((data?.organisation.companies.edges ?? []).map((e) => [e.node.companyId, e.node]));
}

export async function addFaults(h: Harness, ...rules: FaultRuleInput[]): Promise<void> {
  const res = await fetch(`${h.simulatorUrl}/__sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

/** The value of one sample in a Prometheus text exposition (0 when absent). */
export function metric(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_]+)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const sample = Object.fromEntries(
      [...(match[3] ?? "").matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => sample[k] === v)) total += Number(match[4]);
  }
  return total;
}

export async function metricsText(h: Harness): Promise<string> {
  const res = await fetch(`${h.url}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}

/** When the simulator started serving the request (its log records the end and the duration). */
export function arrival(entry: SimRequestLogEntry): number {
  return Date.parse(entry.at) - entry.durationMs;
}

export function byCompany(log: SimRequestLogEntry[], companyId: string): SimRequestLogEntry[] {
  return log.filter((e) => e.targetCompanyId === companyId || e.credentialSubject?.id === companyId);
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}
