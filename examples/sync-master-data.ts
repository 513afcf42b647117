/**
 * Syncs an ERP's group-wide tax codes and vendors into two companies with two different credentials —
 * the Dutch company's API key and the German company's OAuth access token — in ONE GraphQL request,
 * then reads the result back through queries.
 *
 *   npm start            # in another terminal: gateway + embedded Pleo simulator
 *   npx tsx examples/sync-master-data.ts
 *
 * Running it again changes nothing (everything is UNCHANGED): the sync matches tax codes by code and
 * vendors by externalId. GATEWAY_URL overrides http://127.0.0.1:4000.
 */
import {
  ExampleCredentialsDocument,
  SyncedMasterDataDocument,
  SyncMasterDataDocument,
  type TaxCodeSyncInput,
  type VendorSyncInput,
} from "../test/generated/graphql.ts";
import { combine, execute, GATEWAY_URL, persona } from "./gateway.ts";

/** What the group's ERP holds (the same master data for every company of the group). */
const TAX_CODES: TaxCodeSyncInput[] = [
  { code: "GRP-RC", name: "Reverse charge (EU B2B services)", rate: 0, type: "REVERSE" },
  { code: "GRP-EXEMPT", name: "VAT exempt", rate: 0, type: "EXCLUSIVE" },
];

const VENDORS: VendorSyncInput[] = [
  {
    externalId: "GRP-V-1001",
    name: "Amazon Web Services EMEA SARL",
    defaultCurrency: "EUR",
    country: "LU",
    taxRegistrationNumber: "LU26888617",
  },
  { externalId: "GRP-V-1002", name: "Atlassian Pty Ltd", defaultCurrency: "USD", country: "AU" },
  {
    externalId: "GRP-V-1003",
    name: "Koffiebranderij Noord B.V.",
    defaultCurrency: "EUR",
    country: "NL",
    code: "1003",
  },
];

async function main(): Promise<void> {
  console.log(`Gateway: ${GATEWAY_URL}`);
  // A script holding the NL company's API key (plus the group's discovery key) and the DE company's
  // OAuth access token: two credentials, each bound to its own company by Pleo.
  const headers = combine(await persona("nl-bookkeeper"), await persona("de-oauth-app"));

  const { viewer } = await execute(ExampleCredentialsDocument, {}, headers);
  const companyIds = viewer.credentials
    .filter((c) => c.subjectType === "COMPANY" && c.companyId)
    .map((c) => c.companyId as string);
  for (const c of viewer.credentials) {
    console.log(
      `Credential: ${c.kind} bound to ${c.subjectType.toLowerCase()} ${c.companyId ?? ""}`.trimEnd(),
    );
  }

  // One request, two mutations, two companies, two credentials.
  const result = await execute(
    SyncMasterDataDocument,
    { companyIds, taxCodes: TAX_CODES, vendors: VENDORS },
    headers,
  );

  let failures = 0;
  for (const [what, sync] of [
    ["Tax codes", result.syncTaxCodes],
    ["Vendors", result.syncVendors],
  ] as const) {
    console.log(`\n${what}:`);
    if (!sync || sync.__typename === "ValidationFailed") {
      console.log(`  refused: ${sync?.message ?? "no result"}`);
      failures++;
      continue;
    }
    for (const o of sync.outcomes) {
      console.log(
        `  ${o.status.padEnd(9)} ${o.company?.name ?? o.companyId}: created ${o.created}, updated ${o.updated}, unchanged ${o.unchanged}, failed ${o.failed}, skipped ${o.skipped}`,
      );
      if (o.error) console.log(`            ${o.error.code}: ${o.error.message}`);
      for (const item of o.items) {
        if (item.error)
          console.log(
            `            ${item.action} ${"code" in item ? item.code : item.externalId}: ${item.error.code} ${item.error.message}`,
          );
      }
      if (o.status !== "SUCCEEDED") failures++;
    }
  }

  console.log("\nRead back through queries:");
  for (const companyId of companyIds) {
    const { company } = await execute(
      SyncedMasterDataDocument,
      { companyId, vendorExternalIds: VENDORS.map((v) => v.externalId) },
      headers,
    );
    if (!company) continue;
    const synced = (company.taxCodes?.edges ?? [])
      .map((e) => e.node)
      .filter((t) => TAX_CODES.some((s) => s.code === t.code));
    console.log(`  ${company.name}`);
    for (const t of synced) console.log(`    tax code ${t.code}: ${t.name} (${t.type}, rate ${t.rate})`);
    for (const { node: v } of company.vendors?.edges ?? []) {
      console.log(
        `    vendor   ${v.externalId}: ${v.name} (${v.state}, ${v.defaultCurrency}, ${v.country ?? "-"})`,
      );
    }
  }
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
