import type { AccountModel } from "../models/account.ts";
import type { CompanyModel } from "../models/company.ts";
import type { EmployeeModel } from "../models/employee.ts";
import type { TagGroupModel, TagModel } from "../models/tag.ts";
import type { TaxCodeModel } from "../models/tax-code.ts";
import type { TeamModel } from "../models/team.ts";
import type { VendorModel } from "../models/vendor.ts";
import { addDays, beforeReference, isoSeconds } from "./clock.ts";
import type { SimCompanyIdentity } from "./identities.ts";
import { seededUuid } from "./ids.ts";
import type { CompanyLocale } from "./locales/types.ts";
import { Prng } from "./prng.ts";

/**
 * Master data of one company: the company itself, teams, employees, chart of accounts, tax codes, tag groups
 * with their tags, and vendors. Each kind draws from its own PRNG stream keyed by the company slug.
 */
export interface MasterData {
  readonly company: CompanyModel;
  readonly teams: TeamModel[];
  /** Team of each employee (by employee id); entries inherit it as `teamId`. */
  readonly employeeTeams: Map<string, string>;
  readonly employees: EmployeeModel[];
  readonly accounts: AccountModel[];
  readonly contraAccountId: string;
  readonly categoryAccountIds: string[];
  readonly taxCodes: TaxCodeModel[];
  readonly tagGroups: TagGroupModel[];
  readonly tags: TagModel[];
  readonly vendors: VendorModel[];
}

export function generateMasterData(identity: SimCompanyIdentity, locale: CompanyLocale): MasterData {
  const teams = locale.teams.map((team) => ({
    id: seededUuid("team", identity.id, team.code),
    companyId: identity.id,
    name: team.name,
    code: team.code,
  }));
  const { employees, employeeTeams } = generateEmployees(identity, locale, teams);
  const accounts = generateAccounts(identity, locale);
  const contraIndex = locale.accounts.findIndex((account) => account.role === "contra");
  const contra = accounts[contraIndex];
  if (!contra)
    throw new Error(`${identity.slug}: the chart of accounts needs a Pleo wallet (contra) account`);
  return {
    company: companyModel(identity),
    teams,
    employeeTeams,
    employees,
    accounts,
    contraAccountId: contra.id,
    // Pleo's expense categories point at the spend accounts (the ones with a spend category role).
    categoryAccountIds: locale.accounts.flatMap((account, index) => {
      const model = accounts[index];
      return model && account.role !== undefined && account.role in locale.categoryTax && !account.archived
        ? [model.id]
        : [];
    }),
    taxCodes: generateTaxCodes(identity, locale),
    ...generateTags(identity, locale),
    vendors: generateVendors(identity, locale),
  };
}

function companyModel(identity: SimCompanyIdentity): CompanyModel {
  const { address } = identity;
  return {
    id: identity.id,
    name: identity.name,
    address: {
      addressLine1: address.addressLine1,
      ...(address.addressLine2 === undefined ? {} : { addressLine2: address.addressLine2 }),
      locality: address.locality,
      postalCode: address.postalCode,
      ...(address.region === undefined ? {} : { region: address.region }),
      country: address.country,
    },
    organizationId: identity.organisationId,
    registrationNumber: identity.registrationNumber,
  };
}

/** Lower-case ASCII for e-mail addresses: "Müller" → "muller", "van den Berg" → "vandenberg". */
function emailPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

function digits(rng: Prng, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}

function generateEmployees(
  identity: SimCompanyIdentity,
  locale: CompanyLocale,
  teams: readonly TeamModel[],
): { employees: EmployeeModel[]; employeeTeams: Map<string, string> } {
  const rng = new Prng(`${identity.slug}/employees`);
  const employeeTeams = new Map<string, string>();
  const employees = locale.employees.map((person, index): EmployeeModel => {
    const id = seededUuid("employee", identity.id, String(index));
    employeeTeams.set(id, rng.pick(teams).id);
    // A couple of employees were never given an HR code or a phone number, as in real directories.
    const hasCode = index % 7 !== 6;
    const hasPhone = rng.chance(0.8);
    return {
      id,
      companyId: identity.id,
      email: `${emailPart(person.firstName)}.${emailPart(person.lastName)}@${locale.emailDomain}`,
      firstName: person.firstName,
      lastName: person.lastName,
      jobTitle: person.jobTitle,
      ...(hasCode ? { code: `${identity.country}-${1001 + index}` } : {}),
      ...(hasPhone ? { phone: locale.phone(digits(rng, 8)) } : {}),
    };
  });
  return { employees, employeeTeams };
}

function generateAccounts(identity: SimCompanyIdentity, locale: CompanyLocale): AccountModel[] {
  const rng = new Prng(`${identity.slug}/accounts`);
  return locale.accounts.map((account): AccountModel => {
    const role = account.role;
    const taxCode =
      role !== undefined && role in locale.categoryTax
        ? locale.categoryTax[role as keyof typeof locale.categoryTax]
        : null;
    const isBank = role === "wallet" || role === "contra";
    return {
      id: seededUuid("account", identity.id, account.code),
      companyId: identity.id,
      externalId: locale.accountExternalId(
        account.code,
        seededUuid("account-external", identity.id, account.code),
      ),
      name: account.name,
      archived: account.archived ?? false,
      code: account.code,
      taxCodeExternalId: taxCode,
      metadata: isBank
        ? { bankAccount: { currency: identity.currency, lastFourDigits: digits(rng, 4) } }
        : null,
    };
  });
}

function generateTaxCodes(identity: SimCompanyIdentity, locale: CompanyLocale): TaxCodeModel[] {
  return locale.taxCodes.map((taxCode, index): TaxCodeModel => {
    const created = beforeReference(720 - index * 3, 60 * 9);
    // Archived codes were touched when they were retired; the others last when the ERP sync ran.
    const updated = taxCode.archived ? addDays(created, 200) : beforeReference(40 - index, 60 * 3);
    return {
      id: seededUuid("tax-code", identity.id, taxCode.code),
      companyId: identity.id,
      name: taxCode.name,
      rate: taxCode.rate,
      type: taxCode.type,
      archived: taxCode.archived ?? false,
      createdAt: isoSeconds(created),
      updatedAt: isoSeconds(updated),
      code: taxCode.code,
      ingoingTaxAccount: taxCode.ingoingTaxAccount ?? null,
      outgoingTaxAccount: taxCode.outgoingTaxAccount ?? null,
      accountingIntegrationSystem: locale.accountingSystem,
    };
  });
}

function generateTags(
  identity: SimCompanyIdentity,
  locale: CompanyLocale,
): { tagGroups: TagGroupModel[]; tags: TagModel[] } {
  const tagGroups: TagGroupModel[] = [];
  const tags: TagModel[] = [];
  locale.tagGroups.forEach((group, groupIndex) => {
    const groupId = seededUuid("tag-group", identity.id, group.code);
    const created = beforeReference(600 - groupIndex * 20, 60 * 10);
    tagGroups.push({
      id: groupId,
      companyId: identity.id,
      code: group.code,
      name: group.name,
      archived: false,
      metadata: { source: locale.accountingSystem, externalDimension: group.code.toLowerCase() },
      createdAt: isoSeconds(created),
      updatedAt: isoSeconds(addDays(created, 30)),
    });
    group.tags.forEach((tag, tagIndex) => {
      const tagCreated = addDays(created, 1 + tagIndex * 11);
      tags.push({
        id: seededUuid("tag", groupId, tag.code),
        groupId,
        code: tag.code,
        name: tag.name,
        archived: tag.archived ?? false,
        createdAt: isoSeconds(tagCreated),
        updatedAt: isoSeconds(tag.archived ? addDays(tagCreated, 150) : tagCreated),
      });
    });
  });
  return { tagGroups, tags };
}

const VAT_COUNTRIES = new Set(["NL", "DE", "BE", "GB", "IE", "LU", "SE", "DK", "CZ", "FR"]);

function generateVendors(identity: SimCompanyIdentity, locale: CompanyLocale): VendorModel[] {
  const rng = new Prng(`${identity.slug}/vendors`);
  return locale.vendors.map((vendor, index): VendorModel => {
    const country = vendor.country ?? identity.country;
    const state = vendor.state ?? "ACTIVE";
    const code = locale.vendorCode(index);
    const created = beforeReference(rng.int(380, 800), rng.int(0, 600));
    const updated =
      state === "ARCHIVED" ? beforeReference(rng.int(120, 300)) : addDays(created, rng.int(0, 200));
    const inErp = state !== "DRAFT";
    return {
      id: seededUuid("vendor", identity.id, vendor.name),
      companyId: identity.id,
      name: vendor.name,
      defaultCurrency: vendor.currency ?? identity.currency,
      state,
      ...(inErp
        ? {
            code,
            externalId: locale.vendorExternalId(
              index,
              code,
              seededUuid("vendor-external", identity.id, vendor.name),
            ),
            accountingSystem: locale.accountingSystem,
          }
        : {}),
      country,
      ...(country === identity.country
        ? { registrationNumber: locale.registrationNumber(digits(rng, 8)) }
        : {}),
      ...(VAT_COUNTRIES.has(country)
        ? { taxRegistrationNumber: locale.vatNumber(country, digits(rng, 9)) }
        : {}),
      createdAt: isoSeconds(created),
      updatedAt: isoSeconds(updated),
    };
  });
}
