// Mesh Compose configuration of the benchmark's peer arm: one OpenAPI subgraph per Pleo spec that the
// representative query needs, composed into a supergraph that Hive Gateway serves. The specs are read
// from PLEO_OPENAPI_DIR (default ../shared/pleo-openapi); the upstream base URL is resolved at run time
// from the gateway process's PLEO_API_URL, and the caller's Authorization header is forwarded as is.
import { resolve } from "node:path";
import { defineConfig } from "@graphql-mesh/compose-cli";
import { loadOpenAPISubgraph } from "@omnigraph/openapi";

const dir = resolve(process.env.PLEO_OPENAPI_DIR ?? "../shared/pleo-openapi");
export const PEER_SPECS = {
  Companies: "pleo-companies-api-openapi.yml",
  Accounts: "pleo-accounts-api-openapi.yml",
  TaxCodes: "pleo-tax-codes-api-openapi.yml",
  TagGroups: "pleo-tag-groups-api-openapi.yml",
  Vendors: "pleo-external-vendors-api-openapi.yml",
  AccountingEntries: "pleo-accounting-entries-api-openapi.yml",
  Employees: "pleo-employees-api-openapi.yml",
};

/** Pleo's searches are POSTs, which Omnigraph maps to mutations; a read query needs them on Query. */
const SEARCHES_AS_QUERIES = [
  "searchAccountsV1",
  "getTaxCodes",
  "searchVendors",
  "externalSearchAccountingEntriesV1",
].map((fieldName) => ({ type: "query", fieldName }));

export const composeConfig = defineConfig({
  output: process.env.PEER_SUPERGRAPH ?? "supergraph.graphql",
  subgraphs: Object.entries(PEER_SPECS).map(([name, file]) => ({
    sourceHandler: loadOpenAPISubgraph(name, {
      source: resolve(dir, file),
      endpoint: "{env.PLEO_API_URL}",
      operationHeaders: { Authorization: "{context.headers.authorization}" },
      selectQueryOrMutationField: SEARCHES_AS_QUERIES,
    }),
  })),
});
