// The one-call comparison of scenarios (a) and (a2): an organisation's companies through the gateway,
// against the very upstream request it makes, sent straight to the simulator.
import { isDeepStrictEqual } from "node:util";
import { assertClean, basicAuth, gatewayJob } from "./jobs.mjs";
import { gql } from "./load.mjs";
import { ONE_CALL, ONE_CALL_PAGE_SIZES } from "./queries.mjs";

/**
 * The two arms — `direct` (GET /v1/companies?organization_id=&limit=n to the simulator) and `gateway`
 * (the one-call query) — and `check`, which throws unless both return the same companies.
 */
export function oneCallArms({ sim, gw, ids }) {
  const org = ids.organisations.loveCremeBrulee;
  const key = ids.secrets.lcbOrg;
  const path = (n) => `/v1/companies?organization_id=${org}&limit=${n}`;
  return {
    direct: {
      name: "direct",
      server: { pid: sim.pid },
      job: {
        url: `${sim.url}${path(10)}`,
        method: "GET",
        headers: { authorization: basicAuth(key) },
        variants: ONE_CALL_PAGE_SIZES.map((n) => ({ path: path(n) })),
      },
    },
    gateway: {
      name: "gateway",
      server: { pid: gw.pid },
      job: gatewayJob(
        gw,
        { "x-pleo-api-key": key },
        ONE_CALL,
        { org, n: 10 },
        ONE_CALL_PAGE_SIZES.map((n) => ({ org, n })),
      ),
    },
    check: async () => {
      const direct = await (
        await fetch(`${sim.url}${path(10)}`, { headers: { authorization: basicAuth(key) } })
      ).json();
      const answer = assertClean(
        "(a) gateway",
        await gql(gw.url, { "x-pleo-api-key": key }, ONE_CALL, { org, n: 10 }),
      );
      const names = (list) => list.map((c) => c.name).sort();
      if (
        !isDeepStrictEqual(names(direct.data), names(answer.organisation.companies.edges.map((e) => e.node)))
      ) {
        throw new Error("(a) the gateway and the direct call return different companies");
      }
    },
  };
}
