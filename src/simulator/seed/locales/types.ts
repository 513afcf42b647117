import type { TaxCodeType } from "../../models/tax-code.ts";
import type { VendorState } from "../../models/vendor.ts";

/**
 * What a company spends money on. Each category ties together an expense account in the local chart of
 * accounts, the VAT treatment, a merchant category code and a realistic amount range, so that a generated
 * entry for a Dutch train ticket lands on "4310 Reiskosten openbaar vervoer" with 9 % BTW.
 */
export type SpendCategory =
  | "travel"
  | "hotel"
  | "taxi"
  | "fuel"
  | "parking"
  | "meals"
  | "entertainment"
  | "office"
  | "shipping"
  | "telecom"
  | "software"
  | "hosting"
  | "subscriptions"
  | "equipment"
  | "advertising"
  | "training"
  | "consulting"
  | "rent"
  | "bank";

/** Account roles beyond spend categories: where non-purchase families (mileage, wallet top-ups, …) book. */
export type AccountRole =
  | SpendCategory
  | "mileage"
  | "per_diem"
  | "interest"
  | "cashback"
  | "wallet"
  | "contra"
  | "suspense";

export interface LocaleAccount {
  readonly code: string;
  readonly name: string;
  readonly role?: AccountRole;
  readonly archived?: boolean;
}

export interface LocaleTaxCode {
  readonly code: string;
  readonly name: string;
  /** Fraction, as Pleo stores it: 0.21 is 21 %. */
  readonly rate: number;
  readonly type: TaxCodeType;
  readonly archived?: boolean;
  readonly ingoingTaxAccount?: string;
  readonly outgoingTaxAccount?: string;
}

export interface LocaleTagGroup {
  readonly code: string;
  readonly name: string;
  readonly tags: readonly { readonly code: string; readonly name: string; readonly archived?: boolean }[];
}

export interface LocaleVendor {
  readonly name: string;
  readonly category: SpendCategory;
  /** ISO 3166 alpha-2; defaults to the company's country. */
  readonly country?: string;
  /** ISO 4217; defaults to the company's currency. */
  readonly currency?: string;
  /** Defaults to ACTIVE. DRAFT vendors are not yet in the ERP, so they have no externalId or code. */
  readonly state?: VendorState;
}

export interface LocaleEmployee {
  readonly firstName: string;
  readonly lastName: string;
  readonly jobTitle: string;
}

/** Everything that makes one company's data recognisably its own: language, chart, VAT, suppliers, people. */
export interface CompanyLocale {
  /** Lower-case ERP name reported on vendors and tax codes (`accountingSystem`). */
  readonly accountingSystem: string;
  /** Base URL of the ERP, used for the `externalUrl` of exported job items. */
  readonly erpUrl: string;
  readonly emailDomain: string;
  /** Formats a phone number from a seeded 8-digit number. */
  readonly phone: (digits: string) => string;
  /** Vendor supplier number in the ERP (`code`), by vendor position. */
  readonly vendorCode: (index: number) => string;
  /** Vendor id in the ERP (`externalId`); `fallback` is a deterministic GUID for ERPs that use one. */
  readonly vendorExternalId: (index: number, code: string, fallback: string) => string;
  /** Account id in the ERP (`externalId`). */
  readonly accountExternalId: (code: string, fallback: string) => string;
  /** Formats a VAT number from a seeded 9-digit number, for vendors of the given country. */
  readonly vatNumber: (country: string, digits: string) => string;
  /** Formats a company registration number from a seeded 8-digit number. */
  readonly registrationNumber: (digits: string) => string;
  readonly accounts: readonly LocaleAccount[];
  readonly taxCodes: readonly LocaleTaxCode[];
  /** Tax code (by `code`) that applies to a domestic purchase in each category. */
  readonly categoryTax: Readonly<Record<SpendCategory, string>>;
  /** Tax code for services bought from abroad (reverse charge). */
  readonly reverseChargeTax: string;
  /** Tax code for purchases that carry no domestic VAT (abroad, allowances, transfers). */
  readonly noVatTax: string;
  readonly tagGroups: readonly LocaleTagGroup[];
  readonly vendors: readonly LocaleVendor[];
  readonly employees: readonly LocaleEmployee[];
  readonly teams: readonly { readonly code: string; readonly name: string }[];
  /** Free-text notes employees put on their expenses, in the local language. */
  readonly notes: readonly string[];
}
