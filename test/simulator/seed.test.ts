import { describe, expect, it } from "vitest";
import { ALL_COMPANIES, seedData, seededCompany } from "../../src/simulator/index.ts";
import { SEED_REFERENCE_TIME } from "../../src/simulator/seed/clock.ts";
import { NIL_UUID } from "../../src/simulator/seed/ids.ts";
import { buildSeedSnapshot } from "../../src/simulator/seed/snapshot.ts";

describe("seed", () => {
  it("is deterministic: two builds are identical", () => {
    expect(buildSeedSnapshot()).toEqual(buildSeedSnapshot());
  });

  it("has one company per identity, in identity order", () => {
    expect(seedData().companies.map((c) => c.identity.id)).toEqual(ALL_COMPANIES.map((c) => c.id));
  });

  it("looks companies up by id or slug", () => {
    const byId = seededCompany(ALL_COMPANIES[0]?.id ?? "");
    expect(seededCompany(byId.identity.slug)).toBe(byId);
    expect(() => seededCompany("nowhere")).toThrow();
  });

  it("is frozen so tests cannot change it for each other", () => {
    const nl = seededCompany("lcb-nl");
    expect(Object.isFrozen(nl.vendors)).toBe(true);
    expect(Object.isFrozen(nl.vendors[0])).toBe(true);
  });

  for (const identity of ALL_COMPANIES) {
    describe(identity.slug, () => {
      const company = seededCompany(identity.slug);
      const own = (items: readonly { companyId: string }[]) =>
        items.every((item) => item.companyId === identity.id);
      const ids = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id));

      it("has realistic volumes", () => {
        expect(company.employees.length).toBeGreaterThanOrEqual(14);
        expect(company.accounts.length).toBeGreaterThanOrEqual(38);
        expect(company.taxCodes.length).toBeGreaterThanOrEqual(6);
        expect(company.taxCodes.length).toBeLessThanOrEqual(9);
        expect(company.tagGroups).toHaveLength(3);
        for (const group of company.tagGroups) {
          const tags = company.tags.filter((tag) => tag.groupId === group.id);
          expect(tags.length).toBeGreaterThanOrEqual(8);
          expect(tags.length).toBeLessThanOrEqual(12);
          expect(tags.some((tag) => tag.archived)).toBe(true);
        }
        expect(company.vendors.length).toBeGreaterThanOrEqual(30);
        expect(company.accountingEntries).toHaveLength(300);
      });

      it("gives every object its own company's id", () => {
        expect(company.company.id).toBe(identity.id);
        for (const list of [
          company.employees,
          company.accounts,
          company.taxCodes,
          company.tagGroups,
          company.vendors,
          company.accountingEntries,
          company.exportJobs,
          company.teams,
        ]) {
          expect(own(list)).toBe(true);
        }
      });

      it("references only its own master data from accounting entries", () => {
        const accounts = ids(company.accounts);
        const taxCodes = ids(company.taxCodes);
        const employees = ids(company.employees);
        const teams = ids(company.teams);
        const groups = ids(company.tagGroups);
        const tags = ids(company.tags);
        const externalIds = new Set(company.vendors.map((v) => v.externalId).filter(Boolean));
        for (const entry of company.accountingEntries) {
          const lines = [entry, ...entry.splitItems];
          for (const line of lines) {
            if (line.accountId && line.accountId !== NIL_UUID)
              expect(accounts.has(line.accountId)).toBe(true);
            if (line.taxCodeId) expect(taxCodes.has(line.taxCodeId)).toBe(true);
            for (const tag of line.tags) {
              expect(groups.has(tag.tagGroupId)).toBe(true);
              if (tag.tagId) expect(tags.has(tag.tagId)).toBe(true);
            }
          }
          if (entry.employeeId) expect(employees.has(entry.employeeId)).toBe(true);
          if (entry.teamId) expect(teams.has(entry.teamId)).toBe(true);
          if (entry.supplier?.externalSupplierId)
            expect(externalIds.has(entry.supplier.externalSupplierId)).toBe(true);
          if (entry.accountCode) {
            expect(company.accounts.find((a) => a.id === entry.accountId)?.code).toBe(entry.accountCode);
          }
          expect(entry.performedAt <= SEED_REFERENCE_TIME).toBe(true);
        }
      });

      it("links most entries to a vendor, splits a few, spans a year and several currencies", () => {
        const entries = company.accountingEntries;
        const linked = entries.filter((e) => e.supplier?.externalSupplierId).length;
        expect(linked / entries.length).toBeGreaterThan(0.5);
        expect(entries.filter((e) => e.splitItems.length > 0).length).toBeGreaterThan(0);
        const currencies = new Set(entries.map((e) => e.transactionValue.currency));
        expect(currencies.has(identity.currency)).toBe(true);
        expect(currencies.size).toBeGreaterThan(1);
        const times = entries.map((e) => Date.parse(e.performedAt));
        expect((Math.max(...times) - Math.min(...times)) / 86_400_000).toBeGreaterThan(300);
        expect(new Set(entries.map((e) => e.family)).size).toBeGreaterThanOrEqual(10);
        for (const entry of entries) {
          if (entry.splitItems.length === 0) continue;
          const sum = entry.splitItems.reduce(
            (total, split) => total + (split.transactionValue?.minors ?? 0),
            0,
          );
          expect(sum).toBe(entry.transactionValue.minors);
        }
      });

      it("has export jobs in every state whose items point at its own exportable entries", () => {
        expect(new Set(company.exportJobs.map((j) => j.status))).toEqual(
          new Set(["pending", "in_progress", "completed", "completed_with_errors", "failed"]),
        );
        const entries = new Map(company.accountingEntries.map((e) => [e.id, e]));
        for (const job of company.exportJobs) {
          const items = company.exportJobItems.filter((item) => item.exportJobId === job.id);
          expect(items).toHaveLength(job.numberOfItems);
          expect(items.length).toBeGreaterThan(0);
          for (const item of items) expect(entries.get(item.accountingEntryId)?.status).toMatch(/^COMPLETED/);
          expect(company.exportItemsByJob[job.id]).toHaveLength(items.length);
        }
      });

      it("uses the country's real VAT rates", () => {
        const rates = new Set(company.taxCodes.map((t) => t.rate));
        const expected = {
          NL: [0.21, 0.09, 0],
          DE: [0.19, 0.07, 0],
          BE: [0.21, 0.12, 0.06, 0],
          GB: [0.2, 0.05, 0],
        }[identity.country];
        for (const rate of expected) expect(rates.has(rate)).toBe(true);
        expect(company.taxCodes.some((t) => t.type === "reverse")).toBe(true);
        const codes = new Set(company.taxCodes.map((t) => t.code));
        const linked = company.accounts.filter((a) => a.taxCodeExternalId);
        expect(linked.length).toBeGreaterThan(10);
        for (const account of linked) expect(codes.has(account.taxCodeExternalId ?? "")).toBe(true);
      });
    });
  }

  it("keeps each company recognisable: local account names", () => {
    expect(seededCompany("lcb-nl").accounts.map((a) => `${a.code} ${a.name}`)).toContain("4000 Autokosten");
    expect(seededCompany("lcb-de").accounts.map((a) => `${a.code} ${a.name}`)).toContain("4200 Raumkosten");
    expect(seededCompany("lcb-be").accounts.map((a) => a.name)).toContain("Frais de restaurant");
    expect(seededCompany("alexey").accounts.map((a) => a.name)).toContain("Travel - National");
  });
});
