import { describe, expect, it } from "vitest";
import { NL_KEY } from "../support/auth-headers.ts";
import { ownedGlobalId } from "../support/ids.ts";
import { NL, nl, useMasterDataMutations } from "./master-data-mutations.ts";
import type { Json } from "./run-mutation.ts";

/**
 * Vendor mutations through the gateway, against the simulator: each mutation's success (and that reads
 * see it), and each typed error it can produce.
 */
describe("master-data mutations", () => {
  const { h, mutate, writes } = useMasterDataMutations();
  describe("vendors", () => {
    const VENDOR =
      "... on VendorPayload { vendor { id vendorId name state externalId code country defaultCurrency } }";
    const input = {
      companyId: NL,
      name: "Koffiebranderij Noord",
      defaultCurrency: "EUR",
      externalId: "CRED-77001",
      code: "77001",
      country: "NL",
    };

    it("creates a vendor (ACTIVE with an externalId, DRAFT without) and the vendor list shows it", async () => {
      const created = await mutate("createVendor", "CreateVendorInput", VENDOR, input);
      expect(created.vendor).toMatchObject({ name: input.name, state: "ACTIVE", externalId: "CRED-77001" });
      const draft = await mutate("createVendor", "CreateVendorInput", VENDOR, {
        companyId: NL,
        name: "Nieuwe leverancier",
        defaultCurrency: "EUR",
      });
      expect(draft.vendor.state).toBe("DRAFT");
      const read = await h.gql<Json>(
        `query($id: ID!) { company(id: $id) { vendors(filter: { externalIds: ["CRED-77001"] }) { totalCount edges { node { id } } } } }`,
        { headers: NL_KEY, variables: { id: NL } },
      );
      expect(read.body.data.company.vendors.edges).toEqual([{ node: { id: created.vendor.id } }]);
    });

    it("Pleo's 409 for an existing vendor is a Conflict carrying the existing vendor", async () => {
      const existing = nl.vendors.find((v) => v.externalId && v.code) as (typeof nl.vendors)[number];
      const byExternalId = await mutate("createVendor", "CreateVendorInput", VENDOR, {
        ...input,
        externalId: existing.externalId,
      });
      expect(byExternalId).toMatchObject({
        __typename: "Conflict",
        code: "CONFLICT",
        companyId: NL,
        upstreamType: "VENDOR_ALREADY_EXISTS",
        existing: { __typename: "Vendor", vendorId: existing.id, name: existing.name },
      });
      expect(byExternalId.existing.id).toBe(ownedGlobalId("Vendor", NL, existing.id));
      const byCode = await mutate("createVendor", "CreateVendorInput", VENDOR, {
        ...input,
        code: existing.code,
      });
      expect(byCode.existing.vendorId).toBe(existing.id);
      expect(await writes("/v1/vendors")).toHaveLength(2);
    });

    it("updates with patch semantics, archives, and restores a vendor", async () => {
      const vendor = nl.vendors.find((v) => v.externalId && v.country) as (typeof nl.vendors)[number];
      const id = ownedGlobalId("Vendor", NL, vendor.id);
      const updated = await mutate("updateVendor", "UpdateVendorInput", VENDOR, { id, name: "Renamed B.V." });
      expect(updated.vendor).toMatchObject({
        name: "Renamed B.V.",
        country: vendor.country,
        externalId: vendor.externalId,
        defaultCurrency: vendor.defaultCurrency,
      });
      const archived = await mutate(
        "archiveVendor",
        "ArchiveVendorInput",
        "... on ArchiveVendorPayload { vendorId vendor { state } }",
        { id },
      );
      expect(archived).toEqual({
        __typename: "ArchiveVendorPayload",
        vendorId: vendor.id,
        vendor: { state: "ARCHIVED" },
      });
      const restored = await mutate("updateVendor", "UpdateVendorInput", VENDOR, {
        id,
        state: "ACTIVE",
        country: null,
      });
      expect(restored.vendor).toMatchObject({ state: "ACTIVE", country: null });
    });

    it("a DRAFT vendor needs an externalId to be updated; a clash on update is a Conflict", async () => {
      const draft = await mutate("createVendor", "CreateVendorInput", VENDOR, {
        companyId: NL,
        name: "Draft",
        defaultCurrency: "EUR",
      });
      const refused = await mutate("updateVendor", "UpdateVendorInput", VENDOR, {
        id: draft.vendor.id,
        name: "x",
      });
      expect(refused).toMatchObject({
        __typename: "ValidationFailed",
        issues: [{ path: "input.externalId", code: "VALIDATION_FAILED" }],
      });
      const existing = nl.vendors.find((v) => v.externalId) as (typeof nl.vendors)[number];
      const clash = await mutate("updateVendor", "UpdateVendorInput", VENDOR, {
        id: draft.vendor.id,
        externalId: existing.externalId,
      });
      expect(clash).toMatchObject({ __typename: "Conflict", existing: { vendorId: existing.id } });
    });

    it("validates currency, country and lengths at once; unknown ids are NotFound", async () => {
      const result = await mutate("createVendor", "CreateVendorInput", VENDOR, {
        ...input,
        name: " ",
        defaultCurrency: "euro",
        country: "Holland",
        registrationNumber: "r".repeat(256),
      });
      expect(result.issues.map((i: Json) => i.path).sort()).toEqual([
        "input.country",
        "input.defaultCurrency",
        "input.name",
        "input.registrationNumber",
      ]);
      const missing = await mutate("archiveVendor", "ArchiveVendorInput", "", {
        id: "0b7c9d3e-1111-4222-8333-944455556666",
        companyId: NL,
      });
      expect(missing).toMatchObject({ __typename: "NotFound", companyId: NL });
    });
  });
});
